import Foundation
import OpenAPIRuntime

/// A body that is a stream of items (`application/jsonl`, `application/x-ndjson`,
/// `application/json-seq`, `text/event-stream`), as a typed async sequence.
///
/// A client gets one decoding the response as it arrives: each item is decoded when the consumer
/// asks for it, and a malformed one fails the sequence with a `MalformedStreamItem` naming its
/// position. Cancelling the consuming task cancels the request. A server handler returns one made
/// from any async sequence (`ItemStream(events)`), encoded as it is produced.
///
/// Like `HTTPBody`, a stream can be iterated once, and two streams are equal only when they are
/// the same stream.
public struct ItemStream<Element: Sendable>: AsyncSequence, Sendable, Hashable {
    public typealias AsyncIterator = AsyncThrowingStream<Element, any Error>.Iterator

    private let stream: AsyncThrowingStream<Element, any Error>
    private let identity = Identity()

    private final class Identity: Sendable {}

    /// A stream of the elements of `sequence`, produced as the consumer asks for them.
    public init<Source: AsyncSequence & Sendable>(_ sequence: Source) where Source.Element == Element {
        let box = IteratorBox(sequence.makeAsyncIterator())
        stream = AsyncThrowingStream(unfolding: { try await box.next() })
    }

    /// A stream of these elements.
    public init(_ elements: [Element]) {
        let box = IteratorBox(elements[...])
        stream = AsyncThrowingStream(unfolding: { box.popFirst() })
    }

    /// Items read as the consumer asks, after the call that returned the stream has ended: each
    /// under that call's configuration (how it reads date-times), as its other bodies are.
    init(unfolding next: @escaping @Sendable () async throws -> Element?) {
        guard let configuration = ClientConfiguration.current else {
            stream = AsyncThrowingStream(unfolding: next)
            return
        }
        stream = AsyncThrowingStream(unfolding: {
            try await ClientConfiguration.$current.withValue(configuration) { try await next() }
        })
    }

    public func makeAsyncIterator() -> AsyncIterator { stream.makeAsyncIterator() }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.identity === rhs.identity }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(identity)) }
}

/// An item of a stream that cannot be read as the spec says: which item (counting from 1), and why.
public struct MalformedStreamItem: Error, Sendable, CustomStringConvertible {
    /// The item's position in the stream, from 1.
    public var position: Int
    public var reason: String
    /// The start of the item's text.
    public var excerpt: String

    public init(position: Int, reason: String, excerpt: String) {
        self.position = position
        self.reason = reason
        self.excerpt = excerpt
    }

    public var description: String { "stream item \(position) is malformed: \(reason) — \(excerpt)" }
}

/// One server-sent event (the HTML standard's `text/event-stream`): its `data` decoded as the
/// spec's item type, and the `event`, `id` and `retry` fields as sent.
public struct ServerEvent<Data: Sendable>: Sendable {
    /// The event type (`event:`); `nil` means the default, `message`.
    public var event: String?
    public var data: Data
    /// The event's `id:`, which a reconnecting consumer sends back as `Last-Event-ID`.
    public var id: String?
    /// The reconnection time the server asks for, in milliseconds (`retry:`).
    public var retry: Int?

    public init(event: String? = nil, data: Data, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}

/// The data of an event stream whose events each carry a type of their own, chosen by their
/// `event` field: a generated enum with a case per event the spec names.
public protocol TypedEventData: Sendable {
    /// Reads an event's data as the type its `event` names.
    init(event: String?, data: String) throws
    /// The `event` this data is sent with.
    var event: String? { get }
    /// The data as sent: JSON text, or the text itself for a string.
    func dataText() throws -> String
}

extension ServerEvent: Equatable where Data: Equatable {}
extension ServerEvent: Hashable where Data: Hashable {}

/// Holds an iterator for a stream's `unfolding` closure, which the stream calls one at a time.
final class IteratorBox<Iterator>: @unchecked Sendable {
    var iterator: Iterator
    init(_ iterator: Iterator) { self.iterator = iterator }
}

extension IteratorBox where Iterator: AsyncIteratorProtocol {
    func next() async throws -> Iterator.Element? { try await iterator.next() }
}

extension IteratorBox {
    func popFirst<Element>() -> Element? where Iterator == ArraySlice<Element> { iterator.popFirst() }
}
