import LatheIR
import LatheOpenAPI
import Testing

/// Generating only the operations a user calls: by operationId, tag, path or method and path,
/// with exactly the types they reach.
struct OperationSelectionTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}}
            post:
              operationId: createPet
              tags: [pets]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/NewPet'}}}}
              responses: {'201': {description: created}}
          /stores/{id}:
            get:
              operationId: getStore
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Store'}}}}}
        components:
          schemas:
            Pet: {type: object, properties: {name: {type: string}, owner: {$ref: '#/components/schemas/Owner'}}}
            Owner: {type: object, properties: {name: {type: string}}}
            NewPet: {type: object, properties: {name: {type: string}}}
            Store: {type: object, properties: {address: {type: string}}}
            Unused: {type: string}
        """

    func lower(_ selectors: [String]) throws -> (operations: [String], types: [String], diagnostics: [String]) {
        let loaded = OpenAPILoader.load(bytes: Array(Self.spec.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(
            try #require(loaded.document), specName: "spec.yaml", selection: OperationSelection(selectors))
        return (
            module.operations.map(\.operationID), module.topLevel.map { module[$0].name.swift }.sorted(),
            diagnostics.all.map(\.description)
        )
    }

    @Test func everythingWithoutASelection() throws {
        let all = try lower([])
        #expect(all.operations == ["listPets", "createPet", "getStore"])
        #expect(all.types == ["NewPet", "Owner", "Pet", "Store", "Unused"])
    }

    @Test func eachKindOfSelectorPicksItsOperationsAndTheTypesTheyReach() throws {
        let byID = try lower(["listPets"])
        #expect(byID.operations == ["listPets"])
        #expect(byID.types == ["Owner", "Pet"])
        #expect(byID.diagnostics == [])
        #expect(try lower(["tag:pets"]).operations == ["listPets", "createPet"])
        #expect(try lower(["tag:pets"]).types == ["NewPet", "Owner", "Pet"])
        #expect(try lower(["/stores/{id}"]).operations == ["getStore"])
        #expect(try lower(["/stores/{id}"]).types == ["Store"])
        #expect(try lower(["post /pets"]).operations == ["createPet"])
        #expect(try lower(["getStore", "createPet"]).operations == ["createPet", "getStore"])
    }

    /// A path written Express's way (`/owners/:ownerId`) is read as its template; a selector may
    /// name either spelling.
    @Test func aPathWrittenWithColonsIsSelectedByEitherSpelling() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /owners/:ownerId:
                get:
                  operationId: getOwner
                  parameters: [{name: ownerId, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: done}}
              /other:
                get: {operationId: other, responses: {'204': {description: done}}}
            """
        let document = try #require(OpenAPILoader.load(bytes: Array(spec.utf8), path: "spec.yaml").document)
        for selector in ["/owners/:ownerId", "/owners/{ownerId}", "GET /owners/:ownerId", "get /owners/{ownerId}"] {
            let module = Lowering.lower(document, specName: "spec.yaml", selection: OperationSelection([selector]))
                .module
            #expect(module.operations.map(\.operationID) == ["getOwner"], "\(selector)")
            #expect(module.operations.map(\.path) == ["/owners/{ownerId}"], "\(selector)")
        }
    }

    @Test func aSelectorThatMatchesNothingIsAWarning() throws {
        let result = try lower(["listPets", "tag:cats"])
        #expect(result.operations == ["listPets"])
        #expect(
            result.diagnostics == [
                "spec.yaml:1:1: warning: the operation selector 'tag:cats' matches no operation (an operationId, "
                    + "tag:NAME, a path such as /pets/{id}, or METHOD /path) [selection-matches-nothing]"
            ])
    }
}
