import LatheDiagnostics
import LatheYAML

extension Diagnostics {
    /// At most this many diagnostics are kept per description; a file with thousands of the same
    /// mistake says so once at the end instead of flooding the terminal.
    static let limit = 1000

    mutating func report(_ severity: Diagnostic.Severity, _ message: String, at node: YAMLNode, kind: String? = nil, reading: String? = nil) {
        guard all.count < Self.limit else {
            if all.count == Self.limit {
                append(.note("too many diagnostics; Lathe stops listing them here", at: node.location))
            }
            return
        }
        append(Diagnostic(severity, message, at: node.location, pointer: node.pointer, kind: kind, reading: reading))
    }

    /// An error; `reading` says what `lathe generate` assumes instead of refusing (see `Diagnostic.reading`).
    mutating func error(_ message: String, at node: YAMLNode, kind: String? = nil, reading: String? = nil) {
        report(.error, message, at: node, kind: kind, reading: reading)
    }

    mutating func warning(_ message: String, at node: YAMLNode, kind: String? = nil) { report(.warning, message, at: node, kind: kind) }
    mutating func note(_ message: String, at node: YAMLNode) { report(.note, message, at: node) }
}
