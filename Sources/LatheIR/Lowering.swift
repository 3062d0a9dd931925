import LatheDiagnostics
import LatheOpenAPI

/// Lowers a decoded document to the IR: decides every type, its name and its wire form.
public enum Lowering {
    /// `specName` is the spec as the user named it (for doc comments and file headers).
    public static func lower(
        _ document: OpenAPIDocument, specName: String
    ) -> (module: IRModule, diagnostics: Diagnostics) {
        lower(document, specName: specName, selection: OperationSelection())
    }

    /// Only the operations `selection` picks, with exactly the types they reach.
    public static func lower(
        _ document: OpenAPIDocument, specName: String, selection: OperationSelection
    ) -> (module: IRModule, diagnostics: Diagnostics) {
        let lowerer = Lowerer(document: document, specName: specName, selection: selection)
        var lowered: (module: IRModule, diagnostics: Diagnostics)? = lowerer.run()
        // A type several named schemas share (an enum property of an `allOf` base) is declared in
        // the first of them lowered, which is then kept as its parent, with everything it reaches,
        // even when the selected operations reach only another. Lowered again with the named
        // schemas they reach first (in document order among them), it is declared in one of those.
        guard !selection.selectsAll, lowerer.usesDeclarationsOfUnreached else { return lowered! }
        lowered = nil  // not held while the document is lowered again
        return Lowerer(document: document, specName: specName, selection: selection, firstBodies: lowerer.reached)
            .run()
    }
}

/// Where an inline schema's type would be declared, and what it would be called.
struct NameHint {
    /// The name to derive the Swift name from (a property name, `CancelInvoiceRequest`, …).
    var base: String
    /// The type to nest it in; `nil` for the top level.
    var parent: IRTypeID?
    /// Fill this already reserved type instead of creating one (a component schema's own type).
    var into: IRTypeID?
    /// A second choice before numbering, when `base` is taken (`LinesItem` when `Line` is).
    var alternate: String?

    func nested(_ base: String, in parent: IRTypeID) -> NameHint {
        NameHint(base: base, parent: parent, into: nil)
    }
}

