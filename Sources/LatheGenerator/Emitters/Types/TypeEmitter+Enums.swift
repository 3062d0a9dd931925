import LatheIR

extension TypeEmitter {
    /// A string or integer enum. Values the spec does not list decode into `undocumented`, so a
    /// server that adds a value does not break a client; `validate()` reports them.
    func emitEnumeration(_ type: IRType, _ enumeration: IREnumeration, into writer: inout SwiftWriter) {
        let raw = enumeration.rawType == .string ? "Swift.String" : "Swift.Int"
        writer.docComment(DocComments.lines(type.docs, source: type.source))
        writer.block(
            "nonisolated public enum \(type.name.swift): Swift.Codable, \(hashable)Swift.Sendable, "
                + "Swift.RawRepresentable, Swift.CaseIterable, \(Runtime.validatable), \(Runtime.uriPrimitive)"
        ) { w in
            for item in enumeration.cases {
                if let docs = item.docs { w.docComment(DocComments.lines(IRDocs(description: docs))) }
                w.line("case \(SwiftNames.escapedMember(item.name.swift))")
            }
            w.docComment(["A value the spec does not list: kept as it came, reported by `validate()`."])
            w.line("case undocumented(\(raw))")
            w.line()
            let looksUp = enumeration.cases.count >= Self.valuesLookedUp
            w.block("public init(rawValue: \(raw))") { w in
                guard looksUp else {
                    w.switchBlock("rawValue") { w in
                        for item in enumeration.cases {
                            w.line(
                                "case \(literal(item.rawValue, enumeration)): "
                                    + "self = .\(SwiftNames.escapedMember(item.name.swift))")
                        }
                        w.line("default: self = .undocumented(rawValue)")
                    }
                    return
                }
                w.line("self = Self.byRawValue[rawValue] ?? .undocumented(rawValue)")
            }
            w.line()
            w.block("public var rawValue: \(raw)") { w in
                w.switchBlock("self") { w in
                    for item in enumeration.cases {
                        w.line(
                            "case .\(SwiftNames.escapedMember(item.name.swift)): \(literal(item.rawValue, enumeration))"
                        )
                    }
                    w.line("case .undocumented(let value): value")
                }
            }
            w.line()
            w.docComment(["The values the spec lists."])
            w.line(
                "public static let allCases: "
                    + "[Self] = [\(enumeration.cases.map { "." + SwiftNames.escapedMember($0.name.swift) }.joined(separator: ", "))]"
            )
            if looksUp {
                w.line("private static let byRawValue: [\(raw): Self] = \(Runtime.EnumCoding.byRawValue)(allCases)")
            }
            // No `init(from:)` or `encode(to:)`: the standard library's, for a `RawRepresentable` of
            // `String` or `Int`, read and write `rawValue` through a single-value container, and
            // `init(rawValue:)` never fails.
            w.line()
            w.block(Runtime.validationRequirement) { w in
                w.block("if case .undocumented(let value) = self") { w in
                    w.line("\(Runtime.Check.documented)(false, \"\\(value)\", at: path, into: &issues)")
                }
            }
        }
    }

    /// Values from which an enum's `init(rawValue:)`, and a discriminated union's `init(from:)`, look
    /// a string up in a table (`EnumCoding`) rather than `switch`ing over string literals. A lookup
    /// takes about 35 ns whatever the size; a `switch` 3 ns over 4 values, 36 ns over 16 and 380 ns
    /// over 200 (release, one core), and it costs the compiler's mandatory ARC pass time growing
    /// faster than the square of the values (an enum's 1,000: 17.8 s; a union's: 35 s).
    static let valuesLookedUp = 16

