import ArgumentParser
import LatheDiagnostics
import LatheGenerator
import LatheIR

/// `lathe generate SPEC --output DIR`: Swift from an OpenAPI description.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift from an OpenAPI description.",
        discussion: """
        Writes each file atomically and only when its bytes change, and removes files an earlier run \
        generated that are no longer produced. When the description has errors nothing is written \
        (unless --allow-spec-errors). Exits 0 on success, 1 on errors (or, with --check, when the \
        output folder differs), 2 on a usage error.
        """
    )

    @Argument(help: "The OpenAPI description (YAML or JSON).")
    var spec: String

    @Option(name: .shortAndLong, help: "The folder to write the Swift files into.")
    var output: String

    @Option(help: "What to generate; repeat for several. Available: \(GeneratorOptions.Mode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var mode: [String] = []

    @Option(help: "Declare the generated types inside 'public enum NAME'.")
    var namespace: String?

    @Option(help: "An OpenAPI Overlay (1.0 or 1.1) to apply to the description before generating; repeat to apply several in order.")
    var overlay: [String] = []

    @Flag(help: "Write the output, and succeed, even when the description has errors (they are still printed; what Lathe cannot resolve becomes any JSON value).")
    var allowSpecErrors = false

    @Flag(help: "Let $refs reach files outside the folder of the root spec.")
    var allowRefsOutsideRoot = false

    @Flag(help: "Write nothing; exit 1 and name the files when the output folder differs from what would be written.")
    var check = false

    @Flag(help: "Print errors only, not warnings.")
    var quiet = false

    func validate() throws {
        for name in mode where GeneratorOptions.Mode(rawValue: name) == nil {
            throw ValidationError("Unknown mode '\(name)'; available: \(GeneratorOptions.Mode.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let namespace, !SwiftNamesCheck.isIdentifier(namespace) || SwiftNames.keywords.contains(namespace) || SwiftNames.reservedTypeNames.contains(namespace) {
            throw ValidationError("'\(namespace)' cannot be the namespace: it is not a Swift type name, or it would hide a type generated code uses.")
        }
    }

    func run() throws {
        let modes = mode.isEmpty ? Set(GeneratorOptions.Mode.allCases) : Set(mode.compactMap(GeneratorOptions.Mode.init(rawValue:)))
        let options = GeneratorOptions(modes: modes, namespace: namespace, allowRefsOutsideRoot: allowRefsOutsideRoot, overlays: overlay)
        let result = Generator.generate(path: spec, options: options)
        report(result.diagnostics, quiet: quiet)
        if result.files.isEmpty || (result.diagnostics.hasErrors && !allowSpecErrors) {
            if !result.files.isEmpty {
                standardError("lathe: nothing was written to \(output) because \(spec) has errors (--allow-spec-errors writes anyway)")
            }
            throw ExitCode(LatheCommand.Status.inputErrors)
        }
        if check {
            let changes = OutputFolder.plan(result.files, in: output)
            for name in changes.written { standardError("\(output)/\(name): differs from what lathe generates") }
            for name in changes.removed { standardError("\(output)/\(name): lathe no longer generates this file") }
            if !changes.isEmpty { throw ExitCode(LatheCommand.Status.inputErrors) }
            return
        }
        do {
            try OutputFolder.write(result.files, to: output)
        } catch {
            standardError("lathe: error: cannot write to \(output): \(error)")
            throw ExitCode(LatheCommand.Status.inputErrors)
        }
    }
}

enum SwiftNamesCheck {
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
