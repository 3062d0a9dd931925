import LatheIR
import LatheOpenAPI

/// How IR types and values are spelled in generated Swift. Standard types are always qualified
/// (`Swift.String`), so a schema named `String` cannot change what generated code means.
struct TypeSpelling {
    let module: IRModule
    /// `Namespace.` where code stands outside the namespace (extensions cannot nest in it), else empty.
    var qualifier = ""

    func type(_ type: IRValueType) -> String {
        switch type {
        case .named(let id): qualifier + module.qualifiedName(id)
        case .primitive(let primitive): Self.primitive(primitive)
        case .array(let element): "[\(self.type(element))]"
        case .dictionary(let value): "[Swift.String: \(self.type(value))]"
        case .nullable(let inner): self.type(inner) + "?"
        }
    }

    static func primitive(_ primitive: IRPrimitive) -> String {
        switch primitive {
        case .string: "Swift.String"
        case .int: "Swift.Int"
        case .int32: "Swift.Int32"
        case .int64: "Swift.Int64"
        case .uint64: "Swift.UInt64"
        case .float: "Swift.Float"
        case .double: "Swift.Double"
        case .decimal: "Foundation.Decimal"
        case .bool: "Swift.Bool"
        case .calendarDate: "\(Runtime.calendarDate)"
        case .dateTime: "Foundation.Date"
        case .uuid: "Foundation.UUID"
        case .url: "Foundation.URL"
        case .base64Data, .binaryData: "Foundation.Data"
        case .jsonValue: "\(Runtime.jsonValue)"
        case .numberOrString: "\(Runtime.numberOrString)"
        case .decimalString: "\(Runtime.decimalString)"
        }
    }

    /// A parameter's default argument in a generated signature: its default value, else `nil`
    /// when it is optional; no default for a required parameter without one.
    func argumentDefault(_ parameter: IRParameter) -> String? {
        parameter.defaultValue.flatMap { literal($0, as: parameter.type) } ?? (parameter.isRequired ? nil : "nil")
    }

