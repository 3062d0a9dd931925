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

    /// Runs `lathe generate` with `temporary` as its temporary folder, and sends `SIGTERM` once a
    /// staging folder, in `temporary` or beside `output`, holds a file. It is started as a shell
    /// starts a command, with no signal blocked and each stopping signal's default action
    /// (Foundation's `Process` passes on the test runner's blocked signals, where `SIGTERM`
    /// would never arrive).
    func generateAndStop(spec: String, output: String, temporary: String) throws -> Ending {
        let program = ValidateCommandTests.lathe.path
        let arguments = [program, "generate", spec, "--output", output, "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { for string in argv + envp { free(string) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopping, signal) }
        posix_spawnattr_setsigdefault(&attributes, &stopping)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child = pid_t()
        let spawned = posix_spawn(&child, program, nil, &attributes, argv, envp)
        try #require(spawned == 0)

        let besideOutput = Paths.directory(output)
        func stagedFiles() -> Int {
            var folders: [String] = (Folders.names(in: temporary) ?? []).map { temporary + "/" + $0 }
            for name in Folders.names(in: besideOutput) ?? [] where name.hasPrefix(".lathe-staging-") {
                folders.append(besideOutput + "/" + name)
            }
            return folders.reduce(0) { $0 + (Folders.names(in: $1)?.count ?? 0) }
        }
        var status: Int32 = 0
        while stagedFiles() == 0 && waitpid(child, &status, WNOHANG) == 0 { usleep(500) }
        kill(child, SIGTERM)
        waitpid(child, &status, 0)
        let signal = status & 0x7f
        return signal == 0 ? Ending(status: (status >> 8) & 0xff) : Ending(signal: signal)
    }

    func expectStoppedCleanly(_ ending: Ending, temporary: String, outputParent: String) {
        #expect(ending == Ending(signal: SIGTERM))
        #expect(Folders.names(in: temporary) == [])
        #expect((Folders.names(in: outputParent) ?? []).filter { $0.hasPrefix(".lathe-staging-") } == [])
    }

    @Test func aRunStoppedWhileStagingInTheTemporaryFolderRemovesItsFolder() throws {
        let root = try Folders.makeTemporary(prefix: "lathe-interrupted-")
        defer { Folders.removeTree(root) }
        let temporary = root + "/tmp"
        try Folders.create(temporary)
        try Self.largeSpec().write(toFile: root + "/large.json", atomically: true, encoding: .utf8)
        // An earlier run's output, which the stopped run must leave exactly as it was.
        let output = root + "/out"
        try Folders.create(output)
        let earlier = "// Generated by lathe from ../large.json; do not edit.\nearlier\n"
        try earlier.write(toFile: output + "/Types_T.swift", atomically: true, encoding: .utf8)

        let ending = try generateAndStop(spec: root + "/large.json", output: output, temporary: temporary)

        expectStoppedCleanly(ending, temporary: temporary, outputParent: root)
        #expect(Folders.names(in: output) == ["Types_T.swift"])
        #expect(try String(contentsOfFile: output + "/Types_T.swift", encoding: .utf8) == earlier)
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

        let ending = try generateAndStop(spec: root + "/large.json", output: root + "/out", temporary: temporary)

        expectStoppedCleanly(ending, temporary: temporary, outputParent: root)
        #expect(!Folders.exists(root + "/out"))
    }
}
