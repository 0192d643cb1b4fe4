import Foundation
import MeetGraph
import Testing
@testable import MeetGraphStore

/// The web page's person overview lists a person's newest events, whoever the person is: one who
/// attends most of the archive, one whose events are all old, one with a few.
@Suite struct BrowseQueryTests {
    /// 300 meetings, two a day from 2023-01-01 (28 days a month), every thirtieth undated. 贺望舒 attends three in
    /// four, 蓝知秋 the oldest 200, 严若川 every twenty-fifth; 柯一帆 attends them all.
    static func archive() -> Document {
        let name = "archive.txt"
        var events: [Event] = []
        for index in 0..<300 {
            var people = ["柯一帆"]
            if index % 4 != 0 { people.append("贺望舒") }
            if index < 200 { people.append("蓝知秋") }
            if index % 25 == 0 { people.append("严若川") }
            let day = index / 2
            let date = index % 30 == 29 ? nil : EventDate(year: 2023, month: 1 + day / 28, day: 1 + day % 28)
            events.append(Event(id: "e\(index)", kind: .meeting, name: "第\(index)次调度会", date: date,
                                participants: people.map {
                                    Sample.participant($0, .attendee, document: name, sentence: "\($0)参加第\(index)次调度会。",
                                                       start: index * 20)
                                }))
        }
        return Document(document: name, source: "test", events: events)
    }

    @Test(arguments: ["贺望舒", "蓝知秋", "严若川", "柯一帆"], [1, 20, 100, 400])
    func theOverviewListsTheNewestEventsFirstAndUndatedLast(person: String, limit: Int) throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        try store.ingest([Sample.item(Self.archive())])

        let overview = try store.overview(of: person, limit: limit)
        // The timeline lists undated events first, then by date; both break ties by storage order.
        let timeline = try store.timeline(of: person).entries.map(\.event)
        let dated = timeline.filter { $0.date != nil }.map(\.key)
        let undated = timeline.filter { $0.date == nil }.map(\.key)
        let newestFirst = dated.reversed() + undated.reversed()
        #expect(overview.eventCount == timeline.count)
        #expect(overview.entries.map(\.event.key) == Array(newestFirst.prefix(limit)))
        #expect(overview.entries.allSatisfy { $0.roles == .attendee })
    }
}
