/// Every runtime symbol that generated code names, spelled once: renaming or moving one in
/// LatheRuntime (or LatheSigning) is one edit here. Types are lowerCamel properties; a type's members
/// used as functions or cases sit in an enum named after it.
enum Runtime {
    static let module = "LatheRuntime"
    /// What every generated file imports: the runtime, with the symbols only generated code uses.
    static let importLine = "@_spi(Generated) import LatheRuntime"
    /// The module that signs and verifies requests (swift-crypto), imported only where a scheme signs.
    static let signingModule = "LatheSigning"
    /// `Validatable`'s requirement, hidden from users behind the same SPI.
    static let validationRequirement =
        "@_spi(Generated) public func collectValidationIssues(at path: \(jsonPath), into issues: "
        + "inout [\(validationIssue)])"

    static let apiKeyCredential = "LatheRuntime.APIKeyCredential"
    static let anyCodingKey = "LatheRuntime.AnyCodingKey"
    static let basicCredentials = "LatheRuntime.BasicCredentials"
    static let bearerTokenProvider = "LatheRuntime.BearerTokenProvider"
    static let accept = "LatheRuntime.Accept"
    static let admission = "LatheRuntime.Admission"
    static let caller = "LatheRuntime.Caller"
    static let calendarDate = "LatheRuntime.CalendarDate"
    static let clientConfiguration = "LatheRuntime.ClientConfiguration"
    static let decimalString = "LatheRuntime.DecimalString"
    static let filePart = "LatheRuntime.FilePart"
    static let indirect = "LatheRuntime.Indirect"
    static let itemStream = "LatheRuntime.ItemStream"
    static let jsonPath = "LatheRuntime.JSONPath"
    static let jsonValue = "LatheRuntime.JSONValue"
    static let multipartField = "LatheRuntime.MultipartField"
    static let multipartForm = "LatheRuntime.MultipartForm"
    static let nullable = "LatheRuntime.Nullable"
    static let numberOrString = "LatheRuntime.NumberOrString"
    static let operationError = "LatheRuntime.OperationError"
    static let requestError = "LatheRuntime.RequestError"
    static let responseError = "LatheRuntime.ResponseError"
    static let requestSignature = "LatheSigning.RequestSignature"
    static let requestSigningSecret = "LatheSigning.RequestSigningSecret"
    static let signingPartner = "LatheSigning.SigningPartner"
    static let serverLimits = "LatheRuntime.ServerLimits"
    static let webhookChoice = "LatheRuntime.WebhookChoice"
    static let formStyle = "LatheRuntime.FormStyle"
    static let serverEvent = "LatheRuntime.ServerEvent"
    static let unexpectedContentType = "LatheRuntime.UnexpectedContentType"
    static let typedEventData = "LatheRuntime.TypedEventData"
    static let uriPrimitive = "LatheRuntime.URIPrimitive"
    static let validatable = "LatheRuntime.Validatable"
    static let validationIssue = "LatheRuntime.ValidationIssue"

    enum BodyCoding {
        static let contentType = "LatheRuntime.BodyCoding.contentType"
        static let isJSON = "LatheRuntime.BodyCoding.isJSON"
        static let decodeForm = "LatheRuntime.BodyCoding.decodeForm"
        static let form = "LatheRuntime.BodyCoding.form"
        static let json = "LatheRuntime.BodyCoding.json"
        static let text = "LatheRuntime.BodyCoding.text"
    }

    enum Check {
        static let constant = "LatheRuntime.Check.constant"
        static let count = "LatheRuntime.Check.count"
        static let documented = "LatheRuntime.Check.documented"
        static let length = "LatheRuntime.Check.length"
        static let noAdditionalProperties = "LatheRuntime.Check.noAdditionalProperties"
        static let number = "LatheRuntime.Check.number"
        static let numberOrString = "LatheRuntime.Check.numberOrString"
        static let pattern = "LatheRuntime.Check.pattern"
        static let present = "LatheRuntime.Check.present"
        static let propertyName = "LatheRuntime.Check.propertyName"
        static let undocumentedCase = "LatheRuntime.Check.undocumentedCase"
        static let unique = "LatheRuntime.Check.unique"
    }

