import Foundation
import LatheGenerator
import Testing

/// Constructs whose cost in the Swift compiler grows faster than their size
/// (`scripts/benchmark-shapes.py --compile` times them): generated at sizes real specs can reach,
/// they must still compile, without warnings.
struct WideShapeTests {
    private func generate(_ document: [String: Any]) throws -> GenerationResult {
        let bytes = try JSONSerialization.data(withJSONObject: document)
        let result = Generator.generate(bytes: [UInt8](bytes), path: "wide.json")
        #expect(!result.diagnostics.hasErrors)
        return result
    }

    /// Swift gives up checking a `switch` over about 650 enum cases with payloads for
    /// exhaustiveness, and that is an error; past 256 cases a union tests them with `if case`.
    /// Compiled to objects: a `default` instead would pass type-checking and fail here, as a
    /// warning that it "will never be executed".
    @Test func aOneOfOf700MembersCompiles() throws {
        var schemas: [String: Any] = [:]
        for index in 0 ..< 700 {
            schemas["A\(index)"] = [
                "type": "object", "required": ["x\(index)"], "properties": ["x\(index)": ["type": "string"]],
            ]
        }
        schemas["Union"] = ["oneOf": (0 ..< 700).map { ["$ref": "#/components/schemas/A\($0)"] }]
        let result = try generate([
            "openapi": "3.0.3", "info": ["title": "wide", "version": "1"], "paths": [:],
            "components": ["schemas": schemas],
        ])
        let union = try #require(result.files.first { $0.contents.contains("enum Union:") })
        #expect(!union.contents.contains("switch self"))
        #expect(union.contents.contains("if case .a699(let value) = self { try container.encode(value); return }"))

        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "wide-union")
        defer { try? FileManager.default.removeItem(at: folder) }
        let symbols = try SwiftCompiler.objectSymbols(paths, in: folder, flags: ["-warnings-as-errors"])
        #expect(symbols.status == 0, "\(symbols.output.prefix(4000))")
    }

    /// Type declarations nested in one another cost IRGen time that doubles with each level (30
    /// levels did not compile in 5 minutes); every 6 levels a type is declared in an extension
    /// of its parent at file scope. Generated in a namespace, which the extensions must name.
    @Test func objectsNested30DeepCompile() throws {
        var schema: [String: Any] = ["type": "string"]
        for level in 0 ..< 30 {
            schema = ["type": "object", "properties": ["level\(level)": schema, "v": ["type": "string"]]]
        }
        let bytes = try JSONSerialization.data(withJSONObject: [
            "openapi": "3.0.3", "info": ["title": "deep", "version": "1"], "paths": [:],
            "components": ["schemas": ["Deep": schema]],
        ])
        var options = GeneratorOptions()
        options.namespace = "Nest"
        let result = Generator.generate(bytes: [UInt8](bytes), path: "deep.json", options: options)
        #expect(!result.diagnostics.hasErrors)
        let types = result.files.map(\.contents).joined()
        #expect(types.contains("\nextension Nest.Deep.Level29.Level28.Level27.Level26.Level25 {\n"))
        #expect(types.components(separatedBy: "\nextension Nest.Deep.").count == 5)

        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "deep")
        defer { try? FileManager.default.removeItem(at: folder) }
        let symbols = try SwiftCompiler.objectSymbols(paths, in: folder, flags: ["-warnings-as-errors"])
        #expect(symbols.status == 0, "\(symbols.output.prefix(4000))")
    }

    /// A query parameter named `let`, `var` or `inout` labels an argument: at a call site only
    /// `inout` takes backticks, and escaping the others is a warning. An operation with 70 query
    /// parameters also stores them under `if let`, calls through a local function in the client
    /// and decodes each into its group in a statement of its own in the server; compiled to objects, so that
    /// definite initialization checks the initializers.
    @Test func manyParametersWithKeywordNamesCompileWithoutWarnings() throws {
        let names = ["let", "var", "inout", "default", "self", "Type"] + (0 ..< 64).map { "p\($0)" }
        let result = try generate([
            "openapi": "3.0.3", "info": ["title": "wide", "version": "1"],
            "paths": [
                "/things/{thing}": [
                    "get": [
                        "operationId": "listThings",
                        "parameters": names.map { ["name": $0, "in": "query", "schema": ["type": "string"]] } + [
                            ["name": "thing", "in": "path", "required": true, "schema": ["type": "string"]],
                            ["name": "id", "in": "query", "required": true, "schema": ["type": "string"]],
                            [
                                "name": "limit", "in": "query", "required": true,
                                "schema": ["type": "integer", "default": 10],
                            ],
                            ["name": "X-Trace", "in": "header", "schema": ["type": "string"]],
                        ],
                        "responses": ["204": ["description": "none"]],
                    ]
                ]
            ],
        ])
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        #expect(client.contains("let: `let`, var: `var`, `inout`: `inout`"))
        let operations = try #require(result.files.first { $0.name == "Operations.swift" }).contents
        #expect(operations.contains("if let p63 { self.p63 = p63 }"))
        #expect(client.contains("@Sendable func perform() async throws -> Operations.ListThings.Output {"))
        #expect(
            client.contains(
                "return try await LatheRuntime.ClientSupport.call(Operations.ListThings.id, configuration, perform)"))
        let server = try #require(result.files.first { $0.name == "Server.swift" }).contents
        // Made from its required parameters; those with a default are decoded into it after.
        #expect(server.contains("var query = Query(\n            id: try "))
        #expect(server.contains("query.limit = try "))
        #expect(server.contains("let path = Path(\n"))
        #expect(server.contains("query.`let` = try LatheRuntime.URIDecoding"))

        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "wide-parameters")
        defer { try? FileManager.default.removeItem(at: folder) }
        let symbols = try SwiftCompiler.objectSymbols(paths, in: folder, flags: ["-warnings-as-errors"])
        #expect(symbols.status == 0, "\(symbols.output.prefix(4000))")
    }
}
