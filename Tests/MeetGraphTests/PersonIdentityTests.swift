import Testing
import MeetGraph

@Suite struct PersonIdentityTests {
    /// A key folding two invented "traditional" characters into their simplified forms.
    static let folding = PersonIdentity(nameKey: { name in
        String(name.map { $0 == "曉" ? "晓" : $0 == "華" ? "华" : $0 })
    })

    static func document(_ name: String, _ people: [String]) -> Document {
        Document(document: name, events: [
            Event(id: "e1", kind: .meeting, name: "常务会议",
                  participants: people.map { Participant(name: $0, roles: .attendee) }),
        ])
    }

    @Test func namesWithOneKeyAreOnePersonShownAsMostTextsWriteThem() {
        let graph = AttendanceGraph(documents: [
            Self.document("a.txt", ["李曉華", "王志明"]),
            Self.document("b.txt", ["李晓华", "王志明"]),
            Self.document("c.txt", ["李晓华"]),
        ], identity: Self.folding)
        #expect(graph.people.map(\.name).sorted() == ["李晓华", "王志明"])
        let person = graph.person(named: "李曉華")
        #expect(person != nil && person == graph.person(named: "李晓华"))
        #expect(person.map { graph.attendanceCount(of: $0) } == 3)
    }

    @Test func aTieBetweenSpellingsGoesToTheOneSeenFirst() {
        let graph = AttendanceGraph(documents: [
            Self.document("a.txt", ["李曉華"]), Self.document("b.txt", ["李晓华"]),
            Self.document("c.txt", ["李晓华"]), Self.document("d.txt", ["李曉華"]),
        ], identity: Self.folding)
        #expect(graph.people.map(\.name) == ["李曉華"])
    }

    @Test func withoutAKeyEverySpellingIsItsOwnPerson() {
        let graph = AttendanceGraph(documents: [Self.document("a.txt", ["李曉華"]), Self.document("b.txt", ["李晓华"])])
        #expect(graph.people.count == 2)
    }

    @Test func aliasesLeadToTheNameTheyStandFor() throws {
        let identity = PersonIdentity(aliases: ["小李": "李晓华"])
        #expect(try identity.canonicalName("小李") == "李晓华")
        #expect(identity.key(of: "小李") == identity.key(of: "李晓华"))
        let cycle = PersonIdentity(aliases: ["甲": "乙", "乙": "甲"])
        #expect(throws: IdentityError.aliasCycle(name: "甲")) { try cycle.canonicalName("甲") }
    }

    @Test func twoSpellingsAtOneEventCountOnce() {
        let graph = AttendanceGraph(documents: [
            Self.document("a.txt", ["李晓华", "李曉華"]),
            Self.document("b.txt", ["李曉華"]),
        ], identity: Self.folding)
        #expect(graph.people.count == 1)
        #expect(graph.attendances.count == 2)
        // One mention each: the first seen wins.
        #expect(graph.people.first?.name == "李晓华")
    }

    @Test func aDateRangeCountsTheEventsItLeavesOutUndated() {
        var graph = AttendanceGraph()
        graph.addEvent(.init(key: "a#e1", document: "a", kind: .meeting, name: "会议", date: EventDate("2022-05-16")))
        graph.addEvent(.init(key: "a#e2", document: "a", kind: .meeting, name: "会议", date: EventDate("05-16")))
        graph.addEvent(.init(key: "a#e3", document: "a", kind: .meeting, name: "会议"))
        graph.addEvent(.init(key: "a#e4", document: "a", kind: .visit, name: "调研"))
        let range = AttendanceFilter(since: EventDate("2022-01-01"))
        #expect(range.undated(in: graph) == UndatedEvents(withoutDate: 2, withoutYear: 1))
        #expect(AttendanceFilter(kinds: [.meeting], since: EventDate("2022-01-01")).undated(in: graph).total == 2)
        #expect(AttendanceFilter(kinds: [.meeting]).undated(in: graph).total == 0)
    }
}
