import Foundation
@_spi(Generated) import LatheRuntime
import OpenAPIRuntime
import Testing

/// RFC 3339 date-times as the runtime reads them, and the client's choice to read date-times
/// without an offset (`ClientConfiguration.timeZoneForDateTimesWithoutOffset`).
struct DateTimeTests {
    static let noon = Date(timeIntervalSince1970: 1_751_371_200)  // 2025-07-01T12:00:00Z

    @Test(arguments: [
        ("2025-07-01T12:00:00Z", 0.0),
        ("2025-07-01t12:00:00z", 0),
        ("2025-07-01 12:00:00Z", 0),
        ("2025-07-01T14:00:00+02:00", 0),
        ("2025-07-01T07:30:00-04:30", 0),
        ("2025-07-01T12:00:00.25Z", 0.25),
        ("2025-07-01T12:00:00.123456Z", 0.123456),
    ])
    func readsEveryFormRFC3339Allows(text: String, fraction: Double) throws {
        let date = try #require(RFC3339.date(from: text))
        #expect(abs(date.timeIntervalSince(Self.noon) - fraction) < 1e-6)
    }

    @Test(arguments: [
        "2025-07-01T12:00:00", "2025-07-01T12:00:00.5", "2025-07-01T12:00", "2025-07-01", "2025-13-01T12:00:00Z",
        "2025-07-01T12:00:00+2:00", "2025-07-01T12:00:00Zjunk", "2025-07-01T12:00:00.Z", "",
    ])
    func refusesWhatRFC3339DoesNot(text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    /// A zone with a summer offset: each date-time is read at the offset in force on its day.
    @Test func aDateTimeWithoutOffsetIsReadInTheZoneNamed() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(RFC3339.date(from: "2025-07-01T12:00:00", withoutOffsetIn: utc) == Self.noon)
        #expect(RFC3339.date(from: "2025-07-01T14:00:00", withoutOffsetIn: berlin) == Self.noon)
        let winter = try #require(RFC3339.date(from: "2025-01-15T12:00:00", withoutOffsetIn: berlin))
        #expect(winter == RFC3339.date(from: "2025-01-15T11:00:00Z"))
        let fraction = try #require(RFC3339.date(from: "2025-07-01T12:00:00.5", withoutOffsetIn: utc))
        #expect(fraction.timeIntervalSince(Self.noon) == 0.5)
        // An offset, when there is one, wins over the zone.
        #expect(RFC3339.date(from: "2025-07-01T12:00:00Z", withoutOffsetIn: berlin) == Self.noon)
        // The hour after a change of offset is read at the new one.
        let afterSpring = try #require(RFC3339.date(from: "2025-03-30T04:00:00", withoutOffsetIn: berlin))
        #expect(afterSpring == RFC3339.date(from: "2025-03-30T02:00:00Z"))
    }

    /// Times clocks skip or repeat, read as Java's `LocalDateTime.atZone` reads them, on either
    /// side of UTC: a skipped time is that much later, a repeated one the earlier instant.
    @Test(arguments: [
        ("Europe/Berlin", "2025-03-30T02:30:00", "2025-03-30T01:30:00Z"),
        ("America/New_York", "2025-03-09T02:30:00", "2025-03-09T07:30:00Z"),
        ("Europe/Berlin", "2025-10-26T02:30:00", "2025-10-26T00:30:00Z"),
        ("America/New_York", "2025-11-02T01:30:00", "2025-11-02T05:30:00Z"),
    ])
    func skippedAndRepeatedTimesAreReadAsJavaReadsThem(zone: String, local: String, instant: String) throws {
        let zone = try #require(TimeZone(identifier: zone))
        #expect(RFC3339.date(from: local, withoutOffsetIn: zone) == RFC3339.date(from: instant))
    }

    struct Event: Codable, Sendable, Equatable {
        var at: Date
    }