    /// Whether an `anyOf` member's value is a JSON object: an object, a map, or a `oneOf` whose
    /// every case is one. Such members merge into one object (`AnyOfCoding.encodeObjects`); any
    /// other is the one value written.
    func writesObject(_ type: IRValueType, depth: Int = 0) -> Bool {
        switch type.nonNull {
        case .dictionary: return true
        case .named(let id):
            switch module[id].kind {
            case .object, .anyOf: return true
            case .alias(let target, _):
                if case .dictionary = target.nonNull { return true }
                return false
            case .union(let union):
                // A depth limit, for oneOfs that contain each other.
                return depth < 8 && !union.cases.isEmpty
                    && union.cases.allSatisfy { writesObject($0.type, depth: depth + 1) }
            default: return false
            }
        default: return false
        }
    }

    /// The discriminator value a case's encoding writes beside the object's own keys, where the
    /// object declares no property of the discriminator's name; `nil` where it does (or the case is
    /// no object, or no value selects it).
    func discriminatorWritten(for item: IRUnion.Case, of union: IRUnion) -> String? {
        guard let discriminator = union.discriminator, let value = item.discriminatorValues.first,
            case .named(let id) = spelling.unaliased(item.type.nonNull), case .object(let object) = module[id].kind,
            object.composed.isEmpty, !object.properties.contains(where: { $0.name.original == discriminator })
        else { return nil }
        return value
    }

    private func literal(_ raw: String, _ enumeration: IREnumeration) -> String {
        enumeration.rawType == .string ? SwiftLiteral.string(raw) : raw
    }

