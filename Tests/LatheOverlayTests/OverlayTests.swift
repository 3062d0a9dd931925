import LatheDiagnostics
import LatheYAML
import Testing

@testable import LatheOverlay

struct OverlayTests {
    static let document = """
        openapi: 3.0.3
        info:
          title: Pets
          version: 1.0.0
        paths:
          /pets:
            get:
              parameters:
                - name: limit
                  in: query
                - name: dummy
                  in: query
              responses:
                '200':
                  description: OK
            post:
              tags: [pets]
              responses:
                '201':
                  description: Created
        """

    struct Applied {
        var tree: YAMLTree
        var diagnostics: [String]
        var text: String { Rendering.flow(tree.root!) }
    }

    func apply(_ overlay: String, to document: String = Self.document) throws -> Applied {
        let base = try YAMLReader().parse(Array(document.utf8), path: "api.yaml")
        let overlayTree = try YAMLReader().parse(Array(overlay.utf8), path: "api.overlay.yaml")
        let (tree, diagnostics) = Overlay.apply([overlayTree], to: base)
        return Applied(tree: tree, diagnostics: diagnostics.all.map(\.description))
    }

    func node(_ path: String, in tree: YAMLTree) throws -> YAMLNode {
        let draft = YAMLDraft(tree.root!)
        let matches = try JSONPathQuery(path).select(in: draft)
        try #require(matches.count == 1)
        return matches[0].node.origin
    }

