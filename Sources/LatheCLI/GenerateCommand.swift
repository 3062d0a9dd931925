import ArgumentParser
import LatheDiagnostics
import LatheGenerator
import LatheIR
import LatheOpenAPI

/// `lathe generate SPEC --output DIR`: Swift from an OpenAPI description.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift from an OpenAPI description.",
        discussion: """
            Writes each file atomically and only when its bytes change, and removes files an earlier run \
            generated that are no longer produced. A defect in the description that has one reasonable \
            reading is a warning saying what Lathe assumed, and everything is generated; only a file that \
            is not an OpenAPI 3.0 to 3.2 description stops it (with --strict, any error does, as `lathe \
            validate` reports them). Exits 0 on success, 1 when nothing could be generated (or, with \
            --check, when the output folder differs), 2 on a usage error.
            """
    )

    @Argument(help: "The OpenAPI description (YAML or JSON). Not with --config.")
    var spec: String?

    @Option(
        name: .shortAndLong,
        help:
            "The folder to write the Swift files into. With --config, replaces the output of the one module generated.")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "A Lathe configuration file (lathe.yaml) listing the modules to generate: their specs, overlays, "
                + "modes and output folders.")
    )
    var config: String?

    @Option(help: "With --config: generate only this module.")
    var module: String?

    @Option(
        help: ArgumentHelp(
            "What to generate; repeat for several. Available: "
                + "\(GeneratorOptions.Mode.allCases.map(\.rawValue).joined(separator: ", ")).")
    )
    var mode: [String] = []

    @Option(help: "Declare the generated types inside 'public enum NAME'.")
    var namespace: String?

    @Option(
        help: ArgumentHelp(
            "An OpenAPI Overlay (1.0 or 1.1) to apply to the description before generating; "
                + "repeat to apply several in order.")
    )
    var overlay: [String] = []

    @Flag(
        help: ArgumentHelp(
            "Write exactly Types.swift, Operations.swift, Client.swift and Server.swift (build plugins name their "
                + "outputs in advance).")
    )
    var fixedFileNames = false

    @Flag(help: "Write everything into one file, <namespace>.swift (API.swift without --namespace).")
    var singleFile = false

    @Flag(
        help: ArgumentHelp(
            "Leave Hashable and Equatable out of the generated values: a large spec compiles in 25 to 30% less time."
        ))
    var noHashable = false

    @Option(
        name: .customLong("operation"),
        help: ArgumentHelp(
            "Generate only this operation and the types it reaches: an operationId, tag:NAME, "
                + "a path such as /pets/{id}, or 'METHOD /path'; repeat for several.",
            valueName: "selector"))
    var operations: [String] = []

    @Flag(
        help: "Refuse a description with errors, as 'lathe validate' reports them, instead of generating with warnings."
    )
    var strict = false

    @Option(
        name: .customLong("silence"),
        help: ArgumentHelp(
            "Leave out warnings of this kind (the name in brackets after a warning); repeat for several.",
            valueName: "kind"))
    var silence: [String] = []

    /// Before defects became warnings, this wrote the output despite errors; that is the default now.
    @Flag(help: .hidden)
    var allowSpecErrors = false

    @Option(
        help: ArgumentHelp(
            "The largest spec file to read, in megabytes (default \(YAMLReader().maximumFileSize / 1_000_000)); "
                + "a release build generates a 49 MB spec in 11 s and 0.44 GB.",
            valueName: "MB"))
    var maxFileSize: Int?

    @Flag(help: "Let $refs reach files outside the folder of the root spec.")
    var allowRefsOutsideRoot = false

    @Option(
        name: .customLong("ref-mirror"),
        help: ArgumentHelp(refMirrorHelp, valueName: "url=path"),
        transform: parseRefMirror)
    var refMirrors: [RefMirror] = []

    @Flag(help: "Write nothing; exit 1 and name the files when the output folder differs from what would be written.")
    var check = false

    @Flag(help: "Print errors only, not warnings.")
    var quiet = false

    @Flag(
        help: ArgumentHelp(
            "Print every warning; by default a kind's warnings after its first \(foldedAfter) are counted, not listed "
                + "('lathe validate' lists them all)."))
    var allWarnings = false

    /// How many warnings of one kind `generate` lists before it counts the rest: a spec that writes
    /// 3.0's `nullable` 66 times (trigger.dev's) says so in ten lines and a count, not 66.
    static let foldedAfter = 10

    func validate() throws {
        if config != nil {
            if spec != nil {
                throw ValidationError("Give a spec or --config, not both: the configuration names its specs.")
            }
            if !mode.isEmpty || namespace != nil || !overlay.isEmpty || allowRefsOutsideRoot || !refMirrors.isEmpty {
                throw ValidationError(
                    "--mode, --namespace, --overlay, --allow-refs-outside-root and --ref-mirror are set per module "
                        + "in the configuration file."
                )
            }
        } else {
            if spec == nil {
                throw ValidationError("Missing the spec to generate from (or --config with a configuration file).")
            }
            if output == nil { throw ValidationError("Missing '--output <folder>'.") }
            if module != nil { throw ValidationError("--module selects a module of --config.") }
        }
        if let maxFileSize, !(1 ... (FileBytes.maximumSize / 1_000_000)).contains(maxFileSize) {
            throw ValidationError("--max-file-size takes 1 to \(FileBytes.maximumSize / 1_000_000) (megabytes).")
        }
        for name in mode where GeneratorOptions.Mode(rawValue: name) == nil {
            throw ValidationError(
                "Unknown mode '\(name)'; "
                    + "available: \(GeneratorOptions.Mode.allCases.map(\.rawValue).joined(separator: ", "))."
            )
        }
        if let namespace, !SwiftNames.canBeNamespace(namespace) {
            throw ValidationError(
                "'\(namespace)' cannot be the namespace: it is not a Swift type name, "
                    + "or it would hide a type generated code uses."
            )
        }
    }

    func run() throws {
        // Every module is generated before anything is written: one with errors leaves all output as
        // it was. Each module's files are staged on disk as they are made (`OutputFolder.Staging`),
        // so a large spec's output is never all in memory; the changed ones are written at the end.
        var jobs: [Job] = []
        defer { KeptUntilExit.keep(jobs) }
        var stagings: [OutputFolder.Staging] = []
        defer { for staging in stagings { staging.finish() } }
        func stage(
            _ output: String,
            _ generate: (@escaping @Sendable (GeneratedFile) throws -> Void) throws -> GenerationResult
        ) throws -> (GenerationResult, OutputFolder.Staging) {
            do {
                let staging = try OutputFolder.Staging(for: output, besideOutput: !check)
                stagings.append(staging)
                return (try generate({ try staging.store($0) }), staging)
            } catch {
                standardError("lathe: error: cannot stage the files generated for \(output): \(error)")
                throw ExitCode(LatheCommand.Status.inputErrors)
            }
        }
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
                standardError(
                    "lathe: error: --output replaces one module's folder; "
                        + "\(config) has \(configuration.modules.count) modules (choose one with --module)"
                )
                throw ExitCode(LatheCommand.Status.usage)
            }
            for entry in configuration.modules {
                guard let folder = output ?? entry.output else {
                    standardError(
                        "\(entry.location): error: the module '\(entry.name)' has no 'output' (or pass --output)")
                    throw ExitCode(LatheCommand.Status.inputErrors)
                }
                var entry = entry
                entry.options.fixedFileNames = fixedFileNames
                entry.options.singleFile = singleFile
                if noHashable { entry.options.hashable = false }
                if !operations.isEmpty { entry.options.operations = operations }
                entry.options.strict = entry.options.strict || strict
                entry.options.silencedWarnings.formUnion(silence)
                if let maxFileSize { entry.options.maximumFileSize = maxFileSize * 1_000_000 }
                let (result, staging) = try stage(folder) { try Generator.generate(entry, store: $0) }
                jobs.append(Job(spec: entry.spec, isConfigured: true, output: folder, result: result, staging: staging))
            }
        } else if let spec, let output {
            let modes =
                mode.isEmpty
                ? Set(GeneratorOptions.Mode.allCases) : Set(mode.compactMap(GeneratorOptions.Mode.init(rawValue:)))
            var options = GeneratorOptions(
                modes: modes, namespace: namespace, allowRefsOutsideRoot: allowRefsOutsideRoot, overlays: overlay)
            if let maxFileSize { options.maximumFileSize = maxFileSize * 1_000_000 }
            options.refMirrors = refMirrors
            options.fixedFileNames = fixedFileNames
            options.singleFile = singleFile
            options.hashable = !noHashable
            options.operations = operations
            options.strict = strict
            options.silencedWarnings = Set(silence)
            let (result, staging) = try stage(output) {
                try Generator.generate(
                    path: spec, specName: OutputFolder.specName(of: spec, from: output), options: options, store: $0)
            }
            jobs.append(Job(spec: spec, isConfigured: false, output: output, result: result, staging: staging))
        }

        if allowSpecErrors {
            standardError(
                "lathe: warning: --allow-spec-errors is no longer needed: lathe generate reads what it can of a "
                    + "defective spec and says what it assumed (--strict refuses instead)"
            )
        }
        var failed = false
        for job in jobs {
            report(job.result.diagnostics, quiet: quiet, listingPerKind: allWarnings ? nil : Self.foldedAfter)
            if job.result.module == nil || job.result.diagnostics.hasErrors {
                if job.result.module != nil {
                    let why =
                        job.result.diagnostics.errors.allSatisfy({ $0.reading != nil })
                        ? "has errors and generation is strict" : "has errors Lathe cannot read past"
                    standardError("lathe: nothing was written to \(job.output) because \(job.spec) \(why)")
                }
                failed = true
            } else if job.result.isEmpty {
                standardError("lathe: \(job.spec) describes no operations and no schemas; there is nothing to generate")
            } else if job.result.fileNames.isEmpty, job.result.module?.webhooks.isEmpty == false {
                standardError(
                    "lathe: \(job.spec) describes no schemas, and its webhooks and callbacks are generated with "
                        + "--mode client or --mode server; nothing was written")
            }
        }
        if failed { throw ExitCode(LatheCommand.Status.inputErrors) }
        try checkCollisions(jobs)

        // Every folder is checked before anything is written: a refusal leaves all output as it was.
        // What the other modules of this run write into the same folder is not stale.
        let others = jobs.indices.map { index in
            Set(
                jobs.indices.filter { $0 != index && Self.folder(jobs[$0].output) == Self.folder(jobs[index].output) }
                    .flatMap { jobs[$0].result.fileNames })
        }
        var plans: [OutputFolder.Changes] = []
        for (job, alsoProduced) in zip(jobs, others) {
            do {
                plans.append(
                    try OutputFolder.plan(
                        job.staging, names: job.result.fileNames, specName: job.result.specName, specFile: job.spec,
                        formerName: job.isConfigured ? nil : job.spec, alsoProduced: alsoProduced))
            } catch {
                standardError("lathe: error: \(error)")
                throw ExitCode(LatheCommand.Status.inputErrors)
            }
        }
        if check {
            var differs = false
            for (job, changes) in zip(jobs, plans) {
                for name in changes.written {
                    standardError("\(job.output)/\(name): differs from what lathe generates")
                }
                for name in changes.removed {
                    standardError("\(job.output)/\(name): lathe no longer generates this file")
                }
                differs = differs || !changes.isEmpty
            }
            if differs { throw ExitCode(LatheCommand.Status.inputErrors) }
            return
        }
        // A signal (Ctrl-C) that arrives while files are moved into place takes effect after the
        // last: each folder is left as it was or as this run made it, never half of each.
        try Interruption.deferringSignals {
            for (job, changes) in zip(jobs, plans) {
                do {
                    try OutputFolder.commit(job.staging, changes)
                } catch {
                    standardError("lathe: error: cannot write to \(job.output): \(error)")
                    throw ExitCode(LatheCommand.Status.inputErrors)
                }
            }
        }
    }

    /// One module generated: its files are in `staging` until they are committed.
    private struct Job {
        var spec: String
        /// From a configuration, whose markers name the spec as it does; else from the command line,
        /// where earlier versions named it as typed.
        var isConfigured: Bool
        var output: String
        var result: GenerationResult
        var staging: OutputFolder.Staging
    }

    /// Two modules of one configuration may share a folder, but not a file name in it.
    private func checkCollisions(_ jobs: [Job]) throws {
        var writers: [String: Int] = [:]
        for (index, job) in jobs.enumerated() {
            for name in job.result.fileNames {
                let path = Self.folder(job.output) + "/" + name
                if let other = writers[path], other != index {
                    standardError(
                        "lathe: error: \(jobs[other].spec) and \(job.spec) would both write \(path); "
                            + "give one of them a namespace or its own folder"
                    )
                    throw ExitCode(LatheCommand.Status.inputErrors)
                }
                writers[path] = index
            }
        }
    }

    private static func folder(_ path: String) -> String {
        path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