/// The lowering of one document. Its tables and caches are `@exclusivity(unchecked)`: Swift checks
/// each access to a class's stored `var` at run time for another access overlapping it (about 200
/// instructions, 5% of lowering), because it cannot prove across the file that none does. Each is
/// read and written in place (a subscript, an insert, an append, a count), with no call back into
/// the lowerer while the access lasts, so none can (nor did one in the tests, run with the checks
/// before these were turned off).
final class Lowerer {
    let document: OpenAPIDocument
    let specName: String
    @exclusivity(unchecked) var diagnostics = Diagnostics()
    /// Where a media type range (`*/*`) was read as JSON, for one warning at the first.
    var rangesReadAsJSON = Set<Origin>()
    var firstRangeReadAsJSON: Origin?
    /// Form bodies whose `encoding` was read (each warns once, however many operations share it),
    /// and the `deepObject` members among them that hold lists or objects, for one warning.
    var formEncodingsRead = Set<Origin>()
    var deepObjectsNested: (first: Origin?, count: Int) = (nil, 0)
    /// Integers of arbitrary precision (`format: bigint`), for one warning at the first.
    var bigIntegers: (first: Origin?, seen: Set<Origin>) = (nil, [])
    /// Examples of date-times without a UTC offset, for one warning at the first.
    var dateTimesWithoutOffset: (first: (origin: Origin, text: String)?, seen: Set<Origin>) = (nil, [])
    /// What an enclosing object's examples show for an inline object schema below it (Personio's
    /// request example gives `attendances[0].comment` as null): read as the schema's own examples
    /// are, for `example-null`. Filled before the enclosing object's properties are lowered.
    var examplesFromEnclosing: [Origin: ObjectExamples] = [:]
    /// The text an object's examples show for an inline string property with a format a Foundation
    /// type reads (Mithril's `verification_key`, `format: byte`, shown as hexadecimal), read as the
    /// property's own examples are (`takingExamples`). Filled before the properties are lowered.
    var stringsFromEnclosing: [Origin: [ShownText]] = [:]
    /// The numbers an object's examples show for an inline integer or number property
    /// (Viaggiatreno's epoch milliseconds under `format: int32`), read as the property's own are for
    /// `format-too-narrow`. Filled before the properties are lowered.
    var numbersFromEnclosing: [Origin: [JSONNumber]] = [:]
    /// `access` of each `$ref` target asked about.
    @exclusivity(unchecked) var accessByTarget: [String: (readOnly: Bool, writeOnly: Bool)] = [:]
    @exclusivity(unchecked) var types: [IRType] = []
    var topLevel: [IRTypeID] = []
    /// Every type name given out, and the rules between them.
    var naming = TypeNaming()
    var responsesNamespace = "Responses"
    /// The Swift names operationIds give (method and type names alike, compared as `NameScope`
    /// compares): an operation named by its method and path never takes one of them, so an explicit
    /// operationId keeps its name whatever precedes it in the document or is selected.
    var operationIdNames = NameScope()
    /// For each method name an operationId gave as written, that operationId.
    var operationIdsByName: [String: String] = [:]
    /// Content declared where HTTP gives none (`content-on-no-content-status`), said once each.
    var noContentWarned = Set<Origin>()
    /// The object parts of each schema an `allOf` refers to (`nil`: not an object), by key.
    @exclusivity(unchecked) var objectPartsByKey: [String: ObjectParts?] = [:]
    /// `allowsNull`'s answers, by schema key.
    @exclusivity(unchecked) var nullVerdicts: [String: Bool] = [:]
    /// `isInReferenceCycle`'s answers, by schema key.
    @exclusivity(unchecked) var referenceCycleVerdicts: [String: Bool] = [:]
    /// `SwiftNames.memberName`'s answers: specs repeat property names (`id`, `created_at`), and
    /// making one costs thousands of instructions.
    @exclusivity(unchecked) private var swiftMemberNames: [String: String] = [:]
    /// Named schemas (components and other `$ref` targets) by canonical key.
    @exclusivity(unchecked) var schemaTypes: [String: IRTypeID] = [:]
    /// The document's first absolute server, the client's default when it takes no variables, and
    /// its first server as written (relative or not), which a client pointed elsewhere stands for:
    /// an operation's own server that is one of them is no override (`serverOverride`).
    lazy var documentServers: Set<String> = {
        // No `servers` is one, `/` (OpenAPI's default).
        let urls =
            document.servers.isEmpty
            ? [""]
            : document.servers.map {
                HTTPURL.withoutTrailingSlash(Self.resolvedURL($0).url)
            }
        return Set([urls.first, urls.first(where: HTTPURL.isAbsolute)].compactMap { $0 })
    }()
    /// Server entries whose warnings are said: a path's servers are read once for each operation.
    var serversReported = Set<Origin>()
    /// For each named type, the component schemas whose `allOf` refers to it, in document order:
    /// what a discriminator without `oneOf` stands for. Made at the first such discriminator, when
    /// every named schema has its type, so that a spec of many such bases is not quadratic.
    lazy var extendingComponents: [IRTypeID: [String]] = {
        var extending: [IRTypeID: [String]] = [:]
        for (_, candidate) in document.components.schemas {
            guard let schema = document.schema(forKey: candidate) else { continue }
            var bases = Set<IRTypeID>()
            for part in schema.allOf {
                if let key = part.ref?.targetKey, let base = schemaTypes[key], bases.insert(base).inserted {
                    extending[base, default: []].append(candidate)
                }
            }
        }
        return extending
    }()
    /// The schema each named type is lowered from (a component that only points elsewhere is
    /// lowered from what it points at).
    var bodies: [(id: IRTypeID, key: String)] = []
    /// How many named types there are: `reserveNamedSchemas` makes them first, so their indices
    /// are below it.
    private var namedTypeCount = 0
    /// Property defaults whose fit depends on a component not lowered yet: by the object's type and
    /// the property's Swift name (`settleDeferredDefaults`).
    @exclusivity(unchecked) var deferredDefaults:
        [(type: IRTypeID, property: String, valueType: IRValueType, reading: DefaultReading)] = []
    /// Objects with a composed member whose type was not lowered yet (`settleDeferredCompositions`).
    @exclusivity(unchecked) var deferredCompositions: [DeferredComposition] = []
    /// Value types that responses decode, for choosing `URL` only where it is safe.
    var responseRoots: [IRValueType] = []
    /// Schemas already warned about, so a schema lowered twice (merged into several `allOf`s) warns once.
    @exclusivity(unchecked) var warnedSchemas = Set<Origin>()
    /// How each discriminator is read (`undeclaredDiscriminator`), by its origin.
    var discriminatorReadings: [Origin: DiscriminatorReading] = [:]
    /// Names of header parameters named as a family (`Upstash-Forward-*`), lowercased: each said once.
    var warnedHeaderFamilies = Set<String>()
    var warnedFormTuples = Set<IRSource>()
    /// Named types whose schema allows `null`: every reference to them is nullable.
    @exclusivity(unchecked) var nullableTypes = Set<IRTypeID>()
    /// Schemas already lowered, by node, so a shared component response is lowered once: those
    /// whose answer lowering again might change (`lowerCached`).
    @exclusivity(unchecked) var loweredSchemas: [Origin: IRValueType] = [:]
    /// The constraints of those that have any, apart: most have none, and a dictionary of pairs
    /// held a quarter-kilobyte of empty constraints per schema.
    @exclusivity(unchecked) var loweredConstraints: [Origin: IRConstraints] = [:]
    /// Each response's headers, by the response's node (`lowerResponseContent`).
    @exclusivity(unchecked) var loweredResponseHeaders: [Origin: [IRResponseHeader]] = [:]
    /// One box for each distinct set of constraints: specs repeat the same few (`maxLength: 255`)
    /// on thousands of properties, and each would otherwise hold a box of its own.
    @exclusivity(unchecked) private var constraintPool = Set<IRConstraints>()
    /// Each referenced file's name in sources, by the path the loader read it by.
    @exclusivity(unchecked) private var documentNames: [String: String] = [:]
    /// What the sources under the nodes most recently asked about share (`source(_:)`).
    @exclusivity(unchecked) private var recentSourceStems: [(parent: Origin, stem: IRSource.Stem)] = []
    /// Schemas being lowered through `lowerCached`, with the type each has created so far: an
    /// `allOf` that merges in a component holding that very `allOf` reaches its node again.
    @exclusivity(unchecked) var schemasInProgress: [Origin: IRTypeID?] = [:]
    /// How often `lowerCached` met a schema in `schemasInProgress`: an answer that did is kept.
    @exclusivity(unchecked) var inProgressReaches = 0
    /// The member names of the object types whose properties are being lowered (`memberNames(of:)`).
    @exclusivity(unchecked) var membersBeingLowered: [IRTypeID: MemberNames] = [:]
    var operations: [IROperation] = []
    var webhooks: [IROperation] = []
    var securitySchemes = SecuritySchemes()
    /// Value types that requests carry (bodies and parameters of operations under `paths`).
    var requestRoots: [IRValueType] = []

