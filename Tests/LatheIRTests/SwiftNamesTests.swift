import Testing

@testable import LatheIR

struct SwiftNamesTests {
    @Test(arguments: [
        ("cancellation_reason", "CancellationReason"), ("PurchaseOrderResponse", "PurchaseOrderResponse"),
        ("purchase-order.v2", "PurchaseOrderV2"), ("HTTPStatus", "HTTPStatus"), ("3DSecure", "_3DSecure"),
        ("line items", "LineItems"), ("$ref", "Ref"), ("@id", "Id"), ("🐶", "Unnamed"), ("café_crème", "CaféCrème"),
        ("", "Unnamed"), ("USER_ACCOUNT_CLOSED", "UserAccountClosed"), ("BIG_ELEPHANT_1", "BigElephant1"),
        ("3DS_CARDS_NOT_SUPPORTED", "_3DsCardsNotSupported"), ("2fa", "_2Fa"), ("ID", "ID"),
        ("HTTP-STATUS", "HttpStatus"),
        ("qrcode-uuid", "QrcodeUuid"), ("filter[name]", "FilterName"),
        // Symbols alone are named by their words (CVAT's operators); a symbol without one is not.
        ("*", "Asterisk"), ("!=", "NotEquals"), ("- ", "Minus"), ("+🐶", "Unnamed"), ("-1", "Minus1"),
        ("+1", "Plus1"), ("-x1", "X1"),
    ])
    func typeNames(_ original: String, _ expected: String) {
        #expect(SwiftNames.typeName(original) == expected)
    }

    @Test(arguments: [
        ("cancellation_reason", "cancellationReason"), ("ID", "id"), ("URLValue", "urlValue"), ("petID", "petID"),
        ("x-simple-workspace", "xSimpleWorkspace"), ("2fa", "_2fa"), ("Name", "name"),
        ("non_field_errors", "nonFieldErrors"),
        ("USER_ACCOUNT_CLOSED", "userAccountClosed"), ("BIG_ELEPHANT_1", "bigElephant1"),
        ("3DS_CARDS_NOT_SUPPORTED", "_3dsCardsNotSupported"),
        ("qrcode-uuid", "qrcodeUuid"), ("filter[name]", "filterName"), ("page[size]", "pageSize"), ("EUR", "eur"),
        ("+", "plus"), ("<=", "lessThanEquals"), ("==", "equalsEquals"), ("🐶", "_unnamed"), ("", "_unnamed"),
        ("-1", "minus1"), ("+1", "plus1"), ("-2.5", "minus25"),
    ])
    func memberNames(_ original: String, _ expected: String) {
        #expect(SwiftNames.memberName(original) == expected)
    }

    /// A body's case is named by its media type; a range by what it stands for.
    @Test(arguments: [
        ("application/json", "json"), ("application/*+json", "anyJson"), ("*/*", "any"),
        ("application/problem+json", "problemJson"), ("image/png", "imagePng"), ("application/*", "application"),
    ])
    func contentCaseNames(_ contentType: String, _ expected: String) {
        #expect(Lowerer.contentCaseName(contentType) == expected)
    }

    /// Server entries are named from their descriptions (the corpus's and the providers' own);
    /// `nil` falls back to the entry's position (`server2`).
    @Test(
        arguments: [
            ("Production", "production"), ("Production.", "production"), ("Production server", "production"),
            ("Sandbox environment", "sandbox"), ("Development (sandbox).", "development"),
            ("Storno's hosted service. Self-hosted instances serve the same API.", "stornosHostedService"),
            ("Live and sandbox both; the key pair decides which.", "liveAndSandboxBoth"),
            ("The production API server, used by every customer of the platform", "production"),
            ("Where every request goes when no other server is chosen by the caller", nil), ("EU", "eu"),
            ("US region: https://api.example.com", "usRegion"), ("Mock server", "mock"), ("Server", "server"),
            ("", nil), ("   ", nil), ("日本", nil), ("default", "default"), ("2024 API", nil),
            ("Box upload API", "boxUpload"),
        ] as [(String, String?)])
    func serverNames(_ description: String, _ expected: String?) {
        #expect(SwiftNames.serverName(description) == expected)
    }

    @Test func keywordsAndReservedNames() {
        #expect(SwiftNames.escapedMember("default") == "`default`")
        #expect(SwiftNames.escapedMember("class") == "`class`")
        #expect(SwiftNames.memberName("self") == "self_")
        #expect(SwiftNames.memberName("Type") == "type")
        #expect(SwiftNames.memberName("init") == "init_")
        // A member is never spelled like the type named from the same text (the member would hide it).
        for original in ["1Foo", "2FA", "日本", "_1Foo", "1FOO_BAR"] {
            #expect(SwiftNames.memberName(original) != SwiftNames.typeName(original), "\(original)")
        }
        #expect(SwiftNames.memberName("1Foo") == "_1foo")
        #expect(SwiftNames.memberName("日本") == "_日本")
        #expect(SwiftNames.escapedMember("name") == "name")
        for reserved in ["Type", "Protocol", "Result", "Error", "Decimal", "Date", "String", "JSONValue"] {
            #expect(SwiftNames.safeTypeName(reserved) == reserved + "Model")
        }
        #expect(SwiftNames.safeTypeName("class") == "Class")
        #expect(SwiftNames.safeTypeName("self") == "SelfModel")
    }

