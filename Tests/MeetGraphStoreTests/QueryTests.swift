import Foundation
import MeetGraph
@testable import MeetGraphStore
import Testing

/// A store holding the flood meeting, the visit and the committee meeting.
func sampleStore(_ folder: TemporaryFolder) throws -> MeetGraphStore {
    let store = try MeetGraphStore(path: folder.path())
    _ = try store.ingest([Sample.item(Sample.flood), Sample.item(Sample.committee)])
    return store
}

@Suite struct QueryTests {
    @Test func countsCountEachTable() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        #expect(try store.counts() == MeetGraphStore.Counts(documents: 2, events: 3, people: 4, participations: 8))
    }

    @Test func coAttendeesGivesCountsAndFirstAndLastDates() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        let rows = try store.coAttendees(of: "苗新禾", includingEvents: true)
        #expect(rows.map(\.person) == ["柯望舒", "谭远帆", "付清岚"])  // 2, 2, then 1; ties by name
        #expect(rows.map(\.count) == [2, 2, 1])
        #expect(rows[0].first == EventDate("2024-03-05") && rows[0].last == EventDate("2024-04-10"))
        #expect(rows[0].eventKeys == ["a.txt#e1", "b.txt#e1"])
        #expect(rows[2].eventKeys == ["a.txt#e2"] && rows[2].first == EventDate("2024-03-06"))
    }

    @Test func aLimitKeepsTheStrongestTiesInTheSameOrder() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        _ = try store.ingest([Sample.item(Sample.threeEvents)])
        for name in ["柯望舒", "苗新禾", "葛青蔓"] {
            let all = try store.coAttendees(of: name)
            let allWithEvents = try store.coAttendees(of: name, includingEvents: true)
            for limit in 0...4 {
                #expect(try store.coAttendees(of: name, limit: limit) == Array(all.prefix(limit)))
                #expect(try store.coAttendees(of: name, includingEvents: true, limit: limit)
                        == Array(allWithEvents.prefix(limit)))
                #expect(try store.coAttendees(of: name, filter: AttendanceFilter(kinds: [.meeting, .visit]), limit: limit)
                        == Array(all.prefix(limit)))
            }
        }
    }

    static let filters: [AttendanceFilter] = [
        .everything,
        AttendanceFilter(kinds: [.meeting]),
        AttendanceFilter(kinds: [.visit]),
        AttendanceFilter(since: EventDate("2024-03-06")),
        AttendanceFilter(until: EventDate("2024-03-31")),
        AttendanceFilter(roles: [.chair, .speaker]),
        AttendanceFilter(roles: .attendee),
    ]

    @Test(arguments: filters)
    func coAttendeesAgreeWithTheInMemoryProjection(filter: AttendanceFilter) throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        let graph = AttendanceGraph(documents: [Sample.flood, Sample.committee]).filtered(by: filter)
        for name in ["柯望舒", "苗新禾", "谭远帆", "付清岚"] {
            let rows = try store.coAttendees(of: name, filter: filter)
            let stored = Dictionary(uniqueKeysWithValues: rows.map { ($0.person, $0.count) })
            #expect(stored == inMemoryCoAttendees(of: name, in: graph), "\(name) with \(filter)")
            let withEvents = try store.coAttendees(of: name, filter: filter, includingEvents: true)
            #expect(withEvents.map(\.count) == rows.map(\.count))
            #expect(withEvents.allSatisfy { $0.eventKeys.count == $0.count })
        }
    }

    @Test func sharedEventsCarryBothPeoplesEvidence() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        let shared = try store.sharedEvents("柯望舒", "谭远帆")
        #expect(shared.map(\.event.key) == ["a.txt#e1", "b.txt#e1"])
        let flood = Sample.flood.events[0]
        #expect(shared[0].first.roles == [.chair, .speaker])
        #expect(shared[0].first.evidence == flood.participants[0].evidence)
        #expect(shared[0].second.evidence == flood.participants[2].evidence)
        #expect(shared[0].second.titles == ["副市长"])
        #expect(shared[1].event.form == .video)
        #expect(shared[0].event.timeOfDay == "上午" && shared[0].event.place == "市行政中心")
        #expect(try store.sharedEvents("付清岚", "谭远帆").isEmpty)
        #expect(try store.sharedEvents("柯望舒", "谭远帆", filter: AttendanceFilter(since: EventDate("2024-04-01"))).count == 1)
    }

    @Test func evidenceRoundTripsThroughTheGraph() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        let loaded = try store.loadGraph()
        let built = AttendanceGraph(documents: [Sample.flood, Sample.committee])
        #expect(lines(loaded) == lines(built))
        #expect(loaded.people.map(\.name) == built.people.map(\.name))
        #expect(loaded.people.map(\.titles) == built.people.map(\.titles))
        #expect(loaded.events == built.events)
        #expect(loaded.attendances == built.attendances)
    }

    @Test(arguments: filters)
    func aFilteredLoadKeepsWhatTheInMemoryFilterKeeps(filter: AttendanceFilter) throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        let expected = AttendanceGraph(documents: [Sample.flood, Sample.committee]).filtered(by: filter)
        let loaded = try store.loadGraph(filter: filter)
        #expect(lines(loaded) == lines(expected))
        #expect(Set(loaded.events.map(\.key)) == Set(expected.events.map(\.key)))
    }

    @Test func timelineListsEventsAndTitlesInDateOrder() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        let timeline = try store.timeline(of: "苗新禾")
        #expect(timeline.person == "苗新禾")
        #expect(timeline.entries.map(\.event.name) == ["全市防汛工作会议", "调研春耕生产", "市委常委会会议"])
        #expect(timeline.entries.map(\.participation.roles) == [.speaker, .attendee, .attendee])
        #expect(timeline.titles.map(\.title) == ["市长", "市长", "市委副书记", "市长"])
        #expect(timeline.titles.last?.date == EventDate("2024-04-10"))
        #expect(timeline.titles.last?.document == "b.txt")
    }

    @Test func eventsAreFoundByKey() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        let found = try store.events(withKeys: ["b.txt#e1", "a.txt#e2", "none#e9", "b.txt#e1"])
        #expect(found.map(\.key) == ["a.txt#e2", "b.txt#e1"])
        #expect(found.last?.label == "市委常委会会议 (2024-04-10)")
    }

    @Test func eventsAreFilteredByKindDateAndPerson() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        #expect(try store.events().map(\.key) == ["a.txt#e1", "a.txt#e2", "b.txt#e1"])
        #expect(try store.events(filter: AttendanceFilter(kinds: [.visit])).map(\.name) == ["调研春耕生产"])
        #expect(try store.events(person: "柯望舒").map(\.key) == ["a.txt#e1", "b.txt#e1"])
        #expect(try store.events(filter: AttendanceFilter(roles: .speaker), person: "柯望舒").map(\.key) == ["a.txt#e1"])
        #expect(try store.events(filter: AttendanceFilter(roles: .chair)).count == 2)
    }

    @Test func anUnknownNameSuggestsNamesSharingCharacters() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        #expect {
            try store.coAttendees(of: "苗新")
        } throws: { error in
            guard case StoreError.unknownPerson(let name, let suggestions) = error else { return false }
            return name == "苗新" && suggestions.first == "苗新禾" && !suggestions.contains("付清岚")
        }
        #expect(throws: StoreError.unknownPerson(name: "无此人", suggestions: [])) { try store.timeline(of: "无此人") }
    }

    @Test func importedRowsBuildTheSameGraphAsTheirDocument() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        let rows = [
            AttendanceRow(person: "柯望舒", event: "项目推进会", roles: .chair, date: EventDate("2023-11-02")),
            AttendanceRow(person: "谭远帆", event: "项目推进会", date: EventDate("2023-11-02")),
            AttendanceRow(person: "柯望舒", event: "项目推进会", roles: .speaker, date: EventDate("2023-11-02")),
            AttendanceRow(person: "谭远帆", event: "项目推进会", date: EventDate("2023-12-01")),
            AttendanceRow(person: "葛青蔓", event: "项目推进会", roles: [.speaker], date: EventDate("2023-12-01"),
                          titles: ["副区长"]),
            AttendanceRow(person: "葛青蔓", event: "走访企业", kind: .visit),
        ]
        let summary = try store.importAttendance(rows: rows, source: "/tables/meetings.csv")
        #expect(summary.added == ["/tables/meetings.csv"])
        let document = AttendanceRow.document(from: rows, named: "meetings.csv")
        #expect(document.events.count == 3)  // the same name on two dates is two events
        #expect(lines(try store.loadGraph()) == lines(AttendanceGraph(documents: [document])))
        #expect(try store.sharedEvents("柯望舒", "谭远帆").first?.first.roles == [.chair, .speaker])
        #expect(try store.coAttendees(of: "谭远帆").map(\.person) == ["柯望舒", "葛青蔓"])
        #expect(try store.importAttendance(rows: rows, source: "/tables/meetings.csv").unchanged == ["/tables/meetings.csv"])
        let changed = try store.importAttendance(rows: Array(rows.dropLast()), source: "/tables/meetings.csv")
        #expect(changed.replaced == ["/tables/meetings.csv"])
        #expect(try store.counts().events == 2)
    }
}

