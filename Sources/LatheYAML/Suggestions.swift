import LatheDiagnostics

/// "Did you mean" for misspelt field names and missing ref targets.
package enum Suggestions {
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().utf8)
        let limit = max(1, target.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            guard abs(candidate.utf8.count - target.count) <= limit else { continue }
            let bound = min(limit, (best?.1 ?? .max) - 1)
            if let distance = editDistance(target, Array(candidate.lowercased().utf8), bound: bound) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// Levenshtein distance if it is at most `bound`, else `nil` (stops as soon as a row exceeds it).
    package static func editDistance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int? {
        guard bound >= 0, abs(a.count - b.count) <= bound else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0 ... b.count)
        var current = previous
        for i in 1 ... a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1 ... b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}

extension Diagnostics {
    /// An `unknown-field` diagnostic at `key`, naming the closest of `fields` ("did you mean") or,
    /// when none is close, listing them. Errors where a mistake stops the reader (a configuration),
    /// warnings where the field is ignored.
    package mutating func unknownField(
        _ key: YAMLNode, in what: String, fields: [String], severity: Diagnostic.Severity = .warning
    ) {
        let text = key.text ?? key.kindDescription
        var message = "unknown field '\(text)' in \(what)" + (severity == .warning ? "; it is ignored" : "")
        if let suggestion = Suggestions.closest(to: text, among: fields) {
            message += " (did you mean '\(suggestion)'?)"
        } else {
            message += " (\(what) has: \(fields.joined(separator: ", ")))"
        }
        report(severity, message, at: key, kind: "unknown-field")
    }

    /// `unknownField` for every key of the mapping `node` that is not one of `fields`; `x-` keys
    /// are extensions, never unknown, unless `allowsExtensions` is false.
    package mutating func unknownFields(
        of node: YAMLNode, in what: String, fields: [String], severity: Diagnostic.Severity = .warning,
        allowsExtensions: Bool = true
    ) {
        for (key, _) in node.entries {
            if allowsExtensions, key.textHasPrefix("x-") { continue }
            if let text = key.text, fields.contains(text) { continue }
            unknownField(key, in: what, fields: fields, severity: severity)
        }
    }
}
