import LatheOpenAPI
import Testing

/// Refs across files: relative to the file that holds them, each file read once.
struct MultiFileTests {
    @Test func refsAcrossThreeFilesInTwoFolders() throws {
        let result = OpenAPILoader.load(path: fixtures + "/multi-file/api.yaml")
        #expect(printed(result) == [])
        let document = try #require(result.document)
        #expect(result.files.map(\.path) == [
            fixtures + "/multi-file/api.yaml",
            fixtures + "/multi-file/shared/common.yaml",
            fixtures + "/multi-file/models/pet.yaml",
        ])

        // The path-level parameter comes from shared/common.yaml.
        let item = try #require(document.paths.first?.item)
        let petId = try #require(item.parameters.first.flatMap(document.store.parameter))
        #expect(petId.name == "petId" && petId.location == .path)

        // components/schemas/Pet is a ref to the whole of models/pet.yaml.
        let petKey = try #require(document.components.schemas.first { $0.name == "Pet" }?.key)
        let petRef = try #require(document.store.schemas[petKey]?.ref)
        let pet = try #require(document.store.schema(petRef))
        #expect(pet.properties.map(\.name) == ["id", "name", "owner", "tags", "parent"])
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
        #expect(notFound.content.first?.schema?.ref?.targetKey == fixtures + "/multi-file/shared/common.yaml#/components/schemas/Problem")
    }

    @Test func refsLeavingTheRootFolderAreRefusedUnlessAllowed() {
        let path = fixtures + "/escape/spec/api.yaml"
        #expect(printed(OpenAPILoader.load(path: path)) == [
            "escape/spec/api.yaml:6:13: error: '../outside.yaml' leads outside the folder of the root spec (to escape/outside.yaml); pass --allow-refs-outside-root to allow it",
        ])
        let allowed = OpenAPILoader.load(path: path, options: LoadOptions(allowRefsOutsideRoot: true))
        #expect(printed(allowed) == [])
        #expect(allowed.files.count == 2)
    }

    @Test func missingUnparsableAndWrongTargets() {
        #expect(printed(OpenAPILoader.load(path: fixtures + "/broken-refs/api.yaml")) == [
            "broken-refs/api.yaml:6:13: error: cannot resolve 'nothere.yaml': cannot read 'broken-refs/nothere.yaml': No such file or directory",
            "broken-refs/api.yaml:12:13: error: 'good.yaml#/Thing' points at nothing: the document has no 'Thing' (did you mean 'Things'?)",
            // The broken file's own error is reported once, at its place, with a note at the first ref to it.
            "broken-refs/bad.yaml:3:6: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2, column 9)",
            "broken-refs/api.yaml:8:13: note: referenced here",
        ])
    }
}
