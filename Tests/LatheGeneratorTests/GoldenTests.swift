import Foundation
import LatheGenerator
import Testing

/// Generated Swift pinned in files that the `LatheGoldenTests` target compiles.
///
/// Snippets (`Tests/LatheGoldenTests/Snippets/<Name>/spec.yaml`, one construct each, beside the one
/// file it generates) and whole documents (specs/
/// and a multi-file fixture) are generated with the namespace `<Name>`, so all of them compile
/// together in one target. `LATHE_RECORD=1 swift test` rewrites the expected files and fails, so an
/// unreviewed baseline never passes: read `git diff`, then run the tests again. When old goldens no
/// longer compile at all, `scripts/record-goldens.sh` records through the CLI instead.
struct GoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        /// The namespace, and the folder name of the expected files.
        var name: String
        /// The spec, relative to the repository root (as generated headers show it).
        var spec: String
        /// The folder of expected files, relative to the repository root.
        var expected: String
        /// Generated as one file (snippets), or laid out as users get it (documents).
        var singleFile = false
        var testDescription: String { name }
    }

    static let isRecording = ProcessInfo.processInfo.environment["LATHE_RECORD"] == "1"

    /// `Tests/LatheGoldenTests/Snippets/<Name>/spec.yaml`, each beside the one file it generates.
    static let snippets: [Case] = {
        let folder = repositoryRoot + "/Tests/LatheGoldenTests/Snippets"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            FileManager.default.fileExists(atPath: "\(folder)/\($0)/spec.yaml")
        }.sorted()
        return names.map { name in
            Case(
                name: name, spec: "Tests/LatheGoldenTests/Snippets/\(name)/spec.yaml",
                expected: "Tests/LatheGoldenTests/Snippets/\(name)", singleFile: true)
        }
    }()

    /// `Tests/LatheGoldenTests/Documents/documents.txt`, the list `scripts/record-goldens.sh` reads too.
    static let documents: [Case] = {
        let text =
            (try? String(
                contentsOfFile: repositoryRoot + "/Tests/LatheGoldenTests/Documents/documents.txt", encoding: .utf8))
            ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 2 else { return nil }
            let name = String(fields[0])
            return Case(name: name, spec: String(fields[1]), expected: "Tests/LatheGoldenTests/Documents/\(name)")
        }
    }()

    @Test func everyDocumentIsFound() {
        #expect(Self.documents.count >= 4)
    }

    @Test func everySnippetIsFound() {
        #expect(Self.snippets.count >= 20)
    }

    @Test(arguments: snippets + documents)
    func generatedSwiftMatchesGolden(_ golden: Case) throws {
        var options = GeneratorOptions(namespace: golden.name)
        options.singleFile = golden.singleFile
        // Named as `lathe generate` names it (scripts/record-goldens.sh records through the CLI).
        let result = Generator.generate(
            path: repositoryRoot + "/" + golden.spec, displayPath: golden.spec,
            specName: OutputFolder.specName(
                of: repositoryRoot + "/" + golden.spec, from: repositoryRoot + "/" + golden.expected),
            options: options)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        let folder = repositoryRoot + "/" + golden.expected
        if Self.isRecording {
            try OutputFolder.write(
                result.files, to: folder, specName: result.specName, specFile: repositoryRoot + "/" + golden.spec)
            Issue.record(
                Comment(
                    rawValue:
                        "Re-recorded \(golden.expected). Review it with git diff, then run the tests again without "
                        + "LATHE_RECORD.")
            )
            return
        }
        let expectedNames = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".swift")
        }.sorted()
        #expect(
            expectedNames == result.files.map(\.name).sorted(),
            "files of \(golden.name) differ; LATHE_RECORD=1 swift test re-records")
        for file in result.files {
            let expected = (try? String(contentsOfFile: folder + "/" + file.name, encoding: .utf8)) ?? ""
            if expected != file.contents {
                Issue.record(
                    """
                    \(golden.expected)/\(file.name) differs from what Lathe generates (LATHE_RECORD=1 swift test re-records):
                    \(LineDiff.unified(expected: expected, actual: file.contents, name: file.name))
                    """)
            }
        }
    }

    /// `Generated/` is a golden too: each module of `specs/lathe.yaml` (overlays applied, no
    /// namespace) is what Lathe writes today. `LATHE_RECORD=1` re-records it as well.
    @Test func generatedPackageMatchesGolden() throws {
        let (configuration, diagnostics) = LatheConfiguration.load(path: repositoryRoot + "/specs/lathe.yaml")
        let modules = try #require(configuration?.modules, "\(diagnostics.all)")
        #expect(modules.count == 5)
        for module in modules {
            let result = Generator.generate(module)
            #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
            let folder = try #require(module.output)
            if Self.isRecording {
                try OutputFolder.write(result.files, to: folder, specName: result.specName)
                Issue.record(
                    "Re-recorded \(folder). Review it with git diff, then run the tests again without LATHE_RECORD.")
                continue
            }
            let expectedNames = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
                $0.hasSuffix(".swift")
            }.sorted()
            #expect(expectedNames == result.files.map(\.name).sorted(), "files of \(module.name) differ")
            for file in result.files {
                let expected = (try? String(contentsOfFile: folder + "/" + file.name, encoding: .utf8)) ?? ""
                if expected != file.contents {
                    Issue.record(
                        """
                        Generated/\(module.name)/\(file.name) differs from what Lathe generates (LATHE_RECORD=1 re-records):
                        \(LineDiff.unified(expected: expected, actual: file.contents, name: file.name))
                        """)
                }
            }
        }
    }

    /// Package.swift lists the snippets to keep their specs out of the sources; a snippet missing
    /// from the list is a build warning about an unhandled file, on a clean clone as anywhere.
    @Test func everySnippetIsListedInThePackageManifest() throws {
        let manifest = try String(contentsOfFile: repositoryRoot + "/Package.swift", encoding: .utf8)
        let list = try #require(manifest.range(of: "let goldenSnippets = [")).upperBound
        let listed = manifest[list...].prefix { $0 != "]" }.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }.filter { !$0.isEmpty }
        #expect(listed == Self.snippets.map(\.name))
    }

    @Test func goldensCompileInTargetsWhoseDefaultIsolationIsMainActor() throws {
        let folder = repositoryRoot + "/Tests/LatheGoldenTests"
        let files = FileManager.default.enumerator(atPath: folder)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && ($0.hasPrefix("Snippets/") || $0.hasPrefix("Documents/")) }
            .map { folder + "/" + $0 }
        #expect(files.count >= 20)
        let outcome = try SwiftCompiler.typecheck(
            files, flags: ["-default-isolation", "MainActor", "-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output)")
    }
}
