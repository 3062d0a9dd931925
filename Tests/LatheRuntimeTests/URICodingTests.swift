import Foundation
import HTTPTypes
@_spi(Generated) import LatheRuntime
import Testing

/// The OpenAPI "Style Examples" table (`color` as "blue", ["blue","black","brown"] and
/// {R: 100, G: 200, B: 150}), encoded and decoded back. Where OpenAPI 3.0.3's table disagreed with
/// RFC 6570 (`label` without explode), the RFC and later OpenAPI versions win: `.blue,black,brown`.
struct URICodingTests {
    static let string = URIValue.primitive("blue")
    static let array = URIValue.array(["blue", "black", "brown"])
    static let object = URIValue.object([URIMember("R", "100"), URIMember("G", "200"), URIMember("B", "150")])

    struct PathCase: CustomTestStringConvertible, Sendable {
        var style: ParameterStyle
        var explode: Bool
        var value: URIValue
        var shape: URIValue.Shape
        var expected: String
        var testDescription: String { "\(style) explode=\(explode) \(shape): \(expected)" }
    }

    static let pathCases: [PathCase] = [
        PathCase(style: .matrix, explode: false, value: string, shape: .primitive, expected: ";color=blue"),
        PathCase(style: .matrix, explode: false, value: array, shape: .array, expected: ";color=blue,black,brown"),
        PathCase(style: .matrix, explode: false, value: object, shape: .object, expected: ";color=R,100,G,200,B,150"),
        PathCase(style: .matrix, explode: true, value: string, shape: .primitive, expected: ";color=blue"),
        PathCase(
            style: .matrix, explode: true, value: array, shape: .array, expected: ";color=blue;color=black;color=brown"),
        PathCase(style: .matrix, explode: true, value: object, shape: .object, expected: ";R=100;G=200;B=150"),
        PathCase(style: .label, explode: false, value: string, shape: .primitive, expected: ".blue"),
        PathCase(style: .label, explode: false, value: array, shape: .array, expected: ".blue,black,brown"),
        PathCase(style: .label, explode: false, value: object, shape: .object, expected: ".R,100,G,200,B,150"),
        PathCase(style: .label, explode: true, value: array, shape: .array, expected: ".blue.black.brown"),
        PathCase(style: .label, explode: true, value: object, shape: .object, expected: ".R=100.G=200.B=150"),
        PathCase(style: .simple, explode: false, value: string, shape: .primitive, expected: "blue"),
        PathCase(style: .simple, explode: false, value: array, shape: .array, expected: "blue,black,brown"),
        PathCase(style: .simple, explode: false, value: object, shape: .object, expected: "R,100,G,200,B,150"),
        PathCase(style: .simple, explode: true, value: array, shape: .array, expected: "blue,black,brown"),
        PathCase(style: .simple, explode: true, value: object, shape: .object, expected: "R=100,G=200,B=150"),
    ]