    @Test func updateMergesDeeplyAndKeepsEachNodesOwnLocation() throws {
        let result = try apply(
            """
            overlay: 1.0.0
            info: {title: Fixes, version: '1'}
            actions:
              - target: $.paths['/pets'].get
                update:
                  summary: List pets
                  responses:
                    '401':
                      description: Unauthorized
                    '200':
                      description: All the pets
            """)
        #expect(result.diagnostics == [])
        #expect(
            result.text.contains(
                "get: {parameters: [{name: limit, in: query}, {name: dummy, in: query}], responses: {200: "
                    + "{description: All the pets}, 401: {description: Unauthorized}}, summary: List pets}"
            ))
        // Added and replaced nodes point into the overlay; untouched ones into the document.
        #expect(
            try node("$.paths['/pets'].get.summary", in: result.tree).location.description == "api.overlay.yaml:6:16")
        #expect(
            try node("$.paths['/pets'].get.responses['401']", in: result.tree).location.description
                == "api.overlay.yaml:9:11")
        #expect(
            try node("$.paths['/pets'].get.responses['200'].description", in: result.tree).location.description
                == "api.overlay.yaml:11:24")
        #expect(
            try node("$.paths['/pets'].get.parameters[0].name", in: result.tree).location.description == "api.yaml:9:17"
        )
        #expect(try node("$.paths['/pets'].post", in: result.tree).pointer == "/paths/~1pets/post")
    }

    @Test func removeWithAFilterAndAppendToAList() throws {
        let result = try apply(
            """
            overlay: 1.0.0
            info: {title: Fixes, version: '1'}
            actions:
              - target: $.paths.*.get.parameters[?@.name == 'dummy']
                remove: true
              - target: $.paths.*.get.parameters
                update:
                  name: offset
                  in: query
              - target: $.paths.*.post
                update:
                  tags: [animals]
            """)
        #expect(result.diagnostics == [])
        #expect(result.text.contains("parameters: [{name: limit, in: query}, {name: offset, in: query}]"))
        #expect(result.text.contains("tags: [pets, animals]"))
    }

    @Test func aTargetThatSelectsNothingIsALocatedWarning() throws {
        let result = try apply(
            """
            overlay: 1.0.0
            info: {title: Fixes, version: '1'}
            actions:
              - target: $.paths['/cats'].get
                update: {summary: Cats}
            """)
        #expect(
            result.diagnostics == [
                "api.overlay.yaml:4:13: warning: the target $.paths['/cats'].get selects nothing in api.yaml; "
                    + "this action changes nothing [overlay-selects-nothing]"
            ])
        #expect(
            result.text
                == (try apply(
                    """
                    overlay: 1.0.0
                    info: {title: Nothing, version: '1'}
                    actions:
                      - target: $.nothing
                        remove: true
                    """
                ).text))
    }

    @Test func mistakesAreLocatedErrors() throws {
        let result = try apply(
            """
            overlay: 1.0.0
            info: {title: Fixes}
            actions:
              - target: $.paths[
                update: {}
              - target: $.paths['/pets'].get
                update:
                  parameters: {name: x}
              - target: $
                remove: true
              - update: {}
              - target: $.info
                update: {}
                remove: yes
            """)
        #expect(
            result.diagnostics == [
                "api.overlay.yaml:2:7: error: 'info' needs a 'version' string",
                "api.overlay.yaml:4:13: error: 'target' is not a valid RFC 9535 JSONPath: "
                    + "the brackets are not closed; expected a selector (at character 9)",
                "api.overlay.yaml:8:19: error: cannot merge a mapping into 'parameters', "
                    + "which is a list (Overlay merges mappings with mappings, lists with lists, "
                    + "and replaces primitives with primitives)",
                "api.overlay.yaml:9:13: error: the target selects the whole document, which cannot be removed",
                "api.overlay.yaml:11:5: error: the action has no 'target' (a JSONPath query such as "
                    + "\"$.paths['/pets'].get\")",
                "api.overlay.yaml:14:13: error: 'remove' must be true or false; found a string",
            ])
    }

    /// Updates that keep adding nodes everywhere grow the document exponentially; the composed
    /// document gets the reader's budget (100,000 nodes plus ten times the input's) and the
    /// overlay stops at the action that would cross it, in milliseconds, not gigabytes.
    @Test(.timeLimit(.minutes(1))) func overlaysCannotGrowTheDocumentWithoutBound() throws {
        let actions = (0 ..< 13).map { _ in "  - target: $..*\n    update: {x: {y: [1, 2, 3], z: {w: 1}}}" }.joined(
            separator: "\n")
        let result = try apply("overlay: 1.0.0\ninfo: {title: bomb, version: '1'}\nactions:\n" + actions + "\n")
        // (The other errors: `$..*` also selects scalars, and a mapping cannot merge into one.)
        #expect(result.diagnostics.filter { $0.hasSuffix("Lathe stops applying overlays here") }.count == 1)
        #expect(result.tree.nodeCount < 200_000)
    }

    @Test func versionsAndShape() throws {
        #expect(
            try apply("overlay: 2.0.0\ninfo: {title: a, version: b}\nactions: [{target: $, update: {}}]\n").diagnostics
                == ["api.overlay.yaml:1:10: error: Lathe applies Overlay 1.0.x and 1.1.x; this overlay says '2.0.0'"])
        #expect(
            try apply("openapi: 3.1.0\ninfo: {title: a, version: b}\n").diagnostics
                == [
                    "api.overlay.yaml:1:1: error: this is an OpenAPI document, not an overlay (an overlay starts "
                        + "with 'overlay: 1.0.0')"
                ])
        #expect(
            try apply("overlay: 1.0.0\ninfo: {title: a, version: b}\nactions: []\n").diagnostics
                == ["api.overlay.yaml:3:10: error: 'actions' must be a list of at least one action; found a list"])
        // Unknown fields are warnings with a suggestion; `x-` fields are extensions; `copy` is 1.1's.
        #expect(
            try apply(
                "overlay: 1.0.0\ninfo: {title: a, version: b}\nx-mine: 1\nextend: a.yaml\nactions: [{target: $, "
                    + "update: {}, copy: $.info}]\n"
            ).diagnostics
                == [
                    "api.overlay.yaml:4:1: warning: unknown field 'extend' in an overlay; "
                        + "it is ignored (did you mean 'extends'?) [unknown-field]",
                    "api.overlay.yaml:5:35: warning: unknown field 'copy' in an Overlay 1.0 action; "
                        + "it is ignored (an Overlay 1.0 action has: target, description, update, "
                        + "remove) [unknown-field]",
                ])
    }

    @Test func copyIn1_1() throws {
        let result = try apply(
            """
            overlay: 1.1.0
            info: {title: Move, version: '1'}
            actions:
              - target: $.paths
                update: {'/animals': {}}
              - target: $.paths['/animals']
                copy: $.paths['/pets']
              - target: $.paths['/pets']
                remove: true
              - target: $.info.title
                update: Animals
            """)
        #expect(result.diagnostics == [])
        #expect(
            result.text.hasPrefix(
                "{openapi: 3.0.3, info: {title: Animals, version: 1.0.0}, paths: {/animals: {get: {parameters:"))
    }
}
