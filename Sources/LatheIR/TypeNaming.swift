/// Every Swift type name lowering gives out, and the rules between them: a top-level name is
/// never also a nested one (it would be shadowed inside), a nested name never equals a member of
/// the type it is nested in or of the types around it, and an operation's nested names never
/// equal a top-level one. `Lowerer` asks; this decides. (`NameScope` is one scope's collisions.)
struct TypeNaming {
    private var topScope = NameScope(reserved: SwiftNames.reservedTypeNames)
    private(set) var topNames = Set<String>()
    /// Every nested type name given out, so no later top-level type takes one.
    private var nestedNames = Set<String>()
    private var nestedScopes: [IRTypeID: NameScope] = [:]
    /// Component responses that operations share: their struct names, by component name.
    private var sharedResponseNames: [String: String] = [:]
    private var sharedResponseScope = NameScope()
    private static let emptyNestedScope = NameScope(reserved: ["CodingKeys"])

    /// A top-level type's name.
    mutating func claimTopLevel(_ preferred: String) -> String {
        let nestedNames = self.nestedNames
        let name = topScope.claim(preferred) { nestedNames.contains($0) }
        topNames.insert(name)
        return name
    }

    /// A name nested in `parent`, whose chain of enclosing type names is `chain` and whose members
    /// are `members` (a nested type never takes a member's name: `2fa` → member `_2fa`; its inline
    /// type must differ): `alternate` is the second choice before numbering.
    mutating func claimNested(
        _ preferred: String, alternate: String?, in parent: IRTypeID, chain: [String], members: Set<String>
    ) -> String {
        let topNames = self.topNames
        let isTaken = { (candidate: String) in
            topNames.contains(candidate) || chain.contains(candidate) || members.contains(candidate)
        }
        let first =
            alternate.map {
                isTaken(preferred) || (nestedScopes[parent] ?? Self.emptyNestedScope).contains(preferred)
                    ? $0 : preferred
            } ?? preferred
        // Claimed in place: a copy of the scope per name made a type with n nested types cost n².
        let name = nestedScopes[parent, default: Self.emptyNestedScope].claim(first, avoiding: isTaken)
        nestedNames.insert(name)
        return name
    }

    /// A name in an operation's own scope (its `Input`, `Output`, response structs): never a
    /// top-level name, which would be shadowed inside.
    func claim(
        _ preferred: String, in scope: inout NameScope, avoiding others: (String) -> Bool = { _ in false }
    ) -> String {
        let topNames = self.topNames
        return scope.claim(preferred) { topNames.contains($0) || others($0) }
    }

    /// `claim`, for a name that other operations' nested names must also avoid.
    mutating func claimNestedInOperation(_ preferred: String, in scope: inout NameScope) -> String {
        let name = claim(preferred, in: &scope)
        nestedNames.insert(name)
        return name
    }

    /// The struct name of a shared component response (by its name in `components/responses`),
    /// the same each time it is asked.
    mutating func sharedResponseName(for component: String) -> String {
        if let known = sharedResponseNames[component] { return known }
        let topNames = self.topNames
        let claimed = sharedResponseScope.claim(SwiftNames.safeTypeName(component)) { topNames.contains($0) }
        sharedResponseNames[component] = claimed
        return claimed
    }
}
