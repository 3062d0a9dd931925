import ArgumentParser
import LatheDiagnostics
import LatheIR
import LatheOpenAPI

/// `lathe validate SPEC...`: reads each description and prints what is wrong with it, compiler-style.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check OpenAPI descriptions and print every problem as file:line:column.",
        discussion: """
            Exits 0 when no description has errors (warnings are allowed), 1 when one has, 2 on a usage error. \
            Diagnostics go to standard error; nothing is printed to standard output.
            """
    )

    @Argument(help: "OpenAPI descriptions (YAML or JSON) to check.")
    var specs: [String]

    @Flag(help: "Let $refs reach files outside the folder of the root spec.")
    var allowRefsOutsideRoot = false

    @Option(
        name: .customLong("ref-mirror"),
        help: ArgumentHelp(refMirrorHelp, valueName: "url=path"),
        transform: parseRefMirror)
    var refMirrors: [RefMirror] = []

    @Option(
        help: "An OpenAPI Overlay to apply to each description before checking it; repeat to apply several in order.")
    var overlay: [String] = []

    @Flag(help: "Print errors only, not warnings.")
    var quiet = false

    func run() throws {
        var failed = false
        for spec in specs {
            let result = OpenAPILoader.load(
                path: spec,
                options: LoadOptions(
                    allowRefsOutsideRoot: allowRefsOutsideRoot, overlays: overlay, refMirrors: refMirrors))
            var diagnostics = result.diagnostics
            // What generating would say about the types too (`enum-mixed`, `default-not-text`, …),
            // so a spec is checked once, here, before a build meets it.
            if let document = result.document {
                diagnostics.append(contentsOf: Lowering.lower(document, specName: spec).diagnostics.all)
            }
            report(diagnostics, quiet: quiet)
            failed = failed || result.hasErrors
        }
        if failed { throw ExitCode(LatheCommand.Status.inputErrors) }
    }
}

let refMirrorHelp =
    "Read $refs to URLs under this one from the copy at this path (https://host/folder/=vendor/folder, or one "
    + "document's URL and its file); Lathe reads no network. Repeat for several."

/// `--ref-mirror URL=PATH`.
@Sendable func parseRefMirror(_ argument: String) throws -> RefMirror {
    guard let mirror = RefMirror(argument: argument) else {
        throw ValidationError(
            "--ref-mirror takes URL=PATH, an http or https URL without a query: '\(argument)' is not one.")
    }
    return mirror
}

/// Prints diagnostics to standard error in file order, with a count at the end. With
/// `listingPerKind`, the warnings of a kind after that many are left out (with their notes) and
/// counted in one line per kind instead.
func report(_ diagnostics: Diagnostics, quiet: Bool, listingPerKind limit: Int? = nil) {
    // Notes follow the diagnostic they explain, so they go (or stay) with it.
    var showing = true
    var listed: [String: Int] = [:]
    var folded: [(kind: String, count: Int)] = []
    for diagnostic in diagnostics.sorted {
        if diagnostic.severity != .note {
            showing = !quiet || diagnostic.severity == .error
            if showing, let limit, diagnostic.severity == .warning, let kind = diagnostic.kind {
                listed[kind, default: 0] += 1
                if listed[kind]! > limit {
                    showing = false
                    if let index = folded.firstIndex(where: { $0.kind == kind }) {
                        folded[index].count += 1
                    } else {
                        folded.append((kind, 1))
                    }
                }
            }
        }
        if showing { standardError(diagnostic.description) }
    }
    for (kind, count) in folded {
        standardError(
            "lathe: note: \(count) more [\(kind)] warning\(count == 1 ? " is" : "s are") not listed "
                + "(--all-warnings lists them)")
    }
    let errors = diagnostics.errors.count
    let warnings = quiet ? 0 : diagnostics.warnings.count
    if errors + warnings > 0 {
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        standardError(parts.joined(separator: ", ") + " generated.")
    }
}
