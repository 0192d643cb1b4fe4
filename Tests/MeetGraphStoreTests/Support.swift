import Foundation
import MeetGraph
@testable import MeetGraphStore

/// A fresh folder under the system's temporary directory, removed when the value is dropped.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("meetgraph-store-tests-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    func path(_ name: String = MeetGraphStore.defaultFileName) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Small documents about invented people, written for these tests.
enum Sample {
    /// A participant whose evidence is `sentence`, said to start at `start` in `document`.
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

    /// Two meetings and a visit: 柯望舒 chairs, 苗新禾 speaks, 谭远帆 attends; 付清岚 only goes on the visit.
    static var flood: Document {
        let name = "a.txt"
        let chairSentence = "3月5日上午，市委书记柯望舒主持召开全市防汛工作会议并讲话。"
        let listSentence = "市长苗新禾通报有关情况，副市长谭远帆参加会议。"
        let visitSentence = "3月6日，市长苗新禾在秘书长付清岚陪同下调研春耕生产。"
        return Document(document: name, source: "test", published: EventDate("2024-03-05"), events: [
            Event(id: "e1", kind: .meeting, name: "全市防汛工作会议", date: EventDate("2024-03-05"), timeOfDay: "上午",
                  place: "市行政中心", participants: [
                    participant("柯望舒", [.chair, .speaker], titles: ["市委书记"], document: name,
                                sentence: chairSentence, start: 20),
                    participant("苗新禾", .speaker, titles: ["市长"], document: name, sentence: listSentence, start: 52),
                    participant("谭远帆", .attendee, titles: ["副市长"], document: name, sentence: listSentence, start: 52),
                  ]),
            Event(id: "e2", kind: .visit, name: "调研春耕生产", date: EventDate("2024-03-06"), participants: [
                participant("苗新禾", .attendee, titles: ["市长"], document: name, sentence: visitSentence, start: 80),
                participant("付清岚", .attendee, titles: ["秘书长"], document: name, sentence: visitSentence, start: 80),
            ]),
        ])
    }

    /// A standing-committee meeting a month later, by video, where 苗新禾 has a second title.
    static var committee: Document {
        let name = "b.txt"
        let sentence = "4月10日，市委书记柯望舒主持召开市委常委会会议，市委副书记、市长苗新禾，市委常委谭远帆出席。"
        return Document(document: name, source: "test", published: EventDate("2024-04-10"), events: [
            Event(id: "e1", kind: .meeting, name: "市委常委会会议", date: EventDate("2024-04-10"), form: .video,
                  participants: [
                    participant("柯望舒", .chair, titles: ["市委书记"], document: name, sentence: sentence, start: 0),
                    participant("苗新禾", .attendee, titles: ["市委副书记", "市长"], document: name,
                                sentence: sentence, start: 0),
                    participant("谭远帆", .attendee, titles: ["市委常委"], document: name, sentence: sentence, start: 0),
                  ]),
        ])
    }

    /// A meeting with no date and three events, used to interrupt an ingest half-way.
    static var threeEvents: Document {
        let name = "c.txt"
        func event(_ index: Int, _ people: [String]) -> Event {
            Event(id: "e\(index)", kind: .meeting, name: "第\(index)次专题会", participants: people.map {
                participant($0, .attendee, document: name, sentence: "\($0)参加第\(index)次专题会。", start: index * 10)
            })
        }
        return Document(document: name, events: [
            event(1, ["葛青蔓", "严知秋"]), event(2, ["葛青蔓", "柯望舒"]), event(3, ["严知秋"]),
        ])
    }

    static func item(_ document: Document, path: String? = nil) -> IngestItem {
        // The hash stands in for the hash of a file's bytes: sorted keys make the encoding stable.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try! encoder.encode(document)
        return IngestItem(document: document, contentHash: ContentHash.sha256(of: Array(data)),
                          path: path ?? "/corpus/" + document.document)
    }
}

/// A graph written as sorted lines, one per attendance, so that two graphs can be compared whatever their IDs.
func lines(_ graph: AttendanceGraph) -> [String] {
    graph.attendances.map { attendance in
        let person = graph[attendance.person]
        let event = graph[attendance.event]
        return [person.name, event.key, event.name, event.date?.description ?? "-", event.kind.rawValue,
                attendance.roles.description, attendance.titles.joined(separator: "、"),
                attendance.evidence.map { "\($0.sentence)@\($0.start)-\($0.end)" }.joined(separator: "|")]
            .joined(separator: " ")
    }.sorted()
}

/// The co-attendees of `name` in `graph` as (other, count), computed in memory by ``CoAttendance``.
func inMemoryCoAttendees(of name: String, in graph: AttendanceGraph) -> [String: Int] {
    let projection = CoAttendance(graph)
    guard let person = graph.person(named: name) else { return [:] }
    var result: [String: Int] = [:]
    for tie in projection.ties(of: person) {
        result[graph[CoAttendance.other(tie, from: person)].name] = tie.count
    }
    return result
}

/// Whether the maintained `tie` table says what a join over the participations says, for everyone.
func tiesAgreeWithParticipations(_ store: MeetGraphStore) throws -> Bool {
    for person in try store.loadGraph().people {
        let fromTies = try store.coAttendees(of: person.name)
        let fromJoin = try store.coAttendees(of: person.name, includingEvents: true).map { row in
            var row = row
            row.eventKeys = []
            return row
        }
        if fromTies != fromJoin { return false }
    }
    return true
}
