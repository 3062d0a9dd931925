import LatheIR
import LatheOpenAPI

/// How a property is stored and shown.
struct PropertyShape {
    let property: IRProperty
    /// The type users see.
    let publicType: String
    /// The type stored, when it differs (boxed: `LatheRuntime.Indirect<…>`).
    let storedType: String
    /// The stored member's name: `_name` when a computed property stands in front of it.
    let storedName: String
    let publicName: String
    /// Whether the public property is computed over a private stored one (boxed or deprecated).
    var isComputed: Bool { storedName != publicName }
    /// Optional in Swift: decoding may find the key missing and nothing fills it.
    let isOptional: Bool
    /// `Nullable<T>?`: absent, present null and present value are all kept apart.
    let isTriState: Bool
    /// The initializer parameter's default, if any.
    let defaultExpression: String?
    /// The type one decodes before boxing (`T` of `Indirect<T>`, or the public type).
    let valueType: String
}

extension TypeEmitter {
    func shape(_ property: IRProperty) -> PropertyShape {
        let inner = spelling.type(property.type.nonNull)
        let nullable = property.type.isNullable
        let defaultLiteral = property.defaultValue.flatMap { spelling.literal($0, as: property.type) }
        let publicType: String
        var isOptional = false
        var isTriState = false
        switch (property.isRequired, nullable, defaultLiteral != nil) {
        case (true, false, _), (false, false, true): publicType = inner
        case (true, true, _), (false, true, true):
            publicType = inner + "?"
            isOptional = true
        case (false, false, false):
            publicType = inner + "?"
            isOptional = true
        case (false, true, false):
            publicType = "\(Runtime.nullable)<\(inner)>?"
            isOptional = true
            isTriState = true
        }
        let publicName = SwiftNames.escapedMember(property.name.swift)
        let computed = property.isBoxed || property.docs.isDeprecated
        let storedName = computed ? "_" + property.name.swift : publicName
        var storedType = publicType
        if property.isBoxed {
            let boxed = "\(Runtime.indirect)<\(inner)>"
            storedType = isTriState ? "\(Runtime.nullable)<\(boxed)>?" : isOptional ? boxed + "?" : boxed
        }
        let defaultExpression = defaultLiteral ?? (isOptional && !property.isRequired ? "nil" : nil)
        return PropertyShape(
            property: property, publicType: publicType, storedType: storedType, storedName: storedName,
            publicName: publicName,
            isOptional: isOptional, isTriState: isTriState, defaultExpression: defaultExpression, valueType: inner
        )
    }

    func emitObject(_ type: IRType, _ object: IRObject, into writer: inout SwiftWriter) {
        let shapes = object.properties.map(shape)
        let additional: String? =
            if case .captured(let value, _) = object.additionalProperties {
                "[Swift.String: \(spelling.type(value))]"
            } else {
                nil
            }
        let additionalName = SwiftNames.escapedMember(object.additionalPropertiesName)
        writer.docComment(DocComments.lines(type.docs, source: type.source))
        writer.block(
            "nonisolated public struct \(type.name.swift): Swift.Codable, \(hashable)Swift.Sendable, "
                + "\(Runtime.validatable)"
        ) { w in
            for (index, shape) in shapes.enumerated() {
                if index > 0 { w.line() }
                emitProperty(shape, into: &w)
            }
            for member in object.composed {
                if !shapes.isEmpty { w.line() }
                w.docComment(
                    [
                        "The same JSON object read as `\(spelling.type(member.type))` (`allOf` with a `oneOf` or `anyOf`)."
                    ]
                        + (shapes.isEmpty
                            ? []
                            : [
                                "Keys the properties above hold are written from them, not from this value (unless one an "
                                    + "alternative requires is absent)."
                            ]))
                w.line("public var \(SwiftNames.escapedMember(member.name.swift)): \(spelling.type(member.type))")
            }
            if let additional {
                if !shapes.isEmpty { w.line() }
                w.docComment(["Properties beyond the ones above, by name, as the spec allows (`additionalProperties`)."]
                )
                w.line("public var \(additionalName): \(additional)")
            }
            if let undeclared = object.undeclaredKeysName {
                if !shapes.isEmpty { w.line() }
                w.docComment([
                    "Keys a decoded value had that the spec does not allow (`additionalProperties: false`):",
                    "kept so `validate()` can report them, never encoded.",
                ])
                w.line("public private(set) var \(SwiftNames.escapedMember(undeclared)): [Swift.String] = []")
            }
            w.line()
            emitInitializer(
                shapes, composed: object.composed, additional: additional.map { (additionalName, $0) }, into: &w)
            if object.undeclaredKeysName != nil || additional != nil {
                w.line()
                emitDeclaredKeys(shapes, into: &w)
            }
            w.line()
            emitDecoder(
                shapes, additional: additional.map { (object.additionalPropertiesName, $0) }, object: object, into: &w)
            w.line()
            emitEncoder(
                shapes, composed: object.composed,
                additional: additional != nil ? object.additionalPropertiesName : nil, into: &w)
            w.line()
            emitObjectValidation(object, shapes, into: &w)
            emitNested(type, into: &w)
        }
    }

