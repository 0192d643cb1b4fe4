import Foundation
import Hummingbird
import HummingbirdTesting
import MeetGraph
import MeetGraphExtraction
import MeetGraphStore
@testable import MeetGraphWeb

/// A store in a fresh temporary folder, removed when the value is dropped.
final class TestStore: Sendable {
    let folder: URL
    let store: MeetGraphStore
    let site: Site

    init(_ documents: [Document]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetgraph-web-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("web.sqlite").path
        let writer = try MeetGraphStore(path: path, nameKey: NameForms.simplifiedKey)
        _ = try writer.ingest(documents.enumerated().map { index, document in
            IngestItem(document: document, contentHash: "hash\(index)", path: "/texts/" + document.document)
        })
        try writer.checkpoint()
        store = try MeetGraphStore(path: path, readOnly: true, nameKey: NameForms.simplifiedKey)
        site = Site(store: store)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `body` with Hummingbird's test client on the site's routes.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: WebServer.router(site: site))
        try await app.test(.router) { client in try await body(client) }
    }
}

extension TestClientProtocol {
    /// GETs `path` with `parameters` percent-encoded, and returns the status and the body.
    func get(_ path: String, _ parameters: [(String, String?)] = []) async throws -> (status: HTTPResponse.Status, body: String,
                                                                                   headers: HTTPFields) {
        try await execute(uri: HTML.url(path, parameters), method: .get) { response in
            (response.status, String(buffer: response.body), response.headers)
        }
    }
}

/// Invented people and texts, written for these tests.
enum Samples {
    /// The hostile names: markup and an attribute break-out, as a text could contain.
    static let scriptName = "<script>alert(1)</script>"
    static let attributeName = "\"onmouseover=alert(2) x=\""

    static func participant(_ name: String, _ roles: Roles, titles: [String] = [], document: String,
                            sentence: String, start: Int) -> Participant {
        let offset = sentence.unicodeScalars.firstRange(of: name.unicodeScalars)
            .map { sentence.unicodeScalars.distance(from: sentence.unicodeScalars.startIndex, to: $0.lowerBound) }
        let evidence = Evidence(document: document, sentence: sentence, start: start,
                                end: start + sentence.unicodeScalars.count,
                                mentionStart: offset.map { start + $0 },
                                mentionEnd: offset.map { start + $0 + name.unicodeScalars.count })
        return Participant(name: name, roles: roles, titles: titles, evidence: [evidence])
    }

    /// A meeting chaired by 祁明远 with 闻若溪 speaking and 邵启航 attending, and a visit.
    static var river: Document {
        let name = "river.txt"
        let chair = "5月8日上午，市委书记祁明远主持召开全市河湖治理工作会议。"
        let list = "市长闻若溪作部署，副市长邵启航出席会议。"
        let visit = "5月9日，市长闻若溪在副市长邵启航陪同下调研河道整治。"
        return Document(document: name, source: "https://news.example.org/river", published: EventDate("2024-05-08"), events: [
            Event(id: "e1", kind: .meeting, name: "全市河湖治理工作会议", date: EventDate("2024-05-08"), timeOfDay: "上午",
                  place: "市民中心", participants: [
                    participant("祁明远", .chair, titles: ["市委书记"], document: name, sentence: chair, start: 10),
                    participant("闻若溪", .speaker, titles: ["市长"], document: name, sentence: list, start: 40),
                    participant("邵启航", .attendee, titles: ["副市长"], document: name, sentence: list, start: 40),
                  ]),
            Event(id: "e2", kind: .visit, name: "调研河道整治", date: EventDate("2024-05-09"), participants: [
                participant("闻若溪", .attendee, titles: ["市长"], document: name, sentence: visit, start: 70),
                participant("邵启航", .attendee, titles: ["副市长"], document: name, sentence: visit, start: 70),
            ]),
        ])
    }

    /// A traditional-script report: 顧雲帆 (stored as written) meets 闻若溪 written 聞若溪.
    static var harbour: Document {
        let name = "harbour.txt"
        let sentence = "6月3日，顧雲帆會見聞若溪一行。"
        return Document(document: name, source: "seed", published: EventDate("2024-06-03"), script: .traditional, events: [
            Event(id: "e1", kind: .meeting, name: "會見", date: EventDate("2024-06-03"), participants: [
                participant("顧雲帆", .chair, titles: ["理事長"], document: name, sentence: sentence, start: 5),
                participant("聞若溪", .attendee, document: name, sentence: sentence, start: 5),
            ]),
        ])
    }

    /// A meeting whose participants carry hostile names.
    static var hostile: Document {
        let name = "hostile.txt"
        let sentence = "会上，\(scriptName)与\(attributeName)发言，祁明远出席。"
        return Document(document: name, source: "javascript:alert(3)", published: EventDate("2024-07-01"), events: [
            Event(id: "e1", kind: .meeting, name: "<b>座谈会</b>", date: EventDate("2024-07-01"), place: "<img src=x onerror=alert(4)>",
                  participants: [
                    participant(scriptName, .speaker, titles: ["<i>主任</i>"], document: name, sentence: sentence, start: 0),
                    participant(attributeName, .speaker, document: name, sentence: sentence, start: 0),
                    participant("祁明远", .attendee, document: name, sentence: sentence, start: 0),
                  ]),
        ])
    }

    static var all: [Document] { [river, harbour, hostile] }
}
