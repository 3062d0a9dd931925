import ArgumentParser
import LatheDiagnostics
import LatheGenerator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `lathe`: OpenAPI to Swift.
///
/// Synchronous on purpose: decoding recurses as deep as a spec nests, and the main thread's stack is
/// the one sized for that (Swift concurrency's pool threads have smaller stacks on some platforms).
public struct LatheCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lathe",
        abstract: "Generate Swift from OpenAPI 3.0, 3.1 and 3.2 descriptions.",
        subcommands: [ValidateCommand.self, GenerateCommand.self, ComposeCommand.self]
    )

    public init() {}

    /// Exit statuses: 0 success, 1 the input has errors, 2 the command line is wrong.
    public enum Status {
        public static let success: Int32 = 0
        public static let inputErrors: Int32 = 1
        public static let usage: Int32 = 2
    }

    /// Runs `lathe` with `arguments` (without the program name) and exits with its status. What
    /// `generate` built (the IR and the files' list) is left for the exit to take back rather than
    /// freed a piece at a time, as compilers do: freeing Square's IR cost about 1% of generating it.
    public static func runAndExit(arguments: [String]) -> Never {
        Interruption.handleSignals()  // before any other thread starts
        KeptUntilExit.isEnabled = true
        exitProcess(run(arguments: arguments))
    }

    /// Runs `lathe` with `arguments` (without the program name) and returns its exit status.
    public static func run(arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return Status.success
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                // --help and --version: what the user asked for, so stdout.
                print(message)
                return Status.success
            }
            standardError(message)
            return code == .validationFailure ? Status.usage : code.rawValue
        }
    }
}

/// Writes a line to standard error (file descriptor 2, which needs no shared `FILE *`).
func standardError(_ text: String) {
    var line = text.hasSuffix("\n") ? text : text + "\n"
    line.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}

/// `exit`, which inside a `ParsableCommand` names its own method.
private func exitProcess(_ status: Int32) -> Never { exit(status) }

/// Values a command keeps alive until the process exits, when `runAndExit` runs it; otherwise (a
/// test calling `run` in-process) nothing is kept.
enum KeptUntilExit {
    // Set once, before any command runs, by the executable's only thread.
    nonisolated(unsafe) static var isEnabled = false
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        if isEnabled { values.append(value) }
    }
}
