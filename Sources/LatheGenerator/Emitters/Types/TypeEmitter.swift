import LatheIR

/// Emits the declaration of one top-level type, with its nested types inside it.
struct TypeEmitter {
    let module: IRModule
    let spelling: TypeSpelling
    /// `Swift.Hashable, ` in a conformance list, or nothing (`GeneratorOptions.hashable`).
    let hashable: String

    init(module: IRModule, hashable: Bool = true) {
        self.module = module
        spelling = TypeSpelling(module: module)
        self.hashable = EmitterContext.hashable(hashable)
    }

    func render(_ id: IRTypeID) -> String {
        var writer = SwiftWriter()
        emit(id, into: &writer)
        return writer.text
    }

    func emit(_ id: IRTypeID, into writer: inout SwiftWriter) {
        let type = module[id]
        switch type.kind {
        case .object(let object): emitObject(type, object, into: &writer)
        case .enumeration(let enumeration): emitEnumeration(type, enumeration, into: &writer)
        case .union(let union): emitUnion(type, union, into: &writer)
        case .anyOf(let union): emitAnyOf(type, union, into: &writer)
        case .alias(let aliased, _):
            writer.docComment(DocComments.lines(type.docs, source: type.source))
            writer.line("public typealias \(type.name.swift) = \(spelling.type(aliased))")
        case .pending:
            break
        }
    }

    /// Nested types go at the end of their parent's body.
    func emitNested(_ type: IRType, into w: inout SwiftWriter) {
        for id in type.nested {
            w.line()
            emit(id, into: &w)
        }
    }
}
