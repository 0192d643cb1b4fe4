import Foundation
import Hummingbird
import MeetGraph
import MeetGraphExport
import MeetGraphRender
import MeetGraphStore

/// Every route of the site. Each page is one handler that answers HTML, JSON (`format=json`, or
/// the same path under `/api`) or CSV (`format=csv`).
struct Routes: Sendable {
    let site: Site
    let timeout: Double

    enum Format: String { case html, json, csv }

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try await home() }
        router.get("/static/:file") { _, context in try Assets.response(context.parameters.require("file")) }
        router.get("/api") { _, _ in Self.html(APIDocument.html) }
        for (path, forced) in [("", nil), ("/api", Format.json)] as [(String, Format?)] {
            router.get("\(path)/search") { request, _ in
                try await answer(request, forced) { query in
                    let text = query["q"] ?? ""
                    return (try site.search(text, limit: query.integer("limit", default: 20, in: 1...Site.maximumSuggestions)),
                            "search")
                } html: { $0.html } table: { $0.table }
            }
            router.get("\(path)/person") { request, _ in
                try await answer(request, forced) { query in
                    let name = try Self.required(query, "name")
                    return (try site.person(name), "person")
                } html: { $0.html } table: { $0.table }
            }
            router.get("\(path)/event") { request, _ in
                try await answer(request, forced) { query in
                    let key = try Self.required(query, "key")
                    guard let page = try site.event(key) else { throw WebError.notFound("no event with key \(key)", suggestions: []) }
                    return (page, "event")
                } html: { $0.html } table: { $0.table }
            }
            router.get("\(path)/tie") { request, _ in
                try await answer(request, forced) { query in
                    (try site.tie(try Self.required(query, "a"), try Self.required(query, "b")), "tie")
                } html: { $0.html } table: { $0.table }
            }
            router.get("\(path)/graph") { request, _ in
                try await answer(request, forced) { query in
                    (try site.graph(try GraphFilter(query)), "coattendance")
                } html: { $0.html } table: { $0.table }
            }
        }
        router.get("/ego.svg") { request, _ in
            try await picture(request) { query in
                try site.egoPicture(try Self.required(query, "name"), top: query.integer("top", default: 25, in: 1...Site.maximumEgoPeople))
            }
        }
        router.get("/graph.svg") { request, _ in
            try await picture(request) { query in try site.graphPicture(try GraphFilter(query)) }
        }
    }

    // MARK: Answers

    private func home() async throws -> Response {
        let counts = try await Blocking.run(timeout: timeout) { [site] in try site.store.counts() }
        let body = """
            <h1>MeetGraph</h1>
            <p class="summary">\(counts.people) people, \(counts.events) events, \(counts.documents) documents.</p>
            <p>Type a name in the box above (simplified or traditional characters), or open the
            <a href="/graph">co-attendance graph</a>. Every page is also JSON: see <a href="/api">the API</a>.</p>
            """
        return Self.html(HTML.page(title: "MeetGraph", body: body))
    }

    /// Runs `make` off the cooperative threads and answers in the format asked for.
    private func answer<Page: Encodable & Sendable>(
        _ request: Request, _ forced: Format?,
        _ make: @escaping @Sendable (QueryParameters) throws -> (Page, String),
        html: @escaping @Sendable (Page) -> String, table: @escaping @Sendable (Page) -> ResultTable
    ) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let format = forced ?? query["format"].flatMap(Format.init(rawValue:)) ?? .html
        do {
            return try await Blocking.run(timeout: timeout) {
                let (page, name) = try make(query)
                switch format {
                case .html: return Self.html(html(page))
                case .json: return try Self.json(page)
                case .csv: return try Self.csv(table(page), name: name)
                }
            }
        } catch {
            return Self.failure(error, format: format)
        }
    }

    private func picture(_ request: Request, _ make: @escaping @Sendable (QueryParameters) throws -> String) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        do {
            let svg = try await Blocking.run(timeout: timeout) { try make(query) }
            return Response(status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8", .cacheControl: "no-cache"],
                            body: .init(byteBuffer: ByteBuffer(string: svg)))
        } catch {
            return Self.failure(error, format: .html)
        }
    }

    static func required(_ query: QueryParameters, _ name: String) throws(WebError) -> String {
        guard let value = query[name] else { throw .badRequest("the parameter \(name) is missing") }
        return value
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: contentSecurityPolicy],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Scripts and styles from this site only: a name that slipped past escaping still could not run.
    static let contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        + "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func csv(_ table: ResultTable, name: String) throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                        .contentDisposition: "attachment; filename=\"meetgraph-\(name).csv\""],
                 body: .init(byteBuffer: ByteBuffer(string: try table.csv(excel: true))))
    }

    /// An error as a page (HTML or JSON) with the right status: 400 for a bad parameter, 404 for
    /// an unknown person or event, 503 past the deadline, 500 otherwise.
    static func failure(_ error: any Error, format: Format) -> Response {
        let status: HTTPResponse.Status
        let message: String
        var suggestions: [String] = []
        switch error {
        case WebError.badRequest(let text):
            (status, message) = (.badRequest, text)
        case WebError.notFound(let text, let others):
            (status, message, suggestions) = (.notFound, text, others)
        case WebError.timedOut(let seconds):
            (status, message) = (.serviceUnavailable, "this page took longer than \(seconds) s; narrow the filters or lower top")
        case StoreError.unknownPerson(let name, let others):
            (status, message, suggestions) = (.notFound, "nobody called \(name) in the store", others)
        case let error as RenderError:
            (status, message) = (.internalServerError, "the picture could not be drawn: \(error)")
        case let error as StoreError:
            (status, message) = (.internalServerError, error.description)
        default:
            (status, message) = (.internalServerError, "\(error)")
        }
        if format == .json {
            struct Failure: Encodable { var error: String; var suggestions: [String] }
            return (try? json(Failure(error: message, suggestions: suggestions), status: status))
                ?? Response(status: status)
        }
        var body = "<h1>\(status.code) \(HTML.escaped(status.reasonPhrase))</h1>\n<p class=\"error\">\(HTML.escaped(message))</p>\n"
        if !suggestions.isEmpty {
            body += "<p>Did you mean: " + suggestions.map(HTML.personLink).joined(separator: " ") + "</p>\n"
        }
        return html(HTML.page(title: "\(status.code)", body: body), status: status)
    }
}