    let selection: OperationSelection
    /// The named types whose schemas are lowered before the others (`Lowering.lower`): by index.
    let firstBodies: [Bool]
    /// After `run`: the types the operations reach (and, generating all of them, the components),
    /// by index, and whether a named one of those uses a type declared inside a top-level type
    /// they do not reach (`Passes.usesDeclarationsOfUnreached`).
    private(set) var reached: [Bool] = []
    private(set) var usesDeclarationsOfUnreached = false

    init(document: OpenAPIDocument, specName: String, selection: OperationSelection, firstBodies: [Bool] = []) {
        self.document = document
        self.selection = selection
        self.specName = specName
        self.firstBodies = firstBodies
    }

    /// RFC 3339 requires a date-time's offset, and the generated client refuses one without it;
    /// a spec whose examples leave it out describes a server that sends such values (Java's
    /// `LocalDateTime`, .NET's `DateTime`), which only the client can choose to read.
    private func reportDateTimesWithoutOffset() {
        guard let (origin, text) = dateTimesWithoutOffset.first else { return }
        let others = dateTimesWithoutOffset.seen.count - 1
        warning(
            "the example date-time '\(text)' has no UTC offset, which RFC 3339 requires"
                + (others == 0 ? "" : " (nor \(others == 1 ? "does 1 other example" : "do \(others) other examples"))")
                + "; if the server sends date-times so, a generated client fails to decode them unless its "
                + "ClientConfiguration.timeZoneForDateTimesWithoutOffset names the time zone they are in",
            at: origin, kind: "date-time-without-offset")
    }

