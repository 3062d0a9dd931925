import LatheOpenAPI
import Testing

/// `type` written as another language spells it, or as the name of a schema component: each has
/// one reasonable reading, which `lathe generate` takes with a located warning.
struct TypeSpellingTests {
    @Test func otherLanguagesSpellingsAreReadAsTheJSONType() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                S:
                  type: object
                  properties:
                    a: {type: int}
                    b: {type: String}
                    c: {type: [bool, 'null']}
                    d: {type: double}
                    e: {type: strin}
                    f: {type: arrays, items: {type: string}}
                    g: {type: 'number;'}
                    h: {type: 'string,', format: 'date-time,'}
                    i: {type: string, format: 'custom,'}
            """)
        let properties = try componentProperties(result, of: "S")
        #expect(properties["a"]?.types == .integer)
        #expect(properties["b"]?.types == .string)
        #expect(properties["c"]?.types == [.boolean, .null])
        #expect(properties["d"]?.types == .number)
        // A misspelling is not guessed at: its type is left to the other keywords, as before.
        #expect(properties["e"]?.types == nil)
        #expect(properties["f"]?.types == .array)
        // A stray `,` or `;` after a type, or a format Lathe reads (CurrencyBird's, Blockfrost's).
        #expect(properties["g"]?.types == .number)
        #expect(properties["h"]?.types == .string && properties["h"]?.format == "date-time")
        #expect(properties["i"]?.format == "custom,")
        #expect(
            result.diagnostics.all.map { "\($0.location!.line):\($0.message)" } == [
                "9:unknown type 'int'; the JSON type is spelled 'integer'",
                "10:unknown type 'String'; the JSON type is spelled 'string'",
                "11:unknown type 'bool'; the JSON type is spelled 'boolean'",
                "12:unknown type 'double'; the JSON type is spelled 'number'",
                "13:unknown type 'strin'; expected one of array, boolean, integer, number, object, string or null "
                    + "(did you mean 'string'?)",
                "14:unknown type 'arrays'; the JSON type is spelled 'array'",
                "15:unknown type 'number;'; the JSON type is spelled 'number'",
                "16:unknown type 'string,'; the JSON type is spelled 'string'",
                "16:unknown format 'date-time,'; the format is spelled 'date-time'",
            ])
        #expect(result.diagnostics.all.allSatisfy { $0.kind?.hasSuffix("-unknown") == true && $0.reading != nil })
    }

    /// open-meteo's spec writes `type: HourlyResponse` where it means `$ref` to that component.
    @Test(arguments: ["3.0.3", "3.1.0"]) func aTypeThatNamesASchemaComponentIsAReference(version: String) throws {
        let result = load(
            """
            openapi: \(version)
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Forecast:
                  type: object
                  properties:
                    hourly: {type: Hourly, description: each hour}
                    other: {type: Other}
                    both: {$ref: '#/components/schemas/Hourly', type: Hourly}
                    amount: {type: Decimal}
                    text: {type: String}
                Hourly: {type: object, properties: {time: {type: array, items: {type: string}}}}
                Decimal: {type: string, pattern: '^[0-9]+$'}
                String: {type: object}
            """)
        let properties = try componentProperties(result, of: "Forecast")
        let hourly = try #require(properties["hourly"])
        #expect(hourly.ref?.targetName == "Hourly")
        #expect(hourly.isPureReference)
        #expect(hourly.types == nil)
        #expect(hourly.description == "each hour")
        // No component has that name: an unknown type, as before.
        #expect(properties["other"]?.ref == nil)
        // Beside a `$ref`, the reference is the one written.
        #expect(properties["both"]?.ref?.raw == "#/components/schemas/Hourly")
        // Another language's name for a type yields to a component of that name; a JSON type in
        // capitals does not.
        #expect(properties["amount"]?.ref?.targetName == "Decimal")
        #expect(properties["text"]?.ref == nil)
        #expect(properties["text"]?.types == .string)
        let messages = result.diagnostics.all.map { "\($0.location!.line):\($0.message)" }
        #expect(messages.first == "9:unknown type 'Hourly'; a schema component has that name")
        #expect(result.diagnostics.all.first?.reading == "Lathe reads it as $ref: '#/components/schemas/Hourly'")
        #expect(messages.count == 5, "\(messages)")
    }

    /// Read as a `$ref` the author did not write: what stands beside it applies in 3.0 too, a 3.0
    /// `nullable` makes it "that or null", and a name a URI fragment would have to escape resolves.
    @Test func aTypeReadAsAReferenceKeepsWhatStandsBesideIt() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Forecast:
                  type: object
                  properties:
                    extended: {type: Hourly, properties: {extra: {type: string}}}
                    maybe: {type: Hourly, nullable: true}
                    share: {type: 100%}
                    nothing: {type: 'Null'}
                Hourly: {type: object, properties: {time: {type: string}}}
                100%: {type: number}
            """)
        let properties = try componentProperties(result, of: "Forecast")
        let extended = try #require(properties["extended"])
        #expect(extended.ref?.targetName == "Hourly")
        #expect(!extended.isPureReference)
        #expect(extended.properties.map(\.name) == ["extra"])
        let maybe = try #require(properties["maybe"])
        #expect(maybe.anyOf.count == 2)
        #expect(maybe.anyOf.first?.ref?.targetName == "Hourly")
        #expect(maybe.anyOf.last?.types == .null)
        #expect(properties["share"]?.ref?.targetName == "100%")
        #expect(properties["nothing"]?.types == nil)
        let kinds = result.diagnostics.all.map { $0.kind ?? "" }
        // `100%` is no name OpenAPI allows, which is a warning of its own.
        #expect(
            kinds == ["component-name", "type-unknown", "type-unknown", "type-unknown", "type-unknown"],
            "\(result.diagnostics.all)")
    }
}

extension TypeSpellingTests {
    /// Hypothesis' `properties: {value: string}`: a schema written as its type's name is a schema
    /// of that type; other text is still no schema.
    @Test func aSchemaWrittenAsATypeNameIsThatType() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Selector:
                  type: object
                  properties:
                    value: string
                    count: int
                    tags: {type: array, items: boolean}
                    other: a note
                    type: object
            """)
        let properties = try componentProperties(result, of: "Selector")
        #expect(properties["value"]?.types == .string)
        #expect(properties["count"]?.types == .integer)
        #expect(properties["tags"]?.items?.value.types == .boolean)
        #expect(properties["other"]?.types == nil)
        // Under a keyword's name (Elastic Path's): the object's own type a level too deep, not a
        // property's schema.
        #expect(properties["type"]?.types == nil)
        #expect(
            result.diagnostics.all.map { "\($0.location!.line):\($0.kind ?? "")" } == [
                "9:schema-as-type-name", "10:schema-as-type-name", "11:schema-as-type-name", "12:wrong-type",
                "13:wrong-type",
            ])
    }
}
