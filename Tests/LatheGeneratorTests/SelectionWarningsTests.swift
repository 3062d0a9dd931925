import Foundation
import LatheDiagnostics
import LatheGenerator
import Testing

/// With operations selected, warnings about parts of the description they do not use (another
/// operation, components nothing selected refers to) are left out, and one note says how many;
/// warnings about what they reach, however indirectly, and about the document as a whole stay.
struct SelectionWarningsTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: T, version: '1', colour: blue}
        paths:
          /used/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}, shade: dark}
            get:
              operationId: getUsed
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Used'}}}}
                '400': {$ref: '#/components/responses/Bad'}
              callbacks:
                done:
                  '{$request.query.url}':
                    post:
                      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/CallbackBody'}}}}
                      responses: {'200': {description: ok}}
          /other:
            get:
              operationId: getOther
              summry: typo
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Unused'}}}}
        components:
          parameters:
            Spare: {name: spare, in: query, schema: {type: string}, tint: x}
          responses:
            Bad:
              description: bad
              headers:
                X-Reason: {schema: {type: string, minn: 1}}
              content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}
            Spare:
              description: spare
              content: {application/json: {schema: {type: object, maxx: 2}}}
          schemas:
            Base: {type: object, required: [missing], properties: {id: {type: string}}}
            Used:
              allOf:
                - $ref: '#/components/schemas/Base'
                - {type: object, properties: {pet: {$ref: '#/components/schemas/Pet'}}}
            Pet:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
              discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog'}}
            Cat: {type: object, required: [kind], properties: {kind: {type: string}, lives: {type: integer, maxim: 9}}}
            Dog: {type: object, required: [kind], properties: {kind: {type: string}}}
            Problem: {type: object, properties: {title: {type: string, lenght: 3}}}
            CallbackBody: {type: object, properties: {ok: {type: boolean, defualt: true}}}
            Unused: {type: object, properties: {x: {type: string, patern: a}}}
        """

    func generate(_ selectors: [String]) -> Diagnostics {
        generate(Self.spec, selecting: selectors)
    }

    /// The diagnostics of generating `spec` (named `spec.yaml`) with `selectors` picking operations.
    func generate(
        _ spec: String, selecting selectors: [String], modes: Set<GeneratorOptions.Mode>? = nil
    )
        -> Diagnostics
    {
        var options = GeneratorOptions()
        options.operations = selectors
        if let modes { options.modes = modes }
        return Generator.generate(bytes: Array(spec.utf8), path: "spec.yaml", options: options).diagnostics
    }

    /// Each warning's kind and the word it is about, as `kind:word`.
    func warnings(_ diagnostics: Diagnostics) -> Set<String> {
        Set(
            diagnostics.warnings.map { warning in
                let word = warning.message.split(separator: "'").dropFirst().first.map(String.init) ?? warning.message
                return "\(warning.kind ?? ""):\(word)"
            })
    }

    @Test func warningsAboutWhatTheSelectionDoesNotUseAreLeftOutWithANote() throws {
        let whole = warnings(generate([]))
        let selected = generate(["getUsed"])
        let kept = warnings(selected)
        // Reached through the path item's parameters, a component response's header and schema,
        // an `allOf` base, a discriminator's alternatives and a callback; and the Info object.
        #expect(
            kept == [
                "unknown-field:colour", "unknown-field:shade", "unknown-keyword:minn", "required-undefined:missing",
                "unknown-keyword:maxim", "unknown-keyword:lenght", "unknown-keyword:defualt",
                // The selected operation's callback, whose receiver is generated.
                "bad-request-undocumented:POST done",
            ], "\(kept)")
        // Another operation's, an unused parameter's, response's and schema's.
        #expect(
            whole.subtracting(kept)
                == [
                    "unknown-field:summry", "unknown-field:tint", "unknown-keyword:maxx", "unknown-keyword:patern",
                ],
            "\(whole.subtracting(kept))")
        let note = try #require(selected.all.first)
        #expect(note.severity == .note)
        #expect(note.message.hasPrefix("4 warnings about parts of the description the selected operations do not use"))
    }

    /// Selecting both operations leaves out only the components neither uses.
    @Test func whatEitherOperationUsesStays() throws {
        let diagnostics = generate(["getOther", "getUsed"])
        let kept = warnings(diagnostics)
        #expect(kept.isSuperset(of: ["unknown-field:summry", "unknown-keyword:patern", "unknown-keyword:minn"]))
        #expect(kept.isDisjoint(with: ["unknown-field:tint", "unknown-keyword:maxx"]), "\(kept)")
        #expect(try #require(diagnostics.all.first).message.hasPrefix("2 warnings about parts"))
    }

    /// A component the selection refers to that decodes to nothing (a parameter without a name, a
    /// request body without content, each left out with a warning) keeps its warning; another
    /// operation's additional method's does not.
    @Test func warningsAboutAComponentThatDecodesToNothingStay() {
        let spec = """
            openapi: 3.2.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  operationId: a
                  parameters: [{$ref: '#/components/parameters/Whole'}]
                  requestBody: {$ref: '#/components/requestBodies/Empty'}
                  responses: {'204': {description: ok}}
                additionalOperations:
                  COPY: {operationId: copy, summry: typo, responses: {'204': {description: ok}}}
            components:
              parameters:
                Whole: {in: query, schema: {type: string}}
              requestBodies:
                Empty: {description: no content}
            """
        let kinds = { (selectors: [String]) in generate(spec, selecting: selectors).warnings.compactMap(\.kind) }
        #expect(kinds(["a"]) == ["missing-field", "missing-field"])
        #expect(kinds(["copy"]) == ["unknown-field"])
    }

    /// No note when nothing is left out.
    @Test func noNoteWhenNothingIsLeftOut() {
        let spec = Self.spec.replacingOccurrences(of: "summry: typo", with: "summary: fine")
            .replacingOccurrences(of: ", tint: x", with: "").replacingOccurrences(of: ", maxx: 2", with: "")
            .replacingOccurrences(of: ", patern: a", with: "")
        let diagnostics = generate(spec, selecting: ["getUsed"])
        #expect(!diagnostics.all.contains { $0.severity == .note }, "\(diagnostics.all)")
        #expect(diagnostics.warnings.count == 8)
    }

    /// On the corpus, with the first, middle and last operations selected: no warning left out is
    /// located inside a type or operation that is generated.
    @Test(
        .enabled(if: CodeVolumeTests.corpusIsHere, "../shared/corpus is not beside this checkout"),
        arguments: (try? FileManager.default.contentsOfDirectory(atPath: CorpusCompileTests.corpus))?
            .filter { !$0.hasSuffix(".md") }.sorted() ?? [])
    func noWarningLeftOutIsAboutGeneratedCode(spec: String) throws {
        let path = CorpusCompileTests.corpus + "/" + spec
        let whole = Generator.generate(path: path, displayPath: spec)
        let operations = try #require(whole.module).operations.map(\.operationID)
        var options = GeneratorOptions()
        options.operations = [operations[0], operations[operations.count / 2], operations[operations.count - 1]]
        let selected = Generator.generate(path: path, displayPath: spec, options: options)
        let module = try #require(selected.module)
        let key = { (diagnostic: Diagnostic) in "\(diagnostic.location.map(\.description) ?? "") \(diagnostic.message)"
        }
        let kept = Set(selected.diagnostics.warnings.map(key))
        // The one warning about the operations generated together names them, so its text differs.
        let leftOut = whole.diagnostics.warnings.filter {
            !kept.contains(key($0)) && $0.kind != "bad-request-undocumented"
        }
        // The top-level types generated, and the types declared in them.
        var declared = module.topLevel
        var index = 0
        while index < declared.count {
            declared += module[declared[index]].nested
            index += 1
        }
        let generated = declared.map { module[$0].source } + module.operations.map(\.source)
        for warning in leftOut {
            let pointer = try #require(warning.pointer)
            let inside = generated.filter {
                $0.file == warning.location?.file && (pointer == $0.pointer || pointer.hasPrefix($0.pointer + "/"))
            }
            #expect(inside.isEmpty, "\(warning) is inside \(inside.map(\.pointer))")
        }
        // What the note counts was left out of this run's warnings; an unselected operation's own
        // (`multipart-untyped`) is not even made, so `leftOut` may hold more.
        let note = selected.diagnostics.all.first { $0.severity == .note }
        let counted = note.flatMap { Int($0.message.prefix { $0.isNumber }) } ?? 0
        #expect(counted <= leftOut.count, "\(String(describing: note))")
        #expect(counted > 0 || leftOut.allSatisfy { $0.kind == "multipart-untyped" }, "\(leftOut)")
    }

    /// Subtypes that extend a discriminator's base through `allOf` (its alternatives), a schema
    /// reached only through a discriminator's mapping, a path item's own servers, and the path of
    /// an operation in a `$ref`'d path item: each reached, so its warnings stay.
    static let reachedIndirectly = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        servers: [{url: 'https://api.example.com'}]
        paths:
          /pets:
            servers: [{url: 'api.example.com/v2'}]
            get:
              operationId: listPets
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
          items/{id}: {$ref: '#/components/pathItems/Item'}
          /owners:
            get:
              operationId: listOwners
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Owner'}}}}
          /unused:
            servers: [{url: 'api.example.com/v3'}]
            get: {operationId: getUnused, summry: typo, responses: {'200': {description: ok}}}
        components:
          pathItems:
            Item:
              get:
                operationId: getItem
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                responses: {'200': {description: ok}}
          schemas:
            Pet: {type: object, discriminator: {propertyName: kind}, required: [kind], properties: {kind: {type: string}}}
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - {type: object, properties: {lives: {type: integer, maxim: 9}}}
            Owner: {type: object, properties: {pet: {$ref: '#/components/schemas/Mapped'}}}
            Mapped:
              type: object
              required: [kind]
              properties: {kind: {type: string}}
              discriminator: {propertyName: kind, mapping: {dog: '#/components/schemas/Dog'}}
            Dog: {type: object, properties: {kind: {type: string}, bark: {type: string, lenght: 2}}}
        """

    @Test(arguments: [
        ("listPets", ["server-url-no-scheme:api.example.com/v2", "unknown-keyword:maxim"]),
        ("getItem", ["path-not-absolute:items/{id}", "bad-request-undocumented:getItem"]),
        ("listOwners", ["unknown-keyword:lenght"]),
    ])
    func warningsAboutWhatIsReachedIndirectlyStay(operation: String, expected: [String]) {
        let diagnostics = generate(Self.reachedIndirectly, selecting: [operation])
        #expect(warnings(diagnostics) == Set(expected))
        // Three of the others are about what the operation does not use; the rest (undocumented
        // 400s, a path read as absolute) are made only for operations generated.
        #expect(diagnostics.all.first?.message.hasPrefix("3 warnings about parts") == true)
    }

    /// A note belongs to the finding before it and goes with it, unless it has no pointer: then it is
    /// about the run ("too many diagnostics"), and stays.
    @Test func aNoteAboutTheRunStaysWhenTheFindingBeforeItIsLeftOut() {
        let at = SpecLocation(file: "spec.yaml", line: 1, column: 1)
        let diagnostics = Diagnostics([
            Diagnostic(.warning, "kept", at: at, pointer: "/a"),
            Diagnostic(.note, "about kept", at: at, pointer: "/a"),
            Diagnostic(.warning, "left", at: at, pointer: "/b"),
            Diagnostic(.note, "about left", at: at, pointer: "/b"),
            Diagnostic(.note, "too many diagnostics", at: at),
        ])
        let kept = diagnostics.mapFindings { $0.message == "left" ? nil : $0 }.all.map(\.message)
        #expect(kept == ["kept", "about kept", "too many diagnostics"])
    }

    /// A node a merge key or an alias brings into a used schema from an unused one keeps the
    /// pointer of the place it was first written: its warnings still concern the used schema.
    @Test func aWarningAboutAnAliasedNodeStays() {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /used:
                get:
                  operationId: getUsed
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Used'}}}}
            components:
              schemas:
                Other: {type: object, properties: {count: &count {type: integer, default: many}, name: {type: string, patern: a}}}
                Used: {type: object, properties: {count: {<<: *count, description: n}}}
            """
        let diagnostics = generate(spec, selecting: ["getUsed"])
        let kept = warnings(diagnostics)
        #expect(kept.contains { $0.hasPrefix("default-does-not-fit:") }, "\(diagnostics.all)")
        #expect(!kept.contains("unknown-keyword:patern"), "\(kept)")
    }

    /// A discriminator's base that is a component pointing at another file (`Pet: {$ref:
    /// pet.yaml}`) still brings the components that extend it.
    @Test func subtypesOfABaseInAnotherFileAreReached() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lathe-selection-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
        components:
          schemas:
            Pet: {$ref: 'pet.yaml'}
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - {type: object, properties: {lives: {type: integer, maxim: 9}}}
        """.write(to: folder.appendingPathComponent("api.yaml"), atomically: true, encoding: .utf8)
        try "{type: object, discriminator: {propertyName: kind}, required: [kind], properties: {kind: {type: string}}}"
            .write(to: folder.appendingPathComponent("pet.yaml"), atomically: true, encoding: .utf8)
        var options = GeneratorOptions()
        options.operations = ["listPets"]
        let result = Generator.generate(path: folder.appendingPathComponent("api.yaml").path, options: options)
        #expect(warnings(result.diagnostics).contains("unknown-keyword:maxim"), "\(result.diagnostics.all)")
        #expect(try #require(result.module).topLevel.contains { result.module?[$0].name.swift == "Cat" })
    }

    /// A chain of thousands of components, each referring to the next, is followed without
    /// recursing once per link (which would exhaust a thread's stack).
    @Test func aLongChainOfComponentsIsFollowedToItsEnd() {
        let count = 4000
        var spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /first:
                get:
                  operationId: getFirst
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/C0'}}}}
            components:
              schemas:

            """
        for index in 0 ..< count - 1 {
            spec += "    C\(index): {type: object, properties: {next: {$ref: '#/components/schemas/C\(index + 1)'}}}\n"
        }
        spec += "    C\(count - 1): {type: object, properties: {x: {type: string, patern: a}}}\n"
        spec += "    Unused: {type: object, properties: {x: {type: string, lenght: 2}}}\n"
        let diagnostics = generate(spec, selecting: ["getFirst"], modes: [.types])
        #expect(warnings(diagnostics) == ["unknown-keyword:patern"], "\(diagnostics.all.prefix(5))")
    }
}
