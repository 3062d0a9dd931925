import LatheOpenAPI
import Testing

/// `enum` listing schemas with `const` (AdGuard Home's spec: `enum: [{const: fastest_addr,
/// description: …}]` beside `type: string`) means `oneOf` of those constants; as written no value
/// matches. Read as the constants, with a located error that `lathe generate` turns into a warning.
struct EnumValueSchemaTests {
    func enumValues(_ result: LoadResult, of property: String) throws -> [SpecValue]? {
        try #require(try componentProperties(result, of: "S")[property]).enumValues
    }

    @Test func schemasWithConstWhereValuesBelongAreReadAsTheirValues() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                S:
                  type: object
                  properties:
                    mode:
                      type: string
                      nullable: true
                      enum:
                        - {const: '', deprecated: true}
                        - {const: fastest_addr}
                        - null
                    objects: {type: object, enum: [{const: a}]}
                    untyped: {enum: [{const: a}]}
                    mixed: {type: string, enum: [{const: a}, b]}
            """)
        #expect(try enumValues(result, of: "mode") == [.string(""), .string("fastest_addr"), .null])
        // Where an object is allowed, or nothing says which type, an object is a value like any other.
        #expect(
            try enumValues(result, of: "objects") == [.object([SpecValue.Member(key: "const", value: .string("a"))])])
        #expect(
            try enumValues(result, of: "untyped") == [.object([SpecValue.Member(key: "const", value: .string("a"))])])
        #expect(
            try enumValues(result, of: "mixed") == [
                .object([SpecValue.Member(key: "const", value: .string("a"))]), .string("b"),
            ])
        let diagnostics = result.diagnostics.all
        #expect(diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["13:13"])
        #expect(diagnostics.map(\.kind) == ["enum-value-schema"])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.reading == "Lathe reads each as its 'const' value")
    }

    /// Names and descriptions of values from vendor extensions, one per value, whatever the
    /// extension's shape; a list of another length is ignored with a warning at it.
    @Test func vendorExtensionsNameAndDescribeValues() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                S:
                  type: object
                  properties:
                    lists: {type: integer, enum: [1, 2], x-enum-varnames: [One, Two], x-enum-descriptions: [first, null]}
                    nsswag: {type: integer, enum: [1, 2], x-enumNames: [One, Two]}
                    square: {type: string, enum: [A, B], x-enum-elements: [{name: B, description: bee}]}
                    azure: {type: integer, enum: [5], x-ms-enum: {name: X, values: [{value: 5, name: Five, description: five}]}}
                    short: {type: integer, enum: [1, 2], x-enum-varnames: [One]}
                    notAList: {type: integer, enum: [1], x-enum-descriptions: one}
                    none: {type: integer, enum: [1], x-other: [One]}
                    nullable: {type: integer, nullable: true, enum: [1, 2], x-enum-varnames: [One, Two]}
                    withoutNull: {type: integer, nullable: true, enum: [1, null, 2], x-enum-varnames: [One, Two]}
                    strings: {type: string, enum: [a, b], x-enum-varnames: [NotRead]}
                    quoted: {type: integer, enum: ["1", "2"], x-enum-varnames: [One, Two]}
                    merged: {type: integer, enum: [{const: 1, description: One}], x-enum-varnames: [ONE]}
                    hex: {type: integer, enum: [31], x-ms-enum: {values: [{value: 0x1F, name: Hex}, {value: 31, name: No}]}}
                    byValue: {type: string, enum: [a, b, c], x-enum-descriptions: {a: {description: ay}, b: null, c: see, z: zed}}
                    byNumber: {type: integer, enum: [31, 2], x-enum-descriptions: {0x1F: hex, 2: {description: null}}}
            """)
        let properties = try componentProperties(result, of: "S")
        /// Each value's note, in the values' order.
        func notes(_ name: String) -> [String]? {
            guard let schema = properties[name], let notes = schema.enumValueNotes
            else { return nil }
            return (schema.enumValues ?? []).compactMap(\.scalarText).map {
                "\(notes[$0]?.name ?? "-")/\(notes[$0]?.description ?? "-")"
            }
        }
        #expect(notes("lists") == ["One/first", "Two/-"])
        #expect(notes("nsswag") == ["One/-", "Two/-"])
        #expect(notes("square") == ["-/-", "-/bee"])
        #expect(notes("azure") == ["Five/five"])
        #expect(notes("short") == nil && notes("notAList") == nil && notes("none") == nil)
        // 3.0's `nullable` adds `null` to the values after the names were read; a list may leave
        // `null`'s entry out; a string enum's names are not read (its cases are named by value).
        #expect(notes("nullable") == ["One/-", "Two/-"])
        #expect(notes("withoutNull") == ["One/-", "Two/-"])
        #expect(notes("strings") == nil)
        // Names by the declared type (lowering reads `"1"` as 1); an extension adds to what an
        // entry said; an entry's value as JSON reads it, the first entry for a value winning.
        #expect(notes("quoted") == ["One/-", "Two/-"])
        #expect(notes("merged") == ["ONE/One"])
        #expect(notes("hex") == ["Hex/-"])
        // Descriptions keyed by value (Paddle), each its text or `{description: …}`.
        #expect(notes("byValue") == ["-/ay", "-/-", "-/see"])
        #expect(notes("byNumber") == ["-/hex", "-/-"])
        #expect(
            result.diagnostics.all.map { "\($0.location!.line):\($0.kind ?? "")" } == [
                "13:enum-extension-mismatch", "14:wrong-type", "20:enum-value-schema",
            ])
    }
}
