import Foundation
import LatheGenerator
import Testing

/// The volume of generated code is what a user's build pays for, so it is pinned: for two large
/// corpus specs, lines and declarations per schema (the type files, over the top-level types) and
/// per operation (the operations, client and server files, over the operations), against the
/// budget in `CodeVolumeBudget.json`. Growing by more than 1% fails, so a change that makes every
/// build slower is seen before anyone times a build; shrinking by more than 3% fails too, until
/// `LATHE_RECORD=1 swift test` records the smaller budget, so a gain is kept.
struct CodeVolumeTests {
    static let specs = ["square-api.json", "xero-accounting.yaml"]
    static let budgetPath = repositoryRoot + "/Tests/LatheGeneratorTests/CodeVolumeBudget.json"
    static let corpusIsHere = FileManager.default.fileExists(atPath: CorpusCompileTests.corpus + "/" + specs[0])

    struct Volume: Codable, Equatable {
        var typeLinesPerSchema: Double
        var typeDeclarationsPerSchema: Double
        var operationLinesPerOperation: Double
        var operationDeclarationsPerOperation: Double

        var figures: [(name: String, value: Double)] {
            [
                ("type lines per schema", typeLinesPerSchema),
                ("type declarations per schema", typeDeclarationsPerSchema),
                ("operation lines per operation", operationLinesPerOperation),
                ("operation declarations per operation", operationDeclarationsPerOperation),
            ]
        }
    }

    static func volume(of spec: String) throws -> Volume {
        let result = Generator.generate(path: CorpusCompileTests.corpus + "/" + spec, displayPath: spec)
        let module = try #require(result.module)
        var types = (lines: 0, declarations: 0)
        var operations = (lines: 0, declarations: 0)
        for file in result.files {
            let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false)
            let declarations = lines.count(where: isDeclaration)
            if file.name.contains("Types") {
                types.lines += lines.count
                types.declarations += declarations
            } else {
                operations.lines += lines.count
                operations.declarations += declarations
            }
        }
        func per(_ count: Int, _ total: Int) -> Double { (Double(count) / Double(max(total, 1)) * 10).rounded() / 10 }
        return Volume(
            typeLinesPerSchema: per(types.lines, module.topLevel.count),
            typeDeclarationsPerSchema: per(types.declarations, module.topLevel.count),
            operationLinesPerOperation: per(operations.lines, module.operations.count),
            operationDeclarationsPerOperation: per(operations.declarations, module.operations.count))
    }

    /// A line that declares something: after attributes and modifiers, a declaration keyword (an
    /// enum's `case`, not a `switch`'s).
    static func isDeclaration(_ line: Substring) -> Bool {
        let modifiers: Set<Substring> = [
            "public", "private", "fileprivate", "internal", "package", "nonisolated", "static", "mutating", "override",
            "final", "indirect", "convenience", "required", "lazy", "dynamic", "open",
        ]
        let keywords: Set<Substring> = [
            "func", "var", "let", "init", "struct", "enum", "class", "protocol", "typealias", "extension", "subscript",
            "actor",
        ]
        let words = line.split(separator: " ").drop { $0.hasPrefix("@") || modifiers.contains($0) }
        guard let first = words.first else { return false }
        if first == "case" {
            guard let next = words.dropFirst().first else { return false }
            return !next.hasPrefix(".") && next != "let" && next != "var" && !line.hasSuffix(":")
        }
        return keywords.contains(first) || first.hasPrefix("init(") || first.hasPrefix("init?(")
    }

    @Test func declarationsAreCountedByKeyword() {
        let lines = [
            ("    public struct Pet: Codable, Hashable, Sendable {", true), ("        case cat = \"cat\"", true),
            ("        case .cat: return 1", false), ("        case let .other(value):", false),
            ("    @inlinable public static func make() -> Self {", true), ("        let x = 1", true),
            ("    public init(from decoder: any Decoder) throws {", true), ("        try container.encode(x)", false),
            ("    /// public struct in a comment", false), ("", false),
        ]
        for (line, expected) in lines {
            #expect(Self.isDeclaration(line[...]) == expected, "\(line)")
        }
    }

    @Test(.enabled(if: corpusIsHere, "../shared/corpus is not beside this checkout"))
    func staysWithinItsBudget() throws {
        var measured: [String: Volume] = [:]
        for spec in Self.specs { measured[spec] = try Self.volume(of: spec) }
        if GoldenTests.isRecording {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try (encoder.encode(measured) + Data("\n".utf8)).write(to: URL(fileURLWithPath: Self.budgetPath))
            Issue.record("recorded the code-volume budget; check it in after reading the diff")
            return
        }
        let budget = try JSONDecoder().decode(
            [String: Volume].self, from: Data(contentsOf: URL(fileURLWithPath: Self.budgetPath)))
        for spec in Self.specs {
            let recorded = try #require(budget[spec], "no budget for \(spec); LATHE_RECORD=1 swift test records it")
            let now = try #require(measured[spec])
            for (figure, limit) in zip(now.figures, recorded.figures) {
                #expect(
                    figure.value <= limit.value * 1.01,
                    """
                    \(spec): \(figure.name) grew from \(limit.value) to \(figure.value); every build of it pays for \
                    that. If it is worth it, LATHE_RECORD=1 swift test records the new budget.
                    """)
                #expect(
                    figure.value >= limit.value * 0.97,
                    """
                    \(spec): \(figure.name) shrank from \(limit.value) to \(figure.value); \
                    LATHE_RECORD=1 swift test records the smaller budget, so the gain is kept.
                    """)
            }
        }
    }
}
