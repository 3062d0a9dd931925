import Foundation
import LatheGenerator
import Testing

/// A relative server URL is relative to where the spec is served: its `ServerURL` member takes that
/// address, and the client's default stays the first absolute server.
struct RelativeServerTests {
    @Test func aRelativeFirstServerLeavesTheDefaultToTheFirstAbsoluteOne() throws {
        let result = Generator.generate(
            bytes: Array(
                """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                servers:
                  - {url: /control, description: Device}
                  - {url: 'https://api.example.com/v1', description: Production}
                  - url: '../{base}'
                    variables: {base: {default: v2}}
                paths:
                  /status: {get: {operationId: status, responses: {'204': {description: ok}}}}
                """.utf8), path: "relative.yaml")
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        #expect(client.contains("public init(server: ServerURL = .production, transport:"))
        #expect(client.contains("public static func device(relativeTo base: Foundation.URL) throws -> ServerURL"))
        #expect(client.contains("serverURL(\"/control\", [:], relativeTo: base)"))
        #expect(
            client.contains(
                "public static func server3(relativeTo base: Foundation.URL, base2: Swift.String = \"v2\") throws"))
        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "relative-servers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}