    @Test(arguments: pathCases)
    func pathStyles(_ c: PathCase) {
        let encoded = URIEncoding.path(c.value, name: "color", style: c.style, explode: c.explode)
        #expect(encoded == c.expected)
        #expect(
            URIDecoding.path(encoded[...], name: "color", style: c.style, explode: c.explode, as: c.shape) == c.value)
    }

    struct QueryCase: CustomTestStringConvertible, Sendable {
        var style: ParameterStyle
        var explode: Bool
        var value: URIValue
        var shape: URIValue.Shape
        var expected: String
        var testDescription: String { "\(style) explode=\(explode) \(shape): \(expected)" }
    }

    static let queryCases: [QueryCase] = [
        QueryCase(style: .form, explode: false, value: string, shape: .primitive, expected: "color=blue"),
        QueryCase(style: .form, explode: false, value: array, shape: .array, expected: "color=blue,black,brown"),
        QueryCase(style: .form, explode: false, value: object, shape: .object, expected: "color=R,100,G,200,B,150"),
        QueryCase(style: .form, explode: true, value: string, shape: .primitive, expected: "color=blue"),
        QueryCase(
            style: .form, explode: true, value: array, shape: .array, expected: "color=blue&color=black&color=brown"),
        QueryCase(style: .form, explode: true, value: object, shape: .object, expected: "R=100&G=200&B=150"),
        QueryCase(
            style: .spaceDelimited, explode: false, value: array, shape: .array, expected: "color=blue%20black%20brown"),
        QueryCase(
            style: .spaceDelimited, explode: false, value: object, shape: .object,
            expected: "color=R%20100%20G%20200%20B%20150"),
        // The table shows `|` and brackets bare; Lathe encodes them so every URL is valid (see URIEncoding).
        QueryCase(
            style: .pipeDelimited, explode: false, value: array, shape: .array, expected: "color=blue%7Cblack%7Cbrown"),
        QueryCase(
            style: .pipeDelimited, explode: false, value: object, shape: .object,
            expected: "color=R%7C100%7CG%7C200%7CB%7C150"),
        QueryCase(
            style: .deepObject, explode: true, value: object, shape: .object,
            expected: "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
    ]

    @Test(arguments: queryCases)
    func queryStyles(_ c: QueryCase) {
        let encoded = URIEncoding.query(c.value, name: "color", style: c.style, explode: c.explode).joined(
            separator: "&")
        #expect(encoded == c.expected)
        let items = URIDecoding.queryItems(encoded[...])
        #expect(URIDecoding.query(items, name: "color", style: c.style, explode: c.explode, as: c.shape) == c.value)
    }

    @Test func headersAndCookies() {
        #expect(URIEncoding.header(Self.array, explode: false) == "blue,black,brown")
        #expect(URIEncoding.header(Self.object, explode: true) == "R=100,G=200,B=150")
        #expect(URIDecoding.header("blue, black,brown", explode: false, as: .array) == Self.array)
        #expect(URIEncoding.cookie(Self.array, name: "color", explode: false) == "color=blue,black,brown")
        #expect(URIDecoding.cookie("session=abc; color=blue,black,brown", name: "color", as: .array) == Self.array)
        #expect(URIDecoding.cookie("session=abc", name: "color", as: .array) == nil)
    }

    /// OpenAPI 3.2's `style: cookie`: the Cookie header's own syntax, nothing percent-encoded or
    /// decoded (the spec's style table); not exploded, a list or object is one comma-separated value.
    @Test func cookieStyle() {
        #expect(URIEncoding.cookie(.primitive("blue"), name: "color", explode: true, style: .cookie) == "color=blue")
        #expect(
            URIEncoding.cookie(Self.array, name: "color", explode: true, style: .cookie)
                == "color=blue; color=black; color=brown")
        #expect(URIEncoding.cookie(Self.object, name: "color", explode: true, style: .cookie) == "R=100; G=200; B=150")
        #expect(
            URIEncoding.cookie(.primitive("Hello%2C%20world!"), name: "greeting", explode: true, style: .cookie)
                == "greeting=Hello%2C%20world!")
        let header = "session=a%20b; color=blue; color=black; color=brown"
        #expect(URIDecoding.cookie(header, name: "session", as: .primitive, style: .cookie) == .primitive("a%20b"))
        #expect(URIDecoding.cookie(header, name: "color", as: .array, style: .cookie, explode: true) == Self.array)
        #expect(URIDecoding.cookie(header, name: "other", as: .array, style: .cookie, explode: true) == nil)
        #expect(
            URIDecoding.cookie("R=100; G=200; B=150", name: "color", as: .object, style: .cookie, explode: true)
                == Self.object)
        #expect(
            URIEncoding.cookie(Self.array, name: "color", explode: false, style: .cookie) == "color=blue,black,brown")
        #expect(URIEncoding.cookie(.array([]), name: "color", explode: true, style: .cookie) == "color=")
        #expect(URIDecoding.cookie("color=blue,black,brown", name: "color", as: .array, style: .cookie) == Self.array)
        #expect(URIDecoding.cookie("color=a%20b", name: "color", as: .array, style: .cookie) == .array(["a%20b"]))
    }

    /// What generated code calls: a parameter or header looked up by name, then read by its style.
    @Test func parametersByName() {
        var fields = HTTPFields()
        fields[HTTPField.Name("X-Colors")!] = "blue, black,brown"
        fields[.cookie] = "session=abc; color=blue,black,brown"
        #expect(URIDecoding.header(named: "x-colors", in: fields, explode: false, as: .array) == Self.array)
        #expect(URIDecoding.header(named: "X-Missing", in: fields, explode: false, as: .array) == nil)
        #expect(URIDecoding.cookie(named: "color", in: fields, as: .array) == Self.array)
        #expect(URIDecoding.cookie(named: "other", in: fields, as: .array) == nil)
        #expect(URIDecoding.cookie(named: "color", in: HTTPFields(), as: .array) == nil)
        let path: [String: Substring] = ["color": ";color=blue,black,brown"]
        #expect(
            URIDecoding.path(named: "color", in: path, style: .matrix, explode: false, as: .array) == Self.array)
        #expect(URIDecoding.path(named: "size", in: path, style: .matrix, explode: false, as: .array) == nil)
    }

    @Test func reservedCharactersArePercentEncodedUnlessAllowed() {
        let value = URIValue.primitive("a b/c?d&e=f+g#ü")
        #expect(
            URIEncoding.path(value, name: "p", style: .simple, explode: false) == "a%20b%2Fc%3Fd%26e%3Df%2Bg%23%C3%BC")
        #expect(
            URIEncoding.query(value, name: "q", style: .form, explode: true) == ["q=a%20b%2Fc%3Fd%26e%3Df%2Bg%23%C3%BC"]
        )
        #expect(
            URIEncoding.query(value, name: "q", style: .form, explode: true, allowReserved: true) == [
                "q=a%20b/c?d&e=f+g%23%C3%BC"
            ])
        let items = URIDecoding.queryItems("q=a%20b%2Fc%3Fd%26e%3Df%2Bg%23%C3%BC&plus=x+y"[...])
        #expect(items == [URIMember("q", "a b/c?d&e=f+g#ü"), URIMember("plus", "x y")])
        #expect(URIDecoding.percentDecode("%zz") == nil)
        #expect(URIDecoding.percentDecode("%FF") == nil)
    }

    @Test func primitivesTravelAsText() {
        #expect(Date(timeIntervalSince1970: 0).uriText == "1970-01-01T00:00:00Z")
        #expect(Date(uriText: "2024-02-29T23:59:59.5+01:00")?.timeIntervalSince1970 == 1_709_247_599.5)
        #expect(Decimal(uriText: "0.10")?.uriText == "0.1")
        #expect(Decimal(uriText: "1e3") == 1000)
        #expect(Decimal(uriText: "12abc") == nil)
        #expect(Int(uriText: "42") == 42 && Int(uriText: "4.2") == nil)
        #expect(Bool(uriText: "yes") == nil)
        #expect(CalendarDate(uriText: "2024-02-30") == nil)
        #expect(NumberOrString(uriText: "12.50") == .number(Decimal(string: "12.50")!))
        #expect(NumberOrString(uriText: "twelve") == .string("twelve"))
        // RFC 9562: written in lower case, read in either.
        #expect(
            UUID(uriText: "123E4567-E89B-12D3-A456-426614174000")?.uriText == "123e4567-e89b-12d3-a456-426614174000")
        #expect(
            UUID(uriText: "123e4567-e89b-12d3-a456-426614174000")?.uriText == "123e4567-e89b-12d3-a456-426614174000")
    }

    /// An object parameter's members are text: one that spells a number or a boolean is read as
    /// text where its member is a string (schemathesis sent `;matrix=y,1e100,x,3`, and was refused).
    @Test func objectMembersAreReadAsWhatTheirMembersNeed() throws {
        struct Point: Decodable, Equatable {
            var x: Int
            var y: String
            var on: String?
        }
        let value = URIValue.object([URIMember("y", "1e100"), URIMember("x", "3"), URIMember("on", "true")])
        #expect(try URIDecoding.object(value, as: Point.self, at: "matrix") == Point(x: 3, y: "1e100", on: "true"))
        #expect(throws: RequestError.self) {
            try URIDecoding.object(URIValue.object([URIMember("x", "three")]), as: Point.self, at: "matrix")
        }
    }
}
