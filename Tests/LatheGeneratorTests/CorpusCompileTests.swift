import Foundation
import LatheGenerator
import Testing

/// Every real spec in ../shared/corpus generates, as published and with default options, code
/// (all modes) that compiles with warnings as errors; each spec's warnings are pinned by kind, so
/// a new warning on a real spec fails until someone has looked at it. Skipped when the corpus is
/// not beside the checkout (a fresh clone).
struct CorpusCompileTests {
    static let corpus = repositoryRoot + "/../shared/corpus"
    static let specs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
        .filter { $0.hasSuffix(".json") || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()

    /// What `lathe generate` warns about in each spec, by kind.
    static let warnings: [String: [String: Int]] = [
        "adyen-balanceplatform-v2.yaml": [
            "bad-request-undocumented": 1, "constraint-of-another-type": 2, "content-on-no-content-status": 1,
            "version-feature": 1,
        ],
        "adyen-payment-v68.yaml": [:],
        "box-openapi.json": ["constraint-of-another-type": 2, "required-undefined": 5],
        "discord-openapi.json": ["enum-empty": 2, "multipart-untyped": 6],
        "discourse-openapi.yml": [
            "bad-request-undocumented": 1, "identical-path-templates": 2, "request-body-on-get": 1,
        ],
        "paypal-invoicing-v2.json": ["constraint-of-another-type": 3],
        "square-api.json": [
            "bad-request-undocumented": 1, "path-parameter-undeclared": 1, "ref-unresolved": 5, "required-undefined": 1,
            "security-scopes-invalid": 1, "unknown-field": 1,
        ],
        "twilio-api-v2010.json": ["bad-request-undocumented": 1],
        "xero-accounting.yaml": [
            "bad-request-undocumented": 1, "default-spelled-as-text": 23, "identical-path-templates": 14,
            "ref-sibling-ignored": 1,
        ],
    ]

    @Test(.enabled(if: !specs.isEmpty, "../shared/corpus is not beside this checkout"))
    func everySpecHasPinnedWarnings() {
        #expect(Set(Self.specs) == Set(Self.warnings.keys))
    }

    @Test(.enabled(if: !specs.isEmpty, "../shared/corpus is not beside this checkout"), arguments: specs)
    func generatesAsPublishedAndCompiles(_ spec: String) throws {
        let result = Generator.generate(path: Self.corpus + "/" + spec, displayPath: spec)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        #expect(
            result.diagnostics.warningCounts == Self.warnings[spec],
            "\(result.diagnostics.warnings.map(\.description).joined(separator: "\n"))")
        #expect(result.files.count > 1)
        let (folder, paths) = try writeToTemporaryFolder(result.files, label: spec)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}