    func run() -> (module: IRModule, diagnostics: Diagnostics) {
        reserveNamedSchemas()
        // `reserveNamedSchemas` numbers the named types the same way every time.
        func isFirst(_ id: IRTypeID) -> Bool { id.index < firstBodies.count && firstBodies[id.index] }
        for (id, key) in bodies where isFirst(id) {
            lowerNamedSchema(key: key, into: id)
        }
        for (id, key) in bodies where !isFirst(id) {
            lowerNamedSchema(key: key, into: id)
        }
        // Every component is lowered: what depended on one declared later is decided now, before
        // operations read the objects (a multipart body asks for their composed members); and again
        // after them, for a decision an operation's own schemas left (one of them still being lowered).
        settleDeferredCompositions()
        lowerOperations()
        if let first = firstRangeReadAsJSON {
            let count = rangesReadAsJSON.count
            warning(
                (count == 1 ? "a body's media type is a range" : "\(count) bodies' media types are ranges")
                    + " (`*/*`, `application/*`) whose schema is JSON's own (an object, a list, a number, a "
                    + "boolean, an enum); Lathe reads \(count == 1 ? "it" : "them") from JSON and sends "
                    + "\(count == 1 ? "it" : "them") as application/json",
                at: first, kind: "media-range-as-json")
        }
        if let first = bigIntegers.first {
            let count = bigIntegers.seen.count
            warning(
                (count == 1 ? "an integer's format is" : "\(count) integers' formats are")
                    + " 'bigint', of any size; Lathe generates Decimal, exact to 38 significant digits, past "
                    + "which a value decodes rounded",
                at: first, kind: "bigint-as-decimal")
        }
        if let first = deepObjectsNested.first {
            let count = deepObjectsNested.count
            warning(
                (count == 1 ? "a form member's style is" : "\(count) form members' styles are")
                    + " 'deepObject' on a list or an object holding lists or objects, which OpenAPI leaves "
                    + "undefined; Lathe writes nested members as name[key][inner]=… and list items as name[0]=…, "
                    + "as Stripe and the qs library do",
                at: first, kind: "deep-object-nested")
        }
        settleDeferredCompositions()
        settleDeferredDefaults()
        breakAliasCycles()
        dropCyclicAlternatives()
        reportDateTimesWithoutOffset()
        var module = IRModule(
            specName: specName, types: types, topLevel: topLevel, operations: operations,
            securitySchemes: securitySchemes.all, servers: lowerServers())
        module.webhooks = webhooks
        // The module is the only holder of its types from here: while the lowerer shared the arrays,
        // each pass that changed a type copied them (for Twilio, 0.8 MB at the peak of generating),
        // and the cache of lowered schemas is no longer needed.
        types = []
        operations = []
        webhooks = []
        loweredSchemas = [:]
        loweredConstraints = [:]
        loweredResponseHeaders = [:]
        constraintPool = []
        recentSourceStems = []
        schemasInProgress = [:]
        module.responsesNamespace = responsesNamespace
        Passes.boxCycles(in: &module)
        Passes.keepAlternativesStrict(in: &module)
        Passes.chooseURLs(in: &module, requestRoots: requestRoots, responseRoots: responseRoots)
        // After the URL choice, which rewrites aliases of URL to String.
        Passes.resolveAliases(in: &module)
        // Component schemas stay (users may use them directly) unless operations are selected:
        // then exactly what the selected operations reach is generated.
        let components = selection.selectsAll ? document.components.schemas.compactMap { schemaTypes[$0.key] } : []
        reached = Passes.pruneUnreachable(in: &module, roots: requestRoots + responseRoots, keep: components)
        usesDeclarationsOfUnreached =
            !selection.selectsAll
            && Passes.usesDeclarationsOfUnreached(namedCount: namedTypeCount, reached: reached, in: module)
        Passes.boxLargeValues(in: &module)
        // A schema lowered once for each place that merges it (an `allOf` base in each alternative)
        // would say the same thing at the same place each time.
        return (module, diagnostics.withoutRepeats)
    }

    // MARK: Types and names

    /// `constraints`, sharing the box of an equal set lowered before: only for ASCII text, which
    /// is the same bytes whenever it is equal (`IRConstraints.textIsASCII`).
    func pooled(_ constraints: IRConstraints) -> IRConstraints {
        guard !constraints.isEmpty, constraints.textIsASCII else { return constraints }
        return constraintPool.insert(constraints).memberAfterInsert
    }

    func source(_ origin: Origin) -> IRSource {
        let location = origin.location
        guard let (parent, token) = origin.pointerStep else {
            return IRSource(
                stem: IRSource.Stem(file: location.file, document: documentName(of: origin), pointer: ""), token: "",
                line: location.line, column: location.column)
        }
        // The sources under one node (an object's properties, an enum's cases) share its pointer.
        // They are made one after another, with at most the nesting of inline schemas between, so
        // the last few stems are kept rather than all of them. An overlay's nodes are located in
        // the overlay, so a stem is shared only within a file.
        if let recent = recentSourceStems.last(where: { $0.parent == parent && $0.stem.file == location.file }) {
            return IRSource(stem: recent.stem, token: token, line: location.line, column: location.column)
        }
        let stem = IRSource.Stem(file: location.file, document: documentName(of: origin), pointer: parent.pointer)
        if recentSourceStems.count == 8 { recentSourceStems.removeFirst() }
        recentSourceStems.append((parent, stem))
        return IRSource(stem: stem, token: token, line: location.line, column: location.column)
    }

