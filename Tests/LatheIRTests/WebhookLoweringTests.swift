import Foundation
import LatheIR
import LatheOpenAPI
import Testing

/// Webhooks and callbacks in the IR (`IRModule.webhooks`): named, secured and routed as requests the
/// API sends, not as its operations.
struct WebhookLoweringTests {
    func lower(_ yaml: String) throws -> (IRModule, [String]) {
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.all)")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        return (module, diagnostics.all.map(\.description))
    }

    static let spec = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        security: [{key: []}]
        paths:
          /subscribe:
            post:
              operationId: subscribe
              responses: {'204': {description: ok}}
              callbacks:
                onEvent:
                  '{$request.query.url}':
                    post:
                      tags: [events]
                      responses: {'204': {description: ok}}
                      callbacks:
                        onAck:
                          '{$request.body#/ack}':
                            put: {responses: {'204': {description: ok}}}
        webhooks:
          newPet:
            parameters: [{name: X-Delivery, in: header, schema: {type: string}}]
            post:
              responses: {'204': {description: ok}}
          signed:
            post:
              operationId: signed
              security: [{key: []}]
              responses: {'204': {description: ok}}
          optionallySigned:
            post:
              operationId: optionallySigned
              security: [{}, {key: []}]
              responses: {'204': {description: ok}}
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
        """

    @Test func webhooksThenCallbacksNestedOrNotAreLoweredApartFromOperations() throws {
        let (module, _) = try lower(Self.spec)
        #expect(module.operations.map(\.operationID) == ["subscribe"])
        #expect(
            module.webhooks.map(\.typeName) == ["PostNewPet", "Signed", "OptionallySigned", "PostOnEvent", "PutOnAck"])
        #expect(
            module.webhooks.map(\.methodName) == [
                "postNewPet", "signed", "optionallySigned", "postOnEvent", "putOnAck",
            ])
        #expect(
            module.webhooks.map { $0.received?.description ?? "" } == [
                "the webhook `newPet`", "the webhook `signed`", "the webhook `optionallySigned`",
                "the callback `onEvent` of `subscribe` (its URL `{$request.query.url}`)",
                "the callback `onAck` of `POST onEvent` (its URL `{$request.body#/ack}`)",
            ])
        // Not routed, and sent to no path of their own.
        #expect(module.webhooks.allSatisfy { !$0.isRouted && $0.sentPath.isEmpty && $0.route.isEmpty })
        // The path item's parameters are the webhook's.
        #expect(module.webhooks[0].parameters.map(\.name.original) == ["X-Delivery"])
    }

    /// The document's security is the API's; a webhook's own is said, since it is not applied.
    @Test func noWebhookIsSecuredAndOnlyItsOwnRequirementIsSaid() throws {
        let (module, warnings) = try lower(Self.spec)
        #expect(module.operations[0].security.count == 1)
        #expect(module.webhooks.allSatisfy { $0.security.isEmpty })
        let said = warnings.filter { $0.contains("webhook-security-unchecked") }
        // `signed` only: `optionallySigned` admits a request without credentials anyway.
        #expect(said.count == 1 && said[0].hasPrefix("spec.yaml:25:5:"), "\(said)")
    }

    /// A selected operation keeps its callbacks, nested ones too; a webhook is selected as an
    /// operation is (its operationId, a tag), and the others are left out.
    @Test func aSelectionKeepsTheCallbacksOfWhatItSelects() throws {
        let loaded = OpenAPILoader.load(bytes: Array(Self.spec.utf8), path: "spec.yaml")
        let document = try #require(loaded.document)
        let (module, _) = Lowering.lower(document, specName: "spec.yaml", selection: OperationSelection(["subscribe"]))
        #expect(module.operations.count == 1)
        #expect(module.webhooks.map(\.typeName) == ["PostOnEvent", "PutOnAck"])
        let (signed, diagnostics) = Lowering.lower(
            document, specName: "spec.yaml", selection: OperationSelection(["signed"]))
        #expect(signed.operations.isEmpty && signed.webhooks.map(\.typeName) == ["Signed"])
        #expect(!diagnostics.all.contains { $0.kind == "selection-matches-nothing" })
        // A callback selected (by its tag) keeps the callbacks nested in it.
        let (callback, _) = Lowering.lower(
            document, specName: "spec.yaml", selection: OperationSelection(["tag:events"]))
        #expect(callback.operations.isEmpty)
        #expect(callback.webhooks.map(\.typeName) == ["PostOnEvent", "PutOnAck"])
    }

    /// Redoc's `x-webhooks`, a 3.0 document's webhooks: Path Items, or Callback objects (Vonage's)
    /// whose path items are the webhook's; said, and not read beside `webhooks`.
    @Test func xWebhooksAreReadAsWebhooks() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            x-webhooks:
              newPet:
                post:
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'200': {description: ok}}
              inbound-sms:
                '{$request.body#/callback}':
                  post:
                    operationId: inbound-sms
                    responses: {'200': {description: ok}}
              status:
                '{$request.body#/a}':
                  post: {responses: {'200': {description: ok}}}
                '{$request.body#/b}':
                  put: {responses: {'200': {description: ok}}}
                x-note: data
              shared: {$ref: '#/components/callbacks/Shared'}
              typo:
                Post: {responses: {'200': {description: ok}}}
              note: text
              pathref:
                $ref: '#/components/x-items/P'
                get: {operationId: sibling, responses: {'200': {description: ok}}}
              half: {$ref: '#/components/callbacks/Pair/http:~1~1a.example.com'}
            components:
              x-items:
                P:
                  post: {operationId: referenced, responses: {'200': {description: ok}}}
              callbacks:
                Shared:
                  'http://notify.example.com':
                    post: {operationId: shared, responses: {'200': {description: ok}}}
                Pair:
                  'http://a.example.com':
                    post: {operationId: pairA, responses: {'200': {description: ok}}}
                  'http://b.example.com':
                    post: {operationId: pairB, responses: {'200': {description: ok}}}
            """
        let loaded = OpenAPILoader.load(bytes: Array(spec.utf8), path: "spec.yaml")
        let document = try #require(loaded.document)
        // A Path Item with a misspelled method is a Path Item, not a Callback object; an entry that
        // is neither is left out with a warning, since the extension may be another tool's.
        #expect(
            loaded.diagnostics.all.map(\.description) == [
                "spec.yaml:4:1: warning: 'x-webhooks' (Redoc's extension from before OpenAPI 3.1 had webhooks) is "
                    + "read as the document's webhooks [x-webhooks]",
                "spec.yaml:22:5: warning: unknown field 'Post' in a Path Item object; it is ignored (did you mean "
                    + "'post'?) [unknown-field]",
                "spec.yaml:23:9: warning: the x-webhooks entry 'note' is a string, not a Path Item or Callback "
                    + "object; Lathe leaves it out [x-webhooks]",
            ])
        #expect(
            document.webhooks.map(\.name) == [
                "newPet", "inbound-sms", "status {$request.body#/a}", "status {$request.body#/b}", "shared", "typo",
                "pathref", "half",
            ])
        let (module, _) = Lowering.lower(document, specName: "spec.yaml")
        // The component callback `shared` names is received once, as that webhook; of `Pair`, the
        // path item `half` names is that webhook, and the other is received as the component's.
        #expect(
            module.webhooks.map(\.methodName) == [
                "postNewPet", "inboundSms", "postStatusRequestBodyA", "putStatusRequestBodyB", "shared", "referenced",
                "sibling", "pairA", "pairB",
            ])
        // Beside `webhooks`, it is another tool's.
        let both = OpenAPILoader.load(
            bytes: Array(
                (spec.replacingOccurrences(of: "openapi: 3.0.3", with: "openapi: 3.1.0")
                    + "\nwebhooks:\n  ping:\n    post: {responses: {'200': {description: ok}}}\n").utf8),
            path: "spec.yaml")
        #expect(try #require(both.document).webhooks.map(\.name) == ["ping"])
        #expect(
            both.diagnostics.all.map(\.description) == [
                "spec.yaml:4:1: warning: 'x-webhooks' beside 'webhooks' is ignored: the document's webhooks are those "
                    + "under 'webhooks' [x-webhooks]"
            ])
        // Beside an empty `webhooks`, it is the document's.
        let empty = OpenAPILoader.load(
            bytes: Array(
                (spec.replacingOccurrences(of: "openapi: 3.0.3", with: "openapi: 3.1.0") + "\nwebhooks: {}\n").utf8),
            path: "spec.yaml")
        #expect(try #require(empty.document).webhooks.count == 8)
    }

    /// A 3.0 document describes its webhooks as component callbacks no operation names
    /// (SeminarDesk's): each is received as one; one an operation names, once, as that operation's.
    @Test func componentCallbacksNoOperationNamesAreReceivedToo() throws {
        let (module, _) = try lower(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /subscribe:
                post:
                  operationId: subscribe
                  responses: {'204': {description: ok}}
                  callbacks:
                    used: {$ref: '#/components/callbacks/used'}
            components:
              callbacks:
                event.create:
                  ExampleCallbackUrl:
                    post: {responses: {'200': {description: ok}}}
                used:
                  '{$request.body#/url}':
                    post: {responses: {'200': {description: ok}}}
            """)
        #expect(module.webhooks.map(\.typeName) == ["PostUsed", "PostEventCreate"])
        #expect(
            module.webhooks.map { $0.received?.description ?? "" } == [
                "the callback `used` of `subscribe` (its URL `{$request.body#/url}`)",
                "the callback `event.create` (its URL `ExampleCallbackUrl`)",
            ])
        #expect(module.webhooks.map { $0.received?.name ?? "" } == ["used", "event.create"])
    }

    /// A component callback two operations name is generated once, and kept when either is selected.
    @Test func aCallbackTwoOperationsShareIsKeptWithEither() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {post: {operationId: opA, responses: {'204': {description: ok}}, callbacks: {done: {$ref: '#/components/callbacks/done'}}}}
              /b: {post: {operationId: opB, responses: {'204': {description: ok}}, callbacks: {done: {$ref: '#/components/callbacks/done'}}}}
            components:
              callbacks:
                done: {'{$request.query.url}': {post: {responses: {'204': {description: ok}}}}}
            """
        let (whole, _) = try lower(spec)
        #expect(whole.webhooks.map(\.typeName) == ["PostDone"])
        let document = try #require(OpenAPILoader.load(bytes: Array(spec.utf8), path: "spec.yaml").document)
        for selected in ["opA", "opB"] {
            let (module, _) = Lowering.lower(document, specName: "spec.yaml", selection: OperationSelection([selected]))
            #expect(module.webhooks.map(\.typeName) == ["PostDone"], "\(selected)")
        }
    }

    /// What a webhook's URL does not have, a template or servers, is said where the spec gives it.
    @Test func aPathParameterOrServersOfAWebhookAreSaid() throws {
        let (module, warnings) = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            webhooks:
              form:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                servers: [{url: 'https://hooks.example'}]
                post: {responses: {'204': {description: ok}}}
            """)
        #expect(module.webhooks[0].parameters.map { "\($0.location) \($0.name.original)" } == ["query id"])
        #expect(warnings.contains { $0.hasPrefix("spec.yaml:5:18:") && $0.contains("path-parameter-not-in-template") })
        #expect(warnings.contains { $0.hasPrefix("spec.yaml:7:5:") && $0.contains("webhook-servers-ignored") })
    }
}
