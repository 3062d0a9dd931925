import LatheIR
import LatheOpenAPI

/// `collectValidationIssues`: every constraint of every member, each reported with its JSON path.
extension TypeEmitter {
    func emitObjectValidation(_ object: IRObject, _ shapes: [PropertyShape], into w: inout SwiftWriter) {
        var body = SwiftWriter()
        var counter = 0
        if object.constraints.minProperties != nil || object.constraints.maxProperties != nil {
            // Required members are always present (a null counts), optional ones when set, plus any additional ones.
            var terms = [String(shapes.filter { !$0.isOptional || $0.property.isRequired }.count)]
            terms += shapes.filter { $0.isOptional && !$0.property.isRequired }.map {
                "(self.\($0.storedName) == nil ? 0 : 1)"
            }
            if case .captured = object.additionalProperties {
                terms.append("self.\(SwiftNames.escapedMember(object.additionalPropertiesName)).count")
            }
            body.line(
                "\(Runtime.Check.count)(\(terms.joined(separator: " + ")), min: "
                    + "\(optional(object.constraints.minProperties)), max: "
                    + "\(optional(object.constraints.maxProperties)), of: \"properties\", at: path, into: &issues)"
            )
        }
        for member in object.composed {
            body.line(
                "self.\(SwiftNames.escapedMember(member.name.swift)).collectValidationIssues(at: path, into: &issues)")
        }
        for shape in shapes {
            let property = shape.property
            let path = "path.key(\(SwiftLiteral.string(property.name.original)))"
            if property.checksPresence {
                body.line("\(Runtime.Check.present)(self.\(shape.storedName) != nil, at: \(path), into: &issues)")
            }
            emitMemberValidation(shape, path: path, into: &body, counter: &counter)
        }
        if let undeclared = object.undeclaredKeysName {
            body.line(
                "\(Runtime.Check.noAdditionalProperties)(self.\(SwiftNames.escapedMember(undeclared)), at: path, "
                    + "into: &issues)"
            )
        }
        if case .captured(let value, let constraints) = object.additionalProperties {
            var valueBody = SwiftWriter()
            emitValidation(
                of: "value", type: value, constraints: constraints, path: "path.key(key)", into: &valueBody,
                counter: &counter)
            emitEntryChecks(
                "self.\(SwiftNames.escapedMember(object.additionalPropertiesName))", key: "key", item: "value",
                keys: object.constraints.keys, path: "path.key(key)", valueChecks: valueBody, into: &body)
        }
        w.validationRequirement(body)
    }

    /// Statements that check a stored member (`shape`, an object's property or a tuple's position)
    /// at `path`: unwrapped when optional, through `.value` when tri-state; nothing when it has no
    /// checks.
    func emitMemberValidation(_ shape: PropertyShape, path: String, into body: inout SwiftWriter, counter: inout Int) {
        let property = shape.property
        // The stored member, so validating a deprecated property does not warn.
        let access = unbox(shape, "self.\(shape.storedName)")
        let inner = property.type.nonNull
        var propertyBody = SwiftWriter()
        emitValidation(
            of: "value", type: inner, constraints: property.constraints, path: path, into: &propertyBody,
            counter: &counter)
        guard !propertyBody.isEmpty else { return }
        if shape.isTriState {
            body.block("if case .value(let value)? = \(access)") { $0.raw(propertyBody) }
        } else if shape.isOptional {
            body.block("if let value = \(access)") { $0.raw(propertyBody) }
        } else {
            var direct = SwiftWriter()
            emitValidation(
                of: access, type: inner, constraints: property.constraints, path: path, into: &direct,
                counter: &counter)
            body.raw(direct)
        }
    }