    /// `oneOf`: exactly one case. With a discriminator the property picks the case (unknown values
    /// decode into the default case, or `undocumented` without one); without one, the cases are
    /// tried in order.
    func emitUnion(_ type: IRType, _ union: IRUnion, into writer: inout SwiftWriter) {
        let cases = union.cases.map { (SwiftNames.escapedMember($0.name.swift), spelling.type($0.type), $0) }
        let defaultCase = union.defaultCase.map { cases[$0] }
        // With a discriminator, the cases it cannot select: tried before the default case or
        // `undocumented`, as untagged cases are (`emitTrials`).
        let triedIndices = cases.indices.filter {
            union.discriminator == nil || (cases[$0].2.discriminatorValues.isEmpty && $0 != union.defaultCase)
        }
        let order = trialOrder(triedIndices.map { union.cases[$0] }).map { triedIndices[$0] }
        let reordered = order != triedIndices
        let tried = order.map { cases[$0] }
        // A value the discriminator selects no case for is kept as it came, unless a case is the default.
        let hasUndocumented = union.discriminator != nil && defaultCase == nil
        let selectingValues = cases.flatMap(\.2.discriminatorValues)
        // Many values: `init(from:)` switches over their positions in `byDiscriminator`, the values
        // in order, as `init(rawValue:)` looks up a large enum's.
        let looksUp = union.discriminator != nil && selectingValues.count >= Self.valuesLookedUp
        writer.docComment(DocComments.lines(type.docs, source: type.source))
        let indirect = union.isRecursive ? "indirect " : ""
        writer.block(
            "nonisolated public \(indirect)enum \(type.name.swift): Swift.Codable, \(hashable)"
                + "Swift.Sendable, \(Runtime.validatable)"
        ) { w in
            for (index, (name, swiftType, item)) in cases.enumerated() {
                if let discriminator = union.discriminator {
                    let isDefault = index == union.defaultCase
                    w.docComment([
                        item.discriminatorValues.isEmpty
                            ? isDefault
                                ? "The default: a value whose `\(discriminator)` is absent or selects none of the other cases."
                                : "Tried, in order\(reordered ? " (a case requiring more members first)" : ""), "
                                    + "when `\(discriminator)` selects none of the cases."
                            : "Selected by `\(discriminator)` "
                                + "\(item.discriminatorValues.map { "`\($0)`" }.joined(separator: " or "))"
                                + (isDefault
                                    ? ", and the default: a value whose `\(discriminator)` is absent or selects none."
                                    : ".")
                    ])
                }
                w.line("case \(name)(\(swiftType))")
            }
            if hasUndocumented, let discriminator = union.discriminator {
                w.docComment([
                    !tried.isEmpty
                        ? "A value that none of the cases above decodes, kept as it came."
                        : "A value whose `\(discriminator)` names none of the cases above, kept as it came."
                ])
                w.line("case undocumented(\(Runtime.jsonValue))")
            }
            w.line()
            w.block("public init(from decoder: any Swift.Decoder) throws") { w in
                if let discriminator = union.discriminator {
                    // Absent or null, the property selects none of the cases: the others are tried
                    // then, else the value is kept.
                    let read =
                        "try \(Runtime.EnumCoding.discriminator)(\(SwiftLiteral.string(discriminator)), in: decoder)"
                    var subject = read
                    if looksUp {
                        w.line("let tag = \(read)")
                        subject = "tag.flatMap({ Self.byDiscriminator[$0] })"
                    }
                    var position = 0
                    w.switchBlock(subject) { w in
                        for (name, swiftType, item) in cases where !item.discriminatorValues.isEmpty {
                            let decode = "self = .\(name)(try decoder.singleValueContainer().decode(\(swiftType).self))"
                            let literals = item.discriminatorValues.map(SwiftLiteral.string).joined(separator: ", ")
                            guard looksUp else {
                                w.line("case \(literals): \(decode)")
                                continue
                            }
                            let positions = position ..< (position + item.discriminatorValues.count)
                            position = positions.upperBound
                            w.line(
                                "case \(positions.map(String.init).joined(separator: ", ")): \(decode)  // \(literals)")
                        }
                        // Absent or unknown: the default case when there is one, else kept as it came.
                        let fallback = { (container: String) -> String in
                            guard let (name, swiftType, _) = defaultCase else {
                                return "self = .undocumented(try \(container).decode(\(Runtime.jsonValue).self))"
                            }
                            return "self = .\(name)(try \(container).decode(\(swiftType).self))"
                        }
                        if tried.isEmpty {
                            w.line("default: " + fallback("decoder.singleValueContainer()"))
                        } else {
                            // Alternatives the discriminator cannot select: `oneOf` tells them apart.
                            w.line("default:")
                            w.indented { w in
                                w.line("let container = try decoder.singleValueContainer()")
                                emitTrials(tried, hasFallback: true, compact: true, into: &w)
                                w.line(fallback("container"))
                            }
                        }
                    }
                } else {
                    w.line("let container = try decoder.singleValueContainer()")
                    // `try? decode(T?.self)` reads null as no value at all: null is the first
                    // nullable case's, said before any is tried.
                    if let nullable = cases.first(where: { $0.2.type.isNullable }) {
                        w.line("if container.decodeNil() { self = .\(nullable.0)(nil); return }")
                    }
                    emitTrials(tried, hasFallback: false, compact: false, into: &w)
                    w.line(
                        "throw Swift.DecodingError.dataCorruptedError(in: container, debugDescription: "
                            + "\(SwiftLiteral.string("The value matches none of \(type.name.swift)'s cases.")))"
                    )
                }
            }
            w.line()
            // Past `CompilerLimits.casesInOneSwitch`, `if case` statements that each return: Swift
            // does not check them for exhaustiveness.
            let inOneSwitch = cases.count < CompilerLimits.casesInOneSwitch
            // A case whose object declares no discriminator property (JupyterHub's `User` under
            // `kind`) writes the discriminator beside its own keys: without it, no decoder could tell
            // which case the value is.
            let written = cases.map { _, _, item in discriminatorWritten(for: item, of: union) }
            let encodings = zip(cases, written).map { item, value in
                guard let value, let discriminator = union.discriminator else {
                    return (item.0, "try container.encode(value)")
                }
                return (
                    item.0,
                    "try \(Runtime.EnumCoding.encode)(value, to: encoder, writing: \(SwiftLiteral.string(value)), "
                        + "as: \(SwiftLiteral.string(discriminator)))"
                )
            }
            w.block("public func encode(to encoder: any Swift.Encoder) throws") { w in
                if hasUndocumented || written.contains(nil) {
                    w.line("var container = encoder.singleValueContainer()")
                }
                guard inOneSwitch else {
                    for (name, encoding) in encodings {
                        w.line("if case .\(name)(let value) = self { \(encoding); return }")
                    }
                    if hasUndocumented {
                        w.line("if case .undocumented(let value) = self { try container.encode(value) }")
                    }
                    return
                }
                w.switchBlock("self") { w in
                    for (name, encoding) in encodings {
                        w.line("case .\(name)(let value): \(encoding)")
                    }
                    if hasUndocumented {
                        w.line("case .undocumented(let value): try container.encode(value)")
                    }
                }
            }
            w.line()
            let validations = cases.map { name, _, item in
                var body = SwiftWriter()
                var counter = 0
                emitValidation(
                    of: "value", type: item.type, constraints: item.constraints, path: "path", into: &body,
                    counter: &counter)
                return (name, body)
            }
            let undocumentedCheck =
                "\(Runtime.Check.undocumentedCase)(\(SwiftLiteral.string(type.name.swift)), at: path, into: &issues)"
            w.block(Runtime.validationRequirement) { w in
                guard inOneSwitch else {
                    for (name, body) in validations where !body.isEmpty {
                        w.block("if case .\(name)(let value) = self") { w in
                            w.raw(body)
                            w.line("return")
                        }
                    }
                    if hasUndocumented {
                        w.block("if case .undocumented = self") { w in w.line(undocumentedCheck) }
                    }
                    return
                }
                w.switchBlock("self") { w in
                    for (name, body) in validations {
                        if body.isEmpty {
                            w.line("case .\(name): break")
                        } else {
                            w.line("case .\(name)(let value):")
                            w.indented { $0.raw(body) }
                        }
                    }
                    if hasUndocumented { w.line("case .undocumented: \(undocumentedCheck)") }
                }
            }
            if looksUp {
                w.line()
                w.line(
                    "private static let byDiscriminator: [Swift.String: Swift.Int] = "
                        + "\(Runtime.EnumCoding.positions)([\(selectingValues.map(SwiftLiteral.string).joined(separator: ", "))])"
                )
            }
            emitNested(type, into: &w)
        }
    }

