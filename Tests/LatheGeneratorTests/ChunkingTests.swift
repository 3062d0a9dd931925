import Foundation
import LatheGenerator
import Testing

/// Big APIs put their operations, client methods and server handlers in files of 20 operations each,
/// so the Swift compiler can spread a build over cores and no single file dominates its memory.
struct ChunkingTests {
    /// A spec with `count` operations, each with a path parameter, a JSON body and a JSON response.
    static func spec(operations count: Int) -> String {
        let paths = (1 ... count).map { number in
            """
              /items\(number)/{id}:
                put:
                  operationId: update\(number)
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer}}
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Item'}
                  responses:
                    '200':
                      description: The item
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Item'}
            """
        }
        return """
            openapi: 3.1.0
            info: {title: Many, version: '1'}
            paths:
            \(paths.joined(separator: "\n"))
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name: {type: string}
            """
    }

    @Test(arguments: [nil, "Many"] as [String?])
    func fortyFiveOperationsMakeThreeFilesOfEachKindThatCompile(namespace: String?) throws {
        var options = GeneratorOptions(namespace: namespace)
        options.silencedWarnings = ["bad-request-undocumented"]  // its operations document no 400, on purpose
        let result = Generator.generate(
            bytes: Array(Self.spec(operations: 45).utf8), path: "many.yaml", options: options)
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
        let prefix = namespace.map { $0 + "_" } ?? ""
        let names = Set(result.files.map(\.name))
        for kind in ["Operations", "Client", "Server"] {
            #expect(
                names.isSuperset(of: ["\(prefix)\(kind).swift", "\(prefix)\(kind)_2.swift", "\(prefix)\(kind)_3.swift"]
                ), "\(names.sorted())")
            #expect(!names.contains("\(prefix)\(kind)_4.swift"))
            // 20, 20 and 5 operations: every operation's method is in exactly one client file.
            if kind == "Client" {
                let counts = ["", "_2", "_3"].map { suffix in
                    result.files.first { $0.name == "\(prefix)Client\(suffix).swift" }!.contents
                        .components(separatedBy: "func update").count - 1
                }
                #expect(counts == [40, 40, 10], "two methods per operation: input value and arguments")
            }
        }
        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "chunks")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(
            paths, flags: ["-default-isolation", "MainActor", "-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}
