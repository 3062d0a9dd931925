import LatheOpenAPI
import Testing

@testable import LatheIR

/// What lowering decides about a schema does not depend on the order the document declares the
/// components it refers to; and a selection of operations lowers the document a second time only
/// where that can move a shared declaration into a type it keeps.
struct DeclarationOrderTests {
    static let header = """
        openapi: 3.1.0
        info: {title: T, version: '1'}

        """

    /// `schemas` with its entries in the order given (each entry one line, or lines that start
    /// with its name), and a path answering with `Account`.
    func lower(_ entries: [String], selecting selectors: [String] = []) throws -> (IRModule, [String]) {
        let yaml =
            Self.header + """
                paths:
                  /a:
                    get:
                      operationId: getAccount
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Account'}}}}
                components:
                  schemas:

                """ + entries.map { "    " + $0.replacingOccurrences(of: "\n", with: "\n    ") }.joined(separator: "\n")
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(
            try #require(loaded.document), specName: "spec.yaml", selection: OperationSelection(selectors))
        return (module, diagnostics.all.map { $0.kind ?? "" })
    }

    func properties(_ module: IRModule, of name: String) throws -> [IRProperty] {
        let type = try #require(module.types.first { $0.name.swift == name })
        guard case .object(let object) = type.kind else { throw Unexpected(kind: "\(type.kind)") }
        return object.properties
    }

    struct Unexpected: Error { var kind: String }

    /// A default on a reference to an enum: applied whether the enum comes before or after.
    @Test func aDefaultFitsAnEnumDeclaredLater() throws {
        let account = """
            Account:
              type: object
              properties:
                status: {$ref: '#/components/schemas/Status', default: active}
                tags: {type: array, items: {$ref: '#/components/schemas/Status'}, default: [active]}
            """
        let status = "Status: {type: string, enum: [active, closed]}"
        for order in [[account, status], [status, account]] {
            let (module, kinds) = try lower(order)
            #expect(!kinds.contains("default-does-not-fit"), "\(kinds)")
            let defaults = try properties(module, of: "Account").map { $0.defaultValue }
            #expect(defaults == [.string("active"), .array([.string("active")])])
        }
    }

    /// An `allOf` member that is alternatives lowering to no union (`oneOf: [string, null]`) is no
    /// object, declared before or after: warned about, not generated as a member that could never
    /// decode. With `getAccount` selected, and a shared declaration making Lathe lower twice, the same.
    @Test func anAllOfMemberThatIsNoObjectIsLeftOutWhereverItIsDeclared() throws {
        let account = """
            Account:
              allOf:
                - $ref: '#/components/schemas/Maybe'
                - {type: object, properties: {name: {type: string}}}
            """
        let maybe = "Maybe: {oneOf: [{type: string}, {type: 'null'}]}"
        for (order, selectors) in [
            ([account, maybe], []), ([maybe, account], []), ([maybe, account], ["getAccount"]),
        ] {
            let (module, kinds) = try lower(order, selecting: selectors)
            #expect(kinds.contains("allof-not-objects"), "\(kinds)")
            let account = try #require(module.types.first { $0.name.swift == "Account" })
            guard case .object(let object) = account.kind else { throw Unexpected(kind: "\(account.kind)") }
            #expect(object.composed.isEmpty)
        }
    }

    /// The second lowering runs where a reached component uses what an unreached one declares,
    /// not where a declaration's parent is kept for another reason (a multipart body's object,
    /// whose parts are what travels; an operation's own `allOf` over a base).
    @Test func aSelectionLowersTwiceOnlyWhereThatCanMoveADeclaration() throws {
        func lowersTwice(_ paths: String, _ schemas: String) throws -> Bool {
            let yaml = Self.header + paths + "\ncomponents:\n  schemas:\n" + schemas
            let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
            let lowerer = Lowerer(
                document: try #require(loaded.document), specName: "spec.yaml", selection: OperationSelection(["op"]))
            _ = lowerer.run()
            return lowerer.usesDeclarationsOfUnreached
        }
        let base = """
                Base: {type: object, properties: {kind: {type: string, enum: [a, b]}}}
                Full: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {more: {type: string}}}]}
                Mini: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {name: {type: string}}}]}
            """
        func answering(_ schema: String) -> String {
            "paths:\n  /x:\n    get:\n      operationId: op\n      responses:\n"
                + "        '200': {description: ok, content: {application/json: {schema: \(schema)}}}\n"
        }
        #expect(try lowersTwice(answering("{$ref: '#/components/schemas/Mini'}"), base))
        #expect(try !lowersTwice(answering("{$ref: '#/components/schemas/Base'}"), base))
        #expect(
            try !lowersTwice(
                answering(
                    "{allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {n: {type: string}}}]}"),
                base))
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
        #expect(try !lowersTwice(multipart, base))
    }
}
