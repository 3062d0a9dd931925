import Foundation

/// A request's `Accept` header (RFC 9110, section 12.5.1): the media ranges a client takes, each
/// with its quality. A server reads it to choose among a response's content types; a client sets
/// it to say which it prefers. No ranges (no header) accepts anything.
public struct Accept: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// `type/subtype`, `type/*` or `*/*`, with a quality between 0 (not acceptable) and 1.
    public struct Range: Sendable, Hashable {
        public var type: String
        public var subtype: String
        public var quality: Double

        public init(type: String, subtype: String, quality: Double = 1) {
            self.type = type.lowercased()
            self.subtype = subtype.lowercased()
            self.quality = quality
        }

        /// How specifically the range names `type/subtype`: 2 exactly, 1 by type, 0 for `*/*`;
        /// `nil` when it does not match.
        func specificity(_ type: String, _ subtype: String) -> Int? {
            if self.type == "*" { return self.subtype == "*" ? 0 : nil }
            guard self.type == type else { return nil }
            if self.subtype == "*" { return 1 }
            return self.subtype == subtype ? 2 : nil
        }
    }

    public var ranges: [Range]

    public init(ranges: [Range] = []) {
        self.ranges = ranges
    }

    /// Reads a header value. Ranges that do not parse, or whose `q` is not a number, are left out,
    /// as a server would rather serve than fail on a client's typo.
    public init(_ header: String?) {
        var ranges: [Range] = []
        for element in (header ?? "").split(separator: ",") {
            let parts = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let media = parts.first?.split(separator: "/", omittingEmptySubsequences: false) ?? []
            guard media.count == 2, !media[0].isEmpty, !media[1].isEmpty, media[0] != "*" || media[1] == "*" else {
                continue
            }
            var quality = 1.0
            var valid = true
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
                if let value = Double(pair[1]), (0 ... 1).contains(value) { quality = value } else { valid = false }
            }
            if valid { ranges.append(Range(type: String(media[0]), subtype: String(media[1]), quality: quality)) }
        }
        self.init(ranges: ranges)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The header value (`application/json, text/plain;q=0.5`).
    public var description: String {
        ranges.map { range in
            "\(range.type)/\(range.subtype)" + (range.quality < 1 ? ";q=\(range.quality)" : "")
        }.joined(separator: ", ")
    }

    /// The quality the client gives a content type: that of the most specific range matching it,
    /// 0 when none does, 1 when there are no ranges.
    public func quality(of contentType: String) -> Double {
        guard !ranges.isEmpty else { return 1 }
        let media = BodyCoding.essence(contentType).split(separator: "/", maxSplits: 1).map(String.init)
        guard media.count == 2 else { return 0 }
        var best: (specificity: Int, quality: Double)?
        for range in ranges {
            guard let specificity = range.specificity(media[0], media[1]) else { continue }
            if best == nil || specificity > best!.specificity { best = (specificity, range.quality) }
        }
        return best?.quality ?? 0
    }

    /// Of the content types a server can send (in its own order of preference), the one the
    /// client prefers: the highest quality, the server's order among equals; `nil` when the client
    /// accepts none of them.
    public func preferred(among offered: [String]) -> String? {
        var chosen: (contentType: String, quality: Double)?
        for contentType in offered {
            let quality = quality(of: contentType)
            if quality > 0, quality > (chosen?.quality ?? 0) { chosen = (contentType, quality) }
        }
        return chosen?.contentType
    }
}
