import LatheOpenAPI
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Symbolic links are resolved before the relative path is taken, and a folder that does not
    /// exist yet keeps its components.
    @Test func resolvedPathsFollowLinks() throws {
        let root = Paths.resolved("/tmp") + "/lathe-paths-\(UInt32.random(in: 0 ... .max))"
        let real = root + "/real"
        #expect(mkdir(root, 0o755) == 0 && mkdir(real, 0o755) == 0)
        defer {
            unlink(root + "/link")
            rmdir(real)
            rmdir(root)
        }
        #expect(symlink(real, root + "/link") == 0)
        #expect(Paths.resolved(root + "/link") == real)
        #expect(Paths.resolved(root + "/link/not/yet") == real + "/not/yet")
        #expect(Paths.resolved(root + "/link/../real") == real)
        #expect(
            Paths.relative(Paths.resolved(root + "/link/api.yaml"), from: Paths.resolved(real + "/out"))
                == "../api.yaml")
    }
}
