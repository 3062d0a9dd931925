import LatheOpenAPI
import Testing

@testable import LatheIR

/// A selection of operations lowers the document a second time only where that can move a shared
/// declaration into a type it keeps; and questions about a type that alternatives referring to
/// each other reach end.
struct SecondLoweringTests {
    static let header = """
        openapi: 3.1.0
        info: {title: T, version: '1'}

        """

    /// Whether selecting `op` lowers twice, and the names of the top-level types it generates.
    func select(_ paths: String, _ schemas: String) throws -> (twice: Bool, types: [String]) {
        let yaml = Self.header + paths + "\ncomponents:\n  schemas:\n" + schemas
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let document = try #require(loaded.document)
        let lowerer = Lowerer(document: document, specName: "spec.yaml", selection: OperationSelection(["op"]))
        _ = lowerer.run()
        let module = Lowering.lower(document, specName: "spec.yaml", selection: OperationSelection(["op"])).module
        return (lowerer.usesDeclarationsOfUnreached, module.topLevel.map { module[$0].name.swift }.sorted())
    }

    func answering(_ schema: String) -> String {
        "paths:\n  /x:\n    get:\n      operationId: op\n      responses:\n"
            + "        '200': {description: ok, content: {application/json: {schema: \(schema)}}}\n"
    }

    static let base = "    Base: {type: object, properties: {kind: {type: string, enum: [a, b]}}}\n"
    static let full =
        "    Full: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {more: {type: string}}}]}\n"
    static let mini =
        "    Mini: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {name: {type: string}}}]}\n"

    /// Where the enum is declared in a type the operation does not reach (`Base` first, or `Full`
    /// first as in Box's spec, or the items of an array component), it lowers twice and the
    /// enum moves into `Mini`; where nothing can move, once.
    @Test func twiceOnlyWhereThatMovesADeclaration() throws {
        let mini = answering("{$ref: '#/components/schemas/Mini'}")
        #expect(try select(mini, Self.base + Self.full + Self.mini) == (true, ["Mini"]))
        #expect(try select(mini, Self.full + Self.mini + Self.base) == (true, ["Mini"]))
        let list =
            "    List: {type: array, items: {allOf: [{$ref: '#/components/schemas/Base'}, "
            + "{type: object, properties: {m: {type: string}}}]}}\n"
        #expect(try select(mini, list + Self.mini + Self.base) == (true, ["Mini"]))
        // What the operation reaches declares it: nothing to move.
        #expect(
            try select(answering("{$ref: '#/components/schemas/Base'}"), Self.base + Self.mini) == (false, ["Base"]))
        // The operation's own allOf over the base: its type is lowered after every component.
        let inline = answering(
            "{allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {n: {type: string}}}]}")
        #expect(try select(inline, Self.base + Self.mini).twice == false)
        // A multipart body's object is kept for its parts' types, which are declared in it.
        let multipart = """
            paths:
              /x:
                post:
                  operationId: op
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {kind: {type: string, enum: [k1, k2]}}}
                  responses: {'204': {description: ok}}
            """
        #expect(try select(multipart, Self.base).twice == false)
    }

    /// Alternatives that refer to each other, and a default on a property of their type: asking
    /// whether the default fits (or could be an object) ended only at a type not lowered yet, and
    /// recursed without end (a crash) when both were declared before the property.
    @Test func aDefaultOnAlternativesThatReferToEachOtherEnds() throws {
        for defaultValue in ["{}", "1.5", "[x]"] {
            let yaml =
                Self.header + """
                    paths: {}
                    components:
                      schemas:
                        Node: {anyOf: [{type: string}, {$ref: '#/components/schemas/Group'}]}
                        Group: {oneOf: [{$ref: '#/components/schemas/Node'}, {type: integer}]}
                        Loop: {anyOf: [{$ref: '#/components/schemas/Loop'}, {type: boolean}]}
                        A:
                          type: object
                          properties:
                            p: {$ref: '#/components/schemas/Node', default: \(defaultValue)}
                            q: {$ref: '#/components/schemas/Loop', default: \(defaultValue)}
                    """
            let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
            let (module, _) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
            #expect(module.topLevel.contains { module[$0].name.swift == "A" })
        }
    }
}
