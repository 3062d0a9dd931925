import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing
@testable import LatheRuntime

/// SHA-512 and HMAC against FIPS 180-4 and RFC 4231 vectors; signatures against values computed
/// independently with Python's hmac and json modules.
struct RequestSigningTests {
    @Test func sha512Vectors() {
        #expect(SHA512.hex(SHA512.hash(Array("abc".utf8))) == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(SHA512.hex(SHA512.hash([UInt8]())) == "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
        // 1000 bytes: several blocks, and a length that needs a padding block of its own.
        #expect(SHA512.hex(SHA512.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1000))) == "67ba5535a46e3f86dbfbed8cbbaf0125c76ed549ff8b0b9e03e0c88cf90fa634fa7b12b47d77b694de488ace8d9a65967dc96df599727d3292a8d9d447709c97")
    }

    @Test func hmacVectorsFromRFC4231() {
        #expect(SHA512.hex(SHA512.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))) == "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")
        // A key longer than the block is hashed first.
        #expect(SHA512.hex(SHA512.hmac(key: [UInt8](repeating: 0xAA, count: 131), message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))) == "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598")
    }

    @Test func canonicalJSONSortsEveryLevelAndWritesLikeJavaScript() {
        let body = Data(#"{ "cancellationReason" : "Customer asked, \"twice\"\/\u00e9\n", "amount": {"value": 1500, "currency": "NGN"}, "tags": ["b","a"], "ok": true, "none": null }"#.utf8)
        let canonical = CanonicalJSON.text(body).map { String(decoding: $0, as: UTF8.self) }
        #expect(canonical == #"{"amount":{"currency":"NGN","value":1500},"cancellationReason":"Customer asked, \"twice\"/é\n","none":null,"ok":true,"tags":["b","a"]}"#)
        #expect(CanonicalJSON.text(Data("not json".utf8)) == nil)
        let numbers: [(Double, String)] = [(1.5, "1.5"), (100, "100"), (0.000001, "0.000001"), (1e-7, "1e-7"), (1e21, "1e+21"), (1e20, "100000000000000000000"), (-0.5, "-0.5"), (123.456e-10, "1.23456e-8"), (0, "0")]
        for (value, text) in numbers {
            #expect(CanonicalJSON.javaScriptNumber(value) == text)
        }
    }

    static let scheme = RequestSignature(header: "Request-Signature", timestampHeader: "Request-Timestamp", tolerance: 300, components: [.lowercasedPath, .bodyHash, .timestamp])
    static let body = Data(#"{"cancellationReason":"Customer asked, \"twice\"/é\n","amount":{"value":1500,"currency":"NGN"},"tags":["b","a"],"ok":true,"none":null}"#.utf8)

    @Test func signatureMatchesAnIndependentComputation() {
        let signature = Self.scheme.signature(method: "POST", path: "/v1/Invoices/INV_abc/cancel?expand=x", body: Self.body, timestamp: "1763730000", secret: "sk_test_secret")
        #expect(signature == "2f6e7339839253e890ac7cf86dfb295ab396f78131ad4b110e52dc98adae0c30c8f5e3599e8083c3897a0ae823e7ac1f95b61cec183b7e92e36308bd64451fbf")
        // Without a body there is no body hash in the signed text.
        #expect(Self.scheme.signature(method: "POST", path: "/v1/invoices/inv_abc/cancel", body: nil, timestamp: "1763730000", secret: "sk_test_secret")
            == "02b960e3bbfe52df8aea5283c8c2cfd68898d9e5e5631cb294bb3bc31d005adc6c17a337d57c2df1c28351158ed86b2db91f1430862e875e8dfc314a3b1f4a82")
    }

    @Test func signThenVerify() async throws {
        let now = Date(timeIntervalSince1970: 1_763_730_000)
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/v1/invoices/inv_abc/cancel")
        var body: HTTPBody? = HTTPBody(Self.body)
        try await Self.scheme.sign(&request, body: &body, secret: "sk_test_secret", now: now)
        #expect(request.headerFields.value("Request-Timestamp") == "1763730000")
        #expect(request.headerFields.value("Request-Signature")?.count == 128)
        // The body is still readable after signing.
        #expect(try await ClientSupport.bytes(body) == Self.body)

        var serverBody: HTTPBody? = HTTPBody(Self.body)
        #expect(try await Self.scheme.verify(request, body: &serverBody, secret: "sk_test_secret", now: now.addingTimeInterval(299)))
        #expect(try await ClientSupport.bytes(serverBody) == Self.body)
        // A key order or spacing the client chose does not matter: the hash is of the canonical form.
        var reordered: HTTPBody? = HTTPBody(Data(#"{"tags":["b","a"], "none":null,"ok":true,"amount":{"currency":"NGN","value":1500},"cancellationReason":"Customer asked, \"twice\"/\u00e9\n"}"#.utf8))
        #expect(try await Self.scheme.verify(request, body: &reordered, secret: "sk_test_secret", now: now))

        var same: HTTPBody? = HTTPBody(Self.body)
        #expect(try await !Self.scheme.verify(request, body: &same, secret: "another secret", now: now))
        same = HTTPBody(Self.body)
        #expect(try await !Self.scheme.verify(request, body: &same, secret: "sk_test_secret", now: now.addingTimeInterval(301)))
        var tampered: HTTPBody? = HTTPBody(Data(#"{"cancellationReason":"changed"}"#.utf8))
        #expect(try await !Self.scheme.verify(request, body: &tampered, secret: "sk_test_secret", now: now))
        var otherPath = request
        otherPath.path = "/v1/invoices/inv_other/cancel"
        same = HTTPBody(Self.body)
        #expect(try await !Self.scheme.verify(otherPath, body: &same, secret: "sk_test_secret", now: now))
        var unsigned = request
        unsigned.headerFields.set("Request-Signature", nil)
        same = HTTPBody(Self.body)
        #expect(try await !Self.scheme.verify(unsigned, body: &same, secret: "sk_test_secret", now: now))
        #expect("\(RequestSigningSecret("sk_test_secret"))" == "RequestSigningSecret(<redacted>)")
    }
}