    /// A referenced file by its path from the root document's folder, as a `$ref` names it: the
    /// path the loader read it by depends on the folder lathe ran in. Made once per file; empty
    /// for the root document.
    private func documentName(of origin: Origin) -> String {
        guard !origin.isInSameFile(as: document.origin) else { return "" }
        if let known = documentNames[origin.file] { return known }
        let name = Paths.relative(origin.file, from: Paths.directory(document.origin.file))
        documentNames[origin.file] = name
        return name
    }

    /// Creates a type, named from the hint: at the top level, or nested in `hint.parent`.
    func newType(_ hint: NameHint, origin: Origin, docs: IRDocs) -> IRTypeID {
        let id = IRTypeID(types.count)
        let preferred = SwiftNames.safeTypeName(hint.base)
        let swiftName: String
        if let parent = hint.parent {
            swiftName = naming.claimNested(
                preferred, alternate: hint.alternate.map(SwiftNames.safeTypeName), in: parent,
                chain: parentChainNames(of: parent), members: memberNames(of: parent))
            types[parent.index].nested.append(id)
        } else {
            swiftName = naming.claimTopLevel(preferred)
            topLevel.append(id)
        }
        types.append(
            IRType(
                id: id, name: IRName(original: hint.base, swift: swiftName), parent: hint.parent,
                source: source(origin),
                docs: docs, kind: .pending))
        if case .some(.none) = schemasInProgress[origin] { schemasInProgress[origin] = id }
        return id
    }

    /// The Swift member names of object type `id`: while its properties are lowered, the names set
    /// aside for them (so its nested types, named meanwhile, avoid them); after, its properties' and
    /// composed members'. Not kept for every type: a set per object type was a twentieth of the
    /// memory at the peak of generating a dense spec.
    func memberNames(of id: IRTypeID) -> Set<String> {
        if let known = membersBeingLowered[id] { return known.set }
        guard case .object(let object) = types[id.index].kind else { return [] }
        return Set(object.properties.map(\.name.swift) + object.composed.map(\.name.swift))
    }

    /// An object's member names while its properties are lowered. Most objects name no nested type
    /// meanwhile, so the set is made only when one does.
    final class MemberNames {
        private let names: [String]
        lazy var set = Set(names)
        init(_ names: [String]) { self.names = names }
    }

    /// The names of `id` and the types around it: a few, so a list (a set cost 3,400 instructions).
    private func parentChainNames(of id: IRTypeID) -> [String] {
        var names: [String] = []
        var current: IRTypeID? = id
        while let type = current {
            names.append(types[type.index].name.swift)
            current = types[type.index].parent
        }
        return names
    }

    /// What `type` is under the aliases it names (a `$ref` to `{type: string}` is a string), for
    /// choices that depend on the kind of value, which an alias does not change.
    func unaliased(_ type: IRValueType) -> IRValueType { unaliasedWithConstraints(type).type }

    /// `unaliased`, and the constraints the aliases on the way add (an outer one's winning).
    func unaliasedWithConstraints(_ type: IRValueType) -> (type: IRValueType, constraints: IRConstraints) {
        var current = type
        var constraints = IRConstraints()
        // Alias cycles are broken only after lowering: a bound, not a set of those seen, which
        // allocated for every parameter and header that names a type.
        for _ in 0 ..< 64 {
            guard case .named(let id) = current, case .alias(let aliased, let own) = types[id.index].kind else { break }
            if !own.isEmpty { constraints = own.overlaid(with: constraints) }
            current = aliased
        }
        return (current, constraints)
    }

    func warning(_ message: String, at origin: Origin, kind: String) {
        diagnostics.warning(message, at: origin, kind: kind)
    }

    /// A warning at what a lowered type or case was made from.
    func warning(_ message: String, at source: IRSource, kind: String) {
        diagnostics.append(
            Diagnostic(
                .warning, message, at: SpecLocation(file: source.file, line: source.line, column: source.column),
                pointer: source.pointer, kind: kind))
    }

