import Foundation
import HTTPTypes
import LatheRuntime
import OpenAPIRuntime
import Testing

/// These types exist only because LatheBuildPlugin generated them from bookshop.yaml at build time.
struct PluginTests {
    /// A transport the client must not reach: input validation happens before sending.
    struct Unreachable: ClientTransport {
        func send(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
        ) async throws -> (HTTPResponse, HTTPBody?) {
            Issue.record("the client sent \(operationID) although its input is invalid")
            return (HTTPResponse(status: .internalServerError), nil)
        }
    }

    @Test func theGeneratedTypesDecodeAndValidate() throws {
        let hold = try JSONCoding.decoder().decode(Hold.self, from: Data(#"{"reader": "ada", "days": 21}"#.utf8))
        #expect(hold.reader == "ada")
        #expect(hold.validationIssues.map(\.description) == ["$.days: must be at most 14, but is 21"])
    }

    @Test func theGeneratedClientRefusesBadInputBeforeSending() async throws {
        let client = Client(serverURL: URL(string: "https://books.example")!, transport: Unreachable())
        await #expect(throws: OperationError.self) {
            _ = try await client.holdBook(isbn: "12", body: Hold(reader: "ada", days: 3))
        }
    }
}
