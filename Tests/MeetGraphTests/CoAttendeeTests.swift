import Testing
import MeetGraph

@Suite struct CoAttendeeTests {
    /// 甲 meets 乙 three times (one undated), 丙 once, and 丁 once as a chair.
    static func graph() -> AttendanceGraph {
        AttendanceGraph(documents: [Document(document: "who.txt", events: [
            Event(id: "e1", kind: .meeting, name: "常务会议", date: EventDate("2022-05-16"), participants: [
                Participant(name: "甲", roles: .chair), Participant(name: "乙", roles: .attendee),
            ]),
            Event(id: "e2", kind: .visit, name: "调研", date: EventDate("2021-11-02"), participants: [
                Participant(name: "乙", roles: .attendee), Participant(name: "甲", roles: .attendee),
                Participant(name: "丙", roles: .attendee),
            ]),
            Event(id: "e3", kind: .meeting, name: "座谈会", participants: [
                Participant(name: "甲", roles: .speaker), Participant(name: "乙", roles: .attendee),
            ]),
            Event(id: "e4", kind: .meeting, name: "推进会", date: EventDate("2023-01-09"), participants: [
                Participant(name: "丁", roles: .chair), Participant(name: "甲", roles: .attendee),
            ]),
        ])])
    }

    @Test func summaryCountsDatesAndEventsOfEachPersonMet() throws {
        let graph = Self.graph()
        let projection = CoAttendance(graph)
        let met = projection.coAttendees(of: graph.person(named: "甲")!)
        #expect(met.map { graph[$0.person].name } == ["乙", "丁", "丙"])
        let first = try #require(met.first)
        #expect(first.count == 3)
        #expect(first.weight == 3)
        #expect(first.firstDate == EventDate("2021-11-02"))
        #expect(first.lastDate == EventDate("2022-05-16"))
        // Earliest first, the undated meeting last.
        #expect(first.events.map { graph[$0].key } == ["who.txt#e2", "who.txt#e1", "who.txt#e3"])
    }

    @Test func pairSummaryMatchesListEntry() throws {
        let graph = Self.graph()
        let projection = CoAttendance(graph)
        let a = graph.person(named: "甲")!, b = graph.person(named: "乙")!
        let pair = try #require(projection.coAttendee(b, of: a))
        #expect(projection.coAttendees(of: a).first == pair)
        #expect(projection.coAttendee(graph.person(named: "丙")!, of: graph.person(named: "丁")!) == nil)
    }

    @Test func roleFilterKeepsOnlyMatchingParticipations() {
        let graph = Self.graph()
        // Only chairs and speakers: 甲 chaired e1 and spoke at e3, 丁 chaired e4; nobody else counts.
        let projection = CoAttendance(graph, filter: AttendanceFilter(roles: [.chair, .speaker]))
        #expect(projection.coAttendees(of: graph.person(named: "甲")!).isEmpty)
        #expect(projection.attendees.map { graph[$0].name }.sorted() == ["丁", "甲"])
        #expect(projection.ties.isEmpty)
    }
}
