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

    @Argument(help: "The OpenAPI description (YAML or JSON). Not with --config.")
    var spec: String?

    @Option(name: .shortAndLong, help: "The folder to write the Swift files into. With --config, replaces the output of the one module generated.")
    var output: String?

    @Option(help: "A Lathe configuration file (lathe.yaml) listing the modules to generate: their specs, overlays, modes and output folders.")
    var config: String?

    @Option(help: "With --config: generate only this module.")
    var module: String?

    @Option(help: "What to generate; repeat for several. Available: \(GeneratorOptions.Mode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var mode: [String] = []

    @Option(help: "Declare the generated types inside 'public enum NAME'.")
    var namespace: String?

    @Option(help: "An OpenAPI Overlay (1.0 or 1.1) to apply to the description before generating; repeat to apply several in order.")
    var overlay: [String] = []

    @Flag(help: "Write exactly Types.swift, Operations.swift, Client.swift and Server.swift (build plugins name their outputs in advance).")
    var fixedFileNames = false

    @Flag(help: "Write the output, and succeed, even when the description has errors (they are still printed; what Lathe cannot resolve becomes any JSON value).")
    var allowSpecErrors = false

    @Flag(help: "Let $refs reach files outside the folder of the root spec.")
    var allowRefsOutsideRoot = false

    @Flag(help: "Write nothing; exit 1 and name the files when the output folder differs from what would be written.")
    var check = false

    @Flag(help: "Print errors only, not warnings.")
    var quiet = false

    func validate() throws {
        if config != nil {
            if spec != nil { throw ValidationError("Give a spec or --config, not both: the configuration names its specs.") }
            if !mode.isEmpty || namespace != nil || !overlay.isEmpty || allowRefsOutsideRoot {
                throw ValidationError("--mode, --namespace, --overlay and --allow-refs-outside-root are set per module in the configuration file.")
            }
        } else {
            if spec == nil { throw ValidationError("Missing the spec to generate from (or --config with a configuration file).") }
            if output == nil { throw ValidationError("Missing '--output <folder>'.") }
            if module != nil { throw ValidationError("--module selects a module of --config.") }
        }
        for name in mode where GeneratorOptions.Mode(rawValue: name) == nil {
            throw ValidationError("Unknown mode '\(name)'; available: \(GeneratorOptions.Mode.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let namespace, !SwiftNames.canBeNamespace(namespace) {
            throw ValidationError("'\(namespace)' cannot be the namespace: it is not a Swift type name, or it would hide a type generated code uses.")
        }
    }

    func run() throws {
        // Every module is generated before anything is written: one with errors leaves all output as it was.
        var jobs: [(spec: String, output: String, result: GenerationResult)] = []
        if let config {
            let (loaded, diagnostics) = LatheConfiguration.load(path: config)
            report(diagnostics, quiet: quiet)
            guard var configuration = loaded else { throw ExitCode(LatheCommand.Status.inputErrors) }
            if let module {
                configuration.modules = configuration.modules.filter { $0.name == module }
                if configuration.modules.isEmpty {
                    standardError("lathe: error: \(config) has no module named '\(module)'")
                    throw ExitCode(LatheCommand.Status.usage)
                }
            }
            if output != nil && configuration.modules.count > 1 {
                standardError("lathe: error: --output replaces one module's folder; \(config) has \(configuration.modules.count) modules (choose one with --module)")
                throw ExitCode(LatheCommand.Status.usage)
            }
            for entry in configuration.modules {
                guard let folder = output ?? entry.output else {
                    standardError("\(entry.location): error: the module '\(entry.name)' has no 'output' (or pass --output)")
                    throw ExitCode(LatheCommand.Status.inputErrors)
                }
                var entry = entry
                entry.options.fixedFileNames = fixedFileNames
                jobs.append((entry.spec, folder, Generator.generate(entry)))
            }
        } else if let spec, let output {
            let modes = mode.isEmpty ? Set(GeneratorOptions.Mode.allCases) : Set(mode.compactMap(GeneratorOptions.Mode.init(rawValue:)))
            var options = GeneratorOptions(modes: modes, namespace: namespace, allowRefsOutsideRoot: allowRefsOutsideRoot, overlays: overlay)
            options.fixedFileNames = fixedFileNames
            jobs.append((spec, output, Generator.generate(path: spec, options: options)))
        }

        var failed = false
        for job in jobs {
            report(job.result.diagnostics, quiet: quiet)
            if job.result.files.isEmpty || (job.result.diagnostics.hasErrors && !allowSpecErrors) {
                if !job.result.files.isEmpty {
                    standardError("lathe: nothing was written to \(job.output) because \(job.spec) has errors (--allow-spec-errors writes anyway)")
                }
                failed = true
            }
        }
        if failed { throw ExitCode(LatheCommand.Status.inputErrors) }

        if check {
            var differs = false
            for job in jobs {
                let changes = OutputFolder.plan(job.result.files, in: job.output)
                for name in changes.written { standardError("\(job.output)/\(name): differs from what lathe generates") }
                for name in changes.removed { standardError("\(job.output)/\(name): lathe no longer generates this file") }
                differs = differs || !changes.isEmpty
            }
            if differs { throw ExitCode(LatheCommand.Status.inputErrors) }
            return
        }
        for job in jobs {
            do {
                try OutputFolder.write(job.result.files, to: job.output)
            } catch {
                standardError("lathe: error: cannot write to \(job.output): \(error)")
                throw ExitCode(LatheCommand.Status.inputErrors)
            }
        }
    }
}