    /// The checks of a union case's value itself (`enum`, `const`, bounds, lengths, counts, a
    /// generated enum's `undocumented` value), which decoding asks before taking the case; none
    /// for a case of another generated type, whose checks (a nested property's bounds) do not
    /// decide which case it is, but for the keys an object requires without declaring them, which
    /// it decodes without (optional in Swift) though a value without them is not that case.
    func valueChecks(_ item: IRUnion.Case, telling: Set<String>) -> SwiftWriter {
        var body = SwiftWriter()
        for member in presenceMembers(of: item.type.nonNull) {
            body.line("\(Runtime.Check.present)(value.\(member) != nil, at: path, into: &issues)")
        }
        // An object's members that tell the cases apart hold values they list: cases told apart by
        // them alone (Somfy's events, each `name: {enum: [ItsName]}`) decoded all as the first,
        // whose enums are open.
        body.raw(listedValueChecks(of: item.type.nonNull, only: telling))
        // A generated enum's own check is its documented values; another generated type's is not its value's.
        guard everyNamedType(in: item.type, where: { if case .enumeration = module[$0].kind { true } else { false } })
        else { return body }
        var counter = 0
        // `if let value = try? container.decode(T?.self)` has unwrapped a nullable case's value.
        emitValidation(
            of: "value", type: item.type.nonNull, constraints: item.constraints, path: "path", into: &body,
            counter: &counter)
        return body
    }

    /// The members that tell a union's object alternatives apart: named alike in two or more of
    /// them, listing different values (generated enums, `const`, `enum` of other values: Discord's
    /// `type`, Somfy's `name`). Only those decide an alternative: a value that a member of one
    /// alternative alone does not list (an enum grown since) leaves that alternative as it was.
    func tellingMembers(_ types: [IRValueType]) -> Set<String> {
        guard types.count > 1 else { return [] }
        var lists: [String: [Set<String>]] = [:]
        for type in types {
            guard case .named(let id) = spelling.unaliased(type.nonNull), case .object(let object) = module[id].kind
            else { continue }
            for property in object.properties where !property.docs.isDeprecated {
                if let values = listedValues(property) { lists[property.name.original, default: []].append(values) }
            }
        }
        return Set(lists.filter { $0.value.count > 1 && Set($0.value).count > 1 }.keys)
    }

    /// The values a member lists, as JSON text (a string marked by its `"`, unescaped); `nil` for
    /// one that lists none.
    private func listedValues(_ property: IRProperty) -> Set<String>? {
        if case .named(let id) = spelling.unaliased(property.type.nonNull),
            case .enumeration(let enumeration) = module[id].kind
        {
            return Set(enumeration.cases.map { enumeration.rawType == .string ? "\"" + $0.rawValue : $0.rawValue })
        }
        if let constant = property.constraints.constant { return [Self.listedText(constant)] }
        return property.constraints.allowedValues.map { Set($0.map(Self.listedText)) }
    }

    private static func listedText(_ value: SpecValue) -> String {
        if case .string(let text) = value { return "\"" + text }
        return JSONText.compact(value)
    }

    /// Checks that an object `value` of `type` has, in its members named in `only` that list their
    /// values (`tellingMembers`), values they list (not deprecated members, whose public name
    /// warns); appended to `issues`.
    func listedValueChecks(of type: IRValueType, only names: Set<String>) -> SwiftWriter {
        var body = SwiftWriter()
        if case .named(let id) = spelling.unaliased(type), case .tuple = module[id].kind {
            // A tuple's positions say which case it is (`["line", 1, 2]` is not `["point", 1]`
            // followed by an item the point does not allow).
            body.line("value.collectValidationIssues(at: path, into: &issues)")
            return body
        }
        guard !names.isEmpty, case .named(let id) = spelling.unaliased(type), case .object(let object) = module[id].kind
        else { return body }
        for property in object.properties where !property.docs.isDeprecated && names.contains(property.name.original) {
            let shape = shape(property)
            let access = "value.\(shape.publicName)"
            let type = property.type.nonNull
            if case .named(let member) = spelling.unaliased(type), case .enumeration = module[member].kind {
                body.line(
                    shape.isTriState
                        ? "if case .value(let member)? = \(access) { member.collectValidationIssues(at: path, into: &issues) }"
                        : "\(access)\(shape.isOptional ? "?" : "").collectValidationIssues(at: path, into: &issues)")
                continue
            }
            guard shape.isOptional else {
                emitValueChecks(access, type, property.constraints, "path", into: &body)
                continue
            }
            var check = SwiftWriter()
            emitValueChecks("member", type, property.constraints, "path", into: &check)
            guard !check.isEmpty else { continue }
            body.block(shape.isTriState ? "if case .value(let member)? = \(access)" : "if let member = \(access)") {
                $0.raw(check)
            }
        }
        return body
    }