    /// A Swift expression for a default or constant of `type`; `nil` when there is none.
    func literal(_ value: SpecValue, as type: IRValueType) -> String? {
        switch (value, type) {
        case (.null, .nullable): return "nil"
        case (_, .nullable(let inner)):
            // An enum's or a union's `.none` (or `.some`) would name the optional's own case: spelled
            // with its type.
            guard let literal = literal(value, as: inner) else { return nil }
            let namesOptionalsCase =
                literal.hasPrefix(".some") || literal.hasPrefix(".`some`")
                || [".none", ".`none`"].contains { literal == $0 || literal.hasPrefix($0 + "(") }
            return namesOptionalsCase ? self.type(inner) + literal : literal
        case (_, .primitive(.jsonValue)): return jsonValueLiteral(value)
        case (.string(let text), .primitive(let primitive)):
            // Text the type's literal would trap on (a UUID default an `anyOf`'s other member takes).
            guard primitive.takesLiteral(text) else { return nil }
            switch primitive {
            case .string: return SwiftLiteral.string(text)
            case .decimalString: return "\(Runtime.decimalString)(text: \(SwiftLiteral.string(text)))"
            case .numberOrString: return ".string(\(SwiftLiteral.string(text)))"
            case .calendarDate: return "\(Runtime.Literal.date)(\(SwiftLiteral.string(text)))"
            // Only text `defaultFits` found Foundation takes as it is.
            case .url: return "Foundation.URL(string: \(SwiftLiteral.string(text)))!"
            case .uuid: return "Foundation.UUID(uuidString: \(SwiftLiteral.string(text)))!"
            default: return nil
            }
        case (.number(let number), .primitive(let primitive)):
            switch primitive {
            case .int, .int32, .int64: return number.integralValue.map(String.init)
            case .uint64: return UInt64(number.integralText).map(String.init)
            case .float, .double: return number.isInteger ? number.text + ".0" : number.text
            case .decimal: return "\(Runtime.Literal.decimal)(\(SwiftLiteral.string(number.text)))"
            case .numberOrString: return ".number(\(Runtime.Literal.decimal)(\(SwiftLiteral.string(number.text))))"
            default: return nil
            }
        case (.bool(let flag), .primitive(.bool)): return flag ? "true" : "false"
        case (.array(let items), .array(let element)):
            let parts = items.map { literal($0, as: element) }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return "[" + parts.map { $0! }.joined(separator: ", ") + "]"
        case (.object(let members), .dictionary(let element)):
            // A key written twice would trap in a dictionary literal (`defaultFits` turns it away).
            guard Set(members.map(\.key)).count == members.count else { return nil }
            var entries: [String] = []
            for member in members {
                guard let literal = literal(member.value, as: element) else { return nil }
                entries.append(SwiftLiteral.string(member.key) + ": " + literal)
            }
            return "[" + (entries.isEmpty ? ":" : entries.joined(separator: ", ")) + "]"
        case (_, .named(let id)):
            switch module[id].kind {
            case .enumeration(let enumeration):
                let raw: String
                switch value {
                case .string(let text): raw = text
                case .number(let number): raw = number.integralText
                default: return nil
                }
                return enumeration.cases.first { $0.rawValue == raw }.map {
                    "." + SwiftNames.escapedMember($0.name.swift)
                }
            case .alias(let aliased, _):
                return literal(value, as: aliased)
            case .object(let object):
                return objectLiteral(value, object, named: self.type(.named(id)))
            case .anyOf(let union):
                // Every member that takes the value holds it, as decoding would fill them. Each
                // parameter is optional: a case named `none` is spelled with its type.
                let members = union.cases.compactMap { item in
                    literal(value, as: value == .null ? item.type : .nullable(item.type.nonNull)).map {
                        SwiftNames.argumentLabel(item.name.swift) + ": "
                            + (union.isRecursive ? "\(Runtime.indirect)(\($0))" : $0)
                    }
                }
                return members.isEmpty ? nil : "\(self.type(.named(id)))(\(members.joined(separator: ", ")))"
            case .tuple(let tuple):
                guard case .array(let items) = value else { return nil }
                var arguments: [String] = []
                for (position, item) in zip(tuple.positions, items) {
                    guard let literal = literal(item, as: position.type) else { return nil }
                    arguments.append("\(SwiftNames.argumentLabel(position.name.swift)): \(literal)")
                }
                if items.count > tuple.positions.count {
                    guard let rest = tuple.rest,
                        let literal = literal(.array(Array(items.dropFirst(tuple.positions.count))), as: .array(rest))
                    else { return nil }
                    arguments.append("\(SwiftNames.argumentLabel(tuple.restName)): \(literal)")
                }
                return "\(self.type(.named(id)))(\(arguments.joined(separator: ", ")))"
            case .union(let union) where union.discriminator == nil:
                // The first case that takes the value, as decoding tries them; not one with checks of
                // its own, which decoding may pass over (`defaultFits` does not apply those).
                for item in union.cases {
                    guard let literal = literal(value, as: item.type) else { continue }
                    guard item.constraints == IRConstraints() else { return nil }
                    return ".\(SwiftNames.escapedMember(item.name.swift))(\(literal))"
                }
                return nil
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// A call of an object's initializer with the members `value` gives, in the order of its
    /// parameters; the rest take the initializer's own defaults. A null is `nil` where the type is
    /// optional, `.null` where it keeps null apart from absent (or is any JSON value), and left out
    /// where the property allows no null (what decoding the key's absence gives). Fits as
    /// `objectDefaultMismatch` found it would.
    private func objectLiteral(_ value: SpecValue, _ object: IRObject, named name: String) -> String? {
        guard case .object(let members) = value, object.composed.isEmpty else { return nil }
        var arguments: [String] = []
        for property in object.properties {
            guard let member = members.first(where: { $0.key == property.name.original }) else {
                if property.isRequired { return nil }
                continue
            }
            // As `PropertyShape` reads it; a default the lowering kept is one this spells.
            let keepsNull = !property.isRequired && property.type.isNullable && property.defaultValue == nil
            let argument: String
            if member.value == .null {
                if property.type.isNullable {
                    argument = keepsNull ? ".null" : "nil"
                } else if unaliased(property.type) == .primitive(.jsonValue) {
                    argument = "\(Runtime.jsonValue).null"
                } else if !property.isRequired {
                    continue
                } else {
                    return nil
                }
            } else if keepsNull {
                guard let literal = literal(member.value, as: property.type.nonNull) else { return nil }
                argument = ".value(\(literal))"
            } else {
                // Spelled as for an optional parameter: a case named `none` with its type.
                guard let literal = literal(member.value, as: .nullable(property.type.nonNull)) else { return nil }
                argument = literal
            }
            arguments.append(SwiftNames.argumentLabel(property.name.swift) + ": " + argument)
        }
        return name + "(" + arguments.joined(separator: ", ") + ")"
    }

    private func jsonValueLiteral(_ value: SpecValue) -> String {
        switch value {
        case .null: "nil"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number):
            number.intValue != nil ? number.text : "\(Runtime.JSONValue.number)(\(SwiftLiteral.string(number.text)))"
        case .string(let text): SwiftLiteral.string(text)
        case .array(let items): "[" + items.map(jsonValueLiteral).joined(separator: ", ") + "]"
        case .object(let members):
            members.isEmpty
                ? "[:]"
                : "["
                    + members.map { SwiftLiteral.string($0.key) + ": " + jsonValueLiteral($0.value) }.joined(
                        separator: ", ") + "]"
        }
    }
}
