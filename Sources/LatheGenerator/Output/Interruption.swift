#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a run stopped by a signal leaves behind: nothing of its own, and no output folder half
/// committed. Ctrl-C (`SIGINT`), `SIGTERM` (a build system cancelling) and `SIGHUP` (the terminal
/// closing) are taken by a thread of their own (`handleSignals`), not by a handler: the cleanup
/// then runs as ordinary code, which a signal handler cannot (no `malloc`, no locks). That thread
/// waits for a commit in progress to end (`deferringSignals`), removes every staging folder that
/// is still registered (`Registry.register`), and ends the process by the same signal, so the shell and
/// the build system see how it stopped. Before, a staging folder beside the output stayed there
/// until a later run removed it, ten minutes on (`Folders.removeAbandoned`), and one in the
/// temporary folder until the system emptied it.
public enum Interruption {
    /// The signals taken: the ones that ask a process to stop. `SIGQUIT` keeps its core dump.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The process's folders to remove and its commits to wait for.
    static let registry = Registry()

    /// Runs `body` (moving files into the output folders) with signals held off: one that arrives
    /// meanwhile stops the process once `body` has returned, so every output folder is either as
    /// it was or as this run made it.
    public static func deferringSignals<T>(_ body: () throws -> T) rethrows -> T {
        try registry.deferringSignals(body)
    }

    /// Folders to remove when a signal stops the process, behind a mutex that a commit holds from
    /// start to end.
    final class Registry: @unchecked Sendable {
        private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
            let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(mutex, nil)
            return mutex
        }()
        /// Guarded by `mutex`.
        private var folders: Set<String> = []

        deinit {
            pthread_mutex_destroy(mutex)
            mutex.deallocate()
        }

        private func locked<T>(_ body: () throws -> T) rethrows -> T {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return try body()
        }

        /// Removes `folder` if the process is stopped by a signal before `unregister(folder)`.
        func register(_ folder: String) {
            locked { _ = folders.insert(folder) }
        }

        func unregister(_ folder: String) {
            locked { _ = folders.remove(folder) }
        }

        func deferringSignals<T>(_ body: () throws -> T) rethrows -> T {
            try locked(body)
        }

        /// Waits for a deferred section to end, then removes every registered folder. With
        /// `holding`, the lock is kept: the process ends next, and no commit may start meanwhile.
        func removeRegistered(holding: Bool = false) {
            pthread_mutex_lock(mutex)
            for folder in folders.sorted() {
                Self.removeWhileWritten(folder)
            }
            folders = []
            if !holding { pthread_mutex_unlock(mutex) }
        }

        /// Removes `folder` while other threads may still be writing files into it: a file made
        /// between listing the folder and removing it leaves it not empty, so it is listed again.
        /// Once it is gone, a thread's next file fails to open, and the process is about to end.
        private static func removeWhileWritten(_ folder: String) {
            for _ in 0 ..< 100 {
                Folders.removeTree(folder)
                if !Folders.exists(folder) { return }
            }
        }
    }

    /// Takes `signals` for the rest of the process: blocks them in this thread, and so in every
    /// thread started after it, and starts the thread that waits for them. Call it first thing in
    /// `main`, before any other thread is started (a thread started earlier would take the signal
    /// itself and end the process at once). A signal the parent process set to be ignored (`nohup`
    /// ignores `SIGHUP`, a shell's background job `SIGINT`) stays ignored.
    public static func handleSignals() {
        var taken = sigset_t()
        sigemptyset(&taken)
        for signal in signals where !isIgnored(signal) {
            sigaddset(&taken, signal)
        }
        pthread_sigmask(SIG_BLOCK, &taken, nil)
        watched = taken
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { _ in Interruption.waitForSignal() }, nil)
        if started != 0 {
            pthread_sigmask(SIG_UNBLOCK, &taken, nil)  // no thread to take them: as before
        }
    }

    /// The signals `handleSignals` blocked; written once, before the waiting thread starts.
    nonisolated(unsafe) private static var watched = sigset_t()

    private static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        #if canImport(Darwin)
        let handler = current.__sigaction_u.__sa_handler
        #else
        let handler = current.__sigaction_handler.sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static func waitForSignal() -> Never {
        var set = watched
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        // Whatever the other threads still print (a file they could not write into the folder
        // being removed) is not the user's business now.
        let null = open("/dev/null", O_WRONLY)
        if null >= 0 { dup2(null, 2) }
        registry.removeRegistered(holding: true)
        // End by the signal itself: its default action, unblocked in this thread only.
        signal(received, SIG_DFL)
        var one = sigset_t()
        sigemptyset(&one)
        sigaddset(&one, received)
        pthread_sigmask(SIG_UNBLOCK, &one, nil)
        raise(received)
        _exit(128 + received)
    }
}