/// The page at `/api`: what each route answers.
enum APIDocument {
    static let html = HTML.page(title: "API", body: """
        <h1>API</h1>
        <p>Every page is also JSON: add <code>format=json</code> to its address, or put <code>/api</code>
        in front of its path. <code>format=csv</code> downloads the table the page shows. Only GET;
        nothing writes. Names and keys are percent-encoded UTF-8.</p>
        <table><thead><tr><th>path</th><th>parameters</th><th>answers</th></tr></thead><tbody>
        <tr><td><code>/api/search</code></td><td><code>q</code>, <code>limit</code> (≤ 50)</td>
        <td><code>{query, people: [{name, events}]}</code>: names containing q, simplified or traditional</td></tr>
        <tr><td><code>/api/person</code></td><td><code>name</code></td>
        <td><code>{person, eventCount, eventsTruncated, titles: [{title, first, last, count}], events: [{event, roles, titles}], metMost: [{person, count, first, last}]}</code> (≤ 200 newest events, ≤ 30 people)</td></tr>
        <tr><td><code>/api/event</code></td><td><code>key</code> (<code>document#id</code>)</td>
        <td><code>{event: {key, name, kind, date, timeOfDay, place, form, document}, source, path, published, participants: [{person, writtenName, roles, titles, evidence: [{document, sentence, start, end, mention_start, mention_end}]}]}</code></td></tr>
        <tr><td><code>/api/tie</code></td><td><code>a</code>, <code>b</code></td>
        <td><code>{a, b, events: [{event, rolesA, rolesB, sentence}]}</code> (≤ 200)</td></tr>
        <tr><td><code>/api/graph</code></td><td><code>since</code>, <code>until</code> (YYYY-MM-DD), <code>kind</code>, <code>role</code> (repeatable or comma-separated), <code>top</code> (≤ 300, default 60)</td>
        <td><code>{filter, peopleInFilter, people: [{name, events, weightedDegree, community}], ties: [{a, b, count}], communities}</code></td></tr>
        <tr><td><code>/ego.svg</code></td><td><code>name</code>, <code>top</code> (≤ 100, default 25)</td><td>SVG of the person's circle (Graphviz)</td></tr>
        <tr><td><code>/graph.svg</code></td><td>as <code>/api/graph</code></td><td>SVG of the co-attendance graph (Graphviz)</td></tr>
        </tbody></table>
        <p>Errors: 400 for a bad parameter, 404 for an unknown person or event (<code>{error, suggestions}</code>), 503 when a page takes longer than the time limit.</p>
        """)
}
