import Foundation

/// RFC 3339 date-times (OpenAPI's `format: date-time`), with or without fractional seconds and
/// with any UTC offset, parsed and printed without Foundation's formatters.
@_spi(Generated) public enum RFC3339 {
    /// `2026-11-21T10:00:00Z`, `2026-11-21T10:00:00.123+01:00`, `…t…z` (lowercase is allowed).
    public static func date(from text: String) -> Date? {
        date(from: text, withoutOffsetIn: nil)
    }

    /// `date(from:)`, except that with `zone` a date-time without its offset
    /// (`2026-11-21T10:00:00`, which RFC 3339 does not allow) is read as the time there, and with
    /// `isoForms` ISO 8601's other forms of one meaning: an offset written `+0200` as `+02:00`, a
    /// time without seconds (`10:00+02:00`, Bright Sky's) at 0 seconds.
    public static func date(
        from text: String, withoutOffsetIn zone: TimeZone?, isoForms: Bool = false
    ) -> Date? {
        let b = Array(text.utf8)
        let hasSeconds = b.count >= 19 && b[16] == UInt8(ascii: ":")
        guard b.count >= (isoForms ? 16 : 19), hasSeconds || isoForms, b[4] == UInt8(ascii: "-"),
            b[7] == UInt8(ascii: "-"),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            b[13] == UInt8(ascii: ":"),
            let year = CalendarDate.number(b[0 ..< 4]), let month = CalendarDate.number(b[5 ..< 7]),
            let day = CalendarDate.number(b[8 ..< 10]), let hour = CalendarDate.number(b[11 ..< 13]),
            let minute = CalendarDate.number(b[14 ..< 16]),
            let second = hasSeconds ? CalendarDate.number(b[17 ..< 19]) : 0,
            CalendarDate(year: year, month: month, day: day) != nil, hour < 24, minute < 60, second <= 60
        else { return nil }
        var index = hasSeconds ? 19 : 16
        // Without seconds, no fraction either: what follows is the offset.
        guard hasSeconds || index == b.count || b[index] != UInt8(ascii: ".") else { return nil }
        var fraction = 0.0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < b.count, b[index] >= UInt8(ascii: "0"), b[index] <= UInt8(ascii: "9") {
                fraction += Double(b[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let local = days * 86400 + hour * 3600 + minute * 60 + min(second, 59)
        guard index < b.count else {
            guard let zone else { return nil }
            return Date(timeIntervalSince1970: Double(local - offset(ofLocal: local, in: zone)) + fraction)
        }
        var offset = 0
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == b.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let extended = index + 6 == b.count && b[index + 3] == UInt8(ascii: ":")
            guard extended || (isoForms && index + 5 == b.count),
                let hours = CalendarDate.number(b[index + 1 ..< index + 3]),
                let minutes = CalendarDate.number(b[(extended ? index + 4 : index + 3) ..< b.count]),
                hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (b[index] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        return Date(timeIntervalSince1970: Double(local - offset) + fraction)
    }

    /// The offset of `zone` for a local time (seconds from 1970 as if it were UTC), as Java's
    /// `LocalDateTime.atZone` takes it: in an hour that repeats when clocks go back, the earlier
    /// instant's; in one skipped when they go forward, the offset before it, which reads the time
    /// as that much later.
    static func offset(ofLocal local: Int, in zone: TimeZone) -> Int {
        func offset(at seconds: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))) }
        // The offsets a day either side: a zone changes its offset at most once in such a span.
        let before = offset(at: local - 86400)
        let after = offset(at: local + 86400)
        let holding = [before, after].filter { offset(at: local - $0) == $0 }
        return holding.max() ?? before
    }

    /// `date(from:)`, except in a client call: an offset without its colon (`+0200`, as Java's `Z`
    /// pattern prints it), which has one meaning though RFC 3339 does not allow it, is read; and
    /// where the configuration names a time zone for them
    /// (`ClientConfiguration.timeZoneForDateTimesWithoutOffset`), a date-time without its offset
    /// is read as the time there.
    static func dateAsConfigured(from text: String) -> Date? {
        if let date = date(from: text) { return date }
        // `nil` in a generated server's handling of a request, even one a client in the same
        // process sent (`ServerLimits.apply`), which reads what the spec says.
        guard let configuration = ClientConfiguration.current else { return nil }
        return date(
            from: text, withoutOffsetIn: configuration.timeZoneForDateTimesWithoutOffset, isoForms: true)
    }

    /// Why `text` is no date-time `dateAsConfigured` reads, for a decoding error.
    static func refusal(of text: String) -> String {
        guard date(from: text, withoutOffsetIn: TimeZone(secondsFromGMT: 0)) != nil else {
            return "'\(text)' is not an RFC 3339 date-time"
        }
        let reason = "'\(text)' has no UTC offset, which an RFC 3339 date-time must have"
        // Only a client can choose to read it: a generated server holds its clients to the spec.
        guard ClientConfiguration.current != nil else { return reason }
        return reason
            + " (ClientConfiguration.timeZoneForDateTimesWithoutOffset reads such date-times in a time zone you name)"
    }

    /// UTC with `Z`; milliseconds or microseconds only when the date has them.
    public static func string(from date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = Int(interval.rounded(.down))
        var micros = Int(((interval - Double(seconds)) * 1_000_000).rounded())
        if micros == 1_000_000 {
            seconds += 1
            micros = 0
        }
        var days = seconds / 86400
        var rest = seconds % 86400
        if rest < 0 {
            rest += 86400
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(String(repeating: "0", count: max(0, 4 - String(year).count)))\(year)-\(two(month))-\(two(day))T"
        text += "\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))"
        if micros != 0 {
            let digits = String(micros)
            let padded = String(repeating: "0", count: 6 - digits.count) + digits
            text += "." + (micros % 1000 == 0 ? String(padded.prefix(3)) : padded)
        }
        return text + "Z"
    }

    // Days from 1970-01-01, and back (Howard Hinnant's civil-date algorithms).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// JSON coders set up for generated types: RFC 3339 date-times (with or without fractional
/// seconds), `Decimal` numbers kept exact, UUIDs written in lower case (`LowercaseUUIDJSONEncoder`),
/// and nothing else changed.
public enum JSONCoding {
    /// `rejectingNull`: a present `null` for an optional property that does not allow null fails,
    /// as the spec says. Generated servers read requests this way; clients read responses leniently
    /// (as absent), since providers often send `null` where their specs do not say they may.
    public static func decoder(rejectingNull: Bool = false) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[readsJSONKindsKey] = true
        if rejectingNull { decoder.userInfo[rejectsNullKey] = true }
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.dateAsConfigured(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: RFC3339.refusal(of: text))
            }
            return date
        }
        return decoder
    }