    /// The members of an object `type` that hold keys it requires without declaring them
    /// (`IRProperty.checksPresence`): optional in Swift, so a value without them decodes as it.
    func presenceMembers(of type: IRValueType) -> [String] {
        guard case .named(let id) = spelling.unaliased(type), case .object(let object) = module[id].kind else {
            return []
        }
        return object.properties.filter(\.checksPresence).map { SwiftNames.escapedMember($0.name.swift) }
    }

    /// Whether every named type `type` holds, through optionals, lists, maps and aliases (which
    /// stand for what they alias), is one `named` accepts; primitives always are.
    private func everyNamedType(in type: IRValueType, where named: (IRTypeID) -> Bool) -> Bool {
        switch type {
        case .primitive: true
        case .nullable(let inner), .array(let inner), .dictionary(let inner): everyNamedType(in: inner, where: named)
        case .named(let id):
            module.resolvedAliases[id].map { everyNamedType(in: $0.type, where: named) } ?? named(id)
        }
    }

    /// Statements that check `value` (of `type`, under `constraints`) and append issues at `path`.
    /// Writes nothing when there is nothing to check.
    func emitValidation(
        of value: String, type: IRValueType, constraints: IRConstraints, path: String, into w: inout SwiftWriter,
        counter: inout Int
    ) {
        switch type {
        case .nullable(let inner):
            var body = SwiftWriter()
            counter += 1
            let unwrapped = "value\(counter)"
            emitValidation(
                of: unwrapped, type: inner, constraints: constraints, path: path, into: &body, counter: &counter)
            if !body.isEmpty { w.block("if let \(unwrapped) = \(value)") { $0.raw(body) } }
        case .named(let id):
            if let alias = module.resolvedAliases[id] {
                emitValidation(
                    of: value, type: alias.type, constraints: alias.constraints.overlaid(with: constraints), path: path,
                    into: &w, counter: &counter)
            } else {
                w.line("\(value).collectValidationIssues(at: \(path), into: &issues)")
            }
        case .primitive(let primitive):
            emitPrimitiveChecks(value, primitive, constraints, path, into: &w)
            emitValueChecks(value, type, constraints, path, into: &w)
        case .array(let element):
            if constraints.minItems != nil || constraints.maxItems != nil {
                w.line(
                    "\(Runtime.Check.count)(\(value).count, min: \(optional(constraints.minItems)), max: "
                        + "\(optional(constraints.maxItems)), of: \"items\", at: \(path), into: &issues)"
                )
            }
            if constraints.uniqueItems {
                w.line("\(Runtime.Check.unique)(\(value), at: \(path), into: &issues)")
            }
            emitValueChecks(value, type, constraints, path, into: &w)
            var body = SwiftWriter()
            counter += 1
            let index = "index\(counter)", item = "item\(counter)"
            emitValidation(
                of: item, type: element, constraints: constraints.element, path: "\(path).index(\(index))", into: &body,
                counter: &counter)
            if !body.isEmpty { w.block("for (\(index), \(item)) in \(value).enumerated()") { $0.raw(body) } }
        case .dictionary(let valueType):
            if constraints.minProperties != nil || constraints.maxProperties != nil {
                w.line(
                    "\(Runtime.Check.count)(\(value).count, min: \(optional(constraints.minProperties)), max: "
                        + "\(optional(constraints.maxProperties)), of: \"properties\", at: \(path), into: &issues)"
                )
            }
            var body = SwiftWriter()
            counter += 1
            let key = "key\(counter)", item = "item\(counter)"
            emitValidation(
                of: item, type: valueType, constraints: constraints.element, path: "\(path).key(\(key))", into: &body,
                counter: &counter)
            emitEntryChecks(
                value, key: key, item: item, keys: constraints.keys, path: "\(path).key(\(key))", valueChecks: body,
                into: &w)
            emitValueChecks(value, type, constraints, path, into: &w)
        }
    }

