import LatheIR

/// JSON Schema's tuples (`prefixItems`) whose positions differ: a struct of one member a position,
/// read from and written to a JSON list in order, then the items after them.
extension TypeEmitter {
    func emitTuple(_ type: IRType, _ tuple: IRTuple, into writer: inout SwiftWriter) {
        let shapes = tuple.positions.map(positionShape)
        let restName = SwiftNames.escapedMember(tuple.restName)
        let rest = tuple.rest.map { "[\(spelling.type($0))]" }
        let undeclared = tuple.undeclaredItemsName.map(SwiftNames.escapedMember)
        writer.docComment(DocComments.lines(type.docs, source: type.source))
        writer.block(
            "nonisolated public struct \(type.name.swift): Swift.Codable, \(hashable)Swift.Sendable, "
                + "\(Runtime.validatable)"
        ) { w in
            for (index, shape) in shapes.enumerated() {
                if index > 0 { w.line() }
                emitProperty(shape, into: &w)
            }
            if let rest {
                w.line()
                w.docComment(["The items after the positions above (`items`)."])
                w.line("public var \(restName): \(rest)")
            }
            if let undeclared {
                w.line()
                w.docComment([
                    "Items a decoded list had after its positions, which the spec does not allow:",
                    "kept so `validate()` can report them, never encoded.",
                ])
                w.line("public private(set) var \(undeclared): [\(Runtime.jsonValue)] = []")
            }
            w.line()
            emitTupleInitializer(tuple, shapes, rest: rest.map { (restName, $0) }, into: &w)
            w.line()
            emitTupleDecoder(tuple, shapes, into: &w)
            w.line()
            emitTupleEncoder(tuple, shapes, into: &w)
            w.line()
            emitTupleValidation(tuple, shapes, into: &w)
            emitNested(type, into: &w)
        }
    }

    /// A position the list may end before is optional in Swift (`T?`) whether or not it may be
    /// null: absent at the end, null between values.
    private func positionShape(_ position: IRProperty) -> PropertyShape {
        guard !position.isRequired else { return shape(position) }
        var optional = position
        optional.isRequired = true
        if !optional.type.isNullable { optional.type = .nullable(optional.type) }
        return shape(optional)
    }

    private func emitTupleInitializer(
        _ tuple: IRTuple, _ shapes: [PropertyShape], rest: (name: String, type: String)?, into w: inout SwiftWriter
    ) {
        var parameters = shapes.enumerated().map { index, shape in
            "\(shape.publicName): \(shape.publicType)" + (index >= tuple.requiredCount ? " = nil" : "")
        }
        if let rest { parameters.append("\(rest.name): \(rest.type) = []") }
        w.docComment(["Creates a value from its positions; those a list may end before default to absent."])
        w.line("public init(")
        w.indented { w in
            for (index, parameter) in parameters.enumerated() {
                w.line(parameter + (index < parameters.count - 1 ? "," : ""))
            }
        }
        w.block(")") { w in
            for shape in shapes { w.line("self.\(shape.storedName) = \(box(shape, shape.publicName))") }
            if let rest { w.line("self.\(rest.name) = \(rest.name)") }
        }
    }

    private func emitTupleDecoder(_ tuple: IRTuple, _ shapes: [PropertyShape], into w: inout SwiftWriter) {
        w.block("public init(from decoder: any Swift.Decoder) throws") { w in
            w.line("var container = try decoder.unkeyedContainer()")
            let rejectsNull = tuple.positions.contains { !$0.isRequired && !$0.type.isNullable }
            if rejectsNull { w.line("let rejectsNull = \(Runtime.JSONCoding.rejectsNull)(decoder)") }
            for (position, shape) in zip(tuple.positions, shapes) {
                // A required position that may be null is there, null or not; one the list may end
                // before reads absent as nil, and null too unless a generated server reads a
                // position that may not be null (`JSONCoding.decoder(rejectingNull:)`).
                let call =
                    position.isRequired
                    ? "decode(\(shape.publicType).self)"
                    : "decodeIfPresent(\(shape.valueType).self"
                        + (position.type.isNullable ? ")" : ", rejectingNull: rejectsNull)")
                w.line("self.\(shape.storedName) = \(box(shape, "try container.\(call)"))")
            }
            let (member, element) =
                if let rest = tuple.rest {
                    (SwiftNames.escapedMember(tuple.restName), spelling.type(rest))
                } else {
                    (SwiftNames.escapedMember(tuple.undeclaredItemsName ?? "undeclaredItems"), Runtime.jsonValue)
                }
            w.line("var \(member): [\(element)] = []")
            w.line("while !container.isAtEnd { \(member).append(try container.decode(\(element).self)) }")
            w.line("self.\(member) = \(member)")
        }
    }

