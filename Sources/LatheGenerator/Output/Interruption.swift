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
/// is still registered (`Registry.registering`), and ends the process by the same signal, so the shell and
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

        /// Makes a folder with `make` and registers it, in one step a signal cannot come between:
        /// it is removed if the process is stopped by a signal before `unregister`.
        func registering(_ make: () throws -> String) rethrows -> String {
            try locked {
                let folder = try make()
                folders.insert(folder)
                return folder
            }
        }

        func unregister(_ folder: String) {
            locked { _ = folders.remove(folder) }
        }

        func deferringSignals<T>(_ body: () throws -> T) rethrows -> T {
            try locked(body)
        }

        /// Waits for a deferred section to end (running `whileWaiting` first when one is in
        /// progress), runs `whenLocked`, then removes every registered folder. With `holding`,
        /// the lock is kept: the process ends next, and no folder may be made or committed
        /// meanwhile.
        func removeRegistered(
            holding: Bool = false, whileWaiting: () -> Void = {}, whenLocked: () -> Void = {}
        ) {
            if pthread_mutex_trylock(mutex) != 0 {
                whileWaiting()
                pthread_mutex_lock(mutex)
            }
            whenLocked()
            for folder in folders.sorted() {
                Self.removeWhileWritten(folder)
            }
            folders = []
            if !holding { pthread_mutex_unlock(mutex) }
        }

        /// Removes `folder` while other threads may still be writing files into it. It is renamed
        /// first, atomically: from then on a file cannot be made in it by its path, so the listing
        /// that follows is all there is to remove (a file opened before stays until its last
        /// write, so the removal is tried again). The new name ends in `~` instead of the last of
        /// the six characters `mkdtemp` chose (never `~`), so it is no other run's folder and a
        /// process killed meanwhile still leaves a name `Folders.removeAbandoned` knows. Where it
        /// cannot be renamed, it is removed where it is, listed again while files keep appearing.
        private static func removeWhileWritten(_ folder: String) {
            let removing = String(folder.dropLast()) + "~"
            let target = rename(folder, removing) == 0 ? removing : folder
            for _ in 0 ..< 100 {
                Folders.removeTree(target)
                if !Folders.exists(target) { return }
            }
        }
    }

    /// Takes `signals` for the rest of the process: blocks them in this thread, and so in every
    /// thread started after it, and starts the thread that waits for them. Call it first thing in
    /// `main`, before any other thread is started (a thread started earlier would take the signal
    /// itself and end the process at once), and once. A signal the parent process set to be
    /// ignored (`nohup` ignores `SIGHUP`, a shell's background job `SIGINT`) stays ignored.
    public static func handleSignals() {
        guard !isHandlingSignals else { return }
        isHandlingSignals = true
        let stopping = signals.filter { !isIgnored($0) }
        guard !stopping.isEmpty else { return }
        var taken = sigset_t()
        sigemptyset(&taken)
        for signal in stopping { sigaddset(&taken, signal) }
        pthread_sigmask(SIG_BLOCK, &taken, nil)
        watched = taken
        #if canImport(Darwin)
        var thread: pthread_t? = nil
        #else
        var thread = pthread_t()
        #endif
        let started = pthread_create(&thread, nil, { _ in Interruption.waitForSignal() }, nil)
        if started != 0 {
            pthread_sigmask(SIG_UNBLOCK, &taken, nil)  // no thread to take them: as before
        }
    }

    /// Written by `handleSignals`, on the main thread, before any other starts.
    nonisolated(unsafe) private static var isHandlingSignals = false

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

    private static func waitForSignal() -> UnsafeMutableRawPointer? {
        var set = watched
        var received: Int32 = 0
        var result: Int32
        repeat { result = sigwait(&set, &received) } while result == EINTR
        guard result == 0 else { return nil }  // only for a set it cannot wait on, which this is not
        registry.removeRegistered(holding: true) {
            // Moving files into place can take a while where they are copied (another file
            // system); a second Ctrl-C would do nothing, so the wait is said.
            let message = "lathe: stopping once the files being written are in place\n"
            _ = message.utf8.withContiguousStorageIfAvailable { write(2, $0.baseAddress, $0.count) }
        } whenLocked: {
            // Once a commit in progress has ended (and said whatever went wrong in it), what
            // the other threads still print (a file they could not write into a folder being
            // removed) is not the user's business.
            let null = open("/dev/null", O_WRONLY)
            if null >= 0 { dup2(null, 2) }
        }
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