    enum ClientSupport {
        static let appendCookie = "LatheRuntime.ClientSupport.appendCookie"
        static let appendQuery = "LatheRuntime.ClientSupport.appendQuery"
        static let call = "LatheRuntime.ClientSupport.call"
        static let checkFailure = "LatheRuntime.ClientSupport.checkFailure"
        static let decodeJSON = "LatheRuntime.ClientSupport.decodeJSON"
        static let decodeMultipart = "LatheRuntime.ClientSupport.decodeMultipart"
        static let arrivedEmpty = "LatheRuntime.ClientSupport.arrivedEmpty"
        static let hasNoContent = "LatheRuntime.ClientSupport.hasNoContent"
        static let headerName = "LatheRuntime.ClientSupport.headerName"
        static let path = "LatheRuntime.ClientSupport.path"
        static let send = "LatheRuntime.ClientSupport.send"
        static let serverURL = "LatheRuntime.ClientSupport.serverURL"
        static let validate = "LatheRuntime.ClientSupport.validate"
        static let webhookTarget = "LatheRuntime.ClientSupport.webhookTarget"
    }

    enum AnyOfCoding {
        static let encodeObjects = "LatheRuntime.AnyOfCoding.encodeObjects"
    }

    enum CompositeCoding {
        static let encodeMerged = "LatheRuntime.CompositeCoding.encodeMerged"
    }

    enum EnumCoding {
        static let byRawValue = "LatheRuntime.EnumCoding.byRawValue"
        static let positions = "LatheRuntime.EnumCoding.positions"
        static let discriminator = "LatheRuntime.EnumCoding.discriminator"
        static let encode = "LatheRuntime.EnumCoding.encode"
    }

    enum Indirect {
        static let box = "LatheRuntime.Indirect.box"
        static let unbox = "LatheRuntime.Indirect.unbox"
    }

    enum JSONCoding {
        static let rejectsNull = "LatheRuntime.JSONCoding.rejectsNull"
    }

    enum JSONValue {
        static let number = "LatheRuntime.JSONValue.number"
    }

    enum Literal {
        static let date = "LatheRuntime.Literal.date"
        static let decimal = "LatheRuntime.Literal.decimal"
    }

    enum MultipartForm {
        static let decode = "LatheRuntime.MultipartForm.decode"
    }

    enum StreamCoding {
        static let events = "LatheRuntime.StreamCoding.events"
        static let json = "LatheRuntime.StreamCoding.json"
        static let jsonLines = "LatheRuntime.StreamCoding.jsonLines"
        static let jsonText = "LatheRuntime.StreamCoding.jsonText"
        static let jsonSequence = "LatheRuntime.StreamCoding.jsonSequence"
    }

    enum ServerSupport {
        static let apiKey = "LatheRuntime.ServerSupport.apiKey"
        static let badRequest = "LatheRuntime.ServerSupport.badRequest"
        static let basic = "LatheRuntime.ServerSupport.basic"
        static let bearer = "LatheRuntime.ServerSupport.bearer"
        static let decodeJSON = "LatheRuntime.ServerSupport.decodeJSON"
        static let registerWebhooks = "LatheRuntime.ServerSupport.registerWebhooks"
        static let webhookRoute = "LatheRuntime.ServerSupport.WebhookRoute"
        static let handle = "LatheRuntime.ServerSupport.handle"
        static let notAcceptable = "LatheRuntime.ServerSupport.notAcceptable"
        static let notFound = "LatheRuntime.ServerSupport.notFound"
        static let query = "LatheRuntime.ServerSupport.query"
        static let requiredStream = "LatheRuntime.ServerSupport.requiredStream"
        static let splittingSegments = "LatheRuntime.ServerSupport.splittingSegments"
        static let unauthorized = "LatheRuntime.ServerSupport.unauthorized"
    }

    enum URIDecoding {
        static let array = "LatheRuntime.URIDecoding.array"
        static let cookie = "LatheRuntime.URIDecoding.cookie"
        static let header = "LatheRuntime.URIDecoding.header"
        static let json = "LatheRuntime.URIDecoding.json"
        static let map = "LatheRuntime.URIDecoding.map"
        static let object = "LatheRuntime.URIDecoding.object"
        static let path = "LatheRuntime.URIDecoding.path"
        static let primitive = "LatheRuntime.URIDecoding.primitive"
        static let query = "LatheRuntime.URIDecoding.query"
        static let queryItems = "LatheRuntime.URIDecoding.queryItems"
        static let querystring = "LatheRuntime.URIDecoding.querystring"
        static let required = "LatheRuntime.URIDecoding.required"
    }

    enum URIEncoding {
        static let cookie = "LatheRuntime.URIEncoding.cookie"
        static let header = "LatheRuntime.URIEncoding.header"
        static let path = "LatheRuntime.URIEncoding.path"
        static let query = "LatheRuntime.URIEncoding.query"
        static let querystring = "LatheRuntime.URIEncoding.querystring"
    }

    enum URIValue {
        static let of = "LatheRuntime.URIValue.of"
    }
}
