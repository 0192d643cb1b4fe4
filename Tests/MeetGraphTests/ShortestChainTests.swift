import Testing
import MeetGraph

@Suite struct ShortestChainTests {
    /// 甲 met 乙 at a meeting and a visit, 乙 met 丙, 丙 met 丁; 甲 also reaches 丁 through 戊
    /// and 己 (a longer way); 庚 met only 辛.
    static func graph() -> AttendanceGraph {
        func event(_ id: String, _ kind: EventKind, _ date: String, _ names: [String]) -> Event {
            Event(id: id, kind: kind, name: "会议" + id, date: EventDate(date),
                  participants: names.map { Participant(name: $0, roles: .attendee) })
        }
        return AttendanceGraph(documents: [Document(document: "chain.txt", events: [
            event("e1", .meeting, "2021-03-01", ["甲", "乙"]),
            event("e2", .visit, "2021-04-01", ["甲", "乙"]),
            event("e3", .meeting, "2021-05-01", ["乙", "丙"]),
            event("e4", .meeting, "2021-06-01", ["丙", "丁"]),
            event("e5", .meeting, "2021-07-01", ["甲", "戊"]),
            event("e6", .meeting, "2021-08-01", ["戊", "己"]),
            event("e7", .meeting, "2021-09-01", ["己", "壬"]),
            event("e8", .meeting, "2021-10-01", ["壬", "丁"]),
            event("e9", .meeting, "2021-11-01", ["庚", "辛"]),
        ])])
    }

    static func id(_ graph: AttendanceGraph, _ name: String) -> PersonID { graph.person(named: name)! }

    @Test func chainTakesFewestHopsAndNamesTheEventsOfEachStep() throws {
        let graph = Self.graph()
        let chain = try #require(ShortestChain(from: Self.id(graph, "甲"), to: Self.id(graph, "丁"), in: CoAttendance(graph)))
        #expect(chain.people.map { graph[$0].name } == ["甲", "乙", "丙", "丁"])
        #expect(chain.length == 3)
        #expect(chain.steps.map { $0.events.map { graph[$0].key } } == [
            ["chain.txt#e1", "chain.txt#e2"], ["chain.txt#e3"], ["chain.txt#e4"],
        ])
        for step in chain.steps {
            #expect(step.events.allSatisfy { graph.attendance(of: step.from, at: $0) != nil && graph.attendance(of: step.to, at: $0) != nil })
        }
    }

    @Test func equallyShortChainsAreBrokenBySmallerPersonID() throws {
        // Two two-hop chains from 子 to 卯: through 丑 (added first) and through 寅.
        let participants = [["子", "寅"], ["寅", "卯"], ["子", "丑"], ["丑", "卯"]]
        let document = Document(document: "tie.txt", events: participants.enumerated().map { index, names in
            Event(id: "e\(index)", kind: .meeting, name: "会", participants: names.map { Participant(name: $0, roles: .attendee) })
        })
        var graph = AttendanceGraph()
        for name in ["子", "丑", "寅", "卯"] { graph.addPerson(named: name) }
        graph.add(document)
        let projection = CoAttendance(graph)
        let forward = try #require(projection.shortestChain(from: Self.id(graph, "子"), to: Self.id(graph, "卯")))
        #expect(forward.people.map { graph[$0].name } == ["子", "丑", "卯"])
        let backward = try #require(projection.shortestChain(from: Self.id(graph, "卯"), to: Self.id(graph, "子")))
        #expect(backward.people.map { graph[$0].name } == ["卯", "丑", "子"])
    }

    @Test func noChainBetweenSeparateGroups() {
        let graph = Self.graph()
        #expect(ShortestChain(from: Self.id(graph, "甲"), to: Self.id(graph, "庚"), in: CoAttendance(graph)) == nil)
    }

    @Test func chainToOneselfHasNoSteps() throws {
        let graph = Self.graph()
        let chain = try #require(ShortestChain(from: Self.id(graph, "丙"), to: Self.id(graph, "丙"), in: CoAttendance(graph)))
        #expect(chain.length == 0)
        #expect(chain.people == [Self.id(graph, "丙")])
    }

    @Test func filteredProjectionOnlyChainsThroughKeptEvents() throws {
        let graph = Self.graph()
        // Without events before May, 甲 no longer meets 乙, so the chain goes through 戊, 己 and 壬.
        let projection = CoAttendance(graph, filter: AttendanceFilter(since: EventDate("2021-05-01")))
        let chain = try #require(projection.shortestChain(from: Self.id(graph, "甲"), to: Self.id(graph, "丁")))
        #expect(chain.people.map { graph[$0].name } == ["甲", "戊", "己", "壬", "丁"])
        // Without visits, 甲 and 乙 still met at e1 only.
        let meetings = CoAttendance(graph, filter: AttendanceFilter(kinds: [.meeting]))
        let short = try #require(meetings.shortestChain(from: Self.id(graph, "甲"), to: Self.id(graph, "乙")))
        #expect(short.steps.map { $0.events.map { graph[$0].key } } == [["chain.txt#e1"]])
    }
}
