import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MeetGraphWeb

/// The routes through Hummingbird's test client, on a small store of invented texts.
@Suite struct RouteTests {
    let fixture: TestStore

    init() throws { fixture = try TestStore(Samples.all) }

    @Test func homePageCountsTheStore() async throws {
        try await fixture.test { client in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.body.contains("people"))
            #expect(page.body.contains("/static/app.js"))
        }
    }

    @Test func searchFindsAPersonByPartOfTheName() async throws {
        try await fixture.test { client in
            let page = try await client.get("/search", [("q", "明远")])
            #expect(page.status == .ok)
            #expect(page.body.contains("祁明远"))
            let json = try await client.get("/api/search", [("q", "祁")])
            let answer = try JSONDecoder().decode(SearchAnswer.self, from: Data(json.body.utf8))
            #expect(answer.people.map(\.name) == ["祁明远"])
        }
    }

    @Test(arguments: [("顾云帆", "顧雲帆"), ("顧雲帆", "顧雲帆"), ("聞若溪", "闻若溪"), ("闻若溪", "闻若溪"), ("聞", "闻若溪")])
    func simplifiedOrTraditionalInputFindsBoth(query: String, expected: String) async throws {
        try await fixture.test { client in
            let json = try await client.get("/api/search", [("q", query)])
            let answer = try JSONDecoder().decode(SearchAnswer.self, from: Data(json.body.utf8))
            #expect(answer.people.map(\.name).contains(expected), "\(query) → \(answer.people)")
        }
    }

    @Test func personPageShowsTitlesEventsAndPeopleMetMost() async throws {
        try await fixture.test { client in
            let page = try await client.get("/person", [("name", "聞若溪")])  // traditional spelling of a stored name
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1 id=\"person-name\">闻若溪</h1>"))
            #expect(page.body.contains("市长"))
            #expect(page.body.contains("全市河湖治理工作会议"))
            #expect(page.body.contains("邵启航"))
            #expect(page.body.contains("data-src=\"/ego.svg?name="))

            let json = try await client.get("/api/person", [("name", "闻若溪")])
            let person = try JSONDecoder().decode(PersonAnswer.self, from: Data(json.body.utf8))
            #expect(person.person == "闻若溪")
            #expect(person.eventCount == 3)
            #expect(person.events.first?.event.date == "2024-06-03")  // newest first
            #expect(person.metMost.first?.person == "邵启航")
            #expect(person.metMost.first?.count == 2)
        }
    }

    @Test func unknownPersonIsNotFoundWithSuggestions() async throws {
        try await fixture.test { client in
            let page = try await client.get("/person", [("name", "祁明")])
            #expect(page.status == .notFound)
            #expect(page.body.contains("祁明远"))
            let json = try await client.get("/api/person", [("name", "祁明")])
            #expect(json.status == .notFound)
            #expect(json.body.contains("\"suggestions\""))
        }
    }

    @Test func eventPageShowsRolesAndHighlightedEvidenceWithTheSource() async throws {
        try await fixture.test { client in
            let page = try await client.get("/event", [("key", "river.txt#e1")])
            #expect(page.status == .ok)
            #expect(page.body.contains("全市河湖治理工作会议"))
            #expect(page.body.contains("chair"))
            #expect(page.body.contains("市委书记<mark>祁明远</mark>主持召开"))
            #expect(page.body.contains("市长<mark>闻若溪</mark>作部署，副市长<mark>邵启航</mark>出席会议。"))
            #expect(page.body.contains("href=\"https://news.example.org/river\""))
            #expect(page.body.contains("市民中心"))

            let json = try await client.get("/api/event", [("key", "river.txt#e1")])
            let event = try JSONDecoder().decode(EventAnswer.self, from: Data(json.body.utf8))
            #expect(event.participants.map(\.person) == ["祁明远", "闻若溪", "邵启航"])
            #expect(event.participants[0].roles == ["chair"])
            #expect(event.participants[1].evidence.first?.sentence == "市长闻若溪作部署，副市长邵启航出席会议。")
        }
    }

    @Test func unknownEventAndMissingParametersAreClientErrors() async throws {
        try await fixture.test { client in
            let answer1 = try await client.get("/event", [("key", "nowhere#e9")])
            #expect(answer1.status == .notFound)
            let answer2 = try await client.get("/person")
            #expect(answer2.status == .badRequest)
            let answer3 = try await client.get("/graph", [("since", "yesterday")])
            #expect(answer3.status == .badRequest)
            let answer4 = try await client.get("/graph", [("kind", "party")])
            #expect(answer4.status == .badRequest)
        }
    }

    @Test func csvDownloadsWhatThePageShows() async throws {
        try await fixture.test { client in
            let csv = try await client.get("/person", [("name", "闻若溪"), ("format", "csv")])
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(csv.body.contains("全市河湖治理工作会议"))
            #expect(csv.body.contains("river.txt#e1"))
            let event = try await client.get("/event", [("key", "river.txt#e1"), ("format", "csv")])
            #expect(event.body.contains("市长闻若溪作部署，副市长邵启航出席会议。"))
            let graph = try await client.get("/graph", [("format", "csv")])
            #expect(graph.body.contains("邵启航"))
        }
    }

    @Test func tieListsTheSharedEvents() async throws {
        try await fixture.test { client in
            let json = try await client.get("/api/tie", [("a", "闻若溪"), ("b", "邵启航")])
            #expect(json.status == .ok)
            #expect(json.body.contains("调研河道整治"))
            #expect(json.body.contains("全市河湖治理工作会议"))
            let page = try await client.get("/tie", [("a", "闻若溪"), ("b", "邵启航")])
            #expect(page.body.contains("2 shared events"))
        }
    }

    @Test func egoPictureIsSVGWithEveryPersonOfTheCircle() async throws {
        try await fixture.test { client in
            let svg = try await client.get("/ego.svg", [("name", "闻若溪")])
            #expect(svg.status == .ok)
            #expect(svg.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
            #expect(svg.body.hasPrefix("<svg"))
            for name in ["闻若溪", "邵启航", "祁明远", "顧雲帆"] {
                #expect(svg.body.contains("<title>person:\(name)</title>"), "\(name) missing")
            }
            #expect(svg.body.contains("class=\"edge\""))
        }
    }

    @Test func graphFiltersPruneAndColourCommunities() async throws {
        try await fixture.test { client in
            let all = try await client.get("/api/graph")
            let graph = try JSONDecoder().decode(GraphAnswer.self, from: Data(all.body.utf8))
            #expect(graph.people.count == 6)
            #expect(graph.people.allSatisfy { $0.community >= 0 })
            let top = try JSONDecoder().decode(GraphAnswer.self, from: Data(try await client.get("/api/graph", [("top", "2")]).body.utf8))
            #expect(top.people.count == 2)
            #expect(top.peopleInFilter == 6)
            let visits = try JSONDecoder().decode(GraphAnswer.self, from: Data(
                try await client.get("/api/graph", [("kind", "visit")]).body.utf8))
            #expect(Set(visits.people.map(\.name)) == ["闻若溪", "邵启航"])
            let may = try JSONDecoder().decode(GraphAnswer.self, from: Data(
                try await client.get("/api/graph", [("since", "2024-05-01"), ("until", "2024-05-31"), ("role", "chair,speaker")]).body.utf8))
            #expect(Set(may.people.map(\.name)) == ["祁明远", "闻若溪"])
            let page = try await client.get("/graph", [("top", "3")])
            #expect(page.body.contains("id=\"communities\""))
            let svg = try await client.get("/graph.svg", [("top", "3")])
            #expect(svg.body.hasPrefix("<svg"))
        }
    }

    @Test func nothingWrites() async throws {
        try await fixture.test { client in
            for path in ["/", "/person?name=x", "/api/person", "/event", "/graph"] {
                for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                    let status = try await client.execute(uri: path, method: method) { $0.status }
                    #expect(status.code >= 400, "\(method) \(path) answered \(status)")
                }
            }
        }
        #expect(fixture.store.isReadOnly)
    }

    @Test func staticFilesAreServedLocally() async throws {
        try await fixture.test { client in
            let script = try await client.get("/static/app.js")
            #expect(script.status == .ok)
            #expect(script.body.contains("suggestions"))
            #expect(!script.body.contains("http://") && !script.body.contains("https://"))
            let answer5 = try await client.get("/static/style.css")
            #expect(answer5.status == .ok)
            let answer6 = try await client.get("/static/..%2F..%2FPackage.swift")
            #expect(answer6.status == .notFound)
        }
    }

    @Test func resultSizesAreBounded() async throws {
        try await fixture.test { client in
            let graph = try JSONDecoder().decode(GraphAnswer.self, from: Data(
                try await client.get("/api/graph", [("top", "100000")]).body.utf8))
            #expect(graph.filter.top == GraphFilter.maximumTop)
            let answer7 = try await client.get("/api/search", [("q", "市"), ("limit", "100000")])
            #expect(answer7.status == .ok)
        }
    }
}

// What the JSON answers decode to in these tests: the documented fields.
struct SearchAnswer: Decodable { struct Person: Decodable { var name: String; var events: Int }; var people: [Person] }
struct EventSummaryAnswer: Decodable { var key: String; var name: String; var date: String? }
struct PersonAnswer: Decodable {
    struct Entry: Decodable { var event: EventSummaryAnswer; var roles: [String] }
    struct Met: Decodable { var person: String; var count: Int }
    var person: String
    var eventCount: Int
    var events: [Entry]
    var metMost: [Met]
}
struct EventAnswer: Decodable {
    struct Evidence: Decodable { var sentence: String }
    struct Participant: Decodable { var person: String; var roles: [String]; var evidence: [Evidence] }
    var participants: [Participant]
}
struct GraphAnswer: Decodable {
    struct Filter: Decodable { var top: Int }
    struct Person: Decodable { var name: String; var community: Int }
    var filter: Filter
    var peopleInFilter: Int
    var people: [Person]
}