    /// A loop over `map`'s entries in key order, checking each `key` against what `propertyNames`
    /// asks (`keys`) and each `item` with `valueChecks`; none when neither has a check, and over
    /// the keys alone when the values have none.
    private func emitEntryChecks(
        _ map: String, key: String, item: String, keys: IRConstraints, path: String, valueChecks: SwiftWriter,
        into w: inout SwiftWriter
    ) {
        var body = SwiftWriter()
        emitKeyChecks(key, keys, path, into: &body)
        if valueChecks.isEmpty {
            if !body.isEmpty { w.block("for \(key) in \(map).keys.sorted()") { $0.raw(body) } }
        } else {
            body.raw(valueChecks)
            w.block("for (\(key), \(item)) in \(map).sorted(by: { $0.key < $1.key })") { $0.raw(body) }
        }
    }

    /// The checks `propertyNames` asks of a map's `key`.
    private func emitKeyChecks(_ key: String, _ keys: IRConstraints, _ path: String, into w: inout SwiftWriter) {
        guard !keys.isEmpty else { return }
        var arguments = [key]
        if let min = keys.minLength { arguments.append("minLength: \(min)") }
        if let max = keys.maxLength { arguments.append("maxLength: \(max)") }
        if let pattern = keys.pattern { arguments.append("pattern: \(SwiftLiteral.string(pattern))") }
        let listed = (keys.constant.map { [$0] } ?? keys.allowedValues)?.compactMap { value -> String? in
            if case .string(let text) = value { SwiftLiteral.string(text) } else { nil }
        }
        if let listed { arguments.append("allowed: [\(listed.joined(separator: ", "))]") }
        w.line("\(Runtime.Check.propertyName)(\(arguments.joined(separator: ", ")), at: \(path), into: &issues)")
    }

    private func emitPrimitiveChecks(
        _ value: String, _ primitive: IRPrimitive, _ c: IRConstraints, _ path: String, into w: inout SwiftWriter
    ) {
        switch primitive {
        case .string:
            if c.minLength != nil || c.maxLength != nil {
                w.line(
                    "\(Runtime.Check.length)(\(value), min: \(optional(c.minLength)), max: "
                        + "\(optional(c.maxLength)), at: \(path), into: &issues)"
                )
            }
            if let pattern = c.pattern {
                w.line(
                    "\(Runtime.Check.pattern)(\(value), \(SwiftLiteral.string(pattern)), at: \(path), into: &issues)")
            }
        case .int, .int32, .int64, .uint64, .float, .double, .decimal:
            emitNumberCheck(value, c, path, into: &w)
        case .numberOrString:
            // As JSON Schema says: lengths and patterns apply to the string form, bounds to the number form.
            var arguments = [
                ("minLength", c.minLength.map(String.init)), ("maxLength", c.maxLength.map(String.init)),
                ("pattern", c.pattern.map(SwiftLiteral.string)),
            ]
            arguments += [
                ("minimum", c.minimum), ("maximum", c.maximum), ("exclusiveMinimum", c.exclusiveMinimum),
                ("exclusiveMaximum", c.exclusiveMaximum), ("multipleOf", c.multipleOf),
            ]
            .map { ($0.0, $0.1.map(SwiftLiteral.string)) }
            let given = arguments.compactMap { name, text in text.map { "\(name): \($0)" } }
            if !given.isEmpty {
                w.line(
                    "\(Runtime.Check.numberOrString)(\(value), \(given.joined(separator: ", ")), at: \(path), "
                        + "into: &issues)"
                )
            }
        case .decimalString:
            if c.minLength != nil || c.maxLength != nil {
                w.line(
                    "\(Runtime.Check.length)(\(value).text, min: \(optional(c.minLength)), max: "
                        + "\(optional(c.maxLength)), at: \(path), into: &issues)"
                )
            }
            if let pattern = c.pattern {
                w.line(
                    "\(Runtime.Check.pattern)(\(value).text, \(SwiftLiteral.string(pattern)), at: \(path), into: "
                        + "&issues)"
                )
            }
            // Bounds are on the number the text spells (checked in one statement, with no `if`:
            // an operation's checks are split into scopes at lines that start one).
            emitNumberCheck(value, c, path, into: &w)
        case .jsonValue, .bool, .calendarDate, .dateTime, .uuid, .url, .base64Data, .binaryData:
            break
        }
    }