    // MARK: Named schemas

    /// Every component schema gets a top-level type, in document order; then every other schema a
    /// `$ref` reaches (in another file, or deep in a path), in key order.
    private func reserveNamedSchemas() {
        let componentKeys = Set(document.components.schemas.map(\.key))
        for (name, key) in document.components.schemas {
            guard let schema = document.schema(forKey: key) else { continue }
            let id = newType(NameHint(base: name), origin: schema.origin, docs: docs(schema))
            schemaTypes[key] = id
            // `Pet: {$ref: 'models/pet.yaml'}`: the file's schema is the type `Pet`, not an alias of it.
            if schema.isPureReference, let target = schema.ref?.targetKey, !componentKeys.contains(target),
                schemaTypes[target] == nil, let targetSchema = document.schema(forKey: target)
            {
                schemaTypes[target] = id
                bodies.append((id, target))
                if types[id.index].docs.description == nil { types[id.index].docs = docs(targetSchema) }
            } else {
                bodies.append((id, key))
            }
        }
        // Sorted after filtering: most keys are components', named above.
        for key in document.schemaKeys.filter({ schemaTypes[$0] == nil }).sorted() {
            let schema = document.schema(forKey: key)!
            let id = newType(NameHint(base: Self.nameFromKey(key)), origin: schema.origin, docs: docs(schema))
            schemaTypes[key] = id
            bodies.append((id, key))
        }
        // Known before any body is lowered, so references lowered earlier are nullable too.
        for (id, key) in bodies where document.schema(forKey: key).map(allowsNull) ?? false {
            nullableTypes.insert(id)
        }
        namedTypeCount = types.count
    }

    /// `SwiftNames.memberName(text)`, made once for each text. Only ASCII text is kept: a `String`
    /// key matches any canonically equivalent one (`é` in one scalar or two), whose name keeps its
    /// own scalars and so is another identifier to Swift.
    func memberName(_ text: String) -> String {
        guard text.isAllASCII else { return SwiftNames.memberName(text) }
        if let known = swiftMemberNames[text] { return known }
        let name = SwiftNames.memberName(text)
        swiftMemberNames[text] = name
        return name
    }

    /// Whether a schema's values may be `null` (in any of the spellings), following `$ref`s.
    /// Every schema a chain of references passes shares the chain's answer, which is remembered,
    /// so a chain of 10,000 references is walked once, not once per link.
    func allowsNull(_ schema: Schema) -> Bool {
        var current = schema
        var seen = Set<String>()
        var passed: [String] = []
        var verdict = false
        while true {
            if current.types?.contains(.null) == true || current.enumValues?.contains(.null) == true
                || current.constValue == .null
                || (current.anyOf + current.oneOf).contains(where: Self.isNullOnly)
                || Self.hasNullBesideReference(current)
            {
                verdict = true
                break
            }
            guard current.isPureReference, let key = current.ref?.targetKey, seen.insert(key).inserted else { break }
            if let known = nullVerdicts[key] {
                verdict = known
                break
            }
            guard let next = document.schema(forKey: key) else { break }
            passed.append(key)
            current = next
        }
        for key in passed { nullVerdicts[key] = verdict }
        return verdict
    }

    /// `allOf: [$ref: Stamp, {type: [string, 'null']}]` (3.1's `{$ref: Stamp, type: [string,
    /// 'null']}` is read so): a member that only gives types, `null` among them, beside a reference,
    /// which lowering reads as nullable (`null-beside-reference`).
    static func hasNullBesideReference(_ schema: Schema) -> Bool {
        schema.allOf.contains { $0.ref != nil }
            && schema.allOf.contains { isTypesOnly($0) && $0.types?.contains(.null) == true }
    }

    /// A schema that gives types and nothing else (`{type: [string, 'null']}`): beside a reference
    /// in an `allOf`, it restates (or contradicts) the reference's type.
    static func isTypesOnly(_ member: Schema) -> Bool {
        guard member.ref == nil, member.types != nil else { return false }
        var withoutType = member
        withoutType.types = nil
        return hasNoStructure(withoutType)
    }

