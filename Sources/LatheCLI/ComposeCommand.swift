import ArgumentParser
import LatheDiagnostics
import LatheIR
import LatheOpenAPI

/// `lathe compose SPEC --overlay O`: the root document as Lathe reads it, overlays applied, as JSON,
/// for tools that do not apply overlays themselves (a contract tester, a documentation site).
struct ComposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "Print an OpenAPI description with its overlays applied, as JSON.",
        discussion: """
            Prints the root document only: $refs to other files stay $refs. Diagnostics go to standard \
            error; exits 1 when the description cannot be read as OpenAPI at all.
            """
    )

    @Argument(help: "The OpenAPI description (YAML or JSON).")
    var spec: String

    @Option(help: "An OpenAPI Overlay to apply; repeat to apply several in order.")
    var overlay: [String] = []

    @Flag(help: "Let $refs reach files outside the folder of the root spec.")
    var allowRefsOutsideRoot = false

    @Option(
        name: .customLong("ref-mirror"),
        help: ArgumentHelp(refMirrorHelp, valueName: "url=path"),
        transform: parseRefMirror)
    var refMirrors: [RefMirror] = []

    func run() throws {
        let result = OpenAPILoader.load(
            path: spec,
            options: LoadOptions(allowRefsOutsideRoot: allowRefsOutsideRoot, overlays: overlay, refMirrors: refMirrors))
        report(result.diagnostics.forGeneration(), quiet: true)
        guard let document = result.document else { throw ExitCode(LatheCommand.Status.inputErrors) }
        print(JSONText.compact(SpecValue(document.node)))
    }
}
