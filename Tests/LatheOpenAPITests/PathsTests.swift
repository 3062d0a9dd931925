import LatheOpenAPI
import Testing

/// Lexical path arithmetic: how `lathe generate` names a spec from its output folder.
struct PathsTests {
    @Test(arguments: [
        ("/p/specs/api.yaml", "/p/Sources/API", "../../specs/api.yaml"),
        ("/p/api.yaml", "/p/out", "../api.yaml"),
        ("/p/out/api.yaml", "/p/out", "api.yaml"),
        ("/p/out/x/api.yaml", "/p/out/", "x/api.yaml"),
        ("/p/./a/../api.yaml", "/p//out/.", "../api.yaml"),
        ("/p", "/p", "."),
        ("/a.yaml", "/", "a.yaml"),
        ("/a.yaml", "/b/c", "../../a.yaml"),
    ])
    func relativePaths(_ path: String, _ directory: String, _ expected: String) {
        #expect(Paths.relative(path, from: directory) == expected)
    }

    @Test func relativePathsResolveAgainstTheCurrentFolder() {
        let current = Paths.currentDirectory()
        #expect(Paths.relative("a.yaml", from: current) == "a.yaml")
        #expect(Paths.relative("specs/a.yaml", from: "out") == "../specs/a.yaml")
        #expect(Paths.relative(current + "/specs/a.yaml", from: "./out/") == "../specs/a.yaml")
    }
}
