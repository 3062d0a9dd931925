import Foundation
@_spi(Generated) import LatheRuntime
import OpenAPIRuntime
import Testing

/// Streamed bodies, read as the HTML standard (server-sent events), JSON Lines and RFC 7464 say,
/// with chunks split anywhere.
struct StreamCodingTests {
    struct Tick: Codable, Hashable, Sendable {
        var n: Int
    }

    /// The text in chunks of `size` bytes, so every boundary falls somewhere awkward.
    static func body(_ text: String, chunk size: Int = 3) -> HTTPBody {
        let bytes = Array(text.utf8)
        let chunks: [ArraySlice<UInt8>] = stride(from: 0, to: bytes.count, by: size).map {
            bytes[$0 ..< min($0 + size, bytes.count)]
        }
        let stream = AsyncThrowingStream<ArraySlice<UInt8>, any Error> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        return HTTPBody(stream, length: .unknown, iterationBehavior: .single)
    }

    static func collect<T>(_ stream: ItemStream<T>) async throws -> [T] {
        var items: [T] = []
        for try await item in stream { items.append(item) }
        return items
    }

    @Test(arguments: [1, 2, 5, 1000])
    func eventsFollowTheHTMLStandard(chunk: Int) async throws {
        let text =
            "\u{FEFF}: a comment\r\nretry: 3000\r\ndata: one\r\ndata: two\r\n\r\n"  // BOM, CRLF, two data lines
            + "event: update\rid: 7\rdata: three\r\r"  // lone CR line endings
            + "id: bad\u{0}id\ndata:four\n\n"  // an id with NUL is ignored: the last id stays 7
            + "retry: soon\nfoo: ignored\ndata\n\n"  // a field without colon is empty; retry not digits
            + "event: lost\n\n"  // no data: nothing is dispatched
            + "data: unfinished\n"  // no blank line before the end: discarded
        let events = try await Self.collect(StreamCoding.events(Self.body(text, chunk: chunk), as: String.self))
        #expect(
            events == [
                ServerEvent(data: "one\ntwo", retry: 3000),
                ServerEvent(event: "update", data: "three", id: "7"),
                ServerEvent(data: "four", id: "7"),
                ServerEvent(data: "", id: "7"),
            ])
    }

    @Test func typedEventDataAndTheSentinel() async throws {
        let text = "data: {\"n\": 1}\n\nevent: tick\ndata: {\"n\":\ndata: 2}\n\ndata: [DONE]\n\ndata: {\"n\": 3}\n\n"
        let events = try await Self.collect(
            StreamCoding.events(Self.body(text), as: Tick.self, terminator: "[DONE]"))
        #expect(events.map(\.data) == [Tick(n: 1), Tick(n: 2)])
        #expect(events.map(\.event) == [nil, "tick"])
    }

    @Test func aMalformedItemFailsTheStreamAtItsPosition() async throws {
        let text = "data: {\"n\": 1}\n\ndata: {\"n\": oops}\n\ndata: {\"n\": 3}\n\n"
        var seen: [Int] = []
        let error = try await #require(throws: MalformedStreamItem.self) {
            for try await event in StreamCoding.events(Self.body(text), as: Tick.self) { seen.append(event.data.n) }
        }
        #expect(seen == [1])
        #expect(error.position == 2)
        #expect(error.excerpt == "{\"n\": oops}")
        let lines = try await #require(throws: MalformedStreamItem.self) {
            _ = try await Self.collect(
                StreamCoding.jsonLines(Self.body("{\"n\":1}\n\n{\"n\":2}\r\n[\n"), as: Tick.self))
        }
        #expect(lines.position == 3)
    }

    @Test func jsonLinesAndTextSequencesRoundTrip() async throws {
        let ticks = (1 ... 5).map(Tick.init)
        let lines = StreamCoding.jsonLines(ItemStream(ticks))
        let text = try await String(collecting: lines, upTo: 1 << 12)
        #expect(text == "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n{\"n\":5}\n")
        #expect(try await Self.collect(StreamCoding.jsonLines(Self.body(text), as: Tick.self)) == ticks)
        // The last line needs no line break.
        #expect(
            try await Self.collect(StreamCoding.jsonLines(Self.body("{\"n\":1}\n{\"n\":2}"), as: Tick.self)).count == 2)

        let sequence = try await String(collecting: StreamCoding.jsonSequence(ItemStream(ticks)), upTo: 1 << 12)
        #expect(sequence.hasPrefix("\u{1E}{\"n\":1}\n\u{1E}{\"n\":2}\n"))
        #expect(
            try await Self.collect(StreamCoding.jsonSequence(Self.body(sequence, chunk: 2), as: Tick.self)) == ticks)
    }

    @Test func eventsAreWrittenOneFieldPerLine() async throws {
        let events = [
            ServerEvent(event: "a\nb", data: "line 1\nline 2", id: "9", retry: 10), ServerEvent(data: "x"),
        ]
        let text = try await String(
            collecting: StreamCoding.events(ItemStream(events), terminator: "[DONE]"), upTo: 1 << 12)
        #expect(
            text == "event: ab\nid: 9\nretry: 10\ndata: line 1\ndata: line 2\n\ndata: x\n\ndata: [DONE]\n\n")
        #expect(
            try await Self.collect(StreamCoding.events(Self.body(text), as: String.self, terminator: "[DONE]")).count
                == 2)
    }
}