    /// Statements that try `cases` in order on `container`, each taken when it decodes and its
    /// own checks pass (`enum`, `const`, bounds, lengths, required keys no property declares, and
    /// the members that tell the cases apart), as `oneOf` asks; when none passes, the first that
    /// decoded is taken, unless `hasFallback` (a discriminator's default case or `undocumented`,
    /// which the caller writes next). Falls through when none is taken. `compact` writes a case
    /// without checks on one line.
    private func emitTrials(
        _ cases: [(String, String, IRUnion.Case)], hasFallback: Bool, compact: Bool, into w: inout SwiftWriter
    ) {
        let telling = tellingMembers(cases.map(\.2.type))
        let checks = cases.map { _, _, item in valueChecks(item, telling: telling) }
        let keepsFirstDecoded = !hasFallback && checks.contains { !$0.isEmpty }
        if keepsFirstDecoded { w.line("var decoded: Self?") }
        for ((name, swiftType, _), check) in zip(cases, checks) {
            if compact, check.isEmpty {
                w.line("if let value = try? container.decode(\(swiftType).self) { self = .\(name)(value); return }")
                continue
            }
            w.block("if let value = try? container.decode(\(swiftType).self)") { w in
                guard !check.isEmpty else {
                    w.line("self = .\(name)(value)")
                    w.line("return")
                    return
                }
                w.line("let path = \(Runtime.jsonPath).root")
                w.line("var issues: [\(Runtime.validationIssue)] = []")
                w.raw(check)
                w.line("if issues.isEmpty { self = .\(name)(value); return }")
                if keepsFirstDecoded { w.line("if decoded == nil { decoded = .\(name)(value) }") }
            }
        }
        if keepsFirstDecoded { w.line("if let decoded { self = decoded; return }") }
    }

