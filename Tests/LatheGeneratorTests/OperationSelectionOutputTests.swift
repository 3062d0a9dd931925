import Foundation
import LatheGenerator
import LatheIR
import Testing

/// Selected operations (`--operation`) generate exactly the types they reach, and that code compiles.
struct OperationSelectionOutputTests {
    /// Components the selected operations do not use (a response, its schema) stay out; a shared
    /// response's header they do use stays in; a type declared inside an `allOf` base that several
    /// types merge is declared in the one they reach, which does not bring the others.
    static let sharing = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /users/{id}:
            get:
              operationId: getUser
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/UserMini'}}}}
                '429': {$ref: '#/components/responses/Limited'}
          /users:
            get:
              operationId: listUsers
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/User'}}}}}
                '400': {$ref: '#/components/responses/Invalid'}
                '429': {$ref: '#/components/responses/Limited'}
        components:
          responses:
            Limited:
              description: slow down
              headers:
                X-Limit-Scope: {schema: {type: string, enum: [user, app]}}
            Invalid:
              description: bad
              content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}
          schemas:
            UserBase: {type: object, required: [type], properties: {type: {type: string, enum: [user]}}}
            User:
              allOf:
                - $ref: '#/components/schemas/UserBase'
                - {type: object, properties: {email: {$ref: '#/components/schemas/Email'}}}
            UserMini:
              allOf:
                - $ref: '#/components/schemas/UserBase'
                - {type: object, properties: {name: {type: string}}}
            Email: {type: object, properties: {address: {type: string}}}
            Problem: {type: object, properties: {title: {type: string}}}
        """

    func generate(_ selectors: [String]) -> GenerationResult {
        var options = GeneratorOptions()
        options.operations = selectors
        return Generator.generate(bytes: Array(Self.sharing.utf8), path: "spec.yaml", options: options)
    }

    /// The top-level types, and the type each nested one is declared in.
    func types(_ result: GenerationResult) throws -> (names: [String], nestedIn: [String: String]) {
        let module = try #require(result.module)
        var nestedIn: [String: String] = [:]
        for id in module.topLevel {
            for nested in module[id].nested { nestedIn[module[nested].name.swift] = module[id].name.swift }
        }
        return (module.topLevel.map { module[$0].name.swift }.sorted(), nestedIn)
    }

    @Test func onlyWhatTheSelectedOperationsUseIsGenerated() throws {
        let all = try types(generate([]))
        #expect(all.names == ["Email", "LimitedResponseXLimitScope", "Problem", "User", "UserBase", "UserMini"])
        #expect(all.nestedIn["TypeModel"] == "UserBase")
        #expect(try types(generate(["listUsers"])).names == ["Email", "LimitedResponseXLimitScope", "Problem", "User"])

        let one = generate(["getUser"])
        let selected = try types(one)
        #expect(selected.names == ["LimitedResponseXLimitScope", "UserMini"])
        #expect(selected.nestedIn["TypeModel"] == "UserMini")
        let (folder, paths) = try writeToTemporaryFolder(one.files, label: "selection")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}
