import Foundation
import LatheGenerator
import Testing

/// `lathe generate` reads past the defects real specs publish: each is a warning at its place that
/// says what Lathe assumed, and the code generated follows that reading and compiles. `--strict`
/// (and `lathe validate`) still report them as errors. The fixture has one defect of each kind.
struct DefectReadingTests {
    static let spec = "Tests/Fixtures/defects/api.yaml"

    static func generate(strict: Bool = false) -> GenerationResult {
        var options = GeneratorOptions()
        options.strict = strict
        // Not one of the fixture's defects: its operations document no 400, on purpose.
        options.silencedWarnings = ["bad-request-undocumented"]
        return Generator.generate(path: repositoryRoot + "/" + spec, displayPath: spec, options: options)
    }

    @Test func eachDefectIsAWarningSayingWhatLatheAssumed() {
        let result = Self.generate()
        #expect(!result.diagnostics.hasErrors)
        let printed = result.diagnostics.sorted.map(\.description)
        #expect(
            printed == [
                "\(Self.spec):7:23: warning: OpenAPI does not allow a $ref for description; "
                    + "Lathe uses what it points at [ref-not-allowed-here]",
                "\(Self.spec):11:17: warning: OpenAPI does not allow a $ref for an operation; "
                    + "Lathe uses what it points at [ref-not-allowed-here]",
                "\(Self.spec):13:5: warning: GET /things/{id} does not declare the path parameter 'id'; "
                    + "add a parameter with name: id, in: path, required: true; "
                    + "Lathe treats it as a required string path parameter [path-parameter-undeclared]",
                "\(Self.spec):16:18: warning: 'parameters' has no value; "
                    + "Lathe reads it as if it were absent [empty-value]",
                "\(Self.spec):22:13: warning: 'json' is not a media type; "
                    + "expected one like application/json or text/plain; "
                    + "Lathe reads it as application/json [not-a-media-type]",
                "\(Self.spec):24:3: warning: path '/things/{name}' is the same template as '/things/{id}' with "
                    + "other parameter names; OpenAPI does not allow both; Lathe generates both in the client; "
                    + "a server routes a method both define to '/things/{id}' [identical-path-templates]",
                "\(Self.spec):36:11: warning: security requirement names 'undefinedScheme', "
                    + "which is not defined in components/securitySchemes (defined: oauth2); "
                    + "Lathe leaves the scheme to the transport, and a generated server admits no request on it "
                    + "without a check you supply [security-scheme-undefined]",
                "\(Self.spec):37:19: warning: the scopes of security scheme 'oauth2' must be a list (use [] for "
                    + "none), but this is null; Lathe reads it as [] (no scopes) [security-scopes-invalid]",
                "\(Self.spec):40:3: warning: path '/things/:id/parts' writes its parameters as ':id', as Express does; OpenAPI "
                    + "path templates write them as '{id}'; Lathe reads the path as '/things/{id}/parts' "
                    + "[path-template-colon]",
                "\(Self.spec):58:36: warning: 'format' has no value; Lathe reads it as if it were absent [empty-value]",
                "\(Self.spec):59:30: warning: the type list holds YAML's null value, not the string \"null\"; "
                    + "Lathe reads it as \"null\" [type-null-unquoted]",
                "\(Self.spec):60:62: warning: in OpenAPI 3.1 exclusiveMinimum is the bound itself (a number), "
                    + "not true or false; Lathe reads it as OpenAPI 3.0 does: the minimum beside it is exclusive "
                    + "[exclusive-bound-boolean]",
                "\(Self.spec):61:25: warning: '#/components/schemas/Nowhere' points at nothing: "
                    + "'/components/schemas' has no 'Nowhere'; "
                    + "Lathe generates the value as any JSON value (JSONValue) [ref-unresolved]",
                "\(Self.spec):72:31: warning: this example gives 'canceledBy' as null, which its schema does "
                    + "not allow; Lathe reads the property as nullable, as the example shows it [example-null]",
                "\(Self.spec):77:5: warning: duplicate key 'Label' in this mapping (first defined at line 76, "
                    + "column 5); YAML and JSON keys must be unique; Lathe reads the last value, as JSON parsers do "
                    + "[duplicate-key]",
                "Tests/Fixtures/defects/resources/list-things.yaml:2:21: warning: "
                    + "OpenAPI does not allow a $ref for description; "
                    + "Lathe uses what it points at [ref-not-allowed-here]",
            ])
    }

    @Test func strictRefusesThemAsErrors() {
        let result = Self.generate(strict: true)
        #expect(result.diagnostics.errors.count == 15)
        // Lowering's readings stay warnings: `lathe validate` reports the document's defects.
        #expect(result.diagnostics.warnings.map(\.kind) == ["example-null"])
        #expect(result.diagnostics.errors.allSatisfy { $0.reading != nil && $0.kind != nil })
    }

    @Test func silencedKindsAreLeftOut() {
        var options = GeneratorOptions()
        options.silencedWarnings = ["ref-not-allowed-here", "empty-value", "bad-request-undocumented"]
        let result = Generator.generate(
            path: repositoryRoot + "/" + Self.spec, displayPath: Self.spec, options: options)
        #expect(result.diagnostics.warnings.count == 11)
        #expect(!result.diagnostics.all.contains { $0.kind == "ref-not-allowed-here" || $0.kind == "empty-value" })
    }

    @Test func theCodeFollowsEachReadingAndCompiles() throws {
        let result = Self.generate()
        let file = { (name: String) in result.files.first { $0.name == name }?.contents ?? "" }
        let client = file("Client.swift"), server = file("Server.swift"), types = file("Types_T.swift")
        // The operation from another file, with its parameters and its described text.
        #expect(client.contains("public func listThings(limit: Swift.Int? = nil)"))
        #expect(client.contains("/// Things, described in a file of their own."))
        // The undeclared {id} is a required string; the non-media-type key is JSON.
        #expect(client.contains("public func getThing(id: Swift.String)"))
        #expect(file("Operations.swift").contains("case json(Thing)"))
        // Both identical templates in the client; the server registers only the first.
        #expect(client.contains("public func getThingByName(name: Swift.String)"))
        #expect(server.contains("// GET /things/{name} has the route of another operation, which is registered"))
        #expect(server.components(separatedBy: "try transport.register(").count == 5)
        // `:id`, which a path parameter names, is the template's `{id}`, in the client and the server.
        #expect(client.contains("public func listParts(id: Swift.Int)"))
        #expect(client.contains("\"/things/{id}/parts\""))
        #expect(server.contains("path: prefix + \"/things/{id}/parts\""))
        // An undefined scheme admits no request without a check the server supplies; `oauth2: ~` still needs the token.
        #expect(
            server.contains(
                "case \"undefinedScheme\":\n            guard let verifier = undefinedScheme else { return nil }"))
        #expect(client.contains("alternatives: [[\"undefinedScheme\"], [\"oauth2\"]]"))
        // Schema readings: empty format, YAML-null type, 3.0-style bound, unresolved ref.
        #expect(types.contains("public var id: Swift.String\n"))
        #expect(types.contains("public var tags: LatheRuntime.Nullable<[Swift.String]>?"))
        #expect(types.contains("exclusiveMinimum: \"1\""))
        #expect(types.contains("public var missing: LatheRuntime.JSONValue?"))
        #expect(types.contains("public var canceledBy: Swift.Int?"))
        // A key said twice: its last value.
        #expect(file("Types_L.swift").contains("public typealias Label = Swift.String"))
        // Literal data is left alone: a property named `$ref`, examples and extensions holding one.
        #expect(types.contains("forKey: \"$ref\""))
        #expect(types.contains("- Example: `{\"$ref\":\"#/not/followed\"}`"))

        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "defects")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}
