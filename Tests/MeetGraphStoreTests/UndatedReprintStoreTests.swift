import Foundation
import MeetGraph
@testable import MeetGraphStore
import Testing

/// The store folds undated reprints by the model's rule: the same undated event of one person in
/// two reports published the same day is stored once.
@Suite struct UndatedReprintStoreTests {
    static func report(_ name: String, published: String?, person: String) -> Document {
        Document(document: name, source: "test", published: published.flatMap(EventDate.init), events: [
            Event(id: "e1", kind: .meeting, name: "座谈会", participants: [
                Sample.participant(person, .attendee, document: name, sentence: person + "参加座谈会。", start: 0),
            ]),
        ])
    }

    @Test func oneUndatedEventCarriedTwiceTheSameDayIsStoredOnce() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        let summary = try store.ingest([
            Sample.item(Self.report("a.txt", published: "2022-05-17", person: "陆星遥")),
            Sample.item(Self.report("b.txt", published: "2022-05-17", person: "陆星遥")),
            Sample.item(Self.report("c.txt", published: "2022-06-01", person: "陆星遥")),
        ])
        #expect(summary.foldedEvents == 1)
        #expect(try store.counts().events == 2)
        #expect(try store.loadGraph().events.count == AttendanceGraph(documents: [
            Self.report("a.txt", published: "2022-05-17", person: "陆星遥"),
            Self.report("b.txt", published: "2022-05-17", person: "陆星遥"),
            Self.report("c.txt", published: "2022-06-01", person: "陆星遥"),
        ]).events.count)
    }
}
