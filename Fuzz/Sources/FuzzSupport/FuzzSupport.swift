@_exported import CFuzzerDriver
import Foundation
import LatheGenerator
import LatheOpenAPI

/// Where the repository is, so `$ref`s in fuzz inputs resolve against the real fixtures.
public let repositoryRoot: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)  // Fuzz/Sources/FuzzSupport/FuzzSupport.swift
    return parts.joined(separator: "/")
}()

/// The name fuzz inputs are read under: a file beside the multi-file fixture, so that relative
/// `$ref`s (`common.yaml#/...`) reach real files and the refusal of paths that leave the folder runs.
public let inputPath = repositoryRoot + "/Tests/Fixtures/multi-file/fuzz-input.yaml"

/// The line that splits a decoder input into a spec and an overlay applied to it.
public let overlaySeparator: [UInt8] = Array("\n#%overlay\n".utf8)

/// A fuzz input as a spec and, after `overlaySeparator`, an optional overlay document.
public func splitInput(_ bytes: [UInt8]) -> (spec: [UInt8], overlay: [UInt8]?) {
    guard bytes.count >= overlaySeparator.count else { return (bytes, nil) }
    for start in 0 ... (bytes.count - overlaySeparator.count)
    where bytes[start] == overlaySeparator[0]
        && bytes[start ..< (start + overlaySeparator.count)].elementsEqual(overlaySeparator)
    {
        return (Array(bytes[..<start]), Array(bytes[(start + overlaySeparator.count)...]))
    }
    return (bytes, nil)
}

/// Stops the run with a message libFuzzer records next to the input that caused it.
public func fail(_ message: String) -> Never {
    fatalError("fuzz: \(message)")
}

/// A printed diagnostic is one line: spec text never reaches it with a raw control character, and
/// every diagnostic about the spec's contents points at a place in a file.
public func checkDiagnostics(_ diagnostics: Diagnostics) {
    for diagnostic in diagnostics.all {
        let rendered = diagnostic.description
        if rendered.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F ... 0x9F).contains($0.value) }) {
            fail("a diagnostic carries a raw control character: \(rendered.debugDescription)")
        }
    }
}

#if canImport(Glibc)
@_exported import Glibc
#endif

/// Runs libFuzzer on `test` with this process's arguments.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}

/// Every `LATHE_FUZZ_COMPILE_EVERY`-th input that generates Swift (default 2,000; 0 turns it off)
/// has that Swift typechecked against the main package's debug build (`swift build` first), so a
/// sample of what the pipeline writes is known to compile, not only to have the right shape.
public final class CompileSampler: @unchecked Sendable {
    public static let shared = CompileSampler()
    private let every = ProcessInfo.processInfo.environment["LATHE_FUZZ_COMPILE_EVERY"].flatMap(Int.init) ?? 2_000
    private var seen = 0
    private let modules = repositoryRoot + "/.build/debug/Modules"

    /// Typechecks `files` when their turn comes; a failure stops the run with the compiler's errors.
    public func sample(_ files: [GeneratedFile]) {
        guard every > 0, !files.isEmpty, FileManager.default.fileExists(atPath: modules) else { return }
        seen += 1
        guard seen % every == 0 else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lathe-fuzz-\(getpid())-\(seen)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            guard (try? Data(file.contents.utf8).write(to: url)) != nil else { return }
            paths.append(url.path)
        }
        // system(3), not Process: libFuzzer's timers interrupt reads, which Foundation's pipes do not survive.
        let log = folder.appendingPathComponent("typecheck.log").path
        let quoted = ([modules] + paths + [log]).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command =
            "swiftc -typecheck -swift-version 6 -I \(quoted[0]) \(quoted[1..<(quoted.count - 1)].joined(separator: " ")) > \(quoted.last!) 2>&1"
        let status = system(command)
        if status != 0 {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let errors = output.split(separator: "\n").filter { $0.contains("error:") }.prefix(5)
            fail("the generated Swift does not compile:\n" + errors.joined(separator: "\n"))
        }
    }
}