    func emitProperty(_ shape: PropertyShape, into w: inout SwiftWriter) {
        let property = shape.property
        var notes: [String] = []
        if property.isReadOnly { notes.append("Read-only: sent in responses, not in requests.") }
        if property.isWriteOnly { notes.append("Write-only: sent in requests, not returned.") }
        if let value = property.defaultValue, shape.defaultExpression != nil {
            notes.append("Defaults to `\(JSONText.compact(value))` when absent.")
        }
        let docs = DocComments.lines(property.docs, notes: notes)
        guard shape.isComputed else {
            w.docComment(docs)
            w.line("public var \(shape.publicName): \(shape.publicType)")
            return
        }
        w.line("private var \(shape.storedName): \(shape.storedType)")
        w.docComment(docs)
        if property.docs.isDeprecated { w.line("@available(*, deprecated)") }
        w.block("public var \(shape.publicName): \(shape.publicType)") { w in
            w.line("get { \(unbox(shape, shape.storedName)) }")
            w.line("set { \(shape.storedName) = \(box(shape, "newValue")) }")
        }
    }

    /// Stored → public (undoing the box, if any).
    func unbox(_ shape: PropertyShape, _ expression: String) -> String {
        guard shape.property.isBoxed else { return expression }
        if shape.isTriState { return "\(Runtime.Indirect.unbox)(\(expression))" }
        return shape.isOptional ? "\(expression)?.value" : "\(expression).value"
    }

    /// Public → stored (boxing, if needed).
    func box(_ shape: PropertyShape, _ expression: String) -> String {
        guard shape.property.isBoxed else { return expression }
        if shape.isTriState { return "\(Runtime.Indirect.box)(\(expression))" }
        return shape.isOptional ? "\(expression).map { \(Runtime.indirect)($0) }" : "\(Runtime.indirect)(\(expression))"
    }

    private func emitInitializer(
        _ shapes: [PropertyShape], composed: [IRComposedMember], additional: (name: String, type: String)?,
        into w: inout SwiftWriter
    ) {
        var parameters = shapes.map { shape in
            "\(shape.publicName): \(shape.publicType)" + (shape.defaultExpression.map { " = \($0)" } ?? "")
        }
        parameters += composed.map { "\(SwiftNames.escapedMember($0.name.swift)): \(spelling.type($0.type))" }
        if let additional { parameters.append("\(additional.name): \(additional.type) = [:]") }
        w.docComment(["Creates a value from its members; optional members default to absent."])
        let body: (inout SwiftWriter) -> Void = { w in
            let stores = parameters.count
            for shape in shapes {
                // Boxed, the argument is not the value stored.
                w.store(
                    box(shape, shape.publicName), in: shape.storedName,
                    startsAsNil: shape.isOptional && !shape.property.isBoxed, among: stores)
            }
            for member in composed {
                let name = SwiftNames.escapedMember(member.name.swift)
                w.line("self.\(name) = \(name)")
            }
            if let additional { w.line("self.\(additional.name) = \(additional.name)") }
        }
        if parameters.joined(separator: ", ").count <= 70 {
            w.block("public init(\(parameters.joined(separator: ", ")))", body)
        } else {
            w.line("public init(")
            w.indented { w in
                for (index, parameter) in parameters.enumerated() {
                    w.line(parameter + (index < parameters.count - 1 ? "," : ""))
                }
            }
            w.block(")", body)
        }
    }

