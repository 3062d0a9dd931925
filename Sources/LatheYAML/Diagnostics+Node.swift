import LatheDiagnostics

/// The one way every stage (decoding, overlays, configuration, lowering) reports about a node:
/// located, with its JSON pointer, and capped.
extension Diagnostics {
    /// At most this many diagnostics are kept per description; a file with thousands of the same
    /// mistake says so once at the end instead of flooding the terminal.
    package static let limit = 1000

    package mutating func report(
        _ severity: Diagnostic.Severity, _ message: String, at node: YAMLNode, kind: String? = nil,
        reading: String? = nil
    ) {
        guard all.count < Self.limit else {
            if all.count == Self.limit {
                append(.note("too many diagnostics; Lathe stops listing them here", at: node.location))
            }
            return
        }
        append(Diagnostic(severity, message, at: node.location, pointer: node.pointer, kind: kind, reading: reading))
    }

    /// An error; `reading` says what `lathe generate` assumes instead of refusing (see `Diagnostic.reading`).
    package mutating func error(_ message: String, at node: YAMLNode, kind: String? = nil, reading: String? = nil) {
        report(.error, message, at: node, kind: kind, reading: reading)
    }

    package mutating func warning(_ message: String, at node: YAMLNode, kind: String? = nil) {
        report(.warning, message, at: node, kind: kind)
    }
    package mutating func note(_ message: String, at node: YAMLNode) { report(.note, message, at: node) }
}
