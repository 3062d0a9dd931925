import Foundation
import Testing

@testable import LatheGenerator

/// What the thread that takes a stopping signal does before the process ends
/// (`Interruption.Registry`), without a signal: a registry of the test's own, since the process's
/// holds the folders of every test staging files meanwhile.
struct InterruptionTests {
    @Test func registeredFoldersAreRemovedAndUnregisteredOnesKept() throws {
        let registry = Interruption.Registry()
        let staged = try Folders.makeTemporary(prefix: "lathe-interrupt-")
        let finished = try Folders.makeTemporary(prefix: "lathe-interrupt-")
        defer { Folders.removeTree(finished) }
        try Data("a".utf8).write(to: URL(fileURLWithPath: staged + "/A.swift"))
        try FileManager.default.createDirectory(atPath: staged + "/inner", withIntermediateDirectories: true)
        try Data("b".utf8).write(to: URL(fileURLWithPath: staged + "/inner/B.swift"))
        _ = registry.registering { staged }
        _ = registry.registering { finished }
        registry.unregister(finished)

        registry.removeRegistered()

        #expect(!Folders.exists(staged) && !Folders.exists(String(staged.dropLast()) + "~"))
        #expect(Folders.exists(finished))
        // Nothing is left registered: a second signal's cleanup finds nothing to do.
        try FileManager.default.createDirectory(atPath: staged, withIntermediateDirectories: true)
        defer { Folders.removeTree(staged) }
        registry.removeRegistered()
        #expect(Folders.exists(staged))
    }

    /// A signal during a commit takes effect after it: the cleanup says it is waiting, and runs
    /// (stderr silenced, folders removed) only once the section has ended.
    @Test func theCleanupWaitsForACommitInProgress() throws {
        let registry = Interruption.Registry()
        let staged = try Folders.makeTemporary(prefix: "lathe-interrupt-")
        defer { Folders.removeTree(staged) }
        _ = registry.registering { staged }
        let committed = staged + ".committed"
        defer { unlink(committed) }
        let started = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let commit = Thread {
            registry.deferringSignals {
                started.signal()
                // Until the cleanup has found the section in progress (or long enough to fail).
                _ = proceed.wait(timeout: .now() + 10)
                usleep(50_000)
                _ = FileManager.default.createFile(atPath: committed, contents: Data())
            }
        }
        commit.start()
        started.wait()

        var waited = false
        var committedWhenLocked = false
        registry.removeRegistered(
            whileWaiting: {
                waited = true
                proceed.signal()
            },
            whenLocked: { committedWhenLocked = Folders.exists(committed) })

        #expect(waited)
        #expect(committedWhenLocked)
        #expect(!Folders.exists(staged) && !Folders.exists(String(staged.dropLast()) + "~"))
    }

    /// The cleanup before the process ends keeps the lock: a commit that would start after it
    /// (another thread finishing its files) never does. The thread left waiting here waits until
    /// the test process exits, as it would until the signal ends `lathe`.
    @Test func theCleanupThatEndsTheProcessKeepsCommitsOut() throws {
        let registry = Interruption.Registry()
        registry.removeRegistered(holding: true)
        let started = DispatchSemaphore(value: 0)
        let ran = DispatchSemaphore(value: 0)
        let commit = Thread {
            started.signal()
            _ = registry.deferringSignals { ran.signal() }
        }
        commit.start()
        started.wait()

        #expect(ran.wait(timeout: .now() + 0.3) == .timedOut)
    }

    @Test func aFolderWrittenIntoWhileItIsRemovedIsRemoved() throws {
        let registry = Interruption.Registry()
        let staged = try Folders.makeTemporary(prefix: "lathe-interrupt-")
        defer { Folders.removeTree(staged) }
        _ = registry.registering { staged }
        let writer = Thread {
            // As an emitting thread does until the folder is gone.
            for index in 0 ..< 100_000 {
                let fd = open(staged + "/F\(index).swift", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                if fd < 0 { return }
                close(fd)
            }
        }
        writer.start()
        while (Folders.names(in: staged) ?? []).count < 50 { usleep(100) }

        registry.removeRegistered()

        #expect(!Folders.exists(staged) && !Folders.exists(String(staged.dropLast()) + "~"))
    }
}
