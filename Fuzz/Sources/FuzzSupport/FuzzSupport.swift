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
    for start in 0...(bytes.count - overlaySeparator.count)
    where bytes[start] == overlaySeparator[0] && bytes[start..<(start + overlaySeparator.count)].elementsEqual(overlaySeparator) {
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
        if rendered.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            fail("a diagnostic carries a raw control character: \(rendered.debugDescription)")
        }
    }
}

@_exported import CFuzzerDriver
#if canImport(Glibc)
@_exported import Glibc
#endif

/// Runs libFuzzer on `test` with this process's arguments.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}
