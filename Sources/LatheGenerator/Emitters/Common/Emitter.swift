import LatheIR

/// What every emitter shares: the module, where its declarations stand, and how types are spelled.
struct EmitterContext {
    let module: IRModule
    let namespace: String?
    /// `Namespace.` when there is one: extensions stand outside it and name generated types in full.
    let qualifier: String
    let spelling: TypeSpelling
    /// Whether generated values are `Hashable` (and so `Equatable`); `GeneratorOptions.hashable`.
    let isHashable: Bool

    /// `Swift.Hashable, ` at the start or middle of a conformance list when values are hashable.
    static func hashable(_ isHashable: Bool) -> String { isHashable ? "Swift.Hashable, " : "" }

    init(module: IRModule, namespace: String?, hashable: Bool = true) {
        self.module = module
        self.namespace = namespace
        isHashable = hashable
        qualifier = namespace.map { $0 + "." } ?? ""
        spelling = TypeSpelling(module: module, qualifier: qualifier)
    }
}

/// The base of the emitters: the context, and (in `Emitter+Operations`, `URIShape`,
/// `Emitter+Security`) what more than one of them spells, so no emitter calls another.
protocol Emitter {
    var context: EmitterContext { get }
}

extension Emitter {
    var module: IRModule { context.module }
    var spelling: TypeSpelling { context.spelling }
    var qualifier: String { context.qualifier }
    var namespace: String? { context.namespace }
    /// `Swift.Hashable, ` in a conformance list, or nothing (`GeneratorOptions.hashable`).
    var hashable: String { EmitterContext.hashable(context.isHashable) }
    /// `, Swift.Hashable` at the end of a conformance list, or nothing.
    var andHashable: String { context.isHashable ? ", Swift.Hashable" : "" }
}