    /// `…/models/pet.yaml#` → `pet`; `…#/$defs/Owner` → `Owner`; generic last words are skipped.
    static func nameFromKey(_ key: String) -> String {
        let parts = key.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let generic: Set<String> = [
            "schema", "items", "properties", "content", "additionalProperties", "allOf", "anyOf", "oneOf", "$defs",
            "definitions", "components", "schemas",
        ]
        if parts.count == 2 {
            let tokens = parts[1].split(separator: "/").map { JSONPointer.unescape($0) ?? String($0) }
            if let meaningful = tokens.reversed().first(where: {
                !generic.contains($0) && Int($0) == nil && !$0.contains("/")
            }) {
                return meaningful
            }
        }
        let file = parts[0].split(separator: "/").last.map(String.init) ?? "Schema"
        return file.split(separator: ".").first.map(String.init) ?? file
    }

    private func lowerNamedSchema(key: String, into id: IRTypeID) {
        guard let schema = document.schema(forKey: key) else { return }
        let hint = NameHint(base: types[id.index].name.original, parent: nil, into: id)
        if isInReferenceCycle(key) {
            // `A: {$ref: B}`, `B: {$ref: A}` names no value (reported by the loader): any JSON value,
            // not `typealias A = B; typealias B = A`.
            types[id.index].kind = .alias(.primitive(.jsonValue), IRConstraints())
            return
        }
        let (valueType, constraints) = lower(schema, hint)
        // A schema that needed a type of its own was lowered straight into `id`; anything else
        // (a primitive, an array, a reference) becomes an alias. Nullability lives on the
        // references (`nullableTypes`), never in an alias, so no reference becomes `T??`.
        if case .pending = types[id.index].kind {
            types[id.index].kind = .alias(valueType.nonNull, constraints)
        }
    }

    /// An alias that contains itself only through arrays, maps and other aliases (`x: {type: array,
    /// items: {$ref: '#/…/x'}}`) has no Swift spelling (`typealias X = [X]` references itself), and
    /// walking it would never end: such an alias becomes any JSON value, with a warning. A cycle
    /// through a struct or an enum is fine (the passes box it).
    private func breakAliasCycles() {
        // Each alias leads to at most one other (through arrays, maps and nullables), so one walk
        // per chain, marking what it passed, finds every cycle in time linear in the aliases.
        var state: [Int: Bool] = [:]  // false: on the current walk; true: done
        for start in types.indices {
            guard case .alias = types[start].kind, state[start] == nil else { continue }
            var path: [Int] = []
            var current: Int? = start
            while let index = current, state[index] == nil {
                state[index] = false
                path.append(index)
                guard case .alias(let aliased, _) = types[index].kind else { break }
                current = aliasReached(by: aliased)
            }
            if let index = current, state[index] == false {
                // Back on this walk: `index` starts a cycle. Breaking it there breaks the cycle.
                types[index].kind = .alias(.primitive(.jsonValue), IRConstraints())
                warning(
                    "this schema contains itself only through arrays or maps, which Swift cannot spell; "
                        + "Lathe generates it as any JSON value",
                    at: types[index].source, kind: "recursive-alias")
            }
            for index in path { state[index] = true }
        }
    }

    /// Leaves out each alternative that leads back to its own union through aliases, the unions it
    /// reaches and the unions objects compose (`Dot: {$ref: Shape}` in `Shape`'s `oneOf`; `A: oneOf
    /// [B, …]` with `B: oneOf [A, …]`; `U: oneOf [C, …]` with `C: allOf [$ref: U, {…}]`): each is
    /// decoded from the same value, so decoding it would decode that union again, without end, on
    /// any value. A depth-first walk leaves out each alternative, or composed member, that closes a
    /// cycle; a union left with no alternative is any JSON value.
    private func dropCyclicAlternatives() {
        // What a type decodes from the same value as it: a union's alternatives, an object's
        // composed members.
        func parts(_ index: Int) -> [IRValueType]? {
            switch types[index].kind {
            case .union(let union), .anyOf(let union): union.cases.map(\.type)
            case .object(let object) where !object.composed.isEmpty: object.composed.map(\.type)
            default: nil
            }
        }
        func hasParts(_ index: Int) -> Bool {
            switch types[index].kind {
            case .union, .anyOf: true
            case .object(let object): !object.composed.isEmpty
            default: false
            }
        }
        func reached(by type: IRValueType) -> Int? {
            guard case .named(let id) = unaliased(type.nonNull).nonNull, hasParts(id.index) else { return nil }
            return id.index
        }
        enum State { case unseen, onPath, done }
        var state = [State](repeating: .unseen, count: types.count)
        for start in types.indices where state[start] == .unseen && hasParts(start) {
            // Explicit, not recursive: a chain of unions may be long. Each frame keeps its parts.
            var path: [(index: Int, parts: [IRValueType], next: Int, closing: [Int])] = [(start, parts(start)!, 0, [])]
            state[start] = .onPath
            while let (index, reachable, next, closing) = path.last {
                if next < reachable.count {
                    path[path.count - 1].next += 1
                    guard let target = reached(by: reachable[next]) else { continue }
                    switch state[target] {
                    case .onPath: path[path.count - 1].closing.append(next)
                    case .unseen:
                        state[target] = .onPath
                        path.append((target, parts(target)!, 0, []))
                    case .done: break
                    }
                    continue
                }
                path.removeLast()
                state[index] = .done
                if !closing.isEmpty { leaveOut(closing, of: index) }
            }
        }
    }