@Suite struct IdentityTests {
    /// The flood meeting again, a year later, where the text spells 苗新禾 as 苗欣禾.
    static var misspelt: Document {
        var document = Sample.committee
        document.document = "d.txt"
        document.events[0].date = EventDate("2025-04-10")
        document.events[0].participants[1].name = "苗欣禾"
        return document
    }

    @Test func aliasesMergeSpellingsAndCanBeRemoved() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        _ = try store.ingest([Sample.item(Self.misspelt)])
        #expect(try store.counts().people == 5)
        #expect(try store.coAttendees(of: "柯望舒").first { $0.person == "苗新禾" }?.count == 2)

        try store.setAliases(["苗欣禾": "苗新禾"])
        #expect(try store.aliases() == ["苗欣禾": "苗新禾"])
        #expect(try store.counts().people == 4)
        #expect(try store.coAttendees(of: "柯望舒").first { $0.person == "苗新禾" }?.count == 3)
        // The alias is applied to names asked about, too.
        #expect(try store.canonicalName(of: "苗欣禾") == "苗新禾")
        #expect(try store.timeline(of: "苗欣禾").entries.count == 4)
        #expect(try store.sharedEvents("苗欣禾", "柯望舒").last?.first.writtenName == "苗欣禾")
        #expect(try isConsistent(store))
        #expect(try tiesAgreeWithParticipations(store))

