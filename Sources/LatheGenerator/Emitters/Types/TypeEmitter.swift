import LatheIR

/// Emits the declaration of one top-level type, with its nested types inside it; those nested
/// deepest go in extensions at file scope (`emitDeclaredApart`).
struct TypeEmitter {
    let module: IRModule
    var spelling: TypeSpelling
    /// `Swift.Hashable, ` in a conformance list, or nothing (`GeneratorOptions.hashable`).
    let hashable: String

    init(module: IRModule, hashable: Bool = true) {
        self.module = module
        spelling = TypeSpelling(module: module)
        self.hashable = EmitterContext.hashable(hashable)
    }

    func emit(_ id: IRTypeID, into writer: inout SwiftWriter) {
        let type = module[id]
        switch type.kind {
        case .object(let object): emitObject(type, object, into: &writer)
        case .enumeration(let enumeration): emitEnumeration(type, enumeration, into: &writer)
        case .union(let union): emitUnion(type, union, into: &writer)
        case .anyOf(let union): emitAnyOf(type, union, into: &writer)
        case .tuple(let tuple): emitTuple(type, tuple, into: &writer)
        case .alias(let aliased, _):
            writer.docComment(DocComments.lines(type.docs, source: type.source))
            writer.line("public typealias \(type.name.swift) = \(spelling.type(aliased))")
        case .pending:
            break
        }
    }

    /// Nested types go at the end of their parent's body, but for those declared apart.
    func emitNested(_ type: IRType, into w: inout SwiftWriter) {
        for id in type.nested where !isDeclaredApart(id) {
            w.line()
            emit(id, into: &w)
        }
    }

    /// Whether `id` is declared in an extension of its parent at file scope rather than inside
    /// it: every `CompilerLimits.typesNestedInOneDeclaration` levels of nesting.
    func isDeclaredApart(_ id: IRTypeID) -> Bool {
        var depth = 0
        var parent = module[id].parent
        while let current = parent {
            depth += 1
            parent = module[current].parent
        }
        return depth > 0 && depth.isMultiple(of: CompilerLimits.typesNestedInOneDeclaration)
    }

    /// The extensions, at file scope, that declare the types below `root` declared apart;
    /// `qualifier` names the namespace the file's types are in (`Namespace.`), if any.
    func emitDeclaredApart(below root: IRTypeID, qualifier: String, into w: inout SwiftWriter) {
        // Outside the namespace, types are named through it.
        var emitter = self
        emitter.spelling.qualifier = qualifier
        var work = Array(module[root].nested.reversed())
        while let id = work.popLast() {
            work += module[id].nested.reversed()
            guard isDeclaredApart(id), let parent = module[id].parent else { continue }
            w.line()
            w.block("extension \(qualifier)\(module.qualifiedName(parent))") { w in emitter.emit(id, into: &w) }
        }
    }
}
