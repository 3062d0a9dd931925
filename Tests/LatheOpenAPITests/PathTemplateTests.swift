import Testing

@testable import LatheOpenAPI

/// `PathTemplate.shape`: a path as a router sees it, every template expression blanked. ASCII
/// paths are read a byte at a time, and must come out as a Character at a time would.
struct PathTemplateTests {
    @Test(arguments: [
        "/pets/{petId}/toys/{toyId}", "/a/{x}", "/a/{y}", "/", "", "/{a}{b}", "/x}y{z", "/open/{unclosed",
        "/pets/{petId}\r\n", "/café/{id}", "/a/{é}/b", "/a/{\u{301}x}/b", "/emoji/👨‍👩‍👧/{id}",
    ])
    func blanksTemplateExpressions(path: String) {
        #expect(PathTemplate.shape(path) == PathTemplate.shapeByCharacters(path))
    }

    @Test func pathsThatRouteAlikeHaveOneShape() {
        #expect(PathTemplate.shape("/a/{x}/b") == "/a/{}/b")
        #expect(PathTemplate.shape("/a/{x}/b") == PathTemplate.shape("/a/{longer_name}/b"))
        #expect(PathTemplate.shape("/a/{x}") != PathTemplate.shape("/a/x"))
        // A brace with a combining mark after it is another Character, not a brace.
        #expect(PathTemplate.shape("/a/{\u{301}x}/b") == "/a/{\u{301}x/b")
    }
}

/// The items of a query string a path key holds: `name={variable}` names a parameter; anything else
/// (no name, more than one variable, a flag) is text.
struct QueryItemInPathTests {
    @Test func itemsAreVariablesOnlyWhenWhole() {
        let items = QueryItemInPath.items(of: "id={id}&={v}&range={a}-{b}&force&x={}")
        #expect(items.map(\.name) == ["id", "", "range", "force", "x"])
        #expect(items.map(\.variable) == ["id", nil, nil, nil, nil])
        #expect(items.map(\.text) == [nil, "={v}", "range={a}-{b}", "force", "x={}"])
    }
}
