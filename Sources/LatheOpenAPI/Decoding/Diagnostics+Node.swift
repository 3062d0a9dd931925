import LatheDiagnostics
import LatheYAML

extension Diagnostics {
    /// At most this many diagnostics are kept per description; a file with thousands of the same
    /// mistake says so once at the end instead of flooding the terminal.
    static let limit = 1000

    mutating func report(_ severity: Diagnostic.Severity, _ message: String, at node: YAMLNode) {
        guard all.count < Self.limit else {
            if all.count == Self.limit {
                append(.note("too many diagnostics; Lathe stops listing them here", at: node.location))
            }
            return
        }
        append(Diagnostic(severity, message, at: node.location, pointer: node.pointer))
    }

    mutating func error(_ message: String, at node: YAMLNode) { report(.error, message, at: node) }
    mutating func warning(_ message: String, at node: YAMLNode) { report(.warning, message, at: node) }
    mutating func note(_ message: String, at node: YAMLNode) { report(.note, message, at: node) }
}
