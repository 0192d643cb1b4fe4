import Testing
import MeetGraph

@Suite struct ReprintTests {
    static func document(_ name: String, event: String = "县政府常务会议", date: String? = "2022-03-02",
                         _ people: [String]) -> Document {
        Document(document: name, events: [
            Event(id: "e1", kind: .meeting, name: event, date: date.flatMap(EventDate.init),
                  participants: people.map { person in
                      Participant(name: person, roles: .attendee,
                                  evidence: [Evidence(document: name, sentence: person + "参加会议。", start: 0, end: 7)])
                  }),
        ])
    }

    @Test func theSameEventInSeveralDocumentsIsOneEventWithSeveralDocuments() throws {
        let graph = AttendanceGraph(documents: [
            Self.document("a.txt", ["王志明", "李晓华", "赵建平"]),
            Self.document("b.txt", event: "常务会议", ["王志明", "李晓华"]),
            Self.document("c.txt", date: "03-02", ["王志明", "李晓华", "赵建平"]),
        ])
        #expect(graph.events.count == 1)
        #expect(graph.foldedReprints == 2)
        #expect(graph.reprintDocuments[EventID(0)] == ["b.txt", "c.txt"])
        #expect(graph.event(withKey: "b.txt#e1") == EventID(0))
        let projection = CoAttendance(graph)
        let first = try #require(graph.person(named: "王志明"))
        let second = try #require(graph.person(named: "李晓华"))
        #expect(projection.ties.first { Set([$0.a, $0.b]) == Set([first, second]) }?.count == 1)
    }

    @Test func otherDaysOtherPeopleOrTheSameDocumentAreOtherEvents() {
        let graph = AttendanceGraph(documents: [
            Self.document("a.txt", ["王志明", "李晓华"]),
            Self.document("b.txt", date: "2022-03-03", ["王志明", "李晓华"]),
            Self.document("c.txt", date: "2021-03-02", ["王志明", "李晓华"]),
            Self.document("d.txt", ["陈国栋", "周丽萍"]),
            Self.document("e.txt", event: "县委常委会会议", ["王志明", "孙海涛", "陈国栋"]),
        ])
        #expect(graph.events.count == 5)
        #expect(graph.foldedReprints == 0)
        let numbered = AttendanceGraph(documents: [
            Self.document("a.txt", event: "县政府第12次常务会议", ["王志明", "李晓华"]),
            Self.document("b.txt", event: "县政府第13次常务会议", ["王志明", "李晓华"]),
            Self.document("c.txt", event: "县政府第十三次常务会议", ["王志明", "李晓华"]),
        ])
        #expect(numbered.events.count == 3)
        let imported = AttendanceGraph(documents: [
            Self.document("a.txt", ["王志明", "李晓华"]),
            Document(document: "table.csv", events: [
                Event(id: "e1", kind: .meeting, name: "县政府常务会议", date: EventDate("2022-03-02"),
                      participants: [Participant(name: "王志明", roles: .attendee), Participant(name: "李晓华", roles: .attendee)]),
            ]),
        ])
        #expect(imported.events.count == 2, "rows of a table are never folded")
        var twice = Self.document("f.txt", ["王志明", "李晓华"])
        twice.events.append(Event(id: "e2", kind: .meeting, name: "县政府常务会议", date: EventDate("2022-03-02"),
                                  participants: [Participant(name: "王志明", roles: .attendee)]))
        let same = AttendanceGraph(documents: [twice])
        #expect(same.events.count == 2)
    }

    @Test func undatedEventsFoldOnlyWithTheSameNameAndPeople() {
        let graph = AttendanceGraph(documents: [
            Self.document("a.txt", date: nil, ["王志明", "李晓华"]),
            Self.document("b.txt", date: nil, ["王志明", "李晓华"]),
            Self.document("c.txt", date: nil, ["王志明", "李晓华", "赵建平"]),
        ])
        #expect(graph.events.count == 2)
    }
}