    static let offsetless = Data(#"{"at":"2025-07-01T12:00:00"}"#.utf8)

    /// Outside a call, and in a call whose configuration names no zone, the value fails with a
    /// message that says what is missing, and in a client call how to read it.
    @Test func withoutAZoneTheValueFailsAndTheErrorSaysWhy() async throws {
        let outside = try #require(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(Event.self, from: Self.offsetless)
        }
        #expect("\(outside)".contains("'2025-07-01T12:00:00' has no UTC offset, which an RFC 3339 date-time must have"))
        #expect(!"\(outside)".contains("ClientConfiguration"))
        let inCall = try await #require(throws: DecodingError.self) {
            try await ClientSupport.call("get", ClientConfiguration()) {
                try JSONCoding.decoder().decode(Event.self, from: Self.offsetless)
            }
        }
        #expect("\(inCall)".contains("ClientConfiguration.timeZoneForDateTimesWithoutOffset"))
        let malformed = try #require(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(Event.self, from: Data(#"{"at":"yesterday"}"#.utf8))
        }
        #expect("\(malformed)".contains("'yesterday' is not an RFC 3339 date-time"))
    }

    /// An offset without its colon (`+0200`, Java's `Z` pattern; the Autobahn API's) has one meaning:
    /// a client reads it, a server holds its clients to RFC 3339.
    @Test func aClientReadsAnOffsetWithoutItsColon() async throws {
        let text = "2025-07-01T14:00:00.000+0200"
        #expect(RFC3339.date(from: text) == nil)
        let read = try await ClientSupport.call("get", ClientConfiguration()) {
            (Date(uriText: text), Date(uriText: "2025-07-01T08:30:00-0330"), Date(uriText: "2025-07-01T14:00:00+02"))
        }
        #expect(read.0 == Self.noon && read.1 == Self.noon && read.2 == nil)
        let served = try await ClientSupport.call("get", ClientConfiguration()) {
            await ServerLimits().apply { Date(uriText: text) }
        }
        #expect(served == nil)
    }

    /// A time without seconds (`08:00+02:00`, ISO 8601's; Bright Sky's timestamps) has one meaning,
    /// 0 seconds: a client reads it, a server holds its clients to RFC 3339. Not a fraction
    /// without seconds, nor hours alone.
    @Test func aClientReadsATimeWithoutSeconds() async throws {
        #expect(RFC3339.date(from: "2025-07-01T14:00+02:00") == nil)
        let read = try await ClientSupport.call("get", ClientConfiguration()) {
            [
                "2025-07-01T14:00+02:00", "2025-07-01T12:00Z", "2025-07-01T14:00+0200", "2025-07-01T12:00.5Z",
                "2025-07-01T12Z",
            ].map { Date(uriText: $0) }
        }
        #expect(read == [Self.noon, Self.noon, Self.noon, nil, nil])
        let offsetless = try await ClientSupport.call(
            "get", ClientConfiguration(timeZoneForDateTimesWithoutOffset: .gmt)
        ) {
            Date(uriText: "2025-07-01T12:00")
        }
        #expect(offsetless == Self.noon)
        let served = try await ClientSupport.call("get", ClientConfiguration()) {
            await ServerLimits().apply { Date(uriText: "2025-07-01T12:00Z") }
        }
        #expect(served == nil)
    }

    /// Bodies, header and query values, and stream items read after the call has returned.
    @Test func aClientCallReadsThemInItsConfiguredZone() async throws {
        let configuration = ClientConfiguration(timeZoneForDateTimesWithoutOffset: .gmt)
        let (event, header, stream) = try await ClientSupport.call("get", configuration) {
            let event = try JSONCoding.decoder().decode(Event.self, from: Self.offsetless)
            let lines = HTTPBody(#"{"at":"2025-07-01T12:00:00"}"# + "\n" + #"{"at":"2025-07-01T12:00:01Z"}"#)
            return (event, Date(uriText: "2025-07-01T12:00:00"), StreamCoding.jsonLines(lines, as: Event.self))
        }
        #expect(event.at == Self.noon)
        #expect(header == Self.noon)
        var items: [Event] = []
        for try await item in stream { items.append(item) }
        #expect(items == [Event(at: Self.noon), Event(at: Self.noon.addingTimeInterval(1))])
        // A server reads requests as the spec says, whatever a client elsewhere chose, even one
        // whose call it answers in the same process (a loopback transport).
        #expect(Date(uriText: "2025-07-01T12:00:00") == nil)
        let served = try await ClientSupport.call("get", configuration) {
            await ServerLimits().apply {
                (
                    Date(uriText: "2025-07-01T12:00:00"),
                    Result { try JSONCoding.decoder().decode(Event.self, from: Self.offsetless) }
                )
            }
        }
        #expect(served.0 == nil)
        #expect(throws: DecodingError.self) { try served.1.get() }
        if case .failure(let error) = served.1 { #expect(!"\(error)".contains("ClientConfiguration")) }
        // A handler's own call upstream is a client's, read as its configuration says.
        let upstream = try await ServerLimits().apply {
            try await ClientSupport.call("get", configuration) { Date(uriText: "2025-07-01T12:00:00") }
        }
        #expect(upstream == Self.noon)
    }
}
