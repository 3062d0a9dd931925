import Foundation
import LatheGenerator
import Testing

/// Every real spec in ../shared/corpus generates code (all modes) that compiles, warnings included.
/// Skipped when the corpus is not beside the checkout (a fresh clone).
struct CorpusCompileTests {
    static let corpus = repositoryRoot + "/../shared/corpus"
    static let specs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
        .filter { $0.hasSuffix(".json") || $0.hasSuffix(".yaml") }.sorted()

    @Test(.enabled(if: !specs.isEmpty, "../shared/corpus is not beside this checkout"), arguments: specs)
    func generatedTypesCompile(_ spec: String) throws {
        // Square and Xero have real defects (reported by `lathe validate`); what cannot be resolved
        // becomes any JSON value, and everything else must still compile.
        let result = Generator.generate(path: Self.corpus + "/" + spec, displayPath: spec)
        #expect(result.files.count > 1)
        let (folder, paths) = try writeToTemporaryFolder(result.files, label: spec)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}