    static let rejectsNullKey = CodingUserInfoKey(rawValue: "LatheRuntime.rejectsNull")!
    static let readsJSONKindsKey = CodingUserInfoKey(rawValue: "LatheRuntime.readsJSONKinds")!

    /// Whether `decoder` is one of these, whose values decode only as their own JSON kind: a
    /// number not as a string, as a decoder of text (query strings, YAML) might.
    static func readsJSONKinds(_ decoder: any Decoder) -> Bool {
        decoder.userInfo[readsJSONKindsKey] as? Bool == true
    }

    /// Whether `decoder` reads a present `null` for a property that does not allow it as an error.
    @_spi(Generated) public static func rejectsNull(_ decoder: any Decoder) -> Bool {
        decoder.userInfo[rejectsNullKey] as? Bool == true
    }

    public static func encoder() -> JSONEncoder {
        let encoder = LowercaseUUIDJSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.string(from: date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

@_spi(Generated) extension KeyedDecodingContainer {
    /// `decodeIfPresent`, except that with `rejectingNull` a present `null` is an error rather than absent.
    public func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key, rejectingNull: Bool) throws -> T? {
        if rejectingNull, contains(key), try decodeNil(forKey: key) {
            throw DecodingError.valueNotFound(
                T.self,
                DecodingError.Context(codingPath: codingPath + [key], debugDescription: "is null, which it may not be"))
        }
        return try decodeIfPresent(type, forKey: key)
    }
}

@_spi(Generated) extension UnkeyedDecodingContainer {
    /// `decodeIfPresent` for a tuple's position the list may end before: with `rejectingNull` a
    /// present `null` (which the position's schema does not allow) is an error rather than absent.
    public mutating func decodeIfPresent<T: Decodable>(_ type: T.Type, rejectingNull: Bool) throws -> T? {
        guard !isAtEnd else { return nil }
        if try decodeNil() {
            guard !rejectingNull else {
                throw DecodingError.valueNotFound(
                    T.self,
                    DecodingError.Context(codingPath: codingPath, debugDescription: "is null, which it may not be"))
            }
            return nil
        }
        return try decode(type)
    }
}