    /// `const` and a list of allowed values, checked by equality with their literals (a string,
    /// a number, any JSON value, an array of those).
    private func emitValueChecks(
        _ value: String, _ type: IRValueType, _ c: IRConstraints, _ path: String, into w: inout SwiftWriter
    ) {
        // Generated types compare with `==` only when they are `Hashable` (not under `--no-hashable`).
        guard c.constant != nil || c.allowedValues != nil, everyNamedType(in: type, where: { _ in !hashable.isEmpty })
        else { return }
        if let constant = c.constant, let literal = valueLiteral(constant, as: type) {
            w.line(
                "\(Runtime.Check.constant)(\(value) == \(literal), expected: "
                    + "\(SwiftLiteral.string(JSONText.compact(constant))), at: \(path), into: &issues)"
            )
        }
        if let allowed = c.allowedValues {
            let literals = allowed.compactMap { valueLiteral($0, as: type) }
            guard literals.count == allowed.count else { return }
            let expected = "one of " + allowed.map(JSONText.compact).joined(separator: ", ")
            w.line(
                "\(Runtime.Check.constant)(([\(literals.joined(separator: ", "))] as [\(spelling.type(type))])"
                    + ".contains(\(value)), expected: \(SwiftLiteral.string(expected)), at: \(path), into: &issues)"
            )
        }
    }

    /// A literal of `type`; `null` as any JSON value is spelled as the case, since `value == nil`
    /// would compare an optional.
    private func valueLiteral(_ value: SpecValue, as type: IRValueType) -> String? {
        if value == .null, spelling.unaliased(type) == .primitive(.jsonValue) { return "\(Runtime.jsonValue).null" }
        // A map's (only here: as a default, an object is not applied; see `defaultFits`).
        if case .object(let members) = value, case .dictionary(let valueType) = type {
            let parts = members.map { member in
                spelling.literal(member.value, as: valueType).map { SwiftLiteral.string(member.key) + ": " + $0 }
            }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return parts.isEmpty ? "[:]" : "[" + parts.map { $0! }.joined(separator: ", ") + "]"
        }
        return spelling.literal(value, as: type)
    }

    private func emitNumberCheck(_ value: String, _ c: IRConstraints, _ path: String, into w: inout SwiftWriter) {
        let bounds: [(String, String?)] = [
            ("minimum", c.minimum), ("maximum", c.maximum), ("exclusiveMinimum", c.exclusiveMinimum),
            ("exclusiveMaximum", c.exclusiveMaximum), ("multipleOf", c.multipleOf),
        ]
        let given = bounds.compactMap { name, text in text.map { "\(name): \(SwiftLiteral.string($0))" } }
        guard !given.isEmpty else { return }
        w.line("\(Runtime.Check.number)(\(value), \(given.joined(separator: ", ")), at: \(path), into: &issues)")
    }

    func optional(_ value: Int?) -> String { value.map(String.init) ?? "nil" }
}

extension SwiftWriter {
    /// `collectValidationIssues` holding `body`'s checks, empty when there are none.
    mutating func validationRequirement(_ body: SwiftWriter) {
        let signature = Runtime.validationRequirement
        if body.isEmpty {
            line(signature + " {}")
        } else {
            block(signature) { $0.raw(body) }
        }
    }
}
