/// One finding about the input, as a value: what is wrong, where, and how bad.
///
/// Prints as `file:line:column: error: message`, the form Xcode and SwiftPM show inline.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is; `nil` only for problems that have no place in a file (an unreadable path).
    public var location: SpecLocation?
    /// The JSON pointer of the offending node within its file, when known (`/paths/~1pets/get`).
    public var pointer: String?

    public init(_ severity: Severity, _ message: String, at location: SpecLocation?, pointer: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.pointer = pointer
    }

    public static func error(_ message: String, at location: SpecLocation?, pointer: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, pointer: pointer)
    }

    public static func warning(_ message: String, at location: SpecLocation?, pointer: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, pointer: pointer)
    }

    public static func note(_ message: String, at location: SpecLocation?, pointer: String? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location, pointer: pointer)
    }

    public var description: String {
        if let location {
            return "\(location): \(severity.rawValue): \(message)"
        }
        return "lathe: \(severity.rawValue): \(message)"
    }
}

/// The diagnostics collected by one run, in the order they were found.
public struct Diagnostics: Sendable, Hashable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        all.append(contentsOf: other)
    }

    /// The diagnostics ordered by file, line and column, so output reads top to bottom.
    /// Notes stay right after the diagnostic they belong to.
    public var sorted: [Diagnostic] {
        // Group each note with the diagnostic before it, then sort the groups.
        var groups: [[Diagnostic]] = []
        for diagnostic in all {
            if diagnostic.severity == .note, !groups.isEmpty {
                groups[groups.count - 1].append(diagnostic)
            } else {
                groups.append([diagnostic])
            }
        }
        let ordered = groups.enumerated().sorted { a, b in
            switch (a.element[0].location, b.element[0].location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }
        return ordered.flatMap(\.element)
    }
}