    /// Leaves out the alternatives (or composed members) at `positions` of the type at `index`,
    /// each with a warning.
    private func leaveOut(_ positions: [Int], of index: Int) {
        let ending = "decoding would read again without end; Lathe leaves it out"
        switch types[index].kind {
        case .union(var union), .anyOf(var union):
            let isAnyOf = if case .anyOf = types[index].kind { true } else { false }
            let keyword = isAnyOf ? "anyOf" : "oneOf"
            for position in positions {
                let alternative = union.cases[position]
                let isItself = unaliased(alternative.type.nonNull).nonNull == .named(IRTypeID(index))
                warning(
                    isItself
                        ? "this alternative is the \(keyword) itself, through references, which \(ending)"
                        : "this alternative leads back, through what it reaches, to this \(keyword), which \(ending)",
                    at: alternative.source, kind: "recursive-alias")
            }
            union.cases = union.cases.enumerated().filter { !positions.contains($0.offset) }.map(\.element)
            types[index].kind =
                union.cases.isEmpty
                ? .alias(.primitive(.jsonValue), IRConstraints()) : isAnyOf ? .anyOf(union) : .union(union)
        case .object(var object):
            for position in positions {
                let composed = unaliased(object.composed[position].type.nonNull).nonNull
                let name = if case .named(let id) = composed { types[id.index].name.original } else { "?" }
                warning(
                    "this object combines, through references, with '\(name)', which has it among its alternatives "
                        + "and which \(ending)",
                    at: types[index].source, kind: "recursive-alias")
            }
            object.composed = object.composed.enumerated().filter { !positions.contains($0.offset) }.map(\.element)
            types[index].kind = .object(object)
        default: break
        }
    }

    /// The alias `type` names through arrays, maps and nullables only, if any.
    private func aliasReached(by type: IRValueType) -> Int? {
        switch type {
        case .named(let id):
            if case .alias = types[id.index].kind { return id.index }
            return nil
        case .array(let element), .dictionary(let element), .nullable(let element):
            return aliasReached(by: element)
        case .primitive:
            return nil
        }
    }

    /// Whether following pure `$ref`s from the schema at `key` comes back to a schema already passed.
    /// Each chain is walked once for all the keys on it (`referenceCycleVerdicts`), so a chain of
    /// 10,000 references costs 10,000 steps, not 50 million.
    private func isInReferenceCycle(_ key: String) -> Bool {
        if let known = referenceCycleVerdicts[key] { return known }
        var path: [String] = []
        var onPath: Set<String> = []
        var current = key
        var verdict = false
        while true {
            if let known = referenceCycleVerdicts[current] {
                verdict = known
                break
            }
            guard let schema = document.schema(forKey: current), schema.isPureReference,
                let next = schema.ref?.targetKey
            else {
                break
            }
            guard onPath.insert(current).inserted else {
                verdict = true
                break
            }
            path.append(current)
            current = next
        }
        for passed in path { referenceCycleVerdicts[passed] = verdict }
        return referenceCycleVerdicts[key] ?? verdict
    }

    /// The type of a `$ref`: the named type of its target, or any JSON value when it could not be
    /// resolved (the loader has reported that already).
    func referencedType(_ reference: Reference) -> IRValueType {
        guard let key = reference.targetKey, let id = schemaTypes[key] else { return .primitive(.jsonValue) }
        return nullableTypes.contains(id) ? .nullable(.named(id)) : .named(id)
    }

    func docs(_ schema: Schema) -> IRDocs {
        IRDocs(
            title: schema.title, description: schema.description,
            examples: schema.exampleTexts(first: IRDocs.shownExamples, maxCharacters: IRDocs.shownExampleLength),
            isDeprecated: schema.deprecated
        )
    }
}
