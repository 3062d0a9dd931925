import HTTPTypes
@_spi(Generated) import LatheRuntime
import Testing

/// What a generated server reads as a request's credentials.
struct CredentialTests {
    func request(authorization: String) -> HTTPRequest {
        var request = HTTPRequest(method: .get, scheme: "https", authority: "x.test", path: "/a")
        request.headerFields[.authorization] = authorization
        return request
    }

    /// A key sent after a word (`x-lathe-api-key-prefix`, or an HTTP scheme such as ZeroTier's
    /// `token`) is read whatever the word's case, as HTTP reads an authentication scheme's; without
    /// the word, or with another, there is none.
    @Test func aPrefixedKeyIsReadWhateverThePrefixsCase() {
        func key(_ value: String) -> String? {
            ServerSupport.apiKey(
                in: request(authorization: value), name: "Authorization", location: "header", prefix: "token")
        }
        #expect(key("token k3y") == "k3y")
        #expect(key("Token k3y") == "k3y")
        #expect(key("TOKEN k3y k") == "k3y k")
        #expect(key("k3y") == nil)
        #expect(key("tokenk3y") == nil)
        #expect(key("Bearer k3y") == nil)
        #expect(key("tok") == nil)
    }
}