    /// The JSON keys the properties use, for telling other keys apart. Keys are coded as
    /// `AnyCodingKey` string literals rather than a `CodingKeys` enum per type: an enum's
    /// synthesized members cost every build of a large spec (BENCHMARKS.md).
    private func emitDeclaredKeys(_ shapes: [PropertyShape], into w: inout SwiftWriter) {
        let keys = shapes.map { SwiftLiteral.string($0.property.name.original) }
        w.line("private static let declaredKeys: Swift.Set<Swift.String> = [\(keys.joined(separator: ", "))]")
    }

    private func emitDecoder(
        _ shapes: [PropertyShape], additional: (name: String, type: String)?, object: IRObject,
        into w: inout SwiftWriter
    ) {
        w.block("public init(from decoder: any Swift.Decoder) throws") { w in
            w.line(
                shapes.isEmpty
                    ? "_ = try decoder.container(keyedBy: \(Runtime.anyCodingKey).self)"
                    : "let container = try decoder.container(keyedBy: \(Runtime.anyCodingKey).self)")
            if shapes.contains(where: mayRejectNull) {
                w.line("let rejectsNull = \(Runtime.JSONCoding.rejectsNull)(decoder)")
            }
            for shape in shapes {
                w.line("self.\(shape.storedName) = \(decodeExpression(shape))")
            }
            for member in object.composed {
                w.line(
                    "self.\(SwiftNames.escapedMember(member.name.swift)) = try "
                        + "\(spelling.type(member.type))(from: decoder)"
                )
            }
            if let undeclared = object.undeclaredKeysName {
                w.line(
                    "self.\(SwiftNames.escapedMember(undeclared)) = try decoder.container(keyedBy: "
                        + "\(Runtime.anyCodingKey).self).allKeys"
                )
                w.indented { $0.line(".map(\\.stringValue).filter { !Self.declaredKeys.contains($0) }.sorted()") }
            }
            if let additional, case .captured(let value, _) = object.additionalProperties {
                let valueType = spelling.type(value)
                w.line("let all = try decoder.container(keyedBy: \(Runtime.anyCodingKey).self)")
                w.line("var additional: \(additional.type) = [:]")
                w.block("for key in all.allKeys where !Self.declaredKeys.contains(key.stringValue)") { w in
                    w.line("additional[key.stringValue] = try all.decode(\(valueType).self, forKey: key)")
                }
                w.line("self.\(SwiftNames.escapedMember(additional.name)) = additional")
            }
        }
    }

    /// An optional property that does not allow null: a present `null` is absent to a client and
    /// an error to a server (`JSONCoding.decoder(rejectingNull:)`).
    private func mayRejectNull(_ shape: PropertyShape) -> Bool {
        guard !shape.property.isRequired, !shape.property.type.isNullable else { return false }
        // A value any JSON may take (`{}`, also through an alias) allows null.
        let type = spelling.unaliased(shape.property.type)
        return type != .primitive(.jsonValue) && !type.isNullable
    }

    private func decodeExpression(_ shape: PropertyShape) -> SwiftCode {
        let key = SwiftLiteral.string(shape.property.name.original)
        let value = shape.property.isBoxed ? "\(Runtime.indirect)<\(shape.valueType)>" : shape.valueType
        let property = shape.property
        let defaultValue = property.defaultValue != nil ? shape.defaultExpression : nil
        let boxedDefault = defaultValue.map { property.isBoxed && $0 != "nil" ? "\(Runtime.indirect)(\($0))" : $0 }
        switch (property.isRequired, property.type.isNullable) {
        case (true, false):
            return "try container.decode(\(value).self, forKey: \(key))"
        case (true, true):
            let decoded: SwiftCode =
                "try container.decodeNil(forKey: \(key)) ? nil : try container.decode(\(value).self, forKey: \(key))"
            // `default: null` on a required nullable key says a missing key is null: read so
            // (Anthropic's usage counts are required with it, and older responses leave them out).
            // Only null: another default on a required key is not applied, since the missing key
            // is what passes an alternative over for the next.
            guard property.defaultValue == .null else { return decoded }
            return "container.contains(\(key)) ? (\(decoded)) : nil"
        case (false, false) where spelling.unaliased(property.type) == .primitive(.jsonValue):
            // `decodeIfPresent` would turn a present `null` into absent; a JSON value can hold it.
            // (Not `contains(key) ? decode(…) : nil`: that `nil` is a JSON value's null literal.)
            let decoded: SwiftCode = "try container.decodeKeepingNull(\(value).self, forKey: \(key))"
            return boxedDefault.map { "\(decoded) ?? \($0)" } ?? decoded
        case (false, false):
            let strictness = mayRejectNull(shape) ? ", rejectingNull: rejectsNull" : ""
            let decoded: SwiftCode = "try container.decodeIfPresent(\(value).self, forKey: \(key)\(strictness))"
            guard let boxedDefault else { return decoded }
            return "\(decoded) ?? \(boxedDefault)"
        case (false, true):
            if let boxedDefault {
                return
                    "container.contains(\(key)) ? (try container.decodeNil(forKey: \(key)) ? nil : "
                    + "try container.decode(\(value).self, forKey: \(key))) : \(boxedDefault)"
            }
            return
                "container.contains(\(key)) ? try container.decode(\(Runtime.nullable)<\(value)>.self, forKey: "
                + "\(key)) : nil"
        }
    }

