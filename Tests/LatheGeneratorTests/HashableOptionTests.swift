import Foundation
import LatheGenerator
import Testing

/// `hashable: false` (`--no-hashable`) leaves `Hashable`, and with it `Equatable`, out of every
/// generated value, the types and the operations' inputs and outputs alike, and the code still
/// compiles: nothing generated or in the runtime needs them. The wire fixture has every kind of
/// declaration (objects, enums, unions, multipart, streams, events).
struct HashableOptionTests {
    @Test func leftOutEverywhereAndStillCompiles() throws {
        var options = GeneratorOptions()
        options.hashable = false
        let result = Generator.generate(
            path: repositoryRoot + "/Tests/Fixtures/wire/api.yaml", displayPath: "api.yaml", options: options)
        #expect(!result.diagnostics.hasErrors)
        let conforming = result.files.flatMap { file in
            file.contents.split(separator: "\n").filter { $0.contains("Hashable") }.map { "\(file.name): \($0)" }
        }
        // Only the server entries, a handful of values users pick from.
        #expect(
            conforming.allSatisfy { $0.contains("ServerURL") || $0.contains("Swift.String, Swift.Sendable") },
            "\(conforming.joined(separator: "\n"))")
        let hashed = Generator.generate(path: repositoryRoot + "/Tests/Fixtures/wire/api.yaml", displayPath: "api.yaml")
        let count = { (files: [GeneratedFile]) in
            files.map { $0.contents.components(separatedBy: "Swift.Hashable").count - 1 }.reduce(0, +)
        }
        #expect(count(hashed.files) > count(result.files) + 20, "by default, every value is Hashable")

        // `uniqueItems` over values that are no longer Hashable: checked by their JSON instead.
        let unique = Generator.generate(
            bytes: Array(
                """
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Tag: {type: object, properties: {name: {type: string}}}
                    Tagged: {type: object, properties: {tags: {type: array, uniqueItems: true, items: {$ref: '#/components/schemas/Tag'}}}}
                    Mode: {type: string, enum: [fast, slow]}
                    # A `const` of generated values compares with `==`: not checked without `Equatable`.
                    Modes: {type: array, items: {$ref: '#/components/schemas/Mode'}, const: [fast]}
                    Settings: {type: object, properties: {modes: {$ref: '#/components/schemas/Modes'}}}
                """.utf8), path: "unique.yaml", options: options)
        #expect(!unique.diagnostics.hasErrors)
        #expect(unique.files.contains { $0.contents.contains("Check.unique(") })
        for files in [result.files, unique.files] {
            let (folder, paths) = try writeToTemporaryFolder(files, label: "unhashable")
            defer { try? FileManager.default.removeItem(at: folder) }
            let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
            #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
        }
    }
}
