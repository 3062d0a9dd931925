import Foundation
import Testing

/// Decoding finishes before lowering: the IR reads typed values and `Origin`s, never the YAML,
/// and asks the document for what references reach rather than following them itself.
struct LayeringTests {
    @Test func noYAMLNodeInLatheIR() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let folder = parts.joined(separator: "/") + "/Sources/LatheIR"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            #expect(!text.contains("YAMLNode"), "\(file) names YAMLNode")
            #expect(!text.contains("isJSONSchema2020"), "\(file) asks the document's version")
            #expect(!text.contains("store."), "\(file) looks in the component store")
        }
    }
}
