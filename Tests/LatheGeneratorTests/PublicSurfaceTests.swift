import Foundation
import Testing

/// The public face of the runtime modules, pinned: one line per public declaration (SPI and
/// synthesized members left out), from the symbol graph of the module this test build compiled.
/// A change to what users can name is then a deliberate one, re-recorded with `LATHE_RECORD=1`
/// and read in `git diff`. What generated code alone uses is `@_spi(Generated)` (ARCHITECTURE.md).
struct PublicSurfaceTests {
    @Test(arguments: ["LatheRuntime", "LatheSigning"])
    func publicSurfaceIsTheRecordedOne(_ module: String) throws {
        let actual = try Self.surface(of: module)
        let path = repositoryRoot + "/Tests/LatheGeneratorTests/PublicSurface/\(module).txt"
        if GoldenTests.isRecording {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("Re-recorded \(path). Review it with git diff, then run the tests again without LATHE_RECORD.")
            return
        }
        let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        #expect(
            actual == expected,
            """
            \(module)'s public surface changed (LATHE_RECORD=1 swift test re-records):
            \(LineDiff.unified(expected: expected, actual: actual, name: "\(module).txt"))
            """)
    }

    /// Sorted lines `Parent.declaration`, the module's own symbols and its extensions of other
    /// modules' types (`String.var uriText`) alike.
    static func surface(of module: String) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lathe-surface-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swift", "symbolgraph-extract", "-module-name", module, "-I", modulesFolder, "-target", hostTarget,
            "-minimum-access-level", "public", "-skip-synthesized-members", "-output-dir", output.path,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var lines = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: output.path)
        where file.hasSuffix(".symbols.json") {
            let graph = try JSONDecoder().decode(
                SymbolGraph.self, from: Data(contentsOf: output.appendingPathComponent(file)))
            for symbol in graph.symbols {
                let parent = symbol.pathComponents.dropLast().map { $0 + "." }.joined()
                lines.insert(parent + symbol.declarationFragments.map(\.spelling).joined())
            }
        }
        return lines.sorted().joined(separator: "\n") + "\n"
    }

    static let hostTarget: String = {
        #if arch(x86_64)
        let arch = "x86_64"
        #else
        let arch = "aarch64"
        #endif
        #if os(Linux)
        return arch + "-unknown-linux-gnu"
        #else
        return (arch == "aarch64" ? "arm64" : arch) + "-apple-macosx13.0"
        #endif
    }()

    struct SymbolGraph: Decodable {
        struct Symbol: Decodable {
            struct Fragment: Decodable { var spelling: String }
            var pathComponents: [String]
            var declarationFragments: [Fragment]
        }
        var symbols: [Symbol]
    }
}