    /// The order a union's cases are tried in when nothing selects one: as the spec lists them,
    /// except that an object case requiring every member another requires, and more, goes before
    /// it. A value of the larger case decodes as the smaller too, which ignores the members it
    /// does not declare: Hugging Face TGI's final completion, a chunk with `usage`, decoded as a
    /// chunk and lost its usage.
    func trialOrder(_ cases: [IRUnion.Case]) -> [Int] {
        let required = cases.map { requiredMembers(of: $0.type.nonNull) }
        // Each case in the spec's order goes just before the first case placed whose required
        // members it has, and more, or last. The relation is transitive, so a case also goes
        // before every case those go before, and the others keep their order.
        var order: [Int] = []
        for (index, members) in required.enumerated() {
            let before = members.flatMap { larger in
                order.firstIndex { placed in
                    guard let smaller = required[placed] else { return false }
                    return smaller.count < larger.count && smaller.isSubset(of: larger)
                }
            }
            order.insert(index, at: before ?? order.count)
        }
        return order
    }

    /// The keys without which an object case is not taken: its required properties, and the keys
    /// `required` lists that no property declares (optional in Swift, refused absent by the
    /// presence check `emitTrials` makes); `nil` for a case that is not an object. Its composed
    /// members are unions, which require nothing of their own.
    private func requiredMembers(of type: IRValueType) -> Set<String>? {
        guard case .named(let id) = spelling.unaliased(type), case .object(let object) = module[id].kind else {
            return nil
        }
        return Set(object.properties.lazy.filter { $0.isRequired || $0.checksPresence }.map(\.name.original))
    }

