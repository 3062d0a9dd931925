import Foundation
import LatheCLI
import Testing

/// `lathe validate` as a user runs it: the real binary, its exit status, and its two output streams.
struct ValidateCommandTests {
    static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The `lathe` binary SwiftPM built beside this test bundle.
    static let lathe: URL = {
        #if os(Linux)
        let bundle = URL(fileURLWithPath: try! FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        #else
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }!.bundleURL
        #endif
        return bundle.deletingLastPathComponent().appendingPathComponent("lathe")
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func lathe(_ arguments: String..., in directory: String = repositoryRoot) throws -> Run {
        try lathe(arguments, in: directory)
    }

    func lathe(_ arguments: [String], in directory: String = repositoryRoot) throws -> Run {
        let process = Process()
        process.executableURL = Self.lathe
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func cleanSpecsExitZeroAndPrintNothing() throws {
        let run = try lathe("validate", "specs/piriod.yaml", "specs/dolfin.yaml")
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(run.stderr == "")
    }

    @Test func errorsExitOneWithCompilerStyleLinesOnStandardError() throws {
        let run = try lathe("validate", "Tests/Fixtures/broken-refs/api.yaml")
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(
            run.stderr == """
                Tests/Fixtures/broken-refs/api.yaml:6:13: error: cannot resolve 'nothere.yaml': cannot read 'Tests/Fixtures/broken-refs/nothere.yaml': No such file or directory [ref-unreadable]
                Tests/Fixtures/broken-refs/api.yaml:12:13: error: 'good.yaml#/Thing' points at nothing: the document has no 'Thing' (did you mean 'Things'?) [ref-unresolved]
                Tests/Fixtures/broken-refs/bad.yaml:3:6: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2, column 9) [ref-unreadable]
                Tests/Fixtures/broken-refs/api.yaml:8:13: note: referenced here
                3 errors generated.

                """)
    }

    @Test func warningsAloneExitZero() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lathe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try
            ("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-ok: 1\ncomponents:\n  schemas:\n    A: "
            + "{type: string, maxLenght: 3}\n")
            .write(to: directory.appendingPathComponent("warn.yaml"), atomically: true, encoding: .utf8)
        let run = try lathe("validate", "warn.yaml", in: directory.path)
        #expect(run.status == 0)
        #expect(
            run.stderr
                == "warn.yaml:7:23: warning: unknown schema keyword 'maxLenght'; "
                + "it is ignored (did you mean 'maxLength'?) [unknown-keyword]\n1 warning generated.\n"
        )
        let quiet = try lathe("validate", "--quiet", "warn.yaml", in: directory.path)
        #expect(quiet.status == 0 && quiet.stderr == "")
    }

    /// What generating would say about a type is printed too, sorted by place with the rest.
    @Test func warningsFromLoweringArePrinted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lathe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try
            ("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: "
            + "{type: string, enum: [none, 1]}\n    B: {type: string, maxLenght: 3}\n")
            .write(to: directory.appendingPathComponent("types.yaml"), atomically: true, encoding: .utf8)
        let run = try lathe("validate", "types.yaml", in: directory.path)
        #expect(run.status == 0)
        #expect(
            run.stderr
                == "types.yaml:6:36: warning: the enum value 1 is not of the schema's type, string; Lathe reads it "
                + "as \"1\" [enum-value-type]\n"
                + "types.yaml:7:23: warning: unknown schema keyword 'maxLenght'; it is ignored (did you mean "
                + "'maxLength'?) [unknown-keyword]\n2 warnings generated.\n"
        )
    }

    /// Spec text in a message cannot start a line of its own (a forged error, a CI annotation) or
    /// send terminal escapes: control characters are printed as escapes.
    @Test func specTextCannotForgeDiagnostics() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lathe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try
            ("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: "
            + "string, \"x\\n::error file=a.swift::pwned\\e[2J\": 1}\n")
            .write(to: directory.appendingPathComponent("forge.yaml"), atomically: true, encoding: .utf8)
        let run = try lathe("validate", "forge.yaml", in: directory.path)
        #expect(run.status == 0)
        #expect(
            run.stderr
                == "forge.yaml:6:23: warning: unknown schema keyword 'x\\u{A}::error "
                + "file=a.swift::pwned\\u{1B}[2J'; it is ignored [unknown-keyword]\n1 warning generated.\n"
        )
        #expect(!run.stderr.contains("\u{1B}"))
    }

    @Test func usageErrorsExitTwo() throws {
        let none = try lathe("validate")
        #expect(none.status == 2)
        #expect(none.stdout == "")
        #expect(none.stderr.contains("Missing expected argument '<specs> ...'"))
        let unknown = try lathe("validate", "--frobnicate", "x.yaml")
        #expect(unknown.status == 2)
        let subcommand = try lathe("explode")
        #expect(subcommand.status == 2)
    }

    @Test func refsOutsideTheRootNeedTheFlag() throws {
        let refused = try lathe("validate", "Tests/Fixtures/escape/spec/api.yaml")
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "Tests/Fixtures/escape/spec/api.yaml:6:13: error: '../outside.yaml' leads outside the folder of "
                    + "the root spec"
            ))
        let allowed = try lathe("validate", "--allow-refs-outside-root", "Tests/Fixtures/escape/spec/api.yaml")
        #expect(allowed.status == 0 && allowed.stderr == "")
    }

    @Test func unreadableFileIsAnErrorWithoutLocation() throws {
        let run = try lathe("validate", "no/such/spec.yaml")
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "lathe: error: cannot read 'no/such/spec.yaml': No such file or directory\n1 error generated.\n")
    }

    @Test func helpGoesToStandardOutput() throws {
        let run = try lathe("validate", "--help")
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: lathe validate <specs> ..."))
        #expect(run.stderr == "")
    }

    @Test func inProcessEntryPointReportsUsageErrorsAsTwo() {
        #expect(LatheCommand.run(arguments: ["validate", "--no-such-flag"]) == LatheCommand.Status.usage)
    }
}
