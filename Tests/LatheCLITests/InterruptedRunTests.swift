import Foundation
import LatheOpenAPI
import Testing

@testable import LatheGenerator

/// `lathe generate` stopped by a signal while it writes its files, as a build system cancelling a
/// build stops it: it ends by that signal, leaves no staging folder, and leaves the output as it
/// was.
struct InterruptedRunTests {
    /// A spec large enough that the debug build is still emitting files well after the first.
    static func largeSpec() -> String {
        var schemas: [String] = []
        var paths: [String] = []
        for index in 0 ..< 1_500 {
            schemas.append(
                """
                "Thing\(index)": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, \
                "count": {"type": "integer", "minimum": 0}, "tags": {"type": "array", "items": {"type": "string"}}, \
                "next": {"$ref": "#/components/schemas/Thing\((index + 1) % 1_500)"}}}
                """)
            if index % 5 == 0 {
                paths.append(
                    """
                    "/things\(index)/{id}": {"get": {"operationId": "getThing\(index)", "parameters": [{"name": "id", \
                    "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": \
                    {"description": "ok", "content": {"application/json": {"schema": \
                    {"$ref": "#/components/schemas/Thing\(index)"}}}}}}}
                    """)
            }
        }
        return """
            {"openapi": "3.1.0", "info": {"title": "Large", "version": "1"}, \
            "paths": {\(paths.joined(separator: ", "))}, \
            "components": {"schemas": {\(schemas.joined(separator: ", "))}}}
            """
    }

    /// How a process ended, as `waitpid` says it.
    struct Ending: Equatable {
        var signal: Int32?
        var status: Int32?
    }

    /// When the signal is sent: once a staging folder holds a file, or once the output folder
    /// does (the run is moving its files into place).
    enum Moment {
        case staging, committing
    }

    /// Starts `arguments` as a shell starts a command, with no signal blocked and each stopping
    /// signal's default action (Foundation's `Process` passes the test runner's on), with
    /// `temporary` as its temporary folder; sends `signal` at `moment` (a staging folder is in
    /// `temporary` or beside `output`); and waits for it to end. `nil` when it ended before.
    func run(
        _ arguments: [String], signal: Int32, at moment: Moment, output: String, temporary: String
    ) throws -> Ending? {
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { for string in argv + envp { free(string) } }
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t? = nil
        #else
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for signal in Interruption.signals { sigaddset(&stopping, signal) }
        posix_spawnattr_setsigdefault(&attributes, &stopping)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child = pid_t()
        let spawned = posix_spawn(&child, arguments[0], nil, &attributes, argv, envp)
        try #require(spawned == 0)

        let besideOutput = Paths.directory(output)
        func stagedFiles() -> Int {
            var folders: [String] = (Folders.names(in: temporary) ?? []).map { temporary + "/" + $0 }
            for name in Folders.names(in: besideOutput) ?? [] where name.hasPrefix(".lathe-staging-") {
                folders.append(besideOutput + "/" + name)
            }
            return folders.reduce(0) { $0 + (Folders.names(in: $1)?.count ?? 0) }
        }
        func reached() -> Bool {
            switch moment {
            case .staging: stagedFiles() > 0
            case .committing: !(Folders.names(in: output) ?? []).isEmpty
            }
        }
        var status: Int32 = 0
        var ended = false
        while !ended && !reached() {
            ended = waitpid(child, &status, WNOHANG) == child
            if !ended { usleep(moment == .staging ? 500 : 100) }
        }
        if ended { return nil }
        kill(child, signal)
        waitpid(child, &status, 0)
        let received = status & 0x7f
        return received == 0 ? Ending(status: (status >> 8) & 0xff) : Ending(signal: received)
    }

    /// `lathe generate` stopped by `signal` at `moment`: tried again (after `reset`) when a run
    /// ends before it.
    func generateAndStop(
        spec: String, output: String, temporary: String, signal: Int32 = SIGTERM, at moment: Moment = .staging,
        ignoring: Bool = false, reset: () throws -> Void = {}
    ) throws -> Ending {
        let lathe = ValidateCommandTests.lathe.path
        var arguments = [lathe, "generate", spec, "--output", output, "--quiet"]
        if ignoring {
            // As `nohup` starts a command: the signal ignored, which `exec` keeps.
            arguments = ["/bin/sh", "-c", "trap '' \(signal); exec \"$0\" \"$@\""] + arguments
        }
        for _ in 0 ..< 5 {
            try reset()
            // A run that ended on its own between the staged file and the signal says nothing;
            // one that ignored a signal it should take ends every try the same way, and fails.
            if let ending = try run(arguments, signal: signal, at: moment, output: output, temporary: temporary),
                ending != Ending(status: 0) || ignoring
            {
                return ending
            }
        }
        throw Inconclusive()
    }

