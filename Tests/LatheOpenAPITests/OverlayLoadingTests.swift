import Foundation
import LatheOpenAPI
import Testing

/// The providers' overlays, applied by the loader: the published documents gain what their
/// providers' guides say, and what an overlay adds is located in the overlay.
struct OverlayLoadingTests {
    func load(_ spec: String, overlays: [String]) -> LoadResult {
        OpenAPILoader.load(
            path: repositoryRoot + "/specs/" + spec, displayPath: "specs/" + spec,
            options: LoadOptions(overlays: overlays.map { repositoryRoot + "/specs/" + $0 }))
    }

    @Test func dolfinGainsItsRealAuthenticationAndOrganisationHeader() throws {
        let result = load("dolfin.yaml", overlays: ["dolfin.overlay.yaml"])
        #expect(printed(result, removing: repositoryRoot + "/") == [])
        let document = try #require(result.document)
        #expect(document.security?.map { $0.schemes.map(\.name) } == [["dolfinApiKey"], ["bearerAuth"]])
        #expect(document.components.securitySchemes.map(\.name) == ["dolfinApiKey", "bearerAuth"])
        let operation = try #require(document.operations.first)
        #expect(operation.operationId == "cancelPurchaseOrder")
        let header = try #require(operation.parameters.last.flatMap(document.store.parameter))
        #expect(header.name == "x-dolfin-organisation-id" && header.required)
        // Added by the overlay, so located in it; the document's own nodes stay where they were.
        #expect(header.node.location.description == repositoryRoot + "/specs/dolfin.overlay.yaml:36:11")
        #expect(operation.node.location.description == "specs/dolfin.yaml:50:7")
    }

    @Test func piriodGainsItsErrorsAndTokenPrefix() throws {
        let result = load("piriod.yaml", overlays: ["piriod.overlay.yaml"])
        #expect(printed(result, removing: repositoryRoot + "/") == [])
        let document = try #require(result.document)
        #expect(document.components.schemas.map(\.name).contains("Generic"))
        let operation = try #require(document.operations.first)
        #expect(operation.responses.map { "\($0.key)" } == ["201", "400", "401", "403", "404"])
    }

    @Test func anOverlayThatBreaksTheDocumentIsReportedInTheOverlay() throws {
        let overlay = """
            overlay: 1.0.0
            info: {title: Break, version: '1'}
            actions:
              - target: $.components.schemas.Cancellation.properties.number
                update: {minimum: lots}
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lathe-overlay-\(UUID().uuidString).yaml"
        ).path
        try overlay.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = OpenAPILoader.load(
            path: repositoryRoot + "/specs/piriod.yaml", displayPath: "specs/piriod.yaml",
            options: LoadOptions(overlays: [path]))
        let first = try #require(printed(result, removing: "").first)
        #expect(first.hasPrefix(path + ":5:23: error: "), "\(first)")
    }
}