    private func emitEncoder(
        _ shapes: [PropertyShape], composed: [IRComposedMember], additional: String?, into w: inout SwiftWriter
    ) {
        w.block("public func encode(to encoder: any Swift.Encoder) throws") { w in
            w.line(
                shapes.isEmpty
                    ? "_ = encoder.container(keyedBy: \(Runtime.anyCodingKey).self)"
                    : "var container = encoder.container(keyedBy: \(Runtime.anyCodingKey).self)")
            // Keys the composed members leave out (most objects have none): every key the struct
            // has, except an absent optional one an alternative requires (its discriminator),
            // whose copy goes out then.
            let requiredByAlternatives = composed.isEmpty ? [] : keysRequired(byAlternativesOf: composed.map(\.type))
            var written: [String] = []
            for shape in shapes {
                let key = SwiftLiteral.string(shape.property.name.original)
                // Absent values are left out; present nulls go out as null.
                let absentIsNil =
                    shape.isTriState
                    || (!shape.property.isRequired && !shape.property.type.isNullable && shape.isOptional)
                let method = absentIsNil ? "encodeIfPresent" : "encode"
                w.line("try container.\(method)(self.\(shape.storedName), forKey: \(key))")
                guard !composed.isEmpty else { continue }
                let mayBeCopied = absentIsNil && requiredByAlternatives.contains(shape.property.name.original)
                written.append(mayBeCopied ? "self.\(shape.storedName) == nil ? nil : \(key)" : key)
            }
            // The struct's own keys are written from its properties alone (`encodeMerged(except:)`).
            let ownKeys = written.isEmpty ? "" : ", except: [\(written.joined(separator: ", "))]"
            for member in composed {
                w.line(
                    "try \(Runtime.CompositeCoding.encodeMerged)(self.\(SwiftNames.escapedMember(member.name.swift)), to: encoder\(ownKeys))"
                )
            }
            if let additional {
                let name = SwiftNames.escapedMember(additional)
                w.line("var all = encoder.container(keyedBy: \(Runtime.anyCodingKey).self)")
                w.block("for (key, value) in self.\(name).sorted(by: { $0.key < $1.key })") { w in
                    w.line("try all.encode(value, forKey: \(Runtime.anyCodingKey)(key))")
                }
            }
        }
    }

    /// The keys some alternative of these composed members requires, through aliases, nested
    /// unions and composites: when the struct leaves one absent, the member's copy is the value.
    private func keysRequired(byAlternativesOf types: [IRValueType]) -> Set<String> {
        var keys = Set<String>()
        var visited = Set<IRTypeID>()
        func collect(_ type: IRValueType) {
            guard case .named(let id) = spelling.unaliased(type.nonNull).nonNull, visited.insert(id).inserted else {
                return
            }
            switch module[id].kind {
            case .object(let object):
                for property in object.properties where property.isRequired { keys.insert(property.name.original) }
                for member in object.composed { collect(member.type) }
            case .union(let union), .anyOf(let union):
                for item in union.cases { collect(item.type) }
            case .alias(let aliased, _): collect(aliased)
            case .enumeration, .tuple, .pending: break
            }
        }
        types.forEach(collect)
        return keys
    }
}
