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
    /// A stable name for this class of finding (`ref-unresolved`, `unknown-field`), printed after the
    /// message; users silence warnings by kind.
    public var kind: String?
    /// For an error in a spec Lathe can still make sense of: what `lathe generate` assumes instead
    /// of refusing ("Lathe treats it as required"). `nil` for errors that stop generation.
    public var reading: String?

    public init(
        _ severity: Diagnostic.Severity, _ message: String, at location: SpecLocation?, pointer: String? = nil,
        kind: String? = nil, reading: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.pointer = pointer
        self.kind = kind
        self.reading = reading
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

    /// `file:line:column: severity: message [kind]`. Control characters in the message (spec text
    /// can hold any) are escaped, so a spec cannot print lines that pass for Lathe's own, CI
    /// annotations or terminal escapes.
    public var description: String {
        let text = Self.printable(message) + (kind.map { " [\($0)]" } ?? "")
        if let location {
            return "\(location): \(severity.rawValue): \(text)"
        }
        return "lathe: \(severity.rawValue): \(text)"
    }

    /// `text` with C0 and C1 control characters (ESC, line breaks, …) and U+2028/U+2029 written as `\u{…}`.
    public static func printable(_ text: String) -> String {
        escapingScalars(text, where: isControl)
    }

    /// `text` with each scalar `needsEscape` picks written as a visible `\u{…}` escape: the one way
    /// spec text is made safe to print, here and in generated comments.
    public static func escapingScalars(_ text: String, where needsEscape: (Unicode.Scalar) -> Bool) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value) || scalar.value == 0x2028
            || scalar.value == 0x2029
    }

    /// The error as `lathe generate` reports it when the spec can still be read: a warning that
    /// says what Lathe assumed. Errors without a reading, and other severities, are unchanged.
    public var asGenerationFinding: Diagnostic {
        guard severity == .error, let reading else { return self }
        var warning = self
        warning.severity = .warning
        warning.message = message + "; " + reading
        return warning
    }
}

/// The diagnostics collected by one run, in the order they were found.
public struct Diagnostics: Sendable, Hashable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// What `lathe generate` reports (unless strict): each error that has a reading becomes a
    /// warning saying what Lathe assumed; warnings of the `silenced` kinds are left out (errors never
    /// are, and a note goes with the diagnostic before it).
    public func forGeneration(strict: Bool = false, silenced: Set<String> = []) -> Diagnostics {
        mapFindings { diagnostic in
            let finding = strict ? diagnostic : diagnostic.asGenerationFinding
            let isSilenced = finding.severity == .warning && finding.kind.map(silenced.contains) == true
            return isSilenced ? nil : finding
        }
    }

    /// Each finding (an error or a warning) as `transform` returns it, or left out with the notes
    /// after it, which belong to it, when it returns `nil`. A note with no pointer is about the
    /// run (too many diagnostics), not a finding, and always stays.
    public func mapFindings(_ transform: (Diagnostic) -> Diagnostic?) -> Diagnostics {
        var result: [Diagnostic] = []
        var droppingNotes = false
        for diagnostic in all {
            if diagnostic.severity == .note {
                if !droppingNotes || diagnostic.pointer == nil { result.append(diagnostic) }
                continue
            }
            let finding = transform(diagnostic)
            droppingNotes = finding == nil
            if let finding { result.append(finding) }
        }
        return Diagnostics(result)
    }

    /// Each finding once: one said again word for word at the same place is left out, with the
    /// notes after it.
    public var withoutRepeats: Diagnostics {
        var seen = Set<Diagnostic>()
        return mapFindings { seen.insert($0).inserted ? $0 : nil }
    }

    /// How many warnings there are of each kind (`unclassified` for those without one).
    public var warningCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for diagnostic in all where diagnostic.severity == .warning {
            counts[diagnostic.kind ?? "unclassified", default: 0] += 1
        }
        return counts
    }
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