    /// `anyOf`: any number of the members at once; decoding fills every member that fits.
    func emitAnyOf(_ type: IRType, _ union: IRUnion, into writer: inout SwiftWriter) {
        let members = union.cases.map { item -> (String, String, IRUnion.Case) in
            let swiftType = spelling.type(item.type)
            return (
                SwiftNames.escapedMember(item.name.swift),
                union.isRecursive ? "\(Runtime.indirect)<\(swiftType)>" : swiftType, item
            )
        }
        writer.docComment(DocComments.lines(type.docs, source: type.source))
        writer.block(
            "nonisolated public struct \(type.name.swift): Swift.Codable, \(hashable)Swift.Sendable, "
                + "\(Runtime.validatable)"
        ) { w in
            for (name, swiftType, _) in members {
                w.line("public var \(name): \(swiftType)?")
            }
            w.line()
            w.memberwiseInit(members.map { ($0.0, "\($0.0): \($0.1)? = nil") })
            w.line()
            w.block("public init(from decoder: any Swift.Decoder) throws") { w in
                w.line("let container = try decoder.singleValueContainer()")
                // An object whose members that tell the members apart (`tellingMembers`) do not list
                // the value's is not this member, unless no member remains (Cat's `kind` for a dog):
                // those are kept aside in `unlisted`. Conditions name members through `self.`: a
                // member may be named like a local (`unlisted`, `container`).
                let telling = union.isRecursive ? [] : tellingMembers(members.map(\.2.type))
                let listing = members.map {
                    union.isRecursive || $0.2.type.isNullable
                        ? SwiftWriter() : listedValueChecks(of: $0.2.type, only: telling)
                }
                let checksListing = listing.contains { !$0.isEmpty }
                if checksListing { w.line("var unlisted = Self()") }
                for ((name, swiftType, item), checks) in zip(members, listing) {
                    w.line("self.\(name) = try? container.decode(\(swiftType).self)")
                    // An object that decodes without a key it requires (one it declares no
                    // property for) is not this member.
                    let presence = union.isRecursive || item.type.isNullable ? [] : presenceMembers(of: item.type)
                    if !presence.isEmpty {
                        w.line(
                            "if let member = self.\(name), \(presence.map { "member.\($0) == nil" }.joined(separator: " || ")) "
                                + "{ self.\(name) = nil }")
                    }
                    guard !checks.isEmpty else { continue }
                    w.block("if let value = self.\(name)") { w in
                        w.line("let path = \(Runtime.jsonPath).root")
                        w.line("var issues: [\(Runtime.validationIssue)] = []")
                        w.raw(checks)
                        w.line("if !issues.isEmpty { unlisted.\(name) = value; self.\(name) = nil }")
                    }
                }
                if checksListing {
                    w.line("if \(members.map { "self.\($0.0) == nil" }.joined(separator: ", ")) { self = unlisted }")
                }
                // Conditions, not one `&&` expression: the type checker takes time growing faster
                // than the operands for a long chain of them, and its time per condition is fixed.
                w.block("if \(members.map { "self.\($0.0) == nil" }.joined(separator: ", "))") { w in
                    w.line(
                        "throw Swift.DecodingError.dataCorruptedError(in: container, debugDescription: "
                            + "\(SwiftLiteral.string("The value matches none of \(type.name.swift)'s members.")))"
                    )
                }
            }
            w.line()
            // Present objects merge into one JSON object; failing that, the first present other value
            // is written. Never two values through one single-value container.
            w.block("public func encode(to encoder: any Swift.Encoder) throws") { w in
                let objects = members.filter { writesObject($0.2.type) }
                let others = members.filter { !writesObject($0.2.type) }
                // Objects that may be null: present but null, they are written as one null.
                let nullableObjects = objects.filter { $0.2.type.isNullable }
                if !objects.isEmpty {
                    // Each object itself: out of its box (a box writes what it holds through a
                    // single-value container) and out of its null. Several are merged deeply
                    // (`AnyOfCoding`): each is a view of one JSON object.
                    let values = objects.map { name, _, item -> String in
                        union.isRecursive
                            ? "self.\(name)?.value" : item.type.isNullable ? "self.\(name) ?? nil" : "self.\(name)"
                    }
                    w.line("let objects: [(any Swift.Encodable)?] = [\(values.joined(separator: ", "))]")
                    let call = "try \(Runtime.AnyOfCoding.encodeObjects)(objects, to: encoder)"
                    w.line(others.isEmpty && nullableObjects.isEmpty ? "_ = \(call)" : "if \(call) { return }")
                }
                // Through a single-value container, not `value.encode(to:)`: the JSON encoder writes a
                // date, a decimal, data, a URL or a UUID by its strategies only when it is handed one.
                for (name, _, _) in others {
                    w.block("if let value = self.\(name)") { w in
                        w.line("var container = encoder.singleValueContainer()")
                        w.line("try container.encode(value)")
                        w.line("return")
                    }
                }
                for (name, _, _) in nullableObjects {
                    w.block("if self.\(name) != nil") { w in
                        w.line("var container = encoder.singleValueContainer()")
                        w.line("try container.encodeNil()")
                        w.line("return")
                    }
                }
            }
            w.line()
            // Valid when one present member is (JSON Schema's anyOf): a value an open enum member keeps
            // as undocumented is still valid when another member accepts it. Only when none does are
            // the members' issues reported.
            w.block(Runtime.validationRequirement) { w in
                let checks = members.map { name, _, item -> (String, String) in
                    var body = SwiftWriter()
                    var counter = 0
                    let value = union.isRecursive ? "value.value" : "value"
                    emitValidation(
                        of: value, type: item.type, constraints: item.constraints, path: "path", into: &body,
                        counter: &counter)
                    return (name, body.text)
                }
                let checked = checks.filter { !$0.1.isEmpty }
                guard !checked.isEmpty else { return }
                if let unchecked = checks.first(where: { $0.1.isEmpty }) {
                    // A member with nothing to check is valid whenever it is present.
                    w.line("if self.\(unchecked.0) != nil { return }")
                }
                w.line("var failures: [\(Runtime.validationIssue)] = []")
                for (name, body) in checked {
                    w.block("if let value = self.\(name)") { w in
                        w.line("var issues: [\(Runtime.validationIssue)] = []")
                        w.raw(body)
                        w.line("if issues.isEmpty { return }")
                        w.line("failures += issues")
                    }
                }
                w.line("issues += failures")
            }
            emitNested(type, into: &w)
        }
    }
}
