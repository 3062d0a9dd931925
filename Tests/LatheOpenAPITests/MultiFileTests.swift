import Foundation
import LatheOpenAPI
import Testing

/// Refs across files: relative to the file that holds them, each file read once.
struct MultiFileTests {
    /// A `$ref` written with Windows' `\\` (Kartverket's `paths\\datasets.yaml`) reaches the file
    /// its `/` would, with an error whose reading says so; read as a name, it reached nothing.
    @Test func backslashesInAReferenceAreSlashes() throws {
        let result = OpenAPILoader.load(path: fixtures + "/backslash/api.yaml")
        #expect(
            printed(result) == [
                #"backslash/api.yaml:6:11: error: 'paths\datasets.yaml' separates its path with \, as Windows does; "#
                    + "a URI reference separates it with / [ref-backslash]"
            ])
        let document = try #require(result.document)
        #expect(document.operations.map(\.operationId) == ["listDatasets"])
    }

    @Test func refsAcrossThreeFilesInTwoFolders() throws {
        let result = OpenAPILoader.load(path: fixtures + "/multi-file/api.yaml")
        #expect(printed(result) == [])
        let document = try #require(result.document)
        #expect(
            result.files.map(\.path) == [
                fixtures + "/multi-file/api.yaml",
                fixtures + "/multi-file/shared/common.yaml",
                fixtures + "/multi-file/models/pet.yaml",
                fixtures + "/multi-file/models/odd name.yaml",
            ])

        // The path-level parameter comes from shared/common.yaml.
        let item = try #require(document.paths.first?.item)
        let petId = try #require(item.parameters.first.flatMap(document.store.parameter))
        #expect(petId.name == "petId" && petId.location == .path)

        // components/schemas/Pet is a ref to the whole of models/pet.yaml.
        let petKey = try #require(document.components.schemas.first { $0.name == "Pet" }?.key)
        let petRef = try #require(document.store.schemas[petKey]?.ref)
        let pet = try #require(document.store.schema(petRef))
        #expect(pet.properties.map(\.name) == ["id", "name", "owner", "tags", "parent", "badge"])

        // Back to the root from models/, and on to a percent-encoded file name with a merge key in it.
        let badgeRef = try #require(pet.properties[5].schema.ref)
        #expect(badgeRef.targetKey == fixtures + "/multi-file/api.yaml#/components/schemas/Badge")
        let badge = try #require(document.store.schema(badgeRef))
        #expect(badge.description == "A badge, shaped like the base.")
        #expect(badge.properties.map(\.name) == ["id"])
        #expect(pet.node.tree.path.hasSuffix("models/pet.yaml"))

        // models/pet.yaml refers to ../shared/common.yaml relative to itself.
        let tagsItems = try #require(pet.properties[3].schema.items?.value.ref)
        #expect(tagsItems.targetKey == fixtures + "/multi-file/shared/common.yaml#/components/schemas/Tag")
        #expect(document.store.schema(tagsItems)?.enumValues == [.string("cute"), .string("fluffy")])

        // `pet.yaml` from inside models/ is the same file, and `#` inside it is its own root: recursion is fine.
        #expect(pet.properties[4].schema.ref?.targetKey == fixtures + "/multi-file/models/pet.yaml#")
        let ownerRef = try #require(pet.properties[2].schema.ref)
        let owner = try #require(document.store.schema(ownerRef))
        #expect(owner.properties.map(\.name) == ["name", "pets"])
        #expect(owner.properties[1].schema.items?.value.ref?.targetKey == fixtures + "/multi-file/models/pet.yaml#")

        // The 404 response, and the schema it refers to inside its own file.
        let operation = try #require(document.operations.first)
        let notFound = try #require(operation.responses.last.flatMap { document.store.response($0.response) })
        #expect(notFound.content.first?.contentType == "application/problem+json")
        #expect(
            notFound.content.first?.schema?.ref?.targetKey == fixtures
                + "/multi-file/shared/common.yaml#/components/schemas/Problem")
    }

    @Test func refsLeavingTheRootFolderAreRefusedUnlessAllowed() {
        let path = fixtures + "/escape/spec/api.yaml"
        #expect(
            printed(OpenAPILoader.load(path: path)) == [
                "escape/spec/api.yaml:6:13: error: '../outside.yaml' leads outside the folder of the root spec "
                    + "(to escape/outside.yaml); pass --allow-refs-outside-root to allow it [ref-outside-root]"
            ])
        let allowed = OpenAPILoader.load(path: path, options: LoadOptions(allowRefsOutsideRoot: true))
        #expect(printed(allowed) == [])
        #expect(allowed.files.count == 2)
    }

    @Test func symbolicLinksCannotLeadOutOfTheRootFolder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lathe-link-\(UUID().uuidString)")
        let spec = directory.appendingPathComponent("spec")
        try FileManager.default.createDirectory(at: spec, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "type: string\n".write(
            to: directory.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: spec.appendingPathComponent("inside.yaml").path, withDestinationPath: "../secret.yaml")
        try "openapi: 3.1.0\ninfo: {title: T, version: '1'}\ncomponents:\n  schemas:\n    S: {$ref: 'inside.yaml'}\n"
            .write(to: spec.appendingPathComponent("api.yaml"), atomically: true, encoding: .utf8)
        let result = OpenAPILoader.load(path: spec.appendingPathComponent("api.yaml").path)
        let realDirectory = try FileManager.default.destinationOfSymbolicLinkIfAny(directory.path)
        #expect(
            printed(result, removing: directory.path + "/").map { $0.replacingAll(realDirectory + "/", with: "") } == [
                "spec/api.yaml:5:15: error: 'inside.yaml' leads outside the folder of the root spec (to "
                    + "secret.yaml); pass --allow-refs-outside-root to allow it [ref-outside-root]"
            ])
    }

    /// OpenAPI 3.2's `$self`: an absolute reference to it is to the root file, and one beside it to
    /// the file beside the root file, read from disk; other absolute references stay remote.
    @Test func referencesUnderSelfAreTheFilesOnDisk() throws {
        // A `%` in the folder's path is a path's, not a URI's to decode.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lathe-self-%41-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Pet: {type: object, properties: {name: {type: string}}}\n".write(
            to: directory.appendingPathComponent("shared.yaml"), atomically: true, encoding: .utf8)
        try """
        openapi: 3.2.0
        info: {title: T, version: '1'}
        components:
          schemas:
            A: {$ref: 'https://example.com/apis/v1/openapi.yaml#/components/schemas/B'}
            B: {$ref: 'https://example.com/apis/v1/shared.yaml#/Pet'}
            C: {$ref: 'https://example.org/other.yaml#/Pet'}
        $self: https://example.com/apis/v1/openapi.yaml

        """.write(to: directory.appendingPathComponent("api.yaml"), atomically: true, encoding: .utf8)
        let result = OpenAPILoader.load(path: directory.appendingPathComponent("api.yaml").path)
        #expect(result.files.count == 2)
        #expect(
            printed(result, removing: directory.path + "/") == [
                "api.yaml:7:15: error: remote reference 'https://example.org/other.yaml#/Pet' is not fetched (Lathe "
                    + "reads no network); save a copy and map the URL to it with --ref-mirror URL=PATH (refMirrors "
                    + "in lathe.yaml) [ref-remote]"
            ])
        let document = try #require(result.document)
        let a = try #require(document.components.schemas.first { $0.name == "A" }).key
        #expect(document.store.schemas[a]?.ref?.targetKey?.hasSuffix("api.yaml#/components/schemas/B") == true)
    }

    /// Moov's spec refers to `https://raw.githubusercontent.com/moov-io/base/master/api/common.yaml`:
    /// with a mirror, the copy on disk is read (outside the root folder, since its user named it),
    /// and refs inside it stay relative to it; URLs no mirror covers stay remote.
    @Test func refsToMirroredURLsReadTheLocalCopies() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lathe-mirror-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ path: String, _ text: String) throws {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("vendor/base/api/common.yaml", "Error: {type: object, properties: {detail: {$ref: 'detail.yaml'}}}\n")
        try write("vendor/base/api/detail.yaml", "type: string\n")
        try write("vendor/secret.yaml", "Pet: {type: string}\n")
        // A one-document mirror's copy refers to a file beside it.
        try write("vendor/pet.yaml", "Pet: {type: object, properties: {tag: {$ref: 'tag.yaml'}}}\n")
        try write("vendor/tag.yaml", "type: string\n")
        // A link in a mirror's folder that leads out of it, and out of the root's.
        try write("private/s.yaml", "S: {type: integer}\n")
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/vendor/base/link", withDestinationPath: "../../private")
        try write(
            "spec/api.yaml",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {$ref: 'https://example.com/base/api/common.yaml#/Error'}
                B: {$ref: 'https://example.com/base/api/%2E%2E/%2E%2E/secret.yaml#/Pet'}
                C: {$ref: 'https://example.com/pet.yaml?raw=true#/Pet'}
                D: {$ref: 'https://example.org/other.yaml#/Pet'}
                E: {$ref: 'HTTPS://Example.COM/base/api/../api/detail.yaml'}
                F: {$ref: 'https://example.com/base/link/s.yaml#/S'}
                G: {$ref: '../vendor/base/link/s.yaml#/S'}
                H: {$ref: 'https://example.com/base/%zz.yaml'}
                I: {$ref: 'https://example.com:443/base/api//detail.yaml'}

            """)
        var options = LoadOptions()
        options.refMirrors = [
            RefMirror(url: "https://example.com/base/", path: directory.path + "/vendor/base"),
            RefMirror(url: "https://example.com/pet.yaml", path: directory.path + "/vendor/pet.yaml"),
        ]
        let result = OpenAPILoader.load(path: directory.appendingPathComponent("spec/api.yaml").path, options: options)
        let realDirectory = try FileManager.default.destinationOfSymbolicLinkIfAny(directory.path)
        #expect(
            printed(result, removing: directory.path + "/").map { $0.replacingAll(realDirectory + "/", with: "") } == [
                "spec/api.yaml:6:15: error: 'https://example.com/base/api/%2E%2E/%2E%2E/secret.yaml#/Pet' leads out "
                    + "of the folder that mirrors https://example.com/base/ [ref-outside-mirror]",
                "spec/api.yaml:8:15: error: remote reference 'https://example.org/other.yaml#/Pet' is not fetched "
                    + "(Lathe reads no network); save a copy and map the URL to it with --ref-mirror URL=PATH "
                    + "(refMirrors in lathe.yaml) [ref-remote]",
                "spec/api.yaml:10:15: error: 'https://example.com/base/link/s.yaml#/S' leads out of the folder that "
                    + "mirrors https://example.com/base/ [ref-outside-mirror]",
                "spec/api.yaml:11:15: error: '../vendor/base/link/s.yaml#/S' leads outside the folder of the root spec "
                    + "(to private/s.yaml); pass --allow-refs-outside-root to allow it [ref-outside-root]",
                "spec/api.yaml:12:15: error: 'https://example.com/base/%zz.yaml' has an invalid percent-encoding "
                    + "(each % must be followed by two hex digits) [ref-invalid]",
            ])
        #expect(
            result.files.map { $0.path.replacingAll(directory.path + "/", with: "") } == [
                "spec/api.yaml", "vendor/base/api/common.yaml", "vendor/pet.yaml", "vendor/base/api/detail.yaml",
                "vendor/tag.yaml",
            ])
        let document = try #require(result.document)
        let a = try #require(document.components.schemas.first { $0.name == "A" }).key
        let error = try #require(document.store.schemas[a]?.ref.flatMap(document.store.schema))
        #expect(error.properties.map(\.name) == ["detail"])
        #expect(
            RefMirror(argument: "https://example.com/a/=vendor/a")
                == RefMirror(url: "https://example.com/a/", path: "vendor/a"))
        #expect(RefMirror(argument: "example.com/a/=vendor/a") == nil)
        #expect(RefMirror(argument: "https:///a=vendor/a") == nil)
        #expect(RefMirror(argument: "https://example.com/a=") == nil)
        #expect(RefMirror(argument: "https://example.com/a/?v=1=vendor/a") == nil)
    }

    /// FOLIO's `User.yaml` refers to `user.yaml`, written where the file system ignores case: the
    /// one file that differs only in case is read, with an error that says so; with two, none is.
    @Test func aFileNamedInAnotherCaseIsReadWhenItIsTheOnlyOne() throws {
        let (result, directory) = try loadWritten(
            label: "case",
            [
                ("User.yaml", "Personal: {type: object, properties: {name: {type: string}}}\n"),
                ("Tag.yaml", "type: string\n"), ("TAG.yaml", "type: integer\n"), ("Broken.yaml", "a: [unclosed\n"),
                (
                    "api.yaml",
                    """
                    openapi: 3.1.0
                    info: {title: T, version: '1'}
                    components:
                      schemas:
                        A: {$ref: 'user.yaml#/Personal'}
                        B: {$ref: 'tag.yaml'}
                        C: {$ref: 'broken.yaml'}

                    """
                ),
            ])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            printed(result, removing: directory.path + "/") == [
                // The one file in another case does not parse: its own error, and no claim to read it.
                "Broken.yaml:2:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow "
                    + "sequence that starts at line 1, column 4) [ref-unreadable]",
                "api.yaml:7:15: note: referenced here",
                "api.yaml:5:15: error: 'user.yaml#/Personal' names no file; 'User.yaml' differs from it only in "
                    + "case [ref-case]",
                "api.yaml:6:15: error: cannot resolve 'tag.yaml': cannot read 'tag.yaml': No such file or "
                    + "directory [ref-unreadable]",
            ])
        let document = try #require(result.document)
        let a = try #require(document.components.schemas.first { $0.name == "A" }).key
        let personal = try #require(document.store.schemas[a]?.ref.flatMap(document.store.schema))
        #expect(personal.properties.map(\.name) == ["name"])
    }

    /// Beckn's bundled pointers run through a `$ref` (`…/allOf/0/properties/gps`, where `allOf/0` is
    /// a reference): the rest of the pointer is read in the reference's target, into another file
    /// and through a second reference, as the same component as a ref that names it directly. One
    /// whose reference leads back to itself points at nothing.
    @Test func aPointerThroughAReferenceContinuesInItsTarget() throws {
        let (result, directory) = try loadWritten(
            label: "via",
            [
                (
                    "context.yaml",
                    "Context: {type: object, properties: {location: {$ref: '#/Location'}}}\nLocation: {type: object, properties: {gps: {type: string}}}\n"
                ),
                (
                    "api.yaml",
                    """
                    openapi: 3.1.0
                    info: {title: T, version: '1'}
                    paths:
                      /search:
                        post:
                          requestBody:
                            content:
                              application/json:
                                schema: {properties: {context: {allOf: [$ref: 'context.yaml#/Context']}}}
                          responses: {'204': {description: done}}
                    components:
                      schemas:
                        Gps: {$ref: '#/paths/~1search/post/requestBody/content/application~1json/schema/properties/context/allOf/0/properties/location/properties/gps'}
                        Direct: {$ref: 'context.yaml#/Location/properties/gps'}
                        Loop: {$ref: '#/components/schemas/Loop/x'}
                        Nope: {$ref: '#/components/schemas/Direct/nope'}
                        Base: {$id: 'https://example.com/base', type: object, properties: {id: {type: string}}}
                        Wrap: {$ref: 'https://example.com/base'}
                        Id: {$ref: '#/components/schemas/Wrap/properties/id'}

                    """
                ),
            ])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            printed(result, removing: directory.path + "/") == [
                "api.yaml:13:17: error: '#/paths/~1search/post/requestBody/content/application~1json/schema/"
                    + "properties/context/allOf/0/properties/location/properties/gps' points through '/paths/~1search/"
                    + "post/requestBody/content/application~1json/schema/properties/context/allOf/0', which is a $ref "
                    + "to 'context.yaml#/Context'; a JSON pointer does not follow references, so it points at "
                    + "nothing [ref-through-ref]",
                // Said where it is written, of the pointer as written.
                "api.yaml:15:18: error: '#/components/schemas/Loop/x' points at nothing: '/components/schemas/Loop' "
                    + "is a $ref to '#/components/schemas/Loop/x', which a JSON pointer does not follow, and "
                    + "following it leads back to itself [ref-unresolved]",
                "api.yaml:16:18: error: '#/components/schemas/Direct/nope' points at nothing: "
                    + "'/components/schemas/Direct' is a $ref to 'context.yaml#/Location/properties/gps', which a JSON "
                    + "pointer does not follow; followed, its target has no 'nope' [ref-unresolved]",
                // Through a reference to a `$id`, resolved as any is.
                "api.yaml:19:16: error: '#/components/schemas/Wrap/properties/id' points through "
                    + "'/components/schemas/Wrap', which is a $ref to 'https://example.com/base'; a JSON pointer does "
                    + "not follow references, so it points at nothing [ref-through-ref]",
            ])
        let document = try #require(result.document)
        func target(_ name: String) throws -> String? {
            let key = try #require(document.components.schemas.first { $0.name == name }).key
            return document.store.schemas[key]?.ref?.targetKey
        }
        #expect(try target("Gps") != nil)
        #expect(try target("Gps") == target("Direct"))
        #expect(try target("Loop") == nil)
        #expect(try target("Id")?.hasSuffix("#/components/schemas/Base/properties/id") == true)
    }

    /// `files` written into a fresh temporary folder, and its `api.yaml` loaded; the caller
    /// removes the folder.
    private func loadWritten(label: String, _ files: [(String, String)]) throws -> (LoadResult, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lathe-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return (OpenAPILoader.load(path: directory.appendingPathComponent("api.yaml").path), directory)
    }

    /// OpenCage's split spec: a `$ref` in `parameters` to a file holding a list of fifteen, and
    /// parameters whose `name` and `in` sit inside their schemas. The list's own refs are relative
    /// to its file, and a list may hold another.
    @Test func aReferencedListOfParametersStandsInItsPlace() throws {
        let (result, directory) = try loadWritten(
            label: "parameter-lists",
            [
                (
                    "api.yaml",
                    """
                    openapi: 3.1.0
                    info: {title: Geocoder, version: '1'}
                    paths:
                      /geocode:
                        get:
                          operationId: geocode
                          parameters:
                            - $ref: params/q.yaml
                            - $ref: params/optional.yaml
                            - {name: pretty, in: query, schema: {type: boolean}}
                          responses: {'200': {description: ok}}

                    """
                ),
                ("params/q.yaml", "required: true\nschema:\n  type: string\n  in: query\n  name: q\n"),
                (
                    "params/optional.yaml",
                    "- {name: limit, in: query, schema: {type: integer}}\n- $ref: language.yaml\n- $ref: more.yaml\n"
                ),
                ("params/language.yaml", "in: header\nschema: {type: string, name: Accept-Language}\n"),
                ("params/more.yaml", "- {name: bounds, in: query, schema: {type: string}}\n"),
            ])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            printed(result, removing: directory.path + "/") == [
                "api.yaml:9:17: error: a parameter's $ref points at a list of parameters; each item of 'parameters' "
                    + "is one parameter [parameter-list-referenced]",
                "params/language.yaml:2:24: error: 'name' is the parameter's own field, written inside its schema "
                    + "[parameter-field-in-schema]",
                "params/optional.yaml:3:9: error: a parameter's $ref points at a list of parameters; each item of "
                    + "'parameters' is one parameter [parameter-list-referenced]",
                "params/q.yaml:4:3: error: 'in' is the parameter's own field, written inside its schema "
                    + "[parameter-field-in-schema]",
                "params/q.yaml:5:3: error: 'name' is the parameter's own field, written inside its schema "
                    + "[parameter-field-in-schema]",
            ])
        let document = try #require(result.document)
        let operation = try #require(document.operations.first)
        let parameters = document.parameters(of: operation)
        #expect(parameters.map(\.name) == ["q", "limit", "Accept-Language", "bounds", "pretty"])
        #expect(parameters.map(\.location) == [.query, .query, .header, .query, .query])
        #expect(parameters.map(\.required) == [true, false, false, false, false])
        #expect(parameters.first?.schema?.types == .string)
    }

    @Test func missingUnparsableAndWrongTargets() {
        #expect(
            printed(OpenAPILoader.load(path: fixtures + "/broken-refs/api.yaml")) == [
                "broken-refs/api.yaml:6:13: error: cannot resolve 'nothere.yaml': "
                    + "cannot read 'broken-refs/nothere.yaml': No such file or directory [ref-unreadable]",
                "broken-refs/api.yaml:12:13: error: 'good.yaml#/Thing' points at nothing: "
                    + "the document has no 'Thing' (did you mean 'Things'?) [ref-unresolved]",
                // The broken file's own error is reported once, at its place, with a note at the first ref to it.
                "broken-refs/bad.yaml:3:6: error: invalid YAML: did not find expected ',' or ']' (while parsing a "
                    + "flow sequence that starts at line 2, column 9) [ref-unreadable]",
                "broken-refs/api.yaml:8:13: note: referenced here",
            ])
    }
}

extension FileManager {
    /// The path with symbolic links resolved (the temporary folder is a link on some systems).
    func destinationOfSymbolicLinkIfAny(_ path: String) throws -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
