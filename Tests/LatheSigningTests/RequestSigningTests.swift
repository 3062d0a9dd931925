import Foundation
import HTTPTypes
@_spi(Generated) import LatheRuntime
import OpenAPIRuntime
import Testing

@_spi(Generated) @testable import LatheSigning

/// Signatures against values computed independently with Python's hmac and json modules (the
/// HMAC itself is swift-crypto's).
struct RequestSigningTests {
    @Test func hexRoundTripsAndRefusesWhatIsNotHex() {
        let bytes: [UInt8] = [0x00, 0x0F, 0xA5, 0xFF]
        #expect(RequestSignature.hex(bytes) == "000fa5ff")
        #expect(RequestSignature.bytes(hex: "000fa5ff") == bytes)
        #expect(RequestSignature.bytes(hex: "000FA5FF") == bytes)
        #expect(RequestSignature.bytes(hex: "000fa5f") == nil)
        #expect(RequestSignature.bytes(hex: "zz") == nil)
        #expect(RequestSignature.bytes(hex: "") == [])
    }

    @Test func canonicalJSONSortsEveryLevelAndWritesLikeJavaScript() {
        let body = Data(
            #"{ "cancellationReason" : "Customer asked, \"twice\"\/\u00e9\n", "amount": {"value": 1500, "currency": "NGN"}, "tags": ["b","a"], "ok": true, "none": null }"#
                .utf8)
        let canonical = CanonicalJSON.text(body).map { String(decoding: $0, as: UTF8.self) }
        #expect(
            canonical
                == #"{"amount":{"currency":"NGN","value":1500},"cancellationReason":"Customer asked, \"twice\"/é\n","none":null,"ok":true,"tags":["b","a"]}"#
        )
        #expect(CanonicalJSON.text(Data("not json".utf8)) == nil)
        let numbers: [(Double, String)] = [
            (1.5, "1.5"), (100, "100"), (0.000001, "0.000001"), (1e-7, "1e-7"), (1e21, "1e+21"),
            (1e20, "100000000000000000000"), (-0.5, "-0.5"), (123.456e-10, "1.23456e-8"), (0, "0"),
        ]
        for (value, text) in numbers {
            #expect(CanonicalJSON.javaScriptNumber(value) == text)
        }
    }

    static let scheme = RequestSignature(
        header: "Request-Signature", timestampHeader: "Request-Timestamp", tolerance: 300,
        components: [.lowercasedPath, .bodyHash, .timestamp])
    static let body = Data(
        #"{"cancellationReason":"Customer asked, \"twice\"/é\n","amount":{"value":1500,"currency":"NGN"},"tags":["b","a"],"ok":true,"none":null}"#
            .utf8)

    @Test func signatureMatchesAnIndependentComputation() {
        let signature = Self.scheme.signature(
            method: "POST", path: "/v1/Invoices/INV_abc/cancel?expand=x", body: Self.body, timestamp: "1763730000",
            secret: "sk_test_secret")
        #expect(
            signature
                == "2f6e7339839253e890ac7cf86dfb295ab396f78131ad4b110e52dc98adae0c30c8f5e3599e8083c3897a0ae823e7ac1f95b61cec183b7e92e36308bd64451fbf"
        )
        // Without a body there is no body hash in the signed text.
        #expect(
            Self.scheme.signature(
                method: "POST", path: "/v1/invoices/inv_abc/cancel", body: nil, timestamp: "1763730000",
                secret: "sk_test_secret")
                == "02b960e3bbfe52df8aea5283c8c2cfd68898d9e5e5631cb294bb3bc31d005adc6c17a337d57c2df1c28351158ed86b2db91f1430862e875e8dfc314a3b1f4a82"
        )
    }

    @Test func signThenVerify() async throws {
        let now = Date(timeIntervalSince1970: 1_763_730_000)
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/v1/invoices/inv_abc/cancel")
        var body: HTTPBody? = HTTPBody(Self.body)
        try await Self.scheme.sign(&request, body: &body, secret: "sk_test_secret", now: now)
        #expect(request.headerFields.value("Request-Timestamp") == "1763730000")
        #expect(request.headerFields.value("Request-Signature")?.count == 128)
        // The body is still readable after signing.
        #expect(try await BodyCoding.bytes(body) == Self.body)

        var serverBody: HTTPBody? = HTTPBody(Self.body)
        #expect(
            try await Self.scheme.verify(
                request, body: &serverBody, secret: "sk_test_secret", now: now.addingTimeInterval(299)))
        #expect(try await BodyCoding.bytes(serverBody) == Self.body)
        // A key order or spacing the client chose does not matter: the hash is of the canonical form.
        var reordered: HTTPBody? = HTTPBody(
            Data(
                #"{"tags":["b","a"], "none":null,"ok":true,"amount":{"currency":"NGN","value":1500},"cancellationReason":"Customer asked, \"twice\"/\u00e9\n"}"#
                    .utf8))
        #expect(try await Self.scheme.verify(request, body: &reordered, secret: "sk_test_secret", now: now))

        var same: HTTPBody? = HTTPBody(Self.body)
        #expect(try await !Self.scheme.verify(request, body: &same, secret: "another secret", now: now))
        same = HTTPBody(Self.body)
        #expect(
            try await !Self.scheme.verify(
                request, body: &same, secret: "sk_test_secret", now: now.addingTimeInterval(301)))
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
        // Hex in capitals is the same signature; text that is not hex is none.
        var shouted = request
        shouted.headerFields.set("Request-Signature", request.headerFields.value("Request-Signature")!.uppercased())
        same = HTTPBody(Self.body)
        #expect(try await Self.scheme.verify(shouted, body: &same, secret: "sk_test_secret", now: now))
        var garbled = request
        garbled.headerFields.set("Request-Signature", String(repeating: "g", count: 128))
        same = HTTPBody(Self.body)
        #expect(try await !Self.scheme.verify(garbled, body: &same, secret: "sk_test_secret", now: now))
        #expect("\(RequestSigningSecret("sk_test_secret"))" == "RequestSigningSecret(<redacted>)")
    }
}
