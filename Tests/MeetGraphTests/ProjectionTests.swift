import Testing
import MeetGraph

/// The co-attendance projection's filters against a brute-force count over the Davis table.
@Suite struct ProjectionTests {
    static let davis = AttendanceGraph(documents: [DavisSouthernWomen.document()])

    /// Shared events of women i and j among the events whose number passes `keep`.
    static func sharedEvents(_ i: Int, _ j: Int, keeping keep: (Int) -> Bool) -> Int {
        Set(DavisSouthernWomen.attended[i]).intersection(DavisSouthernWomen.attended[j]).filter(keep).count
    }

    @Test func dateRangeCountsOnlyEventsInside() {
        // March and April of the (unknown) year: E2, E3, E7, E9, E12.
        let filter = AttendanceFilter(since: EventDate("03-01"), until: EventDate("04-30"))
        let projection = CoAttendance(Self.davis, filter: filter)
        let inside = Set((1...14).filter { filter.keeps(Self.davis.events[$0 - 1]) })
        #expect(inside == [2, 3, 7, 9, 12])
        let women = DavisSouthernWomen.women.map { Self.davis.person(named: $0)! }
        for i in women.indices {
            for j in women.indices where i < j {
                let expected = Self.sharedEvents(i, j) { inside.contains($0) }
                #expect(projection.tie(between: women[i], and: women[j])?.count ?? 0 == expected)
                if let tie = projection.tie(between: women[i], and: women[j]) {
                    #expect(projection.sharedEvents(tie).allSatisfy { inside.contains($0.index + 1) })
                }
            }
        }
    }

    @Test func filteredProjectionAgreesWithProjectionOfFilteredGraph() {
        let filter = AttendanceFilter(since: EventDate("05-01"))
        let direct = CoAttendance(Self.davis, filter: filter, weighting: .collaboration)
        let filteredGraph = Self.davis.filtered(by: filter)
        let viaGraph = CoAttendance(filteredGraph, weighting: .collaboration)
        #expect(direct.ties.count == viaGraph.ties.count)
        #expect(direct.attendees.count == filteredGraph.people.count)
        for tie in viaGraph.ties {
            let a = Self.davis.person(named: filteredGraph[tie.a].name)!
            let b = Self.davis.person(named: filteredGraph[tie.b].name)!
            #expect(direct.tie(between: a, and: b)?.weight == tie.weight)
        }
    }

    @Test func tiesOfAPersonAreOrderedByTheOtherAndMatchLookups() {
        let projection = CoAttendance(Self.davis)
        for person in Self.davis.personIDs {
            let ties = projection.ties(of: person)
            let others = ties.map { CoAttendance.other($0, from: person) }
            #expect(others == others.sorted())
            #expect(ties.count == projection.tieCount(of: person))
            for tie in ties { #expect(projection.tie(between: CoAttendance.other(tie, from: person), and: person) == tie) }
        }
        #expect(projection.ties == projection.ties.sorted { ($0.a, $0.b) < ($1.a, $1.b) })
    }

    @Test func sharedEventsOfATieAreTheEventsBothAttended() {
        let projection = CoAttendance(Self.davis)
        for tie in projection.ties {
            let events = projection.sharedEvents(tie)
            #expect(events.count == tie.count)
            #expect(events == events.sorted())
            #expect(events.allSatisfy { Self.davis.attendance(of: tie.a, at: $0) != nil && Self.davis.attendance(of: tie.b, at: $0) != nil })
        }
    }
}
