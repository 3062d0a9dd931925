import LatheIR

/// JSON Schema's tuples (`prefixItems`) whose positions differ: a struct of one member a position,
/// read from and written to a JSON list in order, then the items after them.
extension TypeEmitter {
    /// The member that holds a list's items after its positions, named and typed once.
    private struct TrailingItems {
        /// Escaped for Swift.
        var name: String
        var element: String
        /// The items `items` types (`rest`), encoded; otherwise those the schema does not allow,
        /// kept for `validate()` and never encoded.
        var isRest: Bool
    }

    /// A tuple has a rest exactly when the schema allows items after its positions, and a member
    /// for undeclared items otherwise (`lowerTuple`).
    private func trailingItems(_ tuple: IRTuple) -> TrailingItems {
        if let rest = tuple.rest {
            return TrailingItems(
                name: SwiftNames.escapedMember(tuple.restName), element: spelling.type(rest), isRest: true)
        }
        return TrailingItems(
            name: SwiftNames.escapedMember(tuple.undeclaredItemsName ?? "undeclaredItems"),
            element: Runtime.jsonValue, isRest: false)
    }

    func emitTuple(_ type: IRType, _ tuple: IRTuple, into writer: inout SwiftWriter) {
        let shapes = tuple.positions.map(positionShape)
        let trailing = trailingItems(tuple)
        writer.docComment(DocComments.lines(type.docs, source: type.source))
        writer.block(
            "nonisolated public struct \(type.name.swift): Swift.Codable, \(hashable)Swift.Sendable, "
                + "\(Runtime.validatable)"
        ) { w in
            for (index, shape) in shapes.enumerated() {
                if index > 0 { w.line() }
                emitProperty(shape, into: &w)
            }
            w.line()
            if trailing.isRest {
                w.docComment(["The items after the positions above (`items`)."])
                w.line("public var \(trailing.name): [\(trailing.element)]")
            } else {
                w.docComment([
                    "Items a decoded list had after its positions, which the spec does not allow:",
                    "kept so `validate()` can report them, never encoded.",
                ])
                w.line("public private(set) var \(trailing.name): [\(trailing.element)] = []")
            }
            w.line()
            emitTupleInitializer(tuple, shapes, trailing, into: &w)
            w.line()
            emitTupleDecoder(tuple, shapes, trailing, into: &w)
            w.line()
            emitTupleEncoder(tuple, shapes, trailing, into: &w)
            w.line()
            emitTupleValidation(tuple, shapes, trailing, into: &w)
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
        _ tuple: IRTuple, _ shapes: [PropertyShape], _ trailing: TrailingItems, into w: inout SwiftWriter
    ) {
        let rest = trailing.isRest ? trailing : nil
        var parameters = shapes.enumerated().map { index, shape in
            "\(shape.publicName): \(shape.publicType)" + (index >= tuple.requiredCount ? " = nil" : "")
        }
        if let rest { parameters.append("\(rest.name): [\(rest.element)] = []") }
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

    private func emitTupleDecoder(
        _ tuple: IRTuple, _ shapes: [PropertyShape], _ trailing: TrailingItems, into w: inout SwiftWriter
    ) {
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
            let (member, element) = (trailing.name, trailing.element)
            w.line("var \(member): [\(element)] = []")
            w.line("while !container.isAtEnd { \(member).append(try container.decode(\(element).self)) }")
            w.line("self.\(member) = \(member)")
        }
    }

    private func emitTupleEncoder(
        _ tuple: IRTuple, _ shapes: [PropertyShape], _ trailing: TrailingItems, into w: inout SwiftWriter
    ) {
        let rest = trailing.isRest ? trailing.name : nil
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

    private func emitTupleValidation(
        _ tuple: IRTuple, _ shapes: [PropertyShape], _ trailing: TrailingItems, into w: inout SwiftWriter
    ) {
        var body = SwiftWriter()
        var counter = 0
        let positions = shapes.count
        let rest = trailing.isRest ? "self.\(trailing.name)" : nil
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
        // The items after the positions, and those the schema does not allow there, which count
        // against it as `maxItems` would.
        let terms = [written, "self.\(trailing.name).count"]
        let maxItems =
            trailing.isRest
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
        if let restType = tuple.rest, let rest {
            var check = SwiftWriter()
            emitValidation(
                of: "item", type: restType, constraints: tuple.restConstraints,
                path: "path.index(\(positions) + index)", into: &check, counter: &counter)
            if !check.isEmpty {
                body.block("for (index, item) in \(rest).enumerated()") { $0.raw(check) }
            }
        }
        w.validationRequirement(body)
    }
}