    private func emitTupleEncoder(_ tuple: IRTuple, _ shapes: [PropertyShape], into w: inout SwiftWriter) {
        let rest = tuple.rest.map { _ in SwiftNames.escapedMember(tuple.restName) }
        w.block("public func encode(to encoder: any Swift.Encoder) throws") { w in
            w.line("var container = encoder.unkeyedContainer()")
            for (index, shape) in shapes.enumerated() {
                let value = unbox(shape, "self.\(shape.storedName)")
                guard index >= tuple.requiredCount else {
                    w.line("try container.encode(\(value))")
                    continue
                }
                // The list ends before the first position that is absent with nothing set after it;
                // one absent between values is written null.
                var later = shapes[index...].map { "self.\($0.storedName) != nil" }
                if let rest { later.append("!self.\(rest).isEmpty") }
                w.block("if \(later.joined(separator: " || "))") { $0.line("try container.encode(\(value))") }
            }
            if let rest {
                w.block("for item in self.\(rest)") { $0.line("try container.encode(item)") }
            }
        }
    }

    private func emitTupleValidation(_ tuple: IRTuple, _ shapes: [PropertyShape], into w: inout SwiftWriter) {
        var body = SwiftWriter()
        var counter = 0
        let positions = shapes.count
        let rest = tuple.rest.map { _ in "self.\(SwiftNames.escapedMember(tuple.restName))" }
        // The list's length as it is written: up to the last position set (every one when items
        // follow), then the items after them.
        var written = String(tuple.requiredCount)
        for index in shapes.indices.dropFirst(tuple.requiredCount) {
            written = "self.\(shapes[index].storedName) != nil ? \(index + 1) : \(written)"
        }
        if tuple.requiredCount < positions {
            if let rest { written = "!\(rest).isEmpty ? \(positions) : \(written)" }
            written = "(\(written))"
        }
        var terms = [written]
        if let rest { terms.append("\(rest).count") }
        if let undeclared = tuple.undeclaredItemsName {
            terms.append("self.\(SwiftNames.escapedMember(undeclared)).count")
        }
        // Items the schema does not allow after the positions count against it as `maxItems` would.
        let maxItems =
            tuple.undeclaredItemsName == nil
            ? tuple.constraints.maxItems : min(tuple.constraints.maxItems ?? positions, positions)
        if tuple.constraints.minItems != nil || maxItems != nil {
            body.line(
                "\(Runtime.Check.count)(\(terms.joined(separator: " + ")), min: \(optional(tuple.constraints.minItems)), "
                    + "max: \(optional(maxItems)), of: \"items\", at: path, into: &issues)"
            )
        }
        // A position that may not be null, absent before one that is set (written null there).
        for index in shapes.indices.dropFirst(tuple.requiredCount) where !tuple.positions[index].type.isNullable {
            var later = shapes[(index + 1)...].map { "self.\($0.storedName) == nil" }
            if let rest { later.append("\(rest).isEmpty") }
            guard !later.isEmpty else { continue }
            body.line(
                "\(Runtime.Check.present)(self.\(shapes[index].storedName) != nil || (\(later.joined(separator: " && "))), "
                    + "at: path.index(\(index)), into: &issues)")
        }
        for (index, shape) in shapes.enumerated() {
            emitMemberValidation(shape, path: "path.index(\(index))", into: &body, counter: &counter)
        }
        if let rest = tuple.rest {
            var check = SwiftWriter()
            emitValidation(
                of: "item", type: rest, constraints: tuple.restConstraints, path: "path.index(\(positions) + index)",
                into: &check, counter: &counter)
            if !check.isEmpty {
                body.block("for (index, item) in self.\(SwiftNames.escapedMember(tuple.restName)).enumerated()") {
                    $0.raw(check)
                }
            }
        }
        w.validationRequirement(body)
    }
}
