import Foundation
import LatheGenerator
import Testing

/// Spec text never becomes code. `Tests/Fixtures/hostile/names.yaml` puts a declaration
/// (`func PWNED_…() {}`) behind a line break in every kind of name and text that reaches generated
/// Swift; the spec's own file name and an external `$ref`'s file name carry one too. The generated
/// module must compile, and its object files must declare no `PWNED_` symbol.
struct HostileNameTests {
    static let marker = "PWNED_"

    @Test func namesWithLineBreaksStayInsideCommentsAndLiterals() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lathe-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let specName = "api\nfunc PWNED_specFile() {}\n.yaml"
        try FileManager.default.copyItem(
            atPath: repositoryRoot + "/Tests/Fixtures/hostile/names.yaml",
            toPath: folder.appendingPathComponent(specName).path)
        try Data("Radius: {type: number, description: \"r\\nfunc PWNED_refTarget() {}\"}\n".utf8)
            .write(to: folder.appendingPathComponent("other\nfunc PWNED_refFile() {}\n.yaml"))

        let result = Generator.generate(path: folder.appendingPathComponent(specName).path, displayPath: specName)
        #expect(result.files.count > 1)
        let generated = result.files.map(\.contents).joined()
        // Every payload reaches the output (as escaped text), so the test tests each: a payload
        // whose operation was left out (a path that stopped being a valid template) tested nothing.
        // The info's title and description are not written into code. A header name with a line
        // break is no HTTP header name (`header-name-invalid`): its parameter and its response
        // header are left out, so no text of theirs reaches code.
        let fixture = try String(contentsOfFile: repositoryRoot + "/Tests/Fixtures/hostile/names.yaml", encoding: .utf8)
        let payloads = Set(
            fixture.split(separator: Self.marker).dropFirst().map { Self.marker + $0.prefix { $0.isLetter } })
        let unwritten: Set = [
            "PWNED_title", "PWNED_description", "PWNED_ls", "PWNED_cr", "PWNED_header", "PWNED_responseHeader",
        ]
        #expect(payloads.count > 20)
        #expect(payloads.subtracting(unwritten).filter { !generated.contains($0) }.sorted() == [])
        #expect(generated.contains("PWNED_refTarget") && generated.contains("PWNED_specFile"))
        #expect(!generated.contains("\r"))

        let (output, paths) = try writeToTemporaryFolder(result.files, label: "hostile")
        defer { try? FileManager.default.removeItem(at: output) }
        let symbols = try SwiftCompiler.objectSymbols(paths, in: output)
        #expect(symbols.status == 0, "\(symbols.output.prefix(4000))")
        let injected = Self.swiftSymbols(symbols.output).filter { $0.contains(Self.marker) }
        #expect(injected.isEmpty, "declared from spec text: \(injected)")
    }

    /// The check above can fail: a real `PWNED_` declaration shows up in the symbols.
    @Test func theSymbolCheckSeesADeclaration() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lathe-hostile-control-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let paths = [output.appendingPathComponent("Control.swift").path]
        try Data("public func \(Self.marker)control() {}\n".utf8).write(to: URL(fileURLWithPath: paths[0]))
        let symbols = try SwiftCompiler.objectSymbols(paths, in: output)
        #expect(symbols.status == 0, "\(symbols.output)")
        #expect(Self.swiftSymbols(symbols.output).contains { $0.contains(Self.marker + "control") })
    }

    /// The Swift declarations in `nm` output (mangled `$s…` names). String constants also appear, as
    /// `.L.str…` symbols named after their text, line breaks included; they are data, not code.
    static func swiftSymbols(_ nm: String) -> [String] {
        nm.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let name = fields.last, name.hasPrefix("$s") else { return nil }
            return String(name)
        }
    }
}

/// Valid specs that crashed Lathe or generated Swift that did not compile (`Tests/Fixtures/hostile/specs.yaml`):
/// properties whose items or values refer to themselves, a cycle through a `oneOf` member, an
/// empty request body, reserved and colliding names, a 10,000-character operationId.
struct HostileSpecTests {
    @Test func generatesCodeThatCompiles() throws {
        let spec = "Tests/Fixtures/hostile/specs.yaml"
        let result = Generator.generate(path: repositoryRoot + "/" + spec, displayPath: spec)
        #expect(!result.diagnostics.hasErrors)
        #expect(
            result.diagnostics.warningCounts == [
                "recursive-alias": 2, "request-body-without-content": 1, "bad-request-undocumented": 1,
            ])
        // No bidirectional control reaches the source raw, in a comment or a literal (Trojan Source).
        let bidi: Set<UInt32> = [
            0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
        ]
        #expect(!result.files.contains { $0.contents.unicodeScalars.contains { bidi.contains($0.value) } })
        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "hostile-specs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}

/// What the generating fuzzer (`scripts/fuzz-specs.py`) found: each document in `Fuzz/Specs/` once
/// crashed Lathe or generated Swift that did not compile. Each must now generate code that
/// typechecks with warnings as errors. They are compiled together, each in a namespace of its own;
/// one found with operations selected (`--select`) lists them in `x-lathe-fuzz-operations`.
struct FuzzSpecCompileTests {
    @Test func everyFoundDocumentCompiles() throws {
        let folder = repositoryRoot + "/Fuzz/Specs"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
            .sorted()
        #expect(names.count >= 5)
        var files: [GeneratedFile] = []
        for (index, name) in names.enumerated() {
            var options = GeneratorOptions()
            options.namespace = "Found\(index)"
            let document = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            options.operations = (document as? [String: Any])?["x-lathe-fuzz-operations"] as? [String] ?? []
            let result = Generator.generate(path: folder + "/" + name, displayPath: name, options: options)
            #expect(!result.diagnostics.hasErrors, "\(name): \(result.diagnostics.errors)")
            files += result.files.map { file in
                var renamed = file
                renamed.name = "Found\(index)_" + file.name
                return renamed
            }
        }
        let (output, paths) = try writeToTemporaryFolder(files, label: "fuzz-specs")
        defer { try? FileManager.default.removeItem(at: output) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}

/// What the review of the fuzz fixes found: a composite must still hold its alternatives when they
/// come from a 3.1 `$ref` beside `oneOf` (a reading of the schema's own node), an alias of a union,
/// or an object with required-only alternatives; and a value any JSON may take still allows null.
struct CompositeReadingTests {
    @Test func alternativesBesideAReferenceAndThroughAliasesAreComposed() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /p:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            pet: {$ref: '#/components/schemas/Base', oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]}
                            either: {allOf: [{$ref: '#/components/schemas/Alias'}, {type: object, properties: {n: {type: string}}}]}
                            anything: {$ref: '#/components/schemas/Any'}
                  responses: {'200': {description: ok}, '400': {description: bad}}
            components:
              schemas:
                Base: {type: object, properties: {name: {type: string}}}
                Cat: {type: object, properties: {meow: {type: boolean}}}
                Dog: {type: object, properties: {bark: {type: boolean}}}
                Alias: {$ref: '#/components/schemas/Pet'}
                Pet: {oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]}
                Any: {}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "composite.yaml")
        #expect(result.diagnostics.warningCounts["allof-not-objects"] == nil, "\(result.diagnostics.all)")
        let generated = result.files.map(\.contents).joined()
        #expect(generated.contains("CompositeCoding.encodeMerged"))
        // `anything` may be null: it is decoded without rejecting null.
        #expect(!generated.contains("forKey: .anything, rejectingNull"))
        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "composite")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}
