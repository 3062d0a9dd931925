import Foundation
import LatheOpenAPI
import Testing

/// Real published specs from ../shared/corpus, with the diagnostics each produces pinned: their real
/// defects, each at its place, and nothing spurious. Skipped when the folder is absent (a fresh clone).
struct CorpusTests {
    static let corpus = repositoryRoot + "/../shared/corpus"
    static let isPresent = (try? FileBytes.read(corpus + "/README.md")) != nil

    /// `constraint-of-another-type` in a corpus file, at a line and column: the keyword, the values
    /// it constrains, the schema's type, and the bound that type has, if any.
    static func constraintOfAnotherType(
        in file: String
    ) -> ((line: Int, column: Int, keyword: String, values: String, type: String, meant: String?)) -> String {
        { place in
            "\(file):\(place.line):\(place.column): warning: '\(place.keyword)' constrains \(place.values), and "
                + "this schema's type is \(place.type), so it checks nothing here"
                + (place.meant.map { " (did you mean '\($0)'?)" } ?? "")
                + "; generated code does not check it [constraint-of-another-type]"
        }
    }

    static func requiredUndefined(in file: String) -> ((line: Int, column: Int, name: String)) -> String {
        { place in
            "\(file):\(place.line):\(place.column): warning: required property '\(place.name)' is not among this "
                + "schema's properties [required-undefined]"
        }
    }

