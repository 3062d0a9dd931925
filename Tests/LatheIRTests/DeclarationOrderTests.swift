import LatheIR
import LatheOpenAPI
import Testing

/// A property's default does not depend on whether the document declares the component its type
/// refers to before or after it: whether it fits is decided once every component is lowered.
struct DeclarationOrderTests {
    /// `schemas` with its entries in the order given (each one line, or lines after its name).
    func lower(_ entries: [String]) throws -> (module: IRModule, warnings: [String]) {
        let yaml =
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:

            """ + entries.map { "    " + $0.replacingOccurrences(of: "\n", with: "\n    ") }.joined(separator: "\n")
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        return (module, diagnostics.all.map { "\($0.location?.line ?? 0):\($0.kind ?? "")" }.sorted())
    }

    /// Each property's Swift name and default.
    func defaults(_ module: IRModule, of name: String) throws -> [String: SpecValue?] {
        Dictionary(
            uniqueKeysWithValues: try objectNamed(name, in: module).properties.map { ($0.name.swift, $0.defaultValue) })
    }

    /// The object type `name`.
    func objectNamed(_ name: String, in module: IRModule) throws -> IRObject {
        let type = try #require(module.types.first { $0.name.swift == name })
        guard case .object(let object) = type.kind else { throw NotAnObject(name: name) }
        return object
    }

    @Test func aDefaultFitsAnEnumDeclaredLater() throws {
        let account = """
            Account:
              type: object
              properties:
                status: {$ref: '#/components/schemas/Status', default: active}
                tags: {type: array, items: {$ref: '#/components/schemas/Status'}, default: [active]}
                other: {$ref: '#/components/schemas/Status', default: gone}
            """
        let status = "Status: {type: string, enum: [active, closed]}"
        for order in [[account, status], [status, account]] {
            let (module, warnings) = try lower(order)
            #expect(
                try defaults(module, of: "Account")
                    == ["status": .string("active"), "tags": .array([.string("active")]), "other": nil])
            // `gone` is no Status, however the document is ordered.
            #expect(warnings.map { $0.split(separator: ":").last! } == ["default-does-not-fit"], "\(warnings)")
        }
    }

    /// Alternatives that refer back to the object whose default names one of them: the same
    /// defaults and warnings in both orders.
    @Test func aDefaultInsideACycleIsDecidedTheSameWayInBothOrders() throws {
        let a = "A: {type: object, properties: {p: {$ref: '#/components/schemas/E', default: x}}}"
        let e =
            "E: {anyOf: [{type: string, enum: [x, y]}, "
            + "{type: object, properties: {q: {$ref: '#/components/schemas/A', default: 1}}}]}"
        let first = try lower([a, e])
        let second = try lower([e, a])
        #expect(try defaults(first.module, of: "A") == ["p": .string("x")])
        #expect(try defaults(second.module, of: "A") == ["p": .string("x")])
        #expect(first.warnings.map { $0.split(separator: ":").last! } == ["default-does-not-fit"])
        #expect(second.warnings.map { $0.split(separator: ":").last! } == ["default-does-not-fit"])
    }

    /// An `allOf` member that refers to alternatives no object can be (`oneOf: [string, null]`) is
    /// left out with a warning, and the other members keep the names they would have had, whether
    /// the document declares it before or after the object that merges it.
    @Test func aComposedMemberNoObjectCanBeIsLeftOutInBothOrders() throws {
        // The property `maybe` makes Maybe's member `maybeValue`, which MaybeValue's would then
        // have to give way to: it does not, once Maybe is left out.
        let holder = """
            Holder:
              allOf:
                - $ref: '#/components/schemas/Maybe'
                - $ref: '#/components/schemas/MaybeValue'
                - $ref: '#/components/schemas/Shape'
                - type: object
                  additionalProperties: {type: integer}
                  properties: {maybe: {type: string}}
            """
        let maybe = "Maybe: {oneOf: [{type: string}, {type: 'null'}]}"
        let shape = """
            Shape:
              oneOf:
                - {type: object, properties: {radius: {type: number}}, required: [radius]}
                - {type: object, properties: {side: {type: number}}, required: [side]}
            """
        let maybeValue = "MaybeValue: {anyOf: [{$ref: '#/components/schemas/Shape'}, {type: object}]}"
        var outcomes: [String] = []
        for order in [
            [holder, maybe, shape, maybeValue], [maybe, shape, maybeValue, holder], [shape, holder, maybe, maybeValue],
        ] {
            let (module, warnings) = try lower(order)
            let object = try objectNamed("Holder", in: module)
            #expect(object.composed.map(\.name.swift) == ["maybeValue", "shape"], "\(order)")
            #expect(object.properties.map(\.name.swift) == ["maybe"])
            #expect(warnings.map { $0.split(separator: ":").last! } == ["allof-not-objects"], "\(warnings)")
            outcomes.append("\(object.composed.map(\.name)) \(object.additionalProperties)")
        }
        #expect(Set(outcomes).count == 1, "\(outcomes)")
    }

    /// With no member left to compose, the object keeps the keys `additionalProperties` asks for:
    /// nothing else in the JSON object is another member's.
    @Test func anObjectWithNoComposedMemberLeftKeepsItsAdditionalProperties() throws {
        let holder = """
            Holder:
              allOf:
                - $ref: '#/components/schemas/Maybe'
                - {type: object, additionalProperties: {type: integer}, properties: {id: {type: string}}}
            """
        let maybe = "Maybe: {oneOf: [{type: string}, {type: 'null'}]}"
        for order in [[holder, maybe], [maybe, holder]] {
            let (module, warnings) = try lower(order)
            let object = try objectNamed("Holder", in: module)
            #expect(object.composed.isEmpty, "\(order)")
            guard case .captured(.primitive(let value), _) = object.additionalProperties else {
                Issue.record("\(object.additionalProperties)")
                continue
            }
            #expect("\(value)".hasPrefix("int"), "\(value)")
            #expect(warnings.map { $0.split(separator: ":").last! } == ["allof-not-objects"], "\(warnings)")
        }
    }

    /// Alternatives between primitives (`oneOf: [string, integer]`) are no object either: no JSON
    /// object decodes as them, so composed they made the whole object undecodable. Nor are those
    /// that hold an object only as a map or any JSON value: decoded from the whole object, that
    /// would hold the object's own properties, and encoding would write the stale copies over them.
    /// Alternatives of which one is an object are kept. The same in both orders.
    @Test func alternativesWithNoObjectOfTheirOwnAreNotComposed() throws {
        let holder = """
            Holder:
              allOf:
                - $ref: '#/components/schemas/Scalar'
                - $ref: '#/components/schemas/ScalarOrMap'
                - $ref: '#/components/schemas/ScalarOrAny'
                - $ref: '#/components/schemas/ScalarOrObject'
                - {type: object, properties: {id: {type: string}}}
            """
        let others = [
            "Scalar: {oneOf: [{type: string}, {type: integer}]}",
            "ScalarOrMap: {anyOf: [{type: string}, {type: object, additionalProperties: {type: string}}]}",
            "ScalarOrAny: {oneOf: [{type: string}, {}]}",
            "ScalarOrObject: {anyOf: [{type: string}, {type: object, properties: {a: {type: string}}}]}",
        ]
        for order in [[holder] + others, others + [holder]] {
            let (module, warnings) = try lower(order)
            let object = try objectNamed("Holder", in: module)
            #expect(object.composed.map(\.name.swift) == ["scalarOrObject"], "\(order)")
            #expect(warnings.map { $0.split(separator: ":").last! } == Array(repeating: "allof-not-objects", count: 3))
        }
    }

    /// A member left out for holding an object only as a map still says what the object's other
    /// keys hold, when nothing else is composed and the object states nothing of its own: they
    /// are its additional properties, as the map's values (or any JSON value, for several kinds).
    @Test func aMapLeftOutKeepsTheOtherKeysAsAdditionalProperties() throws {
        let holder = """
            Holder:
              allOf:
                - $ref: '#/components/schemas/ScalarOrMap'
                - {type: object, properties: {id: {type: string}}}
            Loose:
              allOf:
                - $ref: '#/components/schemas/ScalarOrMap'
                - {oneOf: [{type: integer}, {}]}
                - {type: object, properties: {id: {type: string}}}
            """
        let map = "ScalarOrMap: {anyOf: [{type: boolean}, {type: object, additionalProperties: {type: string}}]}"
        for order in [[holder, map], [map, holder]] {
            let (module, warnings) = try lower(order)
            let object = try objectNamed("Holder", in: module)
            #expect(object.composed.isEmpty)
            #expect(object.additionalProperties == .captured(.primitive(.string), IRConstraints()), "\(order)")
            #expect(
                try objectNamed("Loose", in: module).additionalProperties
                    == .captured(.primitive(.jsonValue), IRConstraints()), "\(order)")
            #expect(warnings.count == 3, "\(warnings)")
        }
    }

    struct NotAnObject: Error {
        var name: String
    }
}
