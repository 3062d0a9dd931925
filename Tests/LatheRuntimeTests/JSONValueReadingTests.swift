import Foundation
import Testing

@testable import LatheRuntime

/// The runtime reads encoded values back as `JSONValue` with its own reader, not `JSONDecoder`
/// (`JSONValue.parsing`), and its own decoders try a value's kinds in another order than other
/// decoders do. Either way, what is read must be what `JSONDecoder` reads, to the digit; where the
/// reader has doubts, the decoder decides.
struct JSONValueReadingTests {
    static func decoded(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// The value's bytes as the runtime's encoder writes them, so two reads compare digit for digit.
    static func bytes(_ value: JSONValue) throws -> String {
        String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self)
    }

    @Test(arguments: [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#,
        #"  [ 1 , -0 , 0.1 , 1e3 , 2.5E-3 , -12.75e+2 , 12345678901234567890 ]  "#,
        #"0.30000000000000004"#, #"-123.456e-7"#, #"1e127"#, #"123456789012345678901234567890123456789"#,
        #""plain""#, #""\"\\\/\b\f\n\r\t""#, #""\u00e9\u4e2d\ud83d\ude00 ünïcödé ✓ 😀""#, #""\u0000 and \u001f""#,
        #"{}"#, #"[]"#, #"[[[]]]"#, #"{"": ""}"#, #"true"#, #"null"#,
        #"{"url": "https:\/\/example.com\/a?b=c", "n": [1, 2.0, 3.10]}"#,
    ])
    func readsAsTheDecoderDoes(_ text: String) throws {
        let read = try #require(JSONValue.readWithoutDecoder(Data(text.utf8)), "read without the decoder")
        let decoded = try #require(Self.decoded(text))
        #expect(read == decoded)
        #expect(try Self.bytes(read) == Self.bytes(decoded))
    }

    /// What the reader leaves to the decoder: anything not JSON, and what a decoder decides its own way.
    @Test(arguments: [
        #"{"a": 1, "a": 2}"#, #""\ud83d""#, #""\ude00""#, #""\ud83d\u0041""#, #"1e400"#, #"-1e400"#,
        #"01"#, #"1."#, #".5"#, #"+1"#, #"[1,]"#, #"{"a":1,}"#, #"{a: 1}"#, #"'a'"#, #"tru"#, #"nul"#,
        "\"tab\tinside\"", #""\x""#, #""\u12""#, "\u{FEFF}{}", #"[1] 2"#, "", #"NaN"#, #"Infinity"#, #"5e-324"#,
        #"[1}"#, #"{"a": 1]"#, #"[1 2]"#,
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func leavesDoubtsToTheDecoder(_ text: String) throws {
        #expect(JSONValue.readWithoutDecoder(Data(text.utf8)) == nil)
        let parsed = try? JSONValue.parsing(Data(text.utf8))
        let decoded = Self.decoded(text)
        #expect(parsed == decoded)
    }

    /// Random documents, written by the runtime's encoder as generated code would, read both ways.
    @Test func readsRandomDocumentsAsTheDecoderDoes() throws {
        var generator = SplitMix(seed: 52)
        for _ in 0 ..< 300 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let data = try JSONCoding.encoder().encode(value)
            let read = try #require(JSONValue.readWithoutDecoder(data))
            let decoded = try JSONDecoder().decode(JSONValue.self, from: data)
            #expect(read == decoded)
            #expect(try Self.bytes(read) == Self.bytes(decoded))
        }
    }

    /// `JSONCoding`'s decoders try strings and objects first (`JSONValue.init(kindOf:in:)`), and
    /// read every document, and fail on every one, as a plain `JSONDecoder` does.
    @Test func theRuntimesDecodersReadEveryKindAsAnyDecoderDoes() throws {
        var generator = SplitMix(seed: 5252)
        var texts = [
            #"{"a": [1, {"b": 1e400}]}"#, #"{"a": {"b": [true, "x", null, -0.5]}}"#, #"[{"a": 1}, [2], "3", 4]"#,
            #"{"a": 01}"#, #"[1e-400]"#, #""\ud83d""#, "",
        ]
        for _ in 0 ..< 200 {
            let value = Self.randomValue(depth: 0, using: &generator)
            texts.append(String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self))
        }
        for text in texts {
            let plain = Result { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
            for runtime in [JSONCoding.decoder(), JSONCoding.decoder(rejectingNull: true)] {
                #expect(JSONCoding.readsJSONKinds(Self.probe(runtime)))
                let read = Result { try runtime.decode(JSONValue.self, from: Data(text.utf8)) }
                switch (plain, read) {
                case (.success(let expected), .success(let value)): #expect(value == expected, "\(text)")
                case (.failure, .failure): break
                default: Issue.record("\(text): \(plain) but \(read)")
                }
            }
        }
        #expect(!JSONCoding.readsJSONKinds(Self.probe(JSONDecoder())))
    }

    /// The decoder `decoder` hands a value it decodes.
    static func probe(_ decoder: JSONDecoder) -> any Decoder {
        struct Probe: Decodable {
            let decoder: any Decoder
            init(from decoder: any Decoder) { self.decoder = decoder }
        }
        return try! decoder.decode(Probe.self, from: Data("0".utf8)).decoder
    }

    /// Values of generated types: dates, UUIDs, decimals and doubles as the encoder writes them.
    @Test func readsEncodedValuesAsTheDecoderDoes() throws {
        struct Sample: Encodable {
            var when = Date(timeIntervalSince1970: 1_700_000_000.125)
            var id = UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!
            var amount = Decimal(string: "1234.5678")!
            var ratio = 0.1 + 0.2
            var large = Int64.max
            var data = Data([0, 1, 2, 255])
            var text = "line\nbreak \"quoted\" / slash"
        }
        let data = try JSONCoding.encoder().encode(Sample())
        let read = try #require(JSONValue.readWithoutDecoder(data))
        #expect(read == (try JSONDecoder().decode(JSONValue.self, from: data)))
        #expect(try JSONValue.encoding(Sample()) == read)
    }

    static func randomValue(depth: Int, using generator: inout SplitMix) -> JSONValue {
        let kind = generator.next() % (depth > 3 ? 4 : 6)
        switch kind {
        case 0: return .null
        case 1: return .bool(generator.next() % 2 == 0)
        case 2:
            let texts = ["0", "-1", "3.14159", "1e10", "-2.5e-8", "12345678901234567890", "0.1", "99.990"]
            return .number(Decimal(string: texts[Int(generator.next() % UInt64(texts.count))])!)
        case 3:
            let pieces = ["a", "é", "中", "😀", "\"", "\\", "/", "\n", "\u{1}", " ", "key", "\u{7F}"]
            return .string((0 ..< Int(generator.next() % 6)).map { _ in pieces[Int(generator.next() % 12)] }.joined())
        case 4:
            return .array(
                (0 ..< Int(generator.next() % 5)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for index in 0 ..< Int(generator.next() % 5) {
                members["k\(index)\(generator.next() % 3 == 0 ? "é" : "")"] = randomValue(
                    depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }
}

/// A seeded generator, so a failing document is the same one every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
