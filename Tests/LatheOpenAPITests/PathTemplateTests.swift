import LatheOpenAPI
import Testing

/// `PathTemplate.shape`: a path as a router sees it, every template expression blanked.
struct PathTemplateTests {
    /// The Characters' reading, which ASCII paths take a byte at a time.
    func shapeByCharacters(_ path: String) -> String {
        var shape = ""
        var inside = false
        for character in path {
            if character == "{" {
                inside = true
                shape += "{}"
            } else if character == "}" {
                inside = false
            } else if !inside {
                shape.append(character)
            }
        }
        return shape
    }

    @Test(arguments: [
        "/pets/{petId}/toys/{toyId}", "/a/{x}", "/a/{y}", "/", "", "/{a}{b}", "/x}y{z", "/open/{unclosed",
        "/pets/{petId}\r\n", "/café/{id}", "/a/{é}/b", "/a/{\u{301}x}/b", "/emoji/👨‍👩‍👧/{id}",
    ])
    func blanksTemplateExpressions(path: String) {
        #expect(PathTemplate.shape(path) == shapeByCharacters(path))
    }

    @Test func pathsThatRouteAlikeHaveOneShape() {
        #expect(PathTemplate.shape("/a/{x}/b") == "/a/{}/b")
        #expect(PathTemplate.shape("/a/{x}/b") == PathTemplate.shape("/a/{longer_name}/b"))
        #expect(PathTemplate.shape("/a/{x}") != PathTemplate.shape("/a/x"))
    }
}
