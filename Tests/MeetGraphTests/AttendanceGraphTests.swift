import Testing
import MeetGraph

@Suite struct AttendanceGraphTests {
    @Test func secondAttendanceOfSamePairMergesRolesTitlesAndEvidence() throws {
        var graph = AttendanceGraph()
        let person = graph.addPerson(named: "甲")
        let event = graph.addEvent(.init(key: "a.txt#e1", document: "a.txt", kind: .meeting, name: "会议"))
        let first = Evidence(document: "a.txt", sentence: "甲主持会议。", start: 0, end: 6)
        let second = Evidence(document: "a.txt", sentence: "甲讲话。", start: 6, end: 10)
        graph.attend(person: person, event: event, roles: .chair, titles: ["市长"], evidence: [first])
        graph.attend(person: person, event: event, roles: .speaker, titles: ["市长", "副书记"], evidence: [first, second])
        #expect(graph.attendances.count == 1)
        let attendance = try #require(graph.attendance(of: person, at: event))
        #expect(attendance.roles == [.chair, .speaker])
        #expect(attendance.titles == ["市长", "副书记"])
        #expect(attendance.evidence == [first, second])
        #expect(graph.attendanceCount(of: person) == 1)
        #expect(graph.attendanceCount(at: event) == 1)
    }

    @Test func namesAndKeysAreFoundAfterManyInsertions() {
        var graph = AttendanceGraph()
        let names = (0..<3000).map { "人\($0)" }
        let ids = names.map { graph.addPerson(named: $0) }
        for index in 0..<1000 {
            graph.addEvent(.init(key: "d\(index / 3).txt#e\(index % 3)", document: "d\(index / 3).txt", kind: .meeting, name: "会议"))
        }
        #expect(graph.people.count == 3000)
        #expect(zip(names, ids).allSatisfy { graph.person(named: $0) == $1 })
        #expect(graph.addPerson(named: "人17") == ids[17])
        #expect(graph.person(named: "人3000") == nil)
        #expect(graph.event(withKey: "d5.txt#e2") == EventID(17))
        #expect(graph.event(withKey: "d5.txt#e3") == nil)
    }

    @Test func listsOfPersonAndEventKeepInsertionOrder() {
        var graph = AttendanceGraph()
        let people = ["甲", "乙", "丙"].map { graph.addPerson(named: $0) }
        let events = (0..<3).map { graph.addEvent(.init(key: "x#\($0)", document: "x", kind: .meeting, name: "会")) }
        graph.attend(person: people[2], event: events[1], roles: .attendee)
        graph.attend(person: people[0], event: events[1], roles: .chair)
        graph.attend(person: people[2], event: events[0], roles: .attendee)
        #expect(graph.events(of: people[2]) == [events[1], events[0]])
        #expect(graph.people(at: events[1]) == [people[2], people[0]])
        #expect(graph.attendances(at: events[1]).map(\.roles) == [.attendee, .chair])
        #expect(graph.attendances(of: people[1]).isEmpty)
        #expect(graph.attendance(of: people[1], at: events[1]) == nil)
    }

    @Test func datesKeepTheirFieldsAndOrderWithUnknownYearFirst() throws {
        let date = try #require(EventDate("2022-05-16"))
        #expect(date.year == 2022 && date.month == 5 && date.day == 16)
        #expect(date.description == "2022-05-16")
        let noYear = try #require(EventDate("12-31"))
        #expect(noYear.year == nil)
        #expect(noYear < date)
        #expect(EventDate("2022-05-15")! < date && date < EventDate("2022-06-01")!)
        #expect(EventDate("2022-13-01") == nil && EventDate("2022-02-32") == nil && EventDate(year: 10000, month: 1, day: 1) == nil)
        var changed = date
        changed.year = nil
        #expect(changed == EventDate("05-16"))
    }

    @Test func filteredGraphKeepsKindsAndDropsPeopleWithNothingLeft() {
        let graph = CoAttendeeTestsGraph.graph()
        let meetings = graph.filtered(by: AttendanceFilter(kinds: [.meeting]))
        #expect(meetings.events.allSatisfy { $0.kind == .meeting })
        #expect(meetings.person(named: "丙") == nil)
        #expect(meetings.attendances.count == 6)
    }
}

/// A small graph shared with the filter test.
enum CoAttendeeTestsGraph {
    static func graph() -> AttendanceGraph { CoAttendeeTests.graph() }
}

@Suite struct CommunitiesTests {
    /// Two groups of four who meet among themselves, joined by one meeting of two.
    static func twoGroups() -> AttendanceGraph {
        let groups = [["甲", "乙", "丙", "丁"], ["戊", "己", "庚", "辛"]]
        var events: [Event] = []
        for (number, group) in groups.enumerated() {
            for round in 0..<3 {
                events.append(Event(id: "g\(number)r\(round)", kind: .meeting, name: "会",
                                    participants: group.map { Participant(name: $0, roles: .attendee) }))
            }
        }
        events.append(Event(id: "bridge", kind: .meeting, name: "会",
                            participants: [Participant(name: "丁", roles: .attendee), Participant(name: "戊", roles: .attendee)]))
        return AttendanceGraph(documents: [Document(document: "groups.txt", events: events)])
    }

    @Test func louvainSeparatesTwoGroupsJoinedByOneTie() {
        let graph = Self.twoGroups()
        let communities = Communities.louvain(CoAttendance(graph))
        #expect(communities.groups.map { $0.map { graph[$0].name } } == [["甲", "乙", "丙", "丁"], ["戊", "己", "庚", "辛"]])
        #expect(communities.modularity > 0.4)
        #expect(communities.group(of: graph.person(named: "己")!) == 1)
    }

    @Test func sameSeedGivesSamePartition() {
        let projection = CoAttendance(AttendanceGraph(documents: [KarateClub.document()]))
        #expect(Communities.louvain(projection, seed: 7) == Communities.louvain(projection, seed: 7))
    }

    @Test func modularityOfEveryoneTogetherIsZero() {
        let projection = CoAttendance(Self.twoGroups())
        #expect(abs(Communities.modularity(of: [projection.attendees], in: projection)) < 1e-12)
    }

    @Test func graphWithoutTiesLeavesEachPersonAlone() {
        var graph = AttendanceGraph()
        for name in ["甲", "乙"] {
            let event = graph.addEvent(.init(key: name, document: "solo.txt", kind: .visit, name: "调研"))
            graph.attend(person: graph.addPerson(named: name), event: event, roles: .attendee)
        }
        let communities = Communities.louvain(CoAttendance(graph))
        #expect(communities.count == 2)
        #expect(communities.modularity == 0)
    }
}