    struct Inconclusive: Error, CustomStringConvertible {
        var description: String { "five runs ended before a staged file was seen, or before the signal" }
    }

    func expectStoppedCleanly(_ ending: Ending, temporary: String, outputParent: String) {
        #expect(ending == Ending(signal: SIGTERM))
        #expect(Folders.names(in: temporary) == [])
        #expect((Folders.names(in: outputParent) ?? []).filter { $0.hasPrefix(".lathe-staging-") } == [])
    }

    /// A fresh folder holding `large.json` and `tmp`, the run's temporary folder.
    func workspace() throws -> (root: String, temporary: String) {
        let root = try Folders.makeTemporary(prefix: "lathe-interrupted-")
        do {
            try Folders.create(root + "/tmp")
            try Self.largeSpec().write(toFile: root + "/large.json", atomically: true, encoding: .utf8)
        } catch {
            Folders.removeTree(root)
            throw error
        }
        return (root, root + "/tmp")
    }

    @Test func aRunStoppedWhileStagingInTheTemporaryFolderRemovesItsFolder() throws {
        let (root, temporary) = try workspace()
        defer { Folders.removeTree(root) }
        // An earlier run's output, which the stopped run must leave exactly as it was.
        let output = root + "/out"
        let earlier = "// Generated by lathe from ../large.json; do not edit.\nearlier\n"

        let ending = try generateAndStop(spec: root + "/large.json", output: output, temporary: temporary) {
            Folders.removeTree(output)
            try Folders.create(output)
            try earlier.write(toFile: output + "/Types_T.swift", atomically: true, encoding: .utf8)
        }

        expectStoppedCleanly(ending, temporary: temporary, outputParent: root)
        #expect(Folders.names(in: output) == ["Types_T.swift"])
        #expect(try String(contentsOfFile: output + "/Types_T.swift", encoding: .utf8) == earlier)
    }

    /// Stopped once its first file is in the output folder, the run moves the rest there before
    /// it ends: the output is never some files new and the rest old.
    @Test func aRunStoppedWhileMovingFilesIntoPlaceFinishesThem() throws {
        let (root, temporary) = try workspace()
        defer { Folders.removeTree(root) }
        let output = root + "/out"
        let complete = root + "/complete"
        let reference = try ValidateCommandTests().lathe(["generate", root + "/large.json", "--output", complete])
        let expected = (Folders.names(in: complete) ?? []).sorted()
        try #require(reference.status == 0 && expected.count > 50)

        let ending = try generateAndStop(
            spec: root + "/large.json", output: output, temporary: temporary, at: .committing
        ) { Folders.removeTree(output) }

        #expect(ending == Ending(signal: SIGTERM))
        #expect((Folders.names(in: output) ?? []).sorted() == expected)
        #expect(Folders.names(in: temporary) == [])
    }

    static let shmIsElsewhere: Bool = {
        guard let shm = Folders.device("/dev/shm") else { return false }
        return shm != Folders.device(Folders.temporaryFolder)
    }()

    /// Where the temporary folder is on another file system, the staging folder is beside the
    /// output, in the user's own folder: it must not stay there.
    @Test(.enabled(if: shmIsElsewhere, "/dev/shm is not another file system here"))
    func aRunStoppedWhileStagingBesideTheOutputRemovesItsFolder() throws {
        let root = try Folders.makeTemporary(in: "/dev/shm", prefix: "lathe-interrupted-")
        defer { Folders.removeTree(root) }
        let temporary = try Folders.makeTemporary(prefix: "lathe-interrupted-tmp-")
        defer { Folders.removeTree(temporary) }
        try Self.largeSpec().write(toFile: root + "/large.json", atomically: true, encoding: .utf8)

        let ending = try generateAndStop(spec: root + "/large.json", output: root + "/out", temporary: temporary) {
            Folders.removeTree(root + "/out")
        }

        expectStoppedCleanly(ending, temporary: temporary, outputParent: root)
        #expect(!Folders.exists(root + "/out"))
    }

    /// A signal the parent process ignores (`nohup` and `SIGHUP`) is not taken: the run goes on
    /// to the end.
    @Test func anIgnoredSignalStaysIgnored() throws {
        let (root, temporary) = try workspace()
        defer { Folders.removeTree(root) }
        let output = root + "/out"

        let ending = try generateAndStop(
            spec: root + "/large.json", output: output, temporary: temporary, signal: SIGHUP, ignoring: true
        ) { Folders.removeTree(output) }

        #expect(ending == Ending(status: 0))
        #expect(Folders.names(in: temporary) == [])
        #expect(Folders.exists(output + "/Client.swift"))
    }
}
