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
            module.webhooks.map { $0.receivedAs ?? "" } == [
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
        #expect(said.count == 1 && said[0].hasPrefix("spec.yaml:24:5:"), "\(said)")
    }

    /// Selecting operations leaves them out, as it leaves out every operation not selected.
    @Test func selectedOperationsLeaveThemOut() throws {
        let loaded = OpenAPILoader.load(bytes: Array(Self.spec.utf8), path: "spec.yaml")
        let (module, _) = Lowering.lower(
            try #require(loaded.document), specName: "spec.yaml", selection: OperationSelection(["subscribe"]))
        #expect(module.operations.count == 1 && module.webhooks.isEmpty)
    }
}