        try store.setAliases([:])
        #expect(try store.counts().people == 5)
        #expect(try store.timeline(of: "苗欣禾").entries.count == 1)
        #expect(try tiesAgreeWithParticipations(store))
    }

    @Test func aliasesApplyToDocumentsIngestedLater() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        try store.setAliases(["苗欣禾": "苗新禾"])
        _ = try store.ingest([Sample.item(Self.misspelt)])
        #expect(try store.counts().people == 4)
        // The misspelling is no person of its own: it names the canonical person, shown canonically.
        let graph = try store.loadGraph()
        #expect(!graph.people.map(\.name).contains("苗欣禾"))
        #expect(graph.person(named: "苗欣禾") != nil && graph.person(named: "苗欣禾") == graph.person(named: "苗新禾"))
    }

    @Test func aCycleOfAliasesIsRefused() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(folder)
        #expect {
            try store.setAliases(["苗欣禾": "苗新禾", "苗新禾": "苗欣禾"])
        } throws: { error in
            guard case StoreError.aliasCycle(let name) = error else { return false }
            return ["苗欣禾", "苗新禾"].contains(name)
        }
        #expect(try store.aliases().isEmpty)
    }

    @Test func aNameKeyConverterMakesTraditionalAndSimplifiedSpellingsOnePerson() throws {
        let folder = try TemporaryFolder()
        // A two-character stand-in for a traditional-to-simplified converter such as OpenCC's t2s.
        let simplified: @Sendable (String) -> String = { name in
            String(name.map { ["單": "单", "啟": "启"][$0] ?? $0 })
        }
        let store = try MeetGraphStore(path: folder.path(), nameKey: simplified)
        var traditional = Sample.threeEvents
        traditional.script = .traditional
        traditional.events[2].participants[0].name = "單啟明"
        var simplifiedText = Sample.committee
        simplifiedText.events[0].participants[2].name = "单启明"
        _ = try store.ingest([Sample.item(traditional), Sample.item(simplifiedText)])
        let timeline = try store.timeline(of: "单启明")
        #expect(timeline.person == "單啟明")  // shown as first stored
        #expect(timeline.entries.count == 2)
        #expect(try store.coAttendees(of: "單啟明").map(\.person) == ["柯望舒", "苗新禾"])
        // The same file opened without the converter sees two spellings as two people once reconciled.
        let plain = try MeetGraphStore(path: folder.path())
        try plain.reconcilePeople()
        #expect(try plain.timeline(of: "单启明").entries.count == 1)
        #expect(try plain.timeline(of: "單啟明").entries.count == 1)
        #expect(try tiesAgreeWithParticipations(plain))
    }
}
