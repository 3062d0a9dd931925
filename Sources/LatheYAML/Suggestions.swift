import LatheDiagnostics

/// "Did you mean" for misspelt field names and missing ref targets.
package enum Suggestions {
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        var closest = Closest(to: word)
        for candidate in candidates { closest.consider(candidate) }
        return closest.best
    }

    /// The closest candidate so far: within a third of the word's length in edits, the first of
    /// the nearest in the order considered. Reuses its buffers, so considering a candidate
    /// allocates nothing unless it is the new best.
    package struct Closest {
        private let target: [UInt8]
        private let limit: Int
        private var found: (text: String, distance: Int)?
        private var lowered: [UInt8] = []
        private var rows: (previous: [Int], current: [Int]) = ([], [])
        /// How often each byte occurs in `target`, and a copy to count a candidate's bytes against.
        private let targetCounts: [Int]
        private var unmatched: [Int]

        package init(to word: String) {
            target = Array(word.lowercased().utf8)
            limit = max(1, target.count / 3)
            var counts = Array(repeating: 0, count: 256)
            for byte in target { counts[Int(byte)] += 1 }
            targetCounts = counts
            unmatched = counts
        }

        /// A lower bound of the edit distance to `lowered`, in time linear in its length: every
        /// edit changes by at most one how many bytes either side has that the other lacks.
        private mutating func bagDistance() -> Int {
            var matched = 0
            for byte in lowered where unmatched[Int(byte)] > 0 {
                unmatched[Int(byte)] -= 1
                matched += 1
            }
            for byte in lowered { unmatched[Int(byte)] = targetCounts[Int(byte)] }
            return max(target.count - matched, lowered.count - matched)
        }

        package var best: String? { found?.text }

        /// Whether a candidate of `byteCount` UTF-8 bytes could be close enough: callers holding
        /// many candidates skip the rest without making their text.
        package func admits(byteCount: Int) -> Bool { abs(byteCount - target.count) <= limit }

        package mutating func consider(_ candidate: String) {
            var contiguous = candidate
            contiguous.withUTF8 { consider(utf8: $0) { candidate } }
        }

        /// `consider` for a candidate given as its UTF-8 bytes; `text` makes it only if it is the best.
        package mutating func consider(utf8 bytes: UnsafeBufferPointer<UInt8>, text: () -> String) {
            guard admits(byteCount: bytes.count) else { return }
            lowered.removeAll(keepingCapacity: true)
            if bytes.allSatisfy({ $0 < 0x80 }) {
                lowered.append(contentsOf: bytes.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 })
            } else {
                lowered.append(contentsOf: String(decoding: bytes, as: UTF8.self).lowercased().utf8)
            }
            let bound = min(limit, (found?.distance ?? .max) - 1)
            guard bagDistance() <= bound else { return }
            if let distance = Suggestions.editDistance(target, lowered, bound: bound, rows: &rows) {
                found = (text(), distance)
            }
        }
    }

    /// Levenshtein distance if it is at most `bound`, else `nil` (stops as soon as a row exceeds
    /// it); `rows` is scratch space, kept between calls so that a call allocates nothing.
    private static func editDistance(
        _ a: [UInt8], _ b: [UInt8], bound: Int, rows: inout (previous: [Int], current: [Int])
    ) -> Int? {
        guard bound >= 0, abs(a.count - b.count) <= bound else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        rows.previous.removeAll(keepingCapacity: true)
        rows.previous.append(contentsOf: 0 ... b.count)
        rows.current.removeAll(keepingCapacity: true)
        rows.current.append(contentsOf: repeatElement(0, count: b.count + 1))
        for i in 1 ... a.count {
            rows.current[0] = i
            var rowMinimum = i
            for j in 1 ... b.count {
                rows.current[j] = min(
                    rows.previous[j] + 1, rows.current[j - 1] + 1,
                    rows.previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, rows.current[j])
            }
            if rowMinimum > bound { return nil }
            swap(&rows.previous, &rows.current)
        }
        return rows.previous[b.count] <= bound ? rows.previous[b.count] : nil
    }
}

extension YAMLNode {
    /// The key of this mapping closest to `word`, for "did you mean". Keys are compared as the
    /// bytes they are stored as, and only the best is made into text, so a thousand misses in a
    /// mapping of thousands of keys (refs to missing schemas) stay cheap.
    package func closestKey(to word: String) -> String? {
        var closest = Suggestions.Closest(to: word)
        tree.text.withUnsafeBufferPointer { text in
            for (key, _) in entries where key.kind == .scalar {
                let record = key.record
                guard closest.admits(byteCount: Int(record.count)) else { continue }
                let bytes = UnsafeBufferPointer(rebasing: text[Int(record.start) ..< Int(record.start + record.count)])
                closest.consider(utf8: bytes) { String(decoding: bytes, as: UTF8.self) }
            }
        }
        return closest.best
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