    static let expected: [String: [String]] = [
        "square-api.json": [
            // `externalDocs` is not a field of the Info object.
            "square-api.json:17:5: warning: unknown field 'externalDocs' in the Info object; "
                + "it is ignored (the Info object has: title, summary, description, termsOfService, contact, "
                + "license, version) [unknown-field]",
            // A schema that does not exist, referred to from five places.
            "square-api.json:9946:21: error: '#/components/schemas/CatalogModifierToggleOverrideType' points at "
                + "nothing: '/components/schemas' has no 'CatalogModifierToggleOverrideType' (did you mean "
                + "'CatalogModifierOverride'?) [ref-unresolved]",
            "square-api.json:9952:21: error: '#/components/schemas/CatalogModifierToggleOverrideType' points at "
                + "nothing: '/components/schemas' has no 'CatalogModifierToggleOverrideType' (did you mean "
                + "'CatalogModifierOverride'?) [ref-unresolved]",
            "square-api.json:9958:21: error: '#/components/schemas/CatalogModifierToggleOverrideType' points at "
                + "nothing: '/components/schemas' has no 'CatalogModifierToggleOverrideType' (did you mean "
                + "'CatalogModifierOverride'?) [ref-unresolved]",
            "square-api.json:10531:21: error: '#/components/schemas/CatalogModifierToggleOverrideType' points at "
                + "nothing: '/components/schemas' has no 'CatalogModifierToggleOverrideType' (did you mean "
                + "'CatalogModifierOverride'?) [ref-unresolved]",
            "square-api.json:10537:21: error: '#/components/schemas/CatalogModifierToggleOverrideType' points at "
                + "nothing: '/components/schemas' has no 'CatalogModifierToggleOverrideType' (did you mean "
                + "'CatalogModifierOverride'?) [ref-unresolved]",
            // RiskEvaluation requires a `status` it never defines.
            "square-api.json:48275:11: warning: required property 'status' is not among this schema's properties "
                + "[required-undefined]",
            // `oauth2: null` in a security requirement.
            "square-api.json:60564:23: error: the scopes of security scheme 'oauth2' must be a list (use [] for "
                + "none), but this is null [security-scopes-invalid]",
            // UpdateVendor forgot to declare its path parameter.
            "square-api.json:76381:7: error: PUT /v2/vendors/{vendor_id} does not declare the path parameter "
                + "'vendor_id'; add a parameter with name: vendor_id, in: path, required: "
                + "true [path-parameter-undeclared]",
        ],
        "xero-accounting.yaml": [
            "xero-accounting.yaml:17:9: warning: 'type' beside '$ref' is ignored: "
                + "a reference to a parameter takes everything from its target [ref-sibling-ignored]"
        ]
            + [
                (
                    450, "/Accounts/{AccountID}/Attachments/{FileName}",
                    "/Accounts/{AccountID}/Attachments/{AttachmentID}"
                ),
                (
                    2365, "/BankTransactions/{BankTransactionID}/Attachments/{FileName}",
                    "/BankTransactions/{BankTransactionID}/Attachments/{AttachmentID}"
                ),
                (
                    3075, "/BankTransfers/{BankTransferID}/Attachments/{FileName}",
                    "/BankTransfers/{BankTransferID}/Attachments/{AttachmentID}"
                ),
                (4359, "/Contacts/{ContactID}", "/Contacts/{ContactNumber}"),
                (
                    4653, "/Contacts/{ContactID}/Attachments/{FileName}",
                    "/Contacts/{ContactID}/Attachments/{AttachmentID}"
                ),
                (
                    6288, "/CreditNotes/{CreditNoteID}/Attachments/{FileName}",
                    "/CreditNotes/{CreditNoteID}/Attachments/{AttachmentID}"
                ),
                (
                    8615, "/Invoices/{InvoiceID}/Attachments/{FileName}",
                    "/Invoices/{InvoiceID}/Attachments/{AttachmentID}"
                ),
                (9565, "/Journals/{JournalNumber}", "/Journals/{JournalID}"),
                (
                    10731, "/ManualJournals/{ManualJournalID}/Attachments/{FileName}",
                    "/ManualJournals/{ManualJournalID}/Attachments/{AttachmentID}"
                ),
                (13882, "/PurchaseOrders/{PurchaseOrderNumber}", "/PurchaseOrders/{PurchaseOrderID}"),
                (
                    14143, "/PurchaseOrders/{PurchaseOrderID}/Attachments/{FileName}",
                    "/PurchaseOrders/{PurchaseOrderID}/Attachments/{AttachmentID}"
                ),
                (15114, "/Quotes/{QuoteID}/Attachments/{FileName}", "/Quotes/{QuoteID}/Attachments/{AttachmentID}"),
                (
                    15910, "/Receipts/{ReceiptID}/Attachments/{FileName}",
                    "/Receipts/{ReceiptID}/Attachments/{AttachmentID}"
                ),
                (
                    16659, "/RepeatingInvoices/{RepeatingInvoiceID}/Attachments/{FileName}",
                    "/RepeatingInvoices/{RepeatingInvoiceID}/Attachments/{AttachmentID}"
                ),
            ].map { line, path, other in
                // Xero describes one route twice under different parameter names, which OpenAPI forbids.
                "xero-accounting.yaml:\(line):3: error: path '\(path)' is the same template as '\(other)' with "
                    + "other parameter names; OpenAPI does not allow both [identical-path-templates]"
            },
        // A list bounded by `maximum`, and two objects by `minItems`.
        "paypal-invoicing-v2.json": [
            (2942, 13, "maximum", "numbers", "array", "maxItems"),
            (4032, 9, "minItems", "lists", "object", "minProperties"),
            (6851, 9, "minItems", "lists", "object", "minProperties"),
        ].map(constraintOfAnotherType(in: "paypal-invoicing-v2.json")),
        "adyen-balanceplatform-v2.yaml": [
            (8444, 11, "maxLength", "strings", "array", "maxItems"),
            (8496, 11, "maxLength", "strings", "array", "maxItems"),
        ].map(constraintOfAnotherType(in: "adyen-balanceplatform-v2.yaml")) + [
            "adyen-balanceplatform-v2.yaml:9111:11: warning: 'nullable' is not part of OpenAPI 3.1; "
                + "write type: [<type>, \"null\"] instead (Lathe honours it here) [version-feature]"
        ],
        "adyen-payment-v68.yaml": [],
        "box-openapi.json": [
            // Five schemas require properties they never define.
            (718, 23, "type"), (15715, 23, "id"), (36389, 11, "grant_type"),
        ].map(requiredUndefined(in: "box-openapi.json"))
            // Two strings (a retention policy's length in days) with a `minimum`.
            + [(36951, 17, "minimum", "numbers", "string", nil), (37152, 13, "minimum", "numbers", "string", nil)].map(
                constraintOfAnotherType(in: "box-openapi.json"))
            + [(38056, 11, "shield_information_barrier_segment"), (38057, 11, "restricted_segment")].map(
                requiredUndefined(in: "box-openapi.json")),
        "discord-openapi.json": [
            "discord-openapi.json:8886:23: warning: an empty enum allows no value at all [enum-empty]",
            "discord-openapi.json:8991:29: warning: an empty enum allows no value at all [enum-empty]",
        ],
        // Escaped UTF-16 surrogate pairs (emoji in examples) and nothing wrong.
        "twilio-api-v2010.json": [],
        "discourse-openapi.yml": [
            "discourse-openapi.yml:3103:3: error: path '/groups/{id}.json' is the same template as "
                + "'/groups/{name}.json' with other parameter names; "
                + "OpenAPI does not allow both [identical-path-templates]",
            "discourse-openapi.yml:3556:3: error: path '/groups/{id}/members.json' is the same template as "
                + "'/groups/{name}/members.json' with other parameter names; "
                + "OpenAPI does not allow both [identical-path-templates]",
            "discourse-openapi.yml:7582:7: warning: a GET request with a body (RFC 9110 gives it no meaning); Lathe "
                + "sends it, but URLSession fails such a request on Apple platforms, and proxies may drop the body "
                + "[request-body-on-get]",
        ],
    ]

    @Test(.enabled(if: isPresent, "../shared/corpus is not beside this checkout"), arguments: expected.keys.sorted())
    func pinnedDiagnostics(_ file: String) throws {
        let result = OpenAPILoader.load(path: Self.corpus + "/" + file)
        #expect(result.document != nil)
        #expect(printed(result, removing: Self.corpus + "/") == Self.expected[file])
    }

    @Test(.enabled(if: isPresent, "../shared/corpus is not beside this checkout"))
    func everyCorpusFileIsPinned() throws {
        // A new spec in the corpus must get its own pinned expectations.
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus)
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        #expect(Set(files) == Set(Self.expected.keys))
    }
}
