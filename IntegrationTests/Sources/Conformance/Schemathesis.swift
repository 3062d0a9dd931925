import Foundation

/// Schemathesis (https://schemathesis.io) run against a generated server: it sends requests built
/// from the spec, valid and invalid, and checks every answer against the spec. Installed from PyPI
/// (`pip install schemathesis`; `.ci/run` does it).
public enum Schemathesis {
    public struct Outcome: Sendable {
        public var status: Int32
        /// What `st` printed: the summary, and each failure with a reproducing `curl`.
        public var output: String
        /// The HAR file of every request sent and answer received.
        public var requests: URL
        /// Where `output` is kept.
        public var log: URL

        /// What a failed expectation says: the summary, printable, and where the whole report is.
        public var summary: String {
            let printable = output.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" ? "?" : String($0) }.joined()
            return "schemathesis exited \(status); the whole report is \(log.path)\n" + printable.suffix(6000)
        }
    }

    /// The repository's root, from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Examples per operation: a few hundred in the default run (CI), more when
    /// `LATHE_SCHEMATHESIS_EXAMPLES` asks for the longer run.
    public static var examplesPerOperation: Int {
        ProcessInfo.processInfo.environment["LATHE_SCHEMATHESIS_EXAMPLES"].flatMap(Int.init) ?? 200
    }

    /// The spec as Lathe reads it, overlays applied (`lathe compose`), in a temporary file that
    /// schemathesis reads.
    public static func composed(_ spec: String, overlays: [String] = []) throws -> URL {
        let lathe = repositoryRoot.appendingPathComponent(".build/debug/lathe")
        guard FileManager.default.isExecutableFile(atPath: lathe.path) else {
            throw Failure("no \(lathe.path): build the main package first (scripts/test.sh does)")
        }
        let arguments =
            ["compose", repositoryRoot.appendingPathComponent(spec).path]
            + overlays.flatMap { ["--overlay", repositoryRoot.appendingPathComponent($0).path] }
        let (status, output) = try run(lathe.path, arguments)
        guard status == 0 else { throw Failure("lathe compose \(spec) failed: \(output)") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lathe-composed-\(UUID().uuidString).json")
        try Data(output.utf8).write(to: file)
        return file
    }

    /// Runs every check schemathesis has against the server at `url`. `headers` go with every request
    /// (credentials); the checks that need state across operations (a resource created, then read)
    /// do not apply to these APIs' handlers, which keep none.
    ///
    /// `operations` limits the run to those operationIds; `skipping` leaves operations out, and
    /// `relaxing` leaves further checks out (each caller says why).
    public static func run(
        spec: URL, url: URL, headers: [String] = [], label: String,
        operations: [String] = [], skipping: [String] = [], relaxing: [String] = []
    ) async throws -> Outcome {
        let reports = repositoryRoot.appendingPathComponent(".build/schemathesis")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let har = reports.appendingPathComponent("\(label).har")
        var arguments = [
            "run", spec.path, "--url", url.absoluteString,
            // Left out: the stateful checks (the handlers keep no state), and `unsupported_method`,
            // which wants 405 for methods the spec does not list; the user's router answers those
            // (404 on Hummingbird), since generated code registers only the spec's operations.
            "--checks", "all", "--exclude-checks",
            (["use_after_free", "ensure_resource_availability", "unsupported_method"] + relaxing).joined(
                separator: ","),
            "--phases", "examples,coverage,fuzzing", "--max-examples", String(examplesPerOperation),
            "--workers", "1", "--seed", "1",
            "--request-timeout", "10", "--no-color",
            "--report", "har", "--report-har-path", har.path,
        ]
        for header in headers { arguments += ["-H", header] }
        for operation in operations { arguments += ["--include-operation-id", operation] }
        for operation in skipping { arguments += ["--exclude-operation-id", operation] }
        guard let st = executable("st") else {
            throw Failure("schemathesis is not installed: pip install schemathesis (.ci/run installs it)")
        }
        // Off Swift's cooperative threads: the server under test answers on them while `st` runs.
        let command = arguments
        let (status, output) = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try run(st, command) })
            }
        }
        // The whole report beside the HAR file: its reproductions can hold raw bytes (multipart
        // files) that a terminal or a test log would mangle.
        let log = reports.appendingPathComponent("\(label).log")
        try Data(output.utf8).write(to: log)
        return Outcome(status: status, output: output, requests: har, log: log)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
