import LatheIR
import LatheOpenAPI
import Testing

/// Streamed bodies in the IR: the item type from `itemSchema` or `schema`, and an event
/// stream's item schema read as the whole event (OpenAPI 3.2) or as its data (earlier practice).
struct StreamLoweringTests {
    func lower(_ yaml: String) throws -> (IRModule, [String]) {
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.all)")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        return (module, diagnostics.all.map(\.description))
    }

    /// Alternatives that do not all name their event cannot be told apart: text, and a warning.
    @Test func eventsWithoutNamesAreReadAsText() throws {
        let (module, warnings) = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /c:
                get:
                  operationId: c
                  responses:
                    '200':
                      description: ok
                      content:
                        text/event-stream:
                          itemSchema:
                            oneOf:
                              - {properties: {event: {const: tick}, data: {type: integer}}}
                              - {properties: {event: {type: string}, data: {type: string}}}
            """)
        let content = try #require(module.operations.first?.responses.first?.contents.first)
        #expect(content.eventData == nil && content.type == .primitive(.string))
        #expect(
            warnings.contains { $0.hasPrefix("spec.yaml:13:17: warning:") && $0.hasSuffix("[event-data-by-event]") },
            "\(warnings)")
    }

    /// OpenAI-style streams (Together's): events whose data is a chunk, or the one string `[DONE]`.
    /// The sentinel ends the stream, as `x-lathe-stream-terminator` says, and the data is the chunk;
    /// an explicit terminator wins.
    @Test func anEventWhoseDataIsOneStringEndsTheStream() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /c:
                get:
                  operationId: c
                  responses:
                    '200':
                      description: ok
                      content:
                        text/event-stream:
                          schema:
                            oneOf:
                              - {type: object, required: [data], properties: {data: {$ref: '#/components/schemas/Chunk'}}}
                              - {type: object, required: [data], properties: {data: {type: string, enum: ['[DONE]']}}}
            components:
              schemas:
                Chunk: {type: object, properties: {text: {type: string}}}
            """
        let (module, warnings) = try lower(spec)
        let content = try #require(module.operations.first?.responses.first?.contents.first)
        let chunk = try #require(module.types.first { $0.name.swift == "Chunk" })
        #expect(content.type == .named(chunk.id) && content.streamTerminator == "[DONE]")
        #expect(warnings.isEmpty, "\(warnings)")
        let explicit = try lower(
            spec.replacingOccurrences(
                of: "  schema:\n", with: "  x-lathe-stream-terminator: END\n              schema:\n"))
        // The extension names another terminator: `[DONE]` is data, and the events are read as text.
        let other = try #require(explicit.0.operations.first?.responses.first?.contents.first)
        #expect(other.streamTerminator == "END" && other.type == .primitive(.string))
    }

    @Test func itemTypesOfEachKindOfStream() throws {
        let (module, warnings) = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    '200':
                      description: ok
                      content:
                        text/event-stream:
                          itemSchema:
                            type: object
                            required: [data]
                            properties: {data: {$ref: '#/components/schemas/Tick'}, event: {type: string}, id: {type: string}}
                        application/jsonl: {itemSchema: {$ref: '#/components/schemas/Tick'}}
                        application/x-ndjson: {schema: {$ref: '#/components/schemas/Tick'}}
                        application/json-seq: {}
              /b:
                get:
                  operationId: b
                  responses:
                    '200':
                      description: ok
                      content:
                        text/event-stream: {schema: {$ref: '#/components/schemas/Tick'}}
              /c:
                get:
                  operationId: c
                  responses:
                    '200':
                      description: ok
                      content:
                        text/event-stream:
                          itemSchema:
                            oneOf:
                              - {properties: {event: {const: tick}, data: {$ref: '#/components/schemas/Tick'}}}
                              - {properties: {event: {const: note}, data: {type: string}}}
            components:
              schemas:
                Tick: {type: object, properties: {n: {type: integer}}}
            """)
        let tick = try #require(module.types.firstIndex { $0.name.swift == "Tick" })
        let a = try #require(module.operations[0].responses.first?.contents)
        #expect(a.map(\.kind) == [.eventStream, .jsonLines, .jsonLines, .jsonSequence])
        #expect(a.map(\.caseName) == ["eventStream", "jsonLines", "ndjson", "jsonSeq"])
        #expect(a[0].type == .named(IRTypeID(tick)) && a[1].type == a[0].type && a[2].type == a[0].type)
        #expect(a[3].type == .primitive(.jsonValue))
        #expect(module.operations[1].responses.first?.contents.first?.type == .named(IRTypeID(tick)))
        // Data typed by event: a case per event name.
        let byEvent = try #require(module.operations[2].responses.first?.contents.first?.eventData)
        #expect(byEvent.typeName == "EventData")
        #expect(byEvent.cases.map(\.event) == ["tick", "note"])
        #expect(byEvent.cases.map(\.type) == [.named(IRTypeID(tick)), .primitive(.string)])
        #expect(warnings.isEmpty, "\(warnings)")
        // Each event-stream operation takes Last-Event-ID.
        #expect(
            module.operations.map { $0.parameters.map(\.name.original) } == [
                ["Last-Event-ID"], ["Last-Event-ID"], ["Last-Event-ID"],
            ])
    }
}
