import Foundation
import LatheRuntime
import Testing

/// Sample JSON decoded through the generated golden types and encoded again.
struct RoundTripTests {
    /// Decodes `json` as `T`, encodes it again, and checks the JSON is the same (or `expected`).
    /// `sameValueAgain` is false where decoding keeps what encoding leaves out (undeclared keys).
    @discardableResult
    func roundTrip<T: Codable & Equatable>(
        _ type: T.Type, _ json: String, expected: String? = nil, sameValueAgain: Bool = true
    ) throws -> T {
        let value = try JSONCoding.decoder().decode(T.self, from: Data(json.utf8))
        let encoded = try JSONCoding.encoder().encode(value)
        let again = try JSONCoding.decoder().decode(T.self, from: encoded)
        if sameValueAgain { #expect(again == value) }
        #expect(
            try jsonValue(encoded) == jsonValue(Data((expected ?? json).utf8)),
            "\(String(decoding: encoded, as: UTF8.self))")
        return value
    }

    func jsonValue(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    @Test func requiredAndOptional() throws {
        let customer = try roundTrip(RequiredAndOptional.Customer.self, #"{"id": "c1", "name": "Ada", "age": 36}"#)
        #expect(customer.email == nil && customer.age == 36)
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(RequiredAndOptional.Customer.self, from: Data(#"{"id": "c1"}"#.utf8))
        }
        // Required and nullable with `default: null`: a missing key is null, and goes out as null.
        let usage = try roundTrip(
            RequiredAndOptional.Usage.self, #"{"inputTokens": 3, "stopReason": null}"#,
            expected: #"{"inputTokens": 3, "cachedTokens": null, "stopReason": null}"#)
        #expect(usage.cachedTokens == nil)
        #expect(
            try roundTrip(
                RequiredAndOptional.Usage.self, #"{"inputTokens": 3, "cachedTokens": 2, "stopReason": "end"}"#
            ).cachedTokens == 2)
        // Not in an untagged alternative, where the missing key is what passes it over.
        #expect(
            try roundTrip(RequiredAndOptional.StreamEvent.self, #"{"text": "hi"}"#) == .deltaEvent(.init(text: "hi")))
        #expect(
            try roundTrip(RequiredAndOptional.StreamEvent.self, #"{"stopReason": null}"#)
                == .stopEvent(.init(stopReason: nil)))
        // Nor in the items of a list that is one.
        #expect(
            try roundTrip(RequiredAndOptional.Batch.self, #"[{"text": "hi"}]"#) == .deltaEvents([.init(text: "hi")]))
        // Without the default, the key is required as the schema says.
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(
                RequiredAndOptional.Usage.self, from: Data(#"{"inputTokens": 3, "cachedTokens": 1}"#.utf8))
        }
        // A required key no property declares: any value, kept; absent, the value still decodes and
        // `validate()` reports it.
        let choice = try roundTrip(RequiredAndOptional.Choice.self, #"{"index": 0, "text": {"a": [1]}}"#)
        #expect(choice.text == ["a": [1]] && choice.validationIssues.isEmpty)
        let without = try roundTrip(RequiredAndOptional.Choice.self, #"{"index": 0}"#)
        #expect(without.validationIssues.map(\.description) == ["$.text: is required"])
        // In a union, a value without such a key is not that alternative, as a declared one's absence says.
        #expect(try roundTrip(RequiredAndOptional.Part.self, #"{"url": "u"}"#) == .picture(.init(url: "u")))
        #expect(try roundTrip(RequiredAndOptional.Part.self, #"{"text": "t"}"#) == .note(.init(text: "t")))
        let any = try roundTrip(RequiredAndOptional.AnyPart.self, #"{"url": "u"}"#)
        #expect(any.note == nil && any.picture?.url == "u")
    }

    /// Large nested values live in boxes behind their properties: the JSON, the public types,
    /// value semantics and equality are what they would be inline.
    @Test func largeValuesBehindBoxesBehaveAsInline() throws {
        let json = #"""
            {"shipping": {"line1": "1 Quay", "city": "Oslo", "note": "ring"}, "billing": null,
             "total": {"amount": 5, "currency": "NOK"}, "destination": {"locker": "L7"}}
            """#
        let gift = #""gift": {"line1": "Counter", "city": "Oslo"}"#
        var order = try roundTrip(
            LargeValues.Order.self, json,
            expected: json.replacingOccurrences(of: "\"billing\": null,", with: "\"billing\": null, \(gift),"))
        // A boxed property's object default is the value absent.
        #expect(order.shipping.city == "Oslo" && order.billing == .null && order.gift.line1 == "Counter")
        #expect(order.destination == .locker(LargeValues.Locker(locker: "L7")))
        let copy = order
        order.shipping.city = "Bergen"
        order.billing = .value(LargeValues.Address(line1: "2 Pier", city: "Bergen"))
        #expect(copy.shipping.city == "Oslo" && copy.billing == .null, "a copy keeps its own value")
        #expect(order != copy && order.shipping.city == "Bergen")
        try roundTrip(
            LargeValues.Order.self,
            #"{"shipping": {"line1": "1 Quay", "city": "Oslo"}, "destination": {"line1": "3 Dock", "city": "Moss"}}"#,
            expected:
                #"{"shipping": {"line1": "1 Quay", "city": "Oslo"}, \#(gift), "destination": {"line1": "3 Dock", "city": "Moss"}}"#
        )
        #expect(String(describing: order).contains("Bergen"), "printed as the value it holds")
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(LargeValues.Order.self, from: Data(#"{"shipping": {"city": "Oslo"}}"#.utf8))
        }
    }

    @Test func nullsSurviveWhereTheSchemaAllowsThem() throws {
        // 3.0 nullable: a present null and an absent key stay apart.
        let parcel = try roundTrip(
            Nullable30.Parcel.self, #"{"weight": 1.5, "note": null, "label": null, "address": null}"#)
        #expect(parcel.note == nil && parcel.label == .null && parcel.address == .null)
        let bare = try roundTrip(Nullable30.Parcel.self, #"{"weight": 1, "note": "fragile"}"#)
        #expect(bare.label == nil && bare.address == nil && bare.note == "fragile")
        // 3.1 type arrays and anyOf/oneOf with null, including a nullable $ref.
        let shipment = try roundTrip(
            Nullable31.Shipment.self, #"{"note": null, "origin": null, "destination": {"city": "Oslo"}}"#)
        #expect(shipment.origin == .null && shipment.destination == .value(Nullable31.Address(city: "Oslo")))
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(Nullable31.Shipment.self, from: Data("{}".utf8))
        }
    }

    @Test func unknownEnumValuesDecodeAndAreReported() throws {
        let task = try roundTrip(
            Enums.TaskModel.self, #"{"status": "archived", "priority": 7, "kind": "bug", "resolution": null}"#)
        #expect(task.status == .undocumented("archived"))
        #expect(task.priority == .undocumented(7))
        #expect(task.kind == .bug && task.resolution == .null)
        #expect(
            task.validationIssues.map(\.description) == [
                "$.status: 'archived' is not one of the documented values",
                "$.priority: '7' is not one of the documented values",
            ])
        #expect(Enums.Status(rawValue: "in_progress") == .inProgress)
        #expect(Enums.Status.allCases.count == 6)
        #expect(Enums.Status.allCases.allSatisfy { Enums.Status(rawValue: $0.rawValue) == $0 })
        #expect(Enums.Priority(rawValue: -1) == .minus1 && Enums.Priority(rawValue: 0) == .undocumented(0))
        // From 16 values, `init(rawValue:)` looks values up in a table made from `allCases`.
        #expect(WideObject.Region.allCases.count == 16 && WideObject.Code.allCases.count == 17)
        #expect(WideObject.Region.allCases.allSatisfy { WideObject.Region(rawValue: $0.rawValue) == $0 })
        #expect(WideObject.Code.allCases.allSatisfy { WideObject.Code(rawValue: $0.rawValue) == $0 })
        #expect(WideObject.Region(rawValue: "sa-east-1") == .saEast1 && WideObject.Code(rawValue: -1) == .minus1)
        #expect(WideObject.Region(rawValue: "SA-east-1") == .undocumented("SA-east-1"))
        #expect(WideObject.Code(rawValue: 418) == .undocumented(418))
    }

    /// From 16 discriminator values, `init(from:)` switches on a value's position in a table of
    /// them: each value selects its alternative, any other is kept, and an alternative that fixes
    /// no value is tried when the property names no other, or is absent.
    @Test func aDiscriminatorOfManyValuesSelectsAsASwitchDoes() throws {
        let mapped: [(String, Bool)] = [
            ("circle", true), ("disc", true), ("ring", true), ("dot", true), ("ellipse", true), ("oval", true),
            ("round", true), ("triangle", false), ("square", false), ("rectangle", false), ("pentagon", false),
            ("hexagon", false), ("heptagon", false), ("octagon", false), ("nonagon", false), ("decagon", false),
        ]
        for (kind, isCircle) in mapped {
            let shape = try roundTrip(
                WideObject.Shape.self, #"{"kind": "\#(kind)", "radius": 1.5, "sides": 3}"#,
                expected: isCircle ? #"{"kind": "\#(kind)", "radius": 1.5}"# : #"{"kind": "\#(kind)", "sides": 3}"#)
            #expect(
                shape
                    == (isCircle
                        ? .circle(WideObject.Circle(kind: kind, radius: 1.5))
                        : .polygon(WideObject.Polygon(kind: kind, sides: 3))))
        }
        let label = try roundTrip(WideObject.Shape.self, #"{"text": "hi"}"#)
        #expect(label == .label(WideObject.Shape.Label(text: "hi")))
        let named = try roundTrip(
            WideObject.Shape.self, #"{"kind": "star", "text": "hi"}"#, expected: #"{"text": "hi"}"#)
        #expect(named == .label(WideObject.Shape.Label(text: "hi")))
        let other = try roundTrip(WideObject.Shape.self, #"{"kind": "Circle", "radius": 1}"#)
        #expect(other == .undocumented(["kind": "Circle", "radius": 1]))
        #expect(other.validationIssues.map(\.description) == ["$: matches none of Shape's documented cases"])
    }

    /// Past 64 members, the initializer stores an optional argument only when it is not nil; what
    /// it is given, and nothing else, is what the value holds and writes.
    @Test func aWideObjectHoldsWhatItIsGiven() throws {
        let wide = WideObject.Wide(
            id: "w1", note: nil, extra: .value(2), next: WideObject.Wide(id: "w2", note: "n"), let: "l",
            `inout`: "i", default: false, region: .euNorth1, code: .undocumented(418), field56: "z")
        #expect(wide.note == nil && wide.extra == .value(2) && wide.size == 3 && wide.next?.id == "w2")
        #expect(wide.let == "l" && wide.var == nil && wide.inout == "i" && wide.default == false)
        #expect(wide.field01 == nil && wide.field56 == "z")
        let json = try JSONCoding.encoder().encode(wide)
        #expect(
            try jsonValue(json)
                == jsonValue(
                    Data(
                        #"{"id": "w1", "note": null, "extra": 2, "size": 3, "let": "l", "inout": "i", "default": false,"#
                            .appending(#" "region": "eu-north-1", "code": 418,"#)
                            .appending(#" "field56": "z", "next": {"id": "w2", "note": "n", "size": 3}}"#).utf8)),
            "\(String(decoding: json, as: UTF8.self))")
        #expect(try JSONCoding.decoder().decode(WideObject.Wide.self, from: json) == wide)
    }

    /// Values YAML typed otherwise than the schema's `type` are read as that type, so they decode
    /// from what the API sends.
    @Test func enumValuesAreOfTheDeclaredType() throws {
        let settings = try roundTrip(Enums.Settings.self, #"{"level": "1"}"#, expected: #"{"level": "1", "size": "3"}"#)
        #expect(settings.level == ._1 && settings.size == "3")
        #expect(settings.validationIssues.isEmpty)
        #expect(try roundTrip(Enums.Answer.self, #""true""#) == .true)
        #expect(try roundTrip(Enums.Tier.self, "2") == .value2)
        // Cases named by `x-enum-varnames` (an integer's) and `x-ms-enum`; a string's keeps its value's.
        #expect(try roundTrip(Enums.Weekday.self, "7") == .sunday)
        #expect(Enums.Weekday.allCases == [.monday, .tuesday, .sunday] && Enums.Weekday.sunday.rawValue == 7)
        #expect(try roundTrip(Enums.CancelReason.self, #""TIMED_OUT""#) == .timedOut)
        #expect(try roundTrip(Enums.Severity?.self, "null") == nil)
        #expect(try roundTrip(Enums.Severity?.self, "1") == .error)
        // `oneOf` of constants: every value is its own case (as alternatives, each was the first).
        #expect(try roundTrip(Enums.ActivityType?.self, "2") == .spectate)
        #expect(try roundTrip(Enums.ActivityType?.self, "null") == nil)
        #expect(try roundTrip(Enums.ActivityType?.self, "9") == .undocumented(9))
        #expect(try roundTrip(Enums.Change.self, #""deleted""#) == .deleted)
        // A `const: null` alternative lets the enum hold null.
        #expect(try roundTrip(Enums.ShadeHolder.self, #"{"shade": null}"#).shade == nil)
        #expect(try roundTrip(Enums.ShadeHolder.self, #"{"shade": "dark"}"#).shade == .dark)
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(Enums.Tier.self, from: Data(#""2""#.utf8))
        }
    }

    @Test func constants() throws {
        let event = try roundTrip(
            Const.Event.self, #"{"type": "invoice.cancelled"}"#,
            expected:
                #"{"type": "invoice.cancelled", "version": 2, "filter": {"status": "open"}, "pair": [1, 2], "labels": {"tier": "gold"}}"#
        )
        #expect(event.version == 2 && event.labels == ["tier": "gold"], "a map's const is its value when absent")
        let wrong = try JSONCoding.decoder().decode(
            Const.Event.self, from: Data(#"{"type": "other", "version": 3}"#.utf8))
        #expect(
            wrong.validationIssues.map(\.description) == [
                "$.type: must be \"invoice.cancelled\"", "$.version: must be 2",
            ])
        // A `const` object or array is compared as JSON: 1 and 1.0 are the same number.
        let filtered = try roundTrip(
            Const.Event.self, #"{"type": "invoice.cancelled", "filter": {"status": "open"}, "pair": [1.0, 2]}"#,
            expected:
                #"{"type": "invoice.cancelled", "version": 2, "filter": {"status": "open"}, "pair": [1, 2], "labels": {"tier": "gold"}}"#
        )
        #expect(filtered.validationIssues.isEmpty)
        let other = try JSONCoding.decoder().decode(
            Const.Event.self,
            from: Data(#"{"type": "invoice.cancelled", "filter": {"status": "paid"}, "pair": [2, 1]}"#.utf8))
        #expect(
            other.validationIssues.map(\.description) == [
                "$.filter: must be {\"status\":\"open\"}", "$.pair: must be [1,2]",
            ])
    }

    /// Values no Swift enum lists (fractional numbers, values of several kinds) keep their JSON type
    /// and are checked against the list; schemas with `const` written as enum values are those values.
    @Test func listedValuesAreChecked() throws {
        let listed = try roundTrip(
            Const.Listed.self,
            #"{"interval": 0.25, "every": 24, "ratios": [1.5, 0.5], "setting": null, "mode": "parallel"}"#)
        #expect(listed.interval == 0.25 && listed.ratios == [1.5, 0.5] && listed.setting == .null)
        #expect(listed.mode == .parallel && listed.validationIssues.isEmpty)
        #expect(try roundTrip(Const.Listed.self, #"{"interval": 7, "setting": "auto"}"#).validationIssues.isEmpty)
        #expect(
            try roundTrip(Const.Listed.self, #"{"setting": 1.0}"#, expected: #"{"setting": 1}"#).validationIssues
                .isEmpty)
        let wrong = try roundTrip(
            Const.Listed.self,
            #"{"interval": 0.5, "every": 12, "ratios": [1.5, 2.5], "setting": "on", "mode": "fastest"}"#)
        #expect(
            wrong.validationIssues.map(\.description) == [
                "$.interval: must be one of 0.25, 1, 7, 30", "$.every: must be one of 0.5, 24",
                "$.ratios[1]: must be one of 0.5, 1.5",
                "$.setting: must be one of \"auto\", 1, true, null",
                "$.mode: 'fastest' is not one of the documented values",
            ])
    }

    @Test func numberOrStringKeepsTheFormItCameIn() throws {
        let line = try roundTrip(TypeArrays.Line.self, #"{"unitPrice": "12.50", "status": 404, "flag": true}"#)
        #expect(line.unitPrice == .string("12.50") && line.unitPrice?.decimalValue == Decimal(string: "12.5"))
        #expect(line.status == .value(.number(404)))
        #expect(line.flag == .bool(true))
        let numeric = try roundTrip(TypeArrays.Line.self, #"{"unitPrice": 0.1, "status": "404", "flag": "yes"}"#)
        #expect(numeric.unitPrice == .number(Decimal(string: "0.1")!))
        #expect(numeric.status == .value(.string("404")))
        try roundTrip(TypeArrays.Line.self, #"{"status": null}"#)
        let bad = try JSONCoding.decoder().decode(TypeArrays.Line.self, from: Data(#"{"unitPrice": "twelve"}"#.utf8))
        #expect(
            bad.validationIssues.map(\.description) == [
                "$.unitPrice: must match the pattern ^-?(?:0|[1-9]\\d*)(?:\\.\\d+)?$"
            ])
    }

    @Test func defaultsFillMissingFields() throws {
        let settings = try roundTrip(
            Defaults.Settings.self, "{}",
            expected:
                #"{"retries": 3, "ratio": 0.5, "price": 9.99, "verbose": false, "label": "none \"quoted\"", "mode": "test", "channels": ["email", "sms"], "extra": {"a": [1, true, null]}, "level": 2, "count": 5, "order": "asc", "docs": "about:blank", "tenant": "123e4567-e89b-12d3-a456-426614174000", "odd": {"x": "y"}, "payment": {"paid_by": "sender", "account_number": null}, "limits": {"max": 3, "unit": {"name": "page"}}, "labels": {"env": "prod", "a \"b\"": "c"}, "metadata": {}, "effort": {"level": "none", "default": 2, "extra": null}, "tree": {"name": "a", "child": {"name": "b"}}}"#
        )
        #expect(settings.price == Decimal(string: "9.99"))
        #expect(Defaults.Settings().mode == .test)
        #expect(settings.level == .value2 && settings.count == 5 && settings.order == .asc && settings.note == nil)
        let noted = try roundTrip(
            Defaults.Settings.self, #"{"note": null}"#,
            expected:
                #"{"retries": 3, "ratio": 0.5, "price": 9.99, "verbose": false, "label": "none \"quoted\"", "mode": "test", "channels": ["email", "sms"], "extra": {"a": [1, true, null]}, "note": null, "level": 2, "count": 5, "order": "asc", "docs": "about:blank", "tenant": "123e4567-e89b-12d3-a456-426614174000", "odd": {"x": "y"}, "payment": {"paid_by": "sender", "account_number": null}, "limits": {"max": 3, "unit": {"name": "page"}}, "labels": {"env": "prod", "a \"b\"": "c"}, "metadata": {}, "effort": {"level": "none", "default": 2, "extra": null}, "tree": {"name": "a", "child": {"name": "b"}}}"#
        )
        #expect(noted.note == .null)
        // An object's default is its initializer's call: a member given overrides its own default,
        // a null is kept apart from absent where the property does, and left out where it allows none.
        #expect(settings.payment == Defaults.Payment(paidBy: .sender, accountNumber: .null))
        #expect(settings.payment.currency == nil && Defaults.Payment().paidBy == .recipient)
        #expect(settings.limits.unit?.name == "page" && settings.labels == ["env": "prod", "a \"b\"": "c"])
        let given = try JSONCoding.decoder().decode(
            Defaults.Settings.self, from: Data(#"{"payment": {}, "metadata": {"k": 1}}"#.utf8))
        #expect(given.payment == Defaults.Payment() && given.metadata == ["k": 1])
        // A case named `none` is the enum's, not an absent value; a JSON null is kept.
        #expect(settings.effort.level == Defaults.Effort.Level.none && settings.effort.extra == .null)
        #expect(settings.tree.child?.name == "b" && settings.tree.child?.child == nil)
        // Defaults spelled as text take the type's value; an anyOf default fills every member that takes it.
        let spelled = try roundTrip(
            Defaults.Spelled.self, "{}",
            expected:
                #"{"hasAttachments": false, "limit": 100, "mode": "auto", "size": 12, "choice": "none", "pages": 2}"#)
        #expect(spelled.mode.case1 == .auto && spelled.mode.string == "auto" && spelled.size.int == 12)
        // A oneOf's default is the case decoding gives it.
        #expect(spelled.choice == .case1(.none) && spelled.pages == .int(2) && spelled.short == nil)
        #expect(
            try roundTrip(
                Defaults.Spelled.self, #"{"mode": "auto", "size": 12, "choice": "none", "pages": 2}"#,
                expected:
                    #"{"hasAttachments": false, "limit": 100, "mode": "auto", "size": 12, "choice": "none", "pages": 2}"#
            )
                == spelled)
    }

    @Test func discriminatedUnions() throws {
        // An alternative that declares no discriminator property still carries it, written on encoding.
        let person = try roundTrip(OneOfDiscriminator.Identity.self, #"{"kind": "person", "name": "Ada"}"#)
        #expect(person == .person(OneOfDiscriminator.Person(name: "Ada")))
        let robot = try JSONCoding.encoder().encode(OneOfDiscriminator.Identity.robot(.init(serial: 7)))
        #expect(try jsonValue(robot) == jsonValue(Data(#"{"kind": "robot", "serial": 7}"#.utf8)))
        let card = try roundTrip(OneOfDiscriminator.PaymentMethod.self, #"{"kind": "card", "last4": "4242"}"#)
        #expect(card == .card(OneOfDiscriminator.Card(kind: "card", last4: "4242")))
        let debit = try roundTrip(OneOfDiscriminator.PaymentMethod.self, #"{"kind": "sepa_debit", "iban": "DE00"}"#)
        #expect(debit == .bankAccount(OneOfDiscriminator.BankAccount(kind: "sepa_debit", iban: "DE00")))
        let future = try roundTrip(OneOfDiscriminator.PaymentMethod.self, #"{"kind": "crypto", "wallet": "x"}"#)
        #expect(future == .undocumented(["kind": "crypto", "wallet": "x"]))
        #expect(future.validationIssues.map(\.description) == ["$: matches none of PaymentMethod's documented cases"])
        // Without a mapping, the component's name is the value.
        let implicit = try roundTrip(OneOfDiscriminator.Implicit.self, #"{"kind": "BankAccount", "iban": "NL00"}"#)
        #expect(implicit == .bankAccount(OneOfDiscriminator.BankAccount(kind: "BankAccount", iban: "NL00")))
    }

    /// Properties beside `oneOf`: alternatives that extend the base listing them carry its
    /// properties (the discriminator's value goes out with a `Cat`); alternatives without them are
    /// composed with them, both read from and written to the one JSON object.
    @Test func propertiesBesideAlternativesRoundTrip() throws {
        let cat = try roundTrip(OneOfBesideProperties.Pet.self, #"{"petType": "Cat", "name": "Tom", "lives": 9}"#)
        #expect(cat == .cat(OneOfBesideProperties.Cat(petType: "Cat", name: "Tom", lives: 9)))
        let pickup = try roundTrip(OneOfBesideProperties.Shipment.self, #"{"id": "s1", "pickupCode": 7}"#)
        #expect(pickup.id == "s1" && pickup.value1 == .case2(.init(pickupCode: 7)))
        let tracked = try roundTrip(OneOfBesideProperties.Shipment.self, #"{"id": "s2", "trackingNumber": "1Z"}"#)
        #expect(tracked.value1 == .case1(.init(trackingNumber: "1Z")))
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(OneOfBesideProperties.Shipment.self, from: Data(#"{"pickupCode": 7}"#.utf8))
        }
    }

    /// A composite's properties and its union read one JSON object, so the union may hold a copy of
    /// a property (an alternative that restates it, an undocumented case holding the whole object).
    /// The struct's property is the one written: a change to it, clearing it included, is not undone
    /// by the copy. Only a key an alternative requires, left absent by the struct, goes out from the
    /// copy, so a value made from the union alone keeps its discriminator.
    @Test func aCompositeWritesItsOwnKeysFromItsProperties() throws {
        var bird = try roundTrip(
            OneOfBesideProperties.Animal.self, #"{"kind": "bird", "name": "Tweety", "wings": 2}"#)
        #expect(bird.value1 == .bird(OneOfBesideProperties.Bird(kind: "bird", name: "Tweety", wings: 2)))
        bird.name = "Polly"
        #expect(try jsonValue(JSONCoding.encoder().encode(bird)) == ["kind": "bird", "name": "Polly", "wings": 2])
        bird.name = nil
        #expect(try jsonValue(JSONCoding.encoder().encode(bird)) == ["kind": "bird", "wings": 2])
        let built = OneOfBesideProperties.Animal(value1: .bird(OneOfBesideProperties.Bird(kind: "bird", wings: 2)))
        #expect(try jsonValue(JSONCoding.encoder().encode(built)) == ["kind": "bird", "wings": 2])

        var event = try roundTrip(
            OneOfBesideProperties.Event.self, #"{"id": "e1", "note": "n", "kind": "archived", "by": "ada"}"#)
        #expect(event.value1 == .undocumented(["id": "e1", "note": "n", "kind": "archived", "by": "ada"]))
        event.id = "e2"
        event.note = nil
        #expect(try jsonValue(JSONCoding.encoder().encode(event)) == ["id": "e2", "kind": "archived", "by": "ada"])
        let created = try roundTrip(
            OneOfBesideProperties.Event.self, #"{"id": "e3", "kind": "created", "at": "noon"}"#)
        #expect(created.value1 == .created(OneOfBesideProperties.Created(kind: "created", at: "noon")))
    }

    /// OpenAPI 3.2's `defaultMapping`: a value whose discriminator is absent, or names no
    /// alternative, is the default schema, not `undocumented` (which the enum then does not have).
    @Test func aDiscriminatorsDefaultMappingTakesWhatNoValueSelects() throws {
        let cat = try roundTrip(OpenAPI32.Pet.self, #"{"petType": "cat", "lives": 9}"#)
        #expect(cat == .cat(OpenAPI32.Cat(petType: "cat", lives: 9)))
        let lizard = try roundTrip(OpenAPI32.Pet.self, #"{"petType": "lizard", "name": "Liz"}"#)
        #expect(lizard == .otherPet(OpenAPI32.OtherPet(petType: "lizard", name: "Liz")))
        let unnamed = try roundTrip(OpenAPI32.Pet.self, #"{"name": "Rex"}"#)
        #expect(unnamed == .otherPet(OpenAPI32.OtherPet(name: "Rex")))
        #expect(unnamed.validationIssues.isEmpty)
        // A mapped value still selects its schema, and fails with it.
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(OpenAPI32.Pet.self, from: Data(#"{"petType": "cat"}"#.utf8))
        }

        let car = try roundTrip(OpenAPI32.Vehicle.self, #"{"kind": "car", "seats": 4}"#)
        #expect(car == .car(OpenAPI32.Car(kind: "car", seats: 4)))
        let cart = try roundTrip(OpenAPI32.Vehicle.self, #"{"kind": "cart", "wheels": 2}"#)
        #expect(cart == .otherVehicle(OpenAPI32.OtherVehicle(kind: "cart", wheels: 2)))
        let bare = try roundTrip(OpenAPI32.Vehicle.self, #"{"wheels": 3}"#)
        #expect(bare == .otherVehicle(OpenAPI32.OtherVehicle(wheels: 3)))
    }

    @Test func discriminatorsBesideAnyOfAndOnAllOfBasesSelect() throws {
        let bank = try roundTrip(OneOfDiscriminator.EitherMethod.self, #"{"kind": "bank", "iban": "DE00"}"#)
        #expect(bank == .bankAccount(OneOfDiscriminator.BankAccount(kind: "bank", iban: "DE00")))
        let owner = try roundTrip(
            OneOfDiscriminator.Owner.self,
            #"{"pet": {"petType": "Cat", "name": "Tom", "lives": 9}, "account": {"type": "ukLocal", "sortCode": "12-34-56"}}"#
        )
        #expect(owner.pet == .cat(OneOfDiscriminator.Cat(petType: "Cat", name: "Tom", lives: 9)))
        #expect(
            owner.account == .ukLocalAccount(OneOfDiscriminator.UKLocalAccount(type: "ukLocal", sortCode: "12-34-56")))
        let unknown = try roundTrip(OneOfDiscriminator.Pet.self, #"{"petType": "Lizard", "name": "Liz"}"#)
        #expect(unknown == .undocumented(["petType": "Lizard", "name": "Liz"]))
    }

    /// An alternative that fixes the discriminator to values of its own (`enum`, `const`, through a
    /// `$ref`) is selected by them, inline or not; alternatives that share a value are tried in order.
    @Test func alternativesThatFixTheirOwnValueAreSelectedByIt() throws {
        let json = try roundTrip(OneOfDiscriminator.Grammar.self, #"{"type": "json", "value": {"a": 1}}"#)
        #expect(json == .json(OneOfDiscriminator.Grammar.Json(type: .json, value: ["a": 1])))
        let regex = try roundTrip(OneOfDiscriminator.Grammar.self, #"{"type": "regex", "value": "a+"}"#)
        #expect(regex == .regex(OneOfDiscriminator.Grammar.RegexModel(value: "a+")))
        let other = try roundTrip(OneOfDiscriminator.Grammar.self, #"{"type": "xml", "value": "<a/>"}"#)
        #expect(other == .undocumented(["type": "xml", "value": "<a/>"]))

        let text = try roundTrip(OneOfDiscriminator.Message.self, #"{"kind": "text", "text": "hi"}"#)
        #expect(text == .textMessage(OneOfDiscriminator.TextMessage(kind: .text, text: "hi")))
        let image = try roundTrip(OneOfDiscriminator.Message.self, #"{"kind": "image", "url": "u"}"#)
        #expect(image == .imageMessage(OneOfDiscriminator.ImageMessage(kind: .image, url: "u")))

        let chunk = try roundTrip(OneOfDiscriminator.Completion.self, #"{"object": "text_completion", "token": "a"}"#)
        #expect(chunk == .case1(OneOfDiscriminator.Completion.Case1(token: "a", object: .textCompletion)))
        let final = try roundTrip(OneOfDiscriminator.Completion.self, #"{"object": "text_completion", "text": "done"}"#)
        #expect(final == .case2(OneOfDiscriminator.Completion.Case2(text: "done", object: .textCompletion)))
        let neither = try roundTrip(OneOfDiscriminator.Completion.self, #"{"object": "text_completion"}"#)
        #expect(neither == .undocumented(["object": "text_completion"]))
        #expect(neither.validationIssues.map(\.description) == ["$: matches none of Completion's documented cases"])
        // Without the property, too, the alternatives are tried: neither decodes without `object`.
        let absent = try roundTrip(OneOfDiscriminator.Completion.self, #"{"token": "a"}"#)
        #expect(absent == .undocumented(["token": "a"]))
    }

    /// A discriminator that is a number selects by its JSON text, as the alternatives' own values and
    /// the mapping's keys write it. Absent, it selects none: the value is kept, and reported.
    @Test func aNumberDiscriminatesByItsText() throws {
        let one = try roundTrip(OneOfDiscriminator.Versioned.self, #"{"version": 1, "name": "a"}"#)
        #expect(one == .versionOne(OneOfDiscriminator.VersionOne(version: .value1, name: "a")))
        let two = try roundTrip(OneOfDiscriminator.Versioned.self, #"{"version": 2, "title": "b"}"#)
        #expect(two == .versionTwo(OneOfDiscriminator.VersionTwo(version: 2, title: "b")))
        let latest = try roundTrip(OneOfDiscriminator.Versioned.self, #"{"version": 3, "tags": ["c"]}"#)
        #expect(latest == .versionLatest(OneOfDiscriminator.VersionLatest(version: 3, tags: ["c"])))
        let later = try roundTrip(OneOfDiscriminator.Versioned.self, #"{"version": 4}"#)
        #expect(later == .undocumented(["version": 4]))
        // Selected by its text, the string "1" is then not VersionOne's integer: an error, not a guess.
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(
                OneOfDiscriminator.Versioned.self, from: Data(#"{"version": "1", "name": "a"}"#.utf8))
        }
        let absent = try roundTrip(OneOfDiscriminator.Pet.self, #"{"name": "Liz"}"#)
        #expect(absent == .undocumented(["name": "Liz"]))
        #expect(absent.validationIssues.map(\.description) == ["$: matches none of Pet's documented cases"])
    }

    @Test func anObjectAndAUnionAreOneJSONObject() throws {
        let tagged = try roundTrip(
            AllOf.Tagged.self, #"{"tag": "t", "side": 2}"#, expected: #"{"side": 2, "tag": "t"}"#)
        #expect(tagged.tag == "t" && tagged.figure == .case2(.init(side: 2)))
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(AllOf.Tagged.self, from: Data(#"{"side": 2}"#.utf8))
        }
    }

    @Test func membersThatNameTheirFamilyThroughAllOfDecode() throws {
        let circle = try roundTrip(AllOf.Shape.self, #"{"kind": "circle", "radius": 2}"#)
        #expect(circle == .circle(AllOf.Circle(kind: "circle", radius: 2)))
        #expect(try roundTrip(AllOf.Square.self, #"{"kind": "square", "side": 3}"#).side == 3)
    }

    @Test func untaggedUnionsAndAnyOf() throws {
        #expect(try roundTrip(OneOfUntagged.Discount.self, #"{"value": 5}"#) == .amount(OneOfUntagged.Amount(value: 5)))
        #expect(try roundTrip(OneOfUntagged.Discount.self, "12.5") == .percentage(12.5))
        #expect(try roundTrip(OneOfUntagged.Discount.self, #""half""#) == .string("half"))
        // A case holds a value only when its own checks pass (`oneOf`); else the next one is tried.
        #expect(try roundTrip(OneOfUntagged.Limit.self, "-1") == .jsonValue(-1))
        #expect(try roundTrip(OneOfUntagged.Limit.self, #""auto""#) == .jsonValue("auto"))
        #expect(try roundTrip(OneOfUntagged.Limit.self, "5") == .int(5))
        #expect(try roundTrip(OneOfUntagged.Limit.self, #""abc""#) == .string("abc"))
        #expect(try roundTrip(OneOfUntagged.Limit.self, #""long""#) == .string2("long"))
        // None passes: the first that decoded, which `validate()` reports.
        let negative = try roundTrip(OneOfUntagged.Limit.self, "-5")
        #expect(negative == .jsonValue(-5) && !negative.validationIssues.isEmpty)
        // A generated enum's own check: the value is one it lists.
        #expect(try roundTrip(OneOfUntagged.Retention.self, #""none""#) == .case1(.none))
        #expect(try roundTrip(OneOfUntagged.Retention.self, #""365""#) == .string("365"))
        #expect(try roundTrip(OneOfUntagged.Retention.self, "30") == .int(30))
        #expect(try roundTrip(OneOfUntagged.Sizes.self, "null") == .doubles(nil))
        #expect(try roundTrip(OneOfUntagged.Sizes.self, "[7]") == .doubles([7]))
        #expect(try roundTrip(OneOfUntagged.Sizes.self, #""abc""#) == .string("abc"))
        // Objects told apart by their enums alone: each case where its enum lists the value, named by it.
        #expect(try roundTrip(OneOfUntagged.Event.self, #"{"name": "Started"}"#) == .started(.init(name: .started)))
        #expect(
            try roundTrip(OneOfUntagged.Event.self, #"{"name": "Stopped", "code": 2}"#)
                == .stopped(.init(name: .stopped, code: 2)))
        #expect(try roundTrip(OneOfUntagged.Event.self, #"{"name": "Turned"}"#) == .moved(.init(name: .turned)))
        #expect(
            try roundTrip(OneOfUntagged.Block.self, #"{"type": "image", "value": "u"}"#)
                == .image(.init(type: "image", value: "u")))
        #expect(
            try roundTrip(OneOfUntagged.Block.self, #"{"type": "text", "value": "t"}"#)
                == .text(.init(type: "text", value: "t")))
        // A property every case requires and fixes to a value of its own selects the case.
        #expect(
            try roundTrip(OneOfUntagged.Update.self, #"{"type": "created", "text": "t"}"#)
                == .created(.init(type: "created", text: "t")))
        #expect(try roundTrip(OneOfUntagged.Update.self, #"{"type": "deleted"}"#) == .deleted(.init(type: "deleted")))
        // One it names no case for is kept as it came, and reported; it was read as `deleted`.
        let archived = try roundTrip(OneOfUntagged.Update.self, #"{"type": "archived", "text": "t"}"#)
        #expect(archived == .undocumented(["type": "archived", "text": "t"]) && !archived.validationIssues.isEmpty)
        // The case it names does not decode: an error, not another case.
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(OneOfUntagged.Update.self, from: Data(#"{"type": "created"}"#.utf8))
        }
        // None lists it: the first tried, as it came, which `validate()` reports. That is `moved`,
        // which requires the member the others leave optional.
        let unknown = try roundTrip(OneOfUntagged.Event.self, #"{"name": "Paused"}"#)
        #expect(unknown == .moved(.init(name: .undocumented("Paused"))) && !unknown.validationIssues.isEmpty)
        // An enum one case alone has: an unlisted value stays in that case, reported by `validate()`.
        let pending = try roundTrip(OneOfUntagged.Reply.self, #"{"status": "pending", "name": "Rex"}"#)
        #expect(
            pending == .case1(.init(status: .undocumented("pending"), name: "Rex")) && !pending.validationIssues.isEmpty
        )
        // A case requiring more members is tried before one requiring fewer of them, which would
        // decode its values too and drop what it does not declare (TGI's last completion's usage).
        #expect(
            try roundTrip(OneOfUntagged.Completion.self, #"{"id": "a", "usage": 3}"#) == .last(.init(id: "a", usage: 3))
        )
        #expect(try roundTrip(OneOfUntagged.Completion.self, #"{"id": "a"}"#) == .part(.init(id: "a")))
        #expect(
            try roundTrip(OneOfUntagged.Streamed.self, #"{"object": "chunk", "id": "a", "usage": 3}"#)
                == .last(.init(object: .chunk, id: "a", usage: 3)))
        #expect(
            try roundTrip(OneOfUntagged.Streamed.self, #"{"object": "chunk", "id": "a"}"#)
                == .part(.init(object: .chunk, id: "a")))
        #expect(
            try roundTrip(OneOfUntagged.Notice.self, #"{"kind": "note", "id": "a"}"#)
                == .plain(.init(kind: .note, id: "a")))
        #expect(
            try roundTrip(OneOfUntagged.Progress.self, #"{"object": "chunk", "id": "a", "status": "partial"}"#)
                == .part(.init(object: .chunk, id: "a", status: .partial)))
        #expect(
            try roundTrip(OneOfUntagged.Progress.self, #"{"object": "chunk", "id": "a", "status": "final"}"#)
                == .last(.init(object: .chunk, id: "a", status: .final)))
        // A status neither lists is no case's: kept as it came, where an untagged union would keep
        // the first case that decoded.
        let paused = try roundTrip(OneOfUntagged.Progress.self, #"{"object": "chunk", "id": "a", "status": "paused"}"#)
        #expect(paused == .undocumented(["object": "chunk", "id": "a", "status": "paused"]))
        let person = try roundTrip(AnyOf.Person.self, #"{"name": "Ada", "age": 36}"#)
        #expect(person.named?.name == "Ada" && person.aged?.age == 36)
        // Both members decode this payload, each reading its own keys of `input` and of each part:
        // written back, it keeps every key either read (each member wrote its whole `input` in
        // turn, so the last one's, without `videoFileUrl`, replaced the first's).
        let payload = try roundTrip(
            AnyOf.Payload.self,
            #"{"input": {"videoFileUrl": "v.mp4", "audioFileUrl": "a.ogg"}, "parts": [{"url": "p1", "size": 3}]}"#)
        #expect(payload.videoJob?.input?.videoFileUrl == "v.mp4" && payload.audioJob?.input?.audioFileUrl == "a.ogg")
        // One member present writes its own keys alone.
        let video = AnyOf.Payload(videoJob: .init(input: .init(videoFileUrl: "v.mp4")))
        #expect(
            try jsonValue(JSONCoding.encoder().encode(video)) == .object(["input": .object(["videoFileUrl": "v.mp4"])]))
    }

    @Test func recursiveTypes() throws {
        let tree = try roundTrip(
            Recursive.Category.self, #"{"name": "root", "children": [{"name": "leaf", "parent": {"name": "root"}}]}"#)
        #expect(tree.children?.first?.parent?.name == "root")
        let sum = try roundTrip(Recursive.Expression.self, #"{"left": 1, "right": {"left": 2, "right": 3}}"#)
        guard case .sum(let outer) = sum, case .sum(let inner) = outer.right else {
            Issue.record("expected nested sums, got \(sum)")
            return
        }
        #expect(outer.left == .double(1) && inner.right == .double(3))
        try roundTrip(Recursive.Employee.self, #"{"name": "Ada", "team": {"lead": {"name": "Grace"}}}"#)
    }

    @Test func additionalProperties() throws {
        let tagged = try roundTrip(AdditionalProperties.Tagged.self, #"{"name": "n", "a": 1, "b": 2}"#)
        #expect(tagged.additionalProperties == ["a": 1, "b": 2])
        let open = try roundTrip(AdditionalProperties.Open.self, #"{"name": "n", "extra": {"deep": [true]}}"#)
        #expect(open.additionalProperties["extra"] == ["deep": [true]])
        // Undeclared keys of a closed object are not kept (nor sent).
        try roundTrip(
            AdditionalProperties.Closed.self, #"{"name": "n", "stray": 1}"#, expected: #"{"name": "n"}"#,
            sameValueAgain: false)
        try roundTrip(AdditionalProperties.Labels.self, #"{"env": "prod"}"#)
        try roundTrip(
            FreeForm.Envelope.self, #"{"payload": [1, "two", {"three": null}], "context": {"k": 1.25}}"#,
            expected: #"{"payload": [1, "two", {"three": null}], "context": {"k": 1.25}, "fallback": 3}"#)
    }

    @Test func formats() throws {
        let stored = try roundTrip(
            Formats.Stored.self,
            #"{"small": 1, "big": 9007199254740993, "money": 0.1, "moneyText": "10.50", "day": "2024-02-29", "moment": "2024-02-29T23:59:59.250+01:00", "id": "123E4567-E89B-12D3-A456-426614174000", "link": "", "bytes": "aGVsbG8=", "mystery": "?", "encoded": "iVBORw=="}"#,
            expected:
                #"{"small": 1, "big": 9007199254740993, "money": 0.1, "moneyText": "10.50", "day": "2024-02-29", "moment": "2024-02-29T22:59:59.250Z", "id": "123e4567-e89b-12d3-a456-426614174000", "link": "", "bytes": "aGVsbG8=", "mystery": "?", "encoded": "iVBORw=="}"#
        )
        #expect(stored.big == 9_007_199_254_740_993)
        // Integers past 64 bits, exactly: arbitrary precision in a `Decimal`, unsigned in a `UInt64`.
        let wide = try roundTrip(
            Formats.Stored.self, #"{"ledger": 123456789012345678901234567890, "unsigned": 18446744073709551615}"#)
        #expect(wide.ledger == Decimal(string: "123456789012345678901234567890"))
        #expect(wide.unsigned == UInt64.max)
        #expect(wide.validationIssues.isEmpty)
        let fraction = try JSONCoding.decoder().decode(Formats.Stored.self, from: Data(#"{"ledger": 1.5}"#.utf8))
        #expect(fraction.validationIssues.map(\.description) == ["$.ledger: must be a multiple of 1, but is 1.5"])
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(Formats.Stored.self, from: Data(#"{"unsigned": -1}"#.utf8))
        }
        #expect(stored.money == Decimal(string: "0.1"))
        #expect(stored.day == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(stored.bytes == Data("hello".utf8))
        #expect(stored.encoded == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(stored.link == "")
        // Dates with and without fractional seconds, in any offset.
        let plain = try JSONCoding.decoder().decode(
            Formats.Stored.self, from: Data(#"{"moment": "2024-03-01T00:00:00Z"}"#.utf8))
        #expect(plain.moment?.timeIntervalSince1970 == 1_709_251_200)
        // Decimal text is bounded by the number it spells, and held to its pattern as text.
        let amounts = try ["12.50", "0.00", "1000.01", "abc"].map { text in
            try JSONCoding.decoder().decode(Formats.Stored.self, from: Data(#"{"amount": "\#(text)"}"#.utf8))
                .validationIssues.map(\.description)
        }
        #expect(
            amounts == [
                [], ["$.amount: must be at least 0.01, but is 0"], ["$.amount: must be at most 1000, but is 1000.01"],
                ["$.amount: must match the pattern ^\\d{0,10}(\\.\\d{0,2})?$"],
            ])
        // A request-only URI is a URL.
        let upload = try roundTrip(Formats.Upload.self, #"{"source": "https://example.com/a.pdf"}"#)
        #expect(upload.source == URL(string: "https://example.com/a.pdf"))
    }

    @Test func validationReportsEveryViolationWithItsPath() throws {
        let order = Constraints.Order(
            reason: "short", code: "abcd", quantity: 0, discount: 1, step: 0.3,
            codes: ["a", "bb", "cc"], scores: ["x": 11, "y": 1, "z": 2, "w": 3]
        )
        #expect(
            order.validationIssues.map(\.description) == [
                "$.reason: must be at least 10 characters long, but is 5",
                "$.code: must be at most 3 characters long, but is 4",
                "$.code: must match the pattern ^[A-Z]{3}$",
                "$.quantity: must be at least 1, but is 0",
                "$.discount: must be less than 1, but is 1",
                "$.step: must be a multiple of 0.25, but is 0.3",
                "$.codes: must have at most 2 items, but has 3",
                "$.codes[0]: must be at least 2 characters long, but is 1",
                "$.scores: must have at most 3 properties, but has 4",
                "$.scores.x: must be at most 10, but is 11",
            ])
        #expect(throws: ValidationError.self) { try order.validate() }
        #expect(Constraints.Order(reason: "long enough reason").validationIssues == [])
        #expect(
            Constraints.Order().validationIssues.map(\.description) == ["$: must have at least 1 properties, but has 0"]
        )
    }

    @Test func nullableComponentsStayNullableWhereverTheyAreUsed() throws {
        let holder = try roundTrip(NullableComponents.Holder.self, #"{"name": null, "owner": null, "spare": null}"#)
        #expect(holder.name == nil && holder.owner == nil && holder.spare == .null)
        try roundTrip(NullableComponents.Holder.self, #"{"name": "Ada", "owner": {"name": "Grace"}}"#)
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(NullableComponents.Holder.self, from: Data(#"{"owner": null}"#.utf8))
        }
        // The alias's constraints are checked where it is used.
        #expect(
            NullableComponents.Holder(name: "toolong", owner: nil).validationIssues.map(\.description) == [
                "$.name: must be at most 5 characters long, but is 7"
            ])
    }

    @Test func closedObjectsReportKeysTheyDoNotAllow() throws {
        let closed = try JSONCoding.decoder().decode(
            AdditionalProperties.Closed.self, from: Data(#"{"name": "n", "zeta": 1, "alpha": 2}"#.utf8))
        #expect(closed.undeclaredKeys == ["alpha", "zeta"])
        #expect(
            closed.validationIssues.map(\.description) == [
                "$.alpha: is not a property this object allows", "$.zeta: is not a property this object allows",
            ])
        #expect(AdditionalProperties.Closed(name: "n").validationIssues.isEmpty)
    }

    @Test func tuplesReadAndWriteTheirPositionsInOrder() throws {
        let labeled = try roundTrip(Tuples.Labeled.self, #"["eggs", 12]"#)
        #expect(labeled.label == "eggs" && labeled.item1 == 12)
        #expect(
            Tuples.Labeled(label: "toolong", item1: -1).validationIssues.map(\.description) == [
                "$[0]: must be at most 5 characters long, but is 7", "$[1]: must be at least 0, but is -1",
            ])
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(Tuples.Labeled.self, from: Data(#"["eggs"]"#.utf8))
        }
        // Items after the positions that the spec does not allow are kept for validate(), never sent.
        let extra = try roundTrip(
            Tuples.Labeled.self, #"["a", 1, true]"#, expected: #"["a", 1]"#, sameValueAgain: false)
        #expect(extra.undeclaredItems == [true])
        #expect(extra.validationIssues.map(\.description) == ["$: must have at most 2 items, but has 3"])
        // Items after the positions, of their own type.
        let reading = try roundTrip(Tuples.Reading.self, #"["reading", "temp", 20.5, 101]"#)
        #expect(reading.item1 == "temp" && reading.rest == [20.5, 101])
        #expect(reading.validationIssues.map(\.description) == ["$[3]: must be at most 100, but is 101"])
        #expect(
            Tuples.Reading(item0: "other").validationIssues.map(\.description) == [
                #"$[0]: must be "reading""#
            ])
        // Positions from minItems on: absent at the end, null between values (and written so).
        let short = try roundTrip(Tuples.Partial.self, #"["a"]"#)
        #expect(short.item1 == nil && short.item2 == nil)
        #expect(try roundTrip(Tuples.Partial.self, #"["a", 2]"#).item1 == 2)
        let gap = try roundTrip(Tuples.Partial.self, #"["a", null, true]"#)
        #expect(gap.item1 == nil && gap.item2 == true)
        // Absent before a position that is set, one that may not be null is written null there.
        #expect(Tuples.Partial(item0: "a", item1: 1).validationIssues.isEmpty)
        #expect(
            Tuples.Partial(item0: "a", item2: false).validationIssues.map(\.description) == ["$[1]: is required"])
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder(rejectingNull: true).decode(
                Tuples.Partial.self, from: Data(#"["a", null, true]"#.utf8))
        }
        // Told apart by their positions' values.
        guard case .case2(let line) = try roundTrip(Tuples.Segment.self, #"["line", 1, 2]"#) else {
            Issue.record("not a line")
            return
        }
        #expect(line.item2 == 2)
        guard case .case1 = try roundTrip(Tuples.Segment.self, #"["point", 1]"#) else {
            Issue.record("not a point")
            return
        }
        // A position that may be null is there, null or not.
        #expect(try roundTrip(Tuples.MaybeCount.self, #"["a", null]"#).item1 == nil)
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(Tuples.MaybeCount.self, from: Data(#"["a"]"#.utf8))
        }
        #expect(
            Tuples.Short(item0: 1, item1: 2, item2: "x").validationIssues.map(\.description) == [
                "$: must have at most 2 items, but has 3"
            ])
        // Nested, with an object position; a URL a client decodes is text.
        let link = try roundTrip(
            Tuples.Link.self, #"{"ends": [{"id": "x"}, ""], "label": ["b", 2]}"#,
            expected: #"{"ends": [{"id": "x"}, ""], "label": ["b", 2], "range": ["all", 10]}"#)
        #expect(link.ends?.item0.id == "x" && link.ends?.item1 == "" && link.label?.item1 == 2)
        // A default as a list of positions; a position holding the tuple's parent.
        let defaulted = try JSONCoding.decoder().decode(Tuples.Link.self, from: Data("{}".utf8))
        #expect(defaulted.range.item0 == "all" && defaulted.range.item1 == 10)
        let nested = try roundTrip(
            Tuples.Link.self, #"{"parent": ["up", {"parent": ["top", {}], "range": ["b", 1]}], "range": ["c"]}"#,
            expected:
                #"{"parent": ["up", {"parent": ["top", {"range": ["all", 10]}], "range": ["b", 1]}], "range": ["c"]}"#)
        #expect(nested.parent?.item1.parent?.item0 == "top")
        // One type throughout: a list of it.
        let point: Tuples.Point = try roundTrip(Tuples.Point.self, "[1.5, -2]")
        #expect(point == [1.5, -2])
    }

    @Test func propertyNamesAreCheckedOnKeysThatAreKept() throws {
        let settings = try roundTrip(
            AdditionalProperties.Settings.self,
            #"{"name": "n", "quotas": {"eu": 1, "mars": -1}, "headers": {"X-Any": "v"}, "team_a": "x", "Team-B": "y"}"#)
        #expect(settings.quotas == ["eu": 1, "mars": -1] && settings.additionalProperties["Team-B"] == "y")
        #expect(
            settings.validationIssues.map(\.description) == [
                "$.quotas.mars: the key is not one of the documented values",
                "$.quotas.mars: must be at least 0, but is -1",
                "$['Team-B']: the key must match the pattern ^[a-z_]+$",
            ])
        let long = AdditionalProperties.Settings(additionalProperties: ["much_too_long": "v"])
        #expect(
            long.validationIssues.map(\.description) == [
                "$.much_too_long: the key must be at most 8 characters long, but is 13"
            ])
        #expect(
            AdditionalProperties.Settings(quotas: ["us": 0], additionalProperties: ["a_b": "v"]).validationIssues
                .isEmpty)
    }

    @Test func anyOfOfTwoStringsEncodesOnce() throws {
        // Both members take the value; the first is what goes out (a UUID in lower case, as RFC 9562
        // asks, whatever case it came in).
        let identifier = try roundTrip(AnyOf.Identifier.self, #""123e4567-e89b-12d3-a456-426614174000""#)
        #expect(
            try JSONCoding.encoder().encode(
                JSONCoding.decoder().decode(
                    AnyOf.Identifier.self, from: Data(#""123E4567-E89B-12D3-A456-426614174000""#.utf8)))
                == Data(#""123e4567-e89b-12d3-a456-426614174000""#.utf8))
        #expect(identifier.uuid != nil && identifier.string != nil)
        #expect(try roundTrip(AnyOf.Identifier.self, #""short""#).uuid == nil)
    }

    /// A member that is a date, a decimal or data is handed to the JSON encoder, which writes it by its
    /// strategies; encoding itself, it would be a number, an object or an array of bytes.
    @Test func anyOfMembersTheEncoderWritesByStrategy() throws {
        #expect(try roundTrip(AnyOf.Stamp.self, #""2024-02-29T10:00:00Z""#).dateTime != nil)
        #expect(try roundTrip(AnyOf.Amount.self, "12.5").decimal == Decimal(string: "12.5"))
        #expect(try roundTrip(AnyOf.Blob.self, #""aGVsbG8=""#).base64Data == Data("hello".utf8))
        #expect(try roundTrip(AnyOf.Blob.self, "true").bool == true)
    }

    /// In a cycle an anyOf's members are boxed: a date still goes by the strategy, and two objects
    /// still merge into one.
    @Test func boxedAnyOfMembersKeepTheirEncoding() throws {
        let chain = try roundTrip(
            AnyOf.Chain.self, #"{"name": "n", "next": "2024-02-29T10:00:00Z"}"#)
        #expect(chain.node?.value.next?.dateTime?.value == Date(timeIntervalSince1970: 1_709_200_800))
        #expect(chain.named?.value.name == "n")
        #expect(try roundTrip(AnyOf.Chain.self, #""2024-02-29T10:00:00Z""#).dateTime != nil)
    }

    /// Objects merge into one JSON object whatever holds them: a null, a `oneOf`, a map. Each is
    /// one value written through a single-value container, which takes only one; two once crashed.
    @Test func anyOfObjectsMergeWhateverHoldsThem() throws {
        let both = try roundTrip(AnyOf.MaybeBoth.self, #"{"name": "n", "age": 3}"#)
        #expect(both.case1??.name == "n" && both.case2??.age == 3)
        let null = try roundTrip(AnyOf.MaybeBoth.self, "null")
        #expect(null.case1 == .some(nil) && null.case2 == .some(nil))
        let mixed = try roundTrip(AnyOf.Mixed.self, #"{"name": "n", "age": 3}"#)
        #expect(mixed.named?.name == "n")
        let flags = try roundTrip(AnyOf.Mixed.self, #"{"on": true}"#)
        #expect(flags.named != nil)
    }

    /// Members told apart by an enum: each holds a value only where its enum lists the value's,
    /// unless none's does (then every member that decoded, as it came, which `validate()` reports).
    @Test func anyOfMembersToldApartByAnEnum() throws {
        let dog = try roundTrip(AnyOf.PetOrNamed.self, #"{"kind": "dog", "breed": "pug", "name": "Rex"}"#)
        #expect(dog.cat == nil && dog.dog?.breed == "pug" && dog.named?.name == "Rex")
        // Members that each require `kind` and list one value of their own: no two can hold one
        // value, so `kind` selects the one that does, and a value it names none of is kept as it came.
        let cat = try roundTrip(AnyOf.Pet.self, #"{"kind": "cat", "lives": 9}"#)
        #expect(cat == .cat(.init(kind: .cat, lives: 9)))
        let fox = try roundTrip(AnyOf.Pet.self, #"{"kind": "fox"}"#)
        #expect(fox == .undocumented(["kind": "fox"]) && !fox.validationIssues.isEmpty)
        // Members named like the decoder's locals; one value none lists keeps every member.
        #expect(try roundTrip(AnyOf.Video.self, #"{"privacy": "unlisted", "token": "t"}"#).unlisted?.token == "t")
        let privateVideo = try roundTrip(AnyOf.Video.self, #"{"privacy": "private"}"#)
        #expect(privateVideo.public != nil && privateVideo.unlisted != nil && privateVideo.container != nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AnyOf.Video.self, from: Data("7".utf8)) }
        // An enum one member alone has: an unlisted value keeps that member filled.
        let note = try roundTrip(AnyOf.PetOrNote.self, #"{"kind": "lion", "lives": 3, "text": "t"}"#)
        #expect(note.cat?.lives == 3 && note.note?.text == "t")
    }

    @Test func anyOfIsValidWhenOneMemberIs() throws {
        let date = try roundTrip(AnyOf.When.self, #""2026-12-02""#)
        #expect(date.frequency == .undocumented("2026-12-02") && date.calendarDate != nil)
        #expect(date.validationIssues.isEmpty)
        #expect(try roundTrip(AnyOf.When.self, #""weekly""#).validationIssues.isEmpty)
        #expect(try roundTrip(AnyOf.Code.self, #""abc""#).validationIssues.isEmpty)
        #expect(try roundTrip(AnyOf.Code.self, #""12345""#).validationIssues.isEmpty)
        // Neither member accepts it: both members' issues are reported.
        #expect(try roundTrip(AnyOf.Code.self, #""abcd""#).validationIssues.count == 2)
    }

    @Test func requiredReadOnlyAndWriteOnlyValuesMayBeAbsent() throws {
        // A response leaves the write-only password out, a request the read-only id.
        try roundTrip(ReadWriteOnly.Account.self, #"{"id": "a1", "token": "t"}"#)
        try roundTrip(ReadWriteOnly.Account.self, #"{"password": "correct horse battery"}"#)
    }

    @Test func anExplicitNullInAnAnyValuePropertySurvives() throws {
        let envelope = try roundTrip(
            FreeForm.Envelope.self, #"{"payload": null, "context": {}}"#,
            expected: #"{"payload": null, "context": {}, "fallback": 3}"#)
        #expect(envelope.payload == .null)
        // Through a `$ref` to `{}` as well: null is kept, not read as absent (nor as the default).
        let referenced = try roundTrip(
            FreeForm.Envelope.self, #"{"payload": 1, "extra": null, "fallback": null}"#)
        #expect(referenced.extra == .null && referenced.fallback == .null)
        // Absent is absent: not a null (`contains(key) ? decode(…) : nil` read it as one, the `nil`
        // being a JSON value's null literal, and sent it back as `null`).
        let absent = try roundTrip(
            FreeForm.Envelope.self, #"{"payload": 1}"#, expected: #"{"payload": 1, "fallback": 3}"#)
        #expect(absent.extra == Optional<JSONValue>.none && absent.fallback == 3)
        try roundTrip(Const.Listed.self, #"{"interval": 7}"#)
    }

    @Test func wholeDocuments() throws {
        let cancellation = try roundTrip(
            Piriod.Cancellation.self,
            #"{"id": 7, "retention": 12, "document": 52, "number": 1001, "date": "2026-11-21", "note": null, "local_file": "", "created": "2026-11-21T10:00:00.123456Z", "tax_agency": {"code": "SII"}}"#
        )
        #expect(cancellation.note == .null && cancellation.localFile == .value(""))
        #expect(
            try roundTrip(
                Piriod.ValidationErrorModel.self, #"{"non_field_errors": ["x-simple-workspace header is required."]}"#
            ).count == 1)
        let problem = try roundTrip(
            Dolfin.ProblemDetails.self,
            #"{"type": null, "title": "Conflict", "status": 409, "detail": "Already cancelled."}"#)
        #expect(problem.status == .value(.number(409)))
    }
}
