import Testing
@testable import MeetGraph

@Suite struct CoAttendanceTests {
    static func sample() -> AttendanceGraph {
        let documents = [
            Document(document: "a.txt", events: [
                Event(id: "e1", kind: .meeting, name: "常务会议", date: EventDate("2022-05-16"), participants: [
                    Participant(name: "甲", roles: [.chair, .speaker]),
                    Participant(name: "乙", roles: .attendee),
                    Participant(name: "丙", roles: .attendee),
                ]),
                Event(id: "e2", kind: .visit, name: "调研", date: EventDate("2022-05-17"), participants: [
                    Participant(name: "甲", roles: .attendee),
                    Participant(name: "乙", roles: .attendee),
                ]),
            ]),
        ]
        return AttendanceGraph(documents: documents)
    }

    @Test func weightCountsSharedEvents() throws {
        let graph = Self.sample()
        let projection = CoAttendance(graph)
        let a = try #require(graph.person(named: "甲"))
        let b = try #require(graph.person(named: "乙"))
        let c = try #require(graph.person(named: "丙"))
        #expect(projection.tie(between: b, and: a)?.weight == 2)
        #expect(projection.tie(between: a, and: c)?.weight == 1)
        #expect(projection.ties.count == 3)
    }

    @Test func collaborationWeightFollowsNewman() throws {
        let graph = Self.sample()
        let projection = CoAttendance(graph, weighting: .collaboration)
        let a = try #require(graph.person(named: "甲"))
        let b = try #require(graph.person(named: "乙"))
        // e1 has 3 participants (1/2), e2 has 2 (1/1).
        #expect(projection.tie(between: a, and: b)?.weight == 1.5)
    }

    @Test func filterByKindDropsVisits() {
        let graph = Self.sample().filtered(by: AttendanceFilter(kinds: [.meeting]))
        #expect(graph.events.count == 1)
        #expect(CoAttendance(graph).ties.allSatisfy { $0.weight == 1 })
    }

    @Test func rolesEncodeAsSortedNames() throws {
        let roles: Roles = [.attendee, .chair]
        #expect(roles.description == "chair;attendee")
        #expect(Roles(parsing: "speaker,chair") == [.chair, .speaker])
        #expect(Roles(parsing: "boss") == nil)
    }
}
