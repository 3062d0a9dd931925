import Foundation
@_spi(Generated) import LatheRuntime
import Testing

/// RFC 9562 §4: UUIDs go out in lower case, wherever they stand in a value, and everything else
/// comes out exactly as Foundation's encoder with the same settings writes it.
struct UUIDEncodingTests {
    static let id = UUID(uuidString: "123E4567-E89B-12D3-A456-426614174000")!
    static let other = UUID(uuidString: "ABCDEF00-0000-4000-8000-00000000000F")!

    enum Member: Codable, Equatable {
        case id(UUID)
        case name(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let id = try? container.decode(UUID.self) {
                self = .id(id)
            } else {
                self = .name(try container.decode(String.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .id(let id): try container.encode(id)
            case .name(let name): try container.encode(name)
            }
        }
    }

    struct Inner: Codable, Equatable {
        var id: UUID
        var at: Date
    }

    /// Every place a UUID can stand in generated types, beside the values Foundation's encoder
    /// treats by their type.
    struct Everything: Codable, Equatable {
        var id: UUID
        var optional: UUID?
        var absent: UUID?
        var list: [UUID]
        var nested: [[UUID]]
        var byName: [String: UUID]
        var nullable: Nullable<UUID>?
        var null: Nullable<UUID>
        var member: Member
        var members: [Member]
        var inner: Inner
        var at: Date
        var data: Data
        var url: URL
        var amount: Decimal
        var day: CalendarDate
        var any: JSONValue
    }

    static let everything = Everything(
        id: id, optional: other, absent: nil, list: [id, other], nested: [[other], []], byName: ["a": id],
        nullable: .value(other), null: .null, member: .id(id), members: [.name("n"), .id(other)],
        inner: Inner(id: other, at: Date(timeIntervalSince1970: 1_709_200_800)),
        at: Date(timeIntervalSince1970: 1_709_200_800.5), data: Data([1, 2, 3]),
        url: URL(string: "https://a.test/x?y=1")!, amount: Decimal(string: "12.50")!,
        day: CalendarDate(year: 2024, month: 2, day: 29)!, any: ["k": [1, "v"]])

    @Test func everyUUIDIsWrittenInLowerCase() throws {
        let text = String(decoding: try JSONCoding.encoder().encode(Self.everything), as: UTF8.self)
        let id = "123e4567-e89b-12d3-a456-426614174000"
        let other = "abcdef00-0000-4000-8000-00000000000f"
        #expect(
            text == """
                {"amount":12.5,"any":{"k":[1,"v"]},"at":"2024-02-29T10:00:00.500Z","byName":{"a":"\(id)"},\
                "data":"AQID","day":"2024-02-29","id":"\(id)","inner":{"at":"2024-02-29T10:00:00Z","id":"\(other)"},\
                "list":["\(id)","\(other)"],"member":"\(id)","members":["n","\(other)"],"nested":[["\(other)"],[]],\
                "null":null,"nullable":"\(other)","optional":"\(other)","url":"https://a.test/x?y=1"}
                """)
        let decoded = try JSONCoding.decoder().decode(Everything.self, from: Data(text.utf8))
        #expect(decoded == Self.everything)
    }

    @Test func aUUIDAtTheTopIsLowerCaseToo() throws {
        #expect(
            String(decoding: try JSONCoding.encoder().encode(Self.id), as: UTF8.self)
                == #""123e4567-e89b-12d3-a456-426614174000""#)
        #expect(
            String(decoding: try JSONCoding.encoder().encode([Self.other]), as: UTF8.self)
                == #"["abcdef00-0000-4000-8000-00000000000f"]"#)
        // A dictionary keyed by UUIDs is an array of keys and values in JSON.
        #expect(
            String(decoding: try JSONCoding.encoder().encode([Self.other: "x"]), as: UTF8.self)
                == #"["abcdef00-0000-4000-8000-00000000000f","x"]"#)
    }

    /// Without UUIDs, the output is byte for byte what Foundation's encoder writes with the same
    /// strategies: dates, data, URLs and decimals still reach it as themselves.
    @Test func everythingElseIsWrittenAsFoundationWritesIt() throws {
        struct NoUUIDs: Encodable {
            var at: Date
            var dates: [Date]
            var byName: [String: Date]
            var maybe: Nullable<Date>
            var data: [Data]
            var amount: [String: Decimal]
            var url: URL?
            var any: JSONValue
            var inner: [String: [Inner?]]
        }
        struct Inner: Encodable {
            var at: Date
        }
        let value = NoUUIDs(
            at: Date(timeIntervalSince1970: 0), dates: [Date(timeIntervalSince1970: 1.25)],
            byName: ["z": Date(timeIntervalSince1970: 2), "a": Date(timeIntervalSince1970: 3)],
            maybe: .value(Date(timeIntervalSince1970: 4)), data: [Data([255])], amount: ["x": Decimal(string: "0.1")!],
            url: URL(string: "a/b"), any: [1, nil, true],
            inner: ["k": [Inner(at: Date(timeIntervalSince1970: 5)), nil]])
        let plain = JSONEncoder()
        plain.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.string(from: date))
        }
        plain.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let ours = try JSONCoding.encoder().encode(value)
        #expect(ours == (try plain.encode(value)))
        #expect(String(decoding: ours, as: UTF8.self).contains(#""at":"1970-01-01T00:00:00Z""#))
    }

    /// A class that encodes its superclass's members through `superEncoder()`.
    @Test func superEncodersLowerTheirUUIDsToo() throws {
        class Base: Encodable {
            var id = UUIDEncodingTests.id
        }
        final class Derived: Base, @unchecked Sendable {
            var other = UUIDEncodingTests.other
            enum Keys: String, CodingKey { case other, base }
            override func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(other, forKey: .other)
                try super.encode(to: container.superEncoder(forKey: .base))
            }
        }
        #expect(
            String(decoding: try JSONCoding.encoder().encode(Derived()), as: UTF8.self)
                == #"{"base":{"id":"123e4567-e89b-12d3-a456-426614174000"},"other":"abcdef00-0000-4000-8000-00000000000f"}"#
        )
    }
}
