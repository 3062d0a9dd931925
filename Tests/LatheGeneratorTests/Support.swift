import Foundation
import LatheGenerator

/// The repository's root folder, from this file's path (Tests/LatheGeneratorTests/Support.swift).
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// The folder SwiftPM put this test build's modules in (LatheRuntime among them).
let modulesFolder: String = {
    #if os(Linux)
    let executable =
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    #else
    let executable = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }!.bundlePath
    #endif
    return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("Modules").path
}()

/// Typechecks Swift files against LatheRuntime the way a user's target would build them.
enum SwiftCompiler {
    struct Outcome {
        var status: Int32
        var output: String
    }

    static func typecheck(_ files: [String], flags: [String] = []) throws -> Outcome {
        try run(["swiftc", "-typecheck", "-swift-version", "6", "-I", modulesFolder] + flags + files)
    }

    /// Compiles the files to object files in `folder` and lists their symbols (`nm`); the output
    /// is the compiler's messages when it fails.
    static func objectSymbols(_ files: [String], in folder: URL, flags: [String] = []) throws -> Outcome {
        let compiled = try run(
            [
                "swiftc", "-c", "-parse-as-library", "-swift-version", "6", "-module-name", "Hostile", "-I",
                modulesFolder,
            ] + flags + files, in: folder)
        guard compiled.status == 0 else { return compiled }
        let objects = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".o") }.map
        { folder.appendingPathComponent($0).path }
        return try run(["nm"] + objects)
    }

    private static func run(_ arguments: [String], in folder: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

/// Writes generated files into a new temporary folder and returns their paths.
func writeToTemporaryFolder(_ files: [GeneratedFile], label: String) throws -> (folder: URL, paths: [String]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lathe-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var paths: [String] = []
    for file in files {
        let url = folder.appendingPathComponent(file.name)
        try Data(file.contents.utf8).write(to: url)
        paths.append(url.path)
    }
    return (folder, paths)
}

/// A readable line diff (unified style, three lines of context) of two texts.
enum LineDiff {
    static func unified(expected: String, actual: String, name: String, limit: Int = 60) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence table, from the end.
        var table = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [(Character, String)] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append((" ", old[i]))
                i += 1
                j += 1
            } else if j < new.count, i == old.count || table[i][j + 1] >= table[i + 1][j] {
                lines.append(("+", new[j]))
                j += 1
            } else {
                lines.append(("-", old[i]))
                i += 1
            }
        }
        var output = ["--- expected \(name)", "+++ generated \(name)"]
        var shown = Set<Int>()
        for (index, line) in lines.enumerated() where line.0 != " " {
            for context in max(0, index - 3) ... min(lines.count - 1, index + 3) { shown.insert(context) }
        }
        var previous = -2
        for index in shown.sorted() {
            if index != previous + 1 { output.append("@@ line \(index + 1) @@") }
            output.append("\(lines[index].0)\(lines[index].1)")
            previous = index
            if output.count > limit {
                output.append("… (diff cut at \(limit) lines)")
                break
            }
        }
        return output.joined(separator: "\n")
    }
}