    @Test func singulars() {
        #expect(SwiftNames.singular("lines") == "line")
        #expect(SwiftNames.singular("categories") == "category")
        #expect(SwiftNames.singular("addresses") == "address")
        #expect(SwiftNames.singular("status") == nil)
        #expect(SwiftNames.singular("data") == nil)
    }

    @Test func collisionsAreSettledInOrderAndIgnoreCase() {
        var scope = NameScope(reserved: ["CodingKeys"])
        #expect(scope.claim("Pet") == "Pet")
        #expect(scope.claim("pet") == "pet2")
        #expect(scope.claim("Pet") == "Pet3")
        #expect(scope.claim("CodingKeys") == "CodingKeys2")
        #expect(scope.claim("Owner") { $0 == "Owner" } == "Owner2")
    }

    /// The members' scope is made once and copied: a copy reserves what Swift synthesizes, and
    /// what one copy claims no other sees.
    @Test func eachObjectGetsItsOwnCopyOfTheMembersScope() {
        var first = NameScope.members
        #expect(first.claim("init") == "init2")
        #expect(first.claim("rawValue") == "rawValue2")
        #expect(first.claim("id") == "id")
        var second = NameScope.members
        #expect(second.claim("id") == "id")
        #expect(second.claim("ID") == "ID2")
    }

    /// `claim` resumes where the last probe for a name stopped, so thousands of colliding names
    /// cost linear time; it must hand out exactly what probing `2`, `3`, … from the start would,
    /// including a name `avoiding` refused once and accepts later.
    @Test func resumedProbingHandsOutWhatProbingFromTheStartWould() {
        struct Naive {
            var taken: Set<String> = []
            mutating func claim(_ preferred: String, avoiding others: (String) -> Bool) -> String {
                var candidate = preferred
                var counter = 2
                while taken.contains(candidate.lowercased()) || others(candidate) {
                    candidate = preferred + String(counter)
                    counter += 1
                }
                taken.insert(candidate.lowercased())
                return candidate
            }
        }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {  // a fixed-seed generator, so a failure reproduces
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // Non-ASCII ones too: only names of lowercase ASCII are their own keys.
        let names = [
            "Pet", "pet", "PET", "Pet2", "Pet22", "Owner", "owner3", "A", "a1", "Ärger", "ärger", "Café", "café",
        ]
        for _ in 0 ..< 200 {
            var scope = NameScope()
            var naive = Naive()
            for _ in 0 ..< 60 {
                let name = names[next(names.count)]
                // Sometimes refuse a few suffixed names, as a caller avoiding member names does.
                let refused = next(3) == 0 ? Set((0 ..< 3).map { _ in name + String(2 + next(6)) }) : []
                let avoiding: (String) -> Bool = { refused.contains($0) }
                #expect(scope.claim(name, avoiding: avoiding) == naive.claim(name, avoiding: avoiding))
            }
        }
        var many = NameScope()
        let claimed = (0 ..< 5000).map { _ in many.claim("list") }
        #expect(claimed.first == "list" && claimed[1] == "list2" && claimed.last == "list5000")
        #expect(Set(claimed.map { $0.lowercased() }).count == 5000)
    }
}

/// The byte-level splitter, case mapping and names of ASCII text must do exactly what the Character-level ones do.
struct SwiftNameWordsTests {
    @Test func asciiFastPathsSplitAndCaseLikeCharacters() {
        let alphabet = Array("aZbY09_- .[]$HTTPx")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {  // a fixed-seed generator, so a failure reproduces
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var samples = [
            "", "ID", "HTTPStatus", "petID", "3DSecure", "BIG_ELEPHANT_1", "x-simple-workspace", "v2Beta", "self",
            "Type",
            "init", "SELF", "1Foo", "2fa", "123", "_", "12 ABC", "4_XY_Z",
        ]
        for _ in 0 ..< 20_000 {
            samples.append(String((0 ..< next(10)).map { _ in alphabet[next(alphabet.count)] }))
        }
        for sample in samples {
            // typeName and memberName make ASCII names from the bytes, by the Character path's rules;
            // symbols alone are named by their words.
            let characterWords = SwiftNames.characterWords(sample)
            let words =
                SwiftNames.signedNumberWords(sample)
                ?? (characterWords.isEmpty ? SwiftNames.symbolWords(sample) ?? [] : characterWords)
            #expect(SwiftNames.typeName(sample) == SwiftNames.typeName(words: words), "\(sample)")
            #expect(SwiftNames.memberName(sample) == SwiftNames.memberName(words: words), "\(sample)")
            #expect(SwiftNames.capitalized(sample) == SwiftNames.characterCapitalized(sample), "\(sample)")
            #expect(
                SwiftNames.lowercasedLeadingWord(sample) == SwiftNames.characterLowercasedLeadingWord(sample),
                "\(sample)")
        }
    }
}
