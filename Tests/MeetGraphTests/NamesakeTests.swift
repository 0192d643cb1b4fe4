import Testing
import MeetGraph

/// Namesakes (issue 14): one name borne by people of incompatible jurisdictions is several people.
/// Names and places are invented.
@Suite struct NamesakeTests {
    @Test(arguments: [
        ("青禾市委书记", ["青禾市"]),
        ("青禾市长", ["青禾市"]),
        ("云溪省松岚市副市长", ["云溪省", "松岚市"]),
        ("松岚市栖梧县县长", ["松岚市", "栖梧县"]),
        ("市长", []),
        ("常务副市长", []),
        ("县委常委", []),
        ("局长", []),
        ("城市管理局局长", []),
    ])
    func aTitleNamesThePlaceItStartsWith(title: String, levels: [String]) {
        #expect(Jurisdiction(title: title)?.levels ?? [] == levels)
    }

    @Test func anOfficeWithoutAPlaceTakesTheOnePlaceOfItsLevelAtTheEvent() {
        let city = [["青禾市委书记"], ["市长"], ["云溪省副省长"]]
        #expect(Namesakes.jurisdiction(titles: ["市长"], eventTitles: city)?.levels == ["青禾市"])
        // 省长 is not of the city: the event names no other province.
        #expect(Namesakes.jurisdiction(titles: ["副省长"], eventTitles: [["青禾市委书记"]]) == nil)
        // Two cities at one meeting: 市长 of which is not known.
        #expect(Namesakes.jurisdiction(titles: ["市长"], eventTitles: [["青禾市委书记"], ["松岚市委书记"]]) == nil)
        #expect(Namesakes.jurisdiction(titles: ["局长"], eventTitles: city) == nil)
        #expect(Namesakes.jurisdiction(titles: ["市委常委", "青禾市副市长"], eventTitles: [])?.levels == ["青禾市"])
    }

    @Test func incompatiblePlacesAreTwoPeopleAndCompatibleOnesOne() throws {
        let qinghe = try #require(Jurisdiction(title: "青禾市副市长"))
        let qingheInProvince = try #require(Jurisdiction(title: "云溪省青禾市市长"))
        let bailing = try #require(Jurisdiction(title: "栖梧县县长"))
        let province = try #require(Jurisdiction(title: "云溪省副省长"))
        #expect(qinghe.isCompatible(with: qingheInProvince))
        #expect(!qinghe.isCompatible(with: bailing))
        #expect(!qinghe.isCompatible(with: province))

        let one = Namesakes.split([qinghe, nil, qingheInProvince])
        #expect(!one.isSplit && one.assignment == [nil, nil, nil])
        let two = Namesakes.split([qinghe, bailing, nil, qinghe])
        #expect(two.qualifiers == ["青禾市", "栖梧县"])
        #expect(two.assignment == [0, 1, nil, 0])
    }

    static func meeting(_ document: String, date: String, _ people: [(name: String, title: String)]) -> Document {
        Document(document: document, events: [
            Event(id: "e1", kind: .meeting, name: "工作会议", date: EventDate(date),
                  participants: people.map { person in
                      Participant(name: person.name, roles: .attendee, titles: [person.title],
                                  evidence: [Evidence(document: document, sentence: person.name + "参加会议。", start: 0, end: 7)])
                  }),
        ])
    }

    @Test func aGraphTellsNamesakesApartAndKeepsTheirMeetingsApart() throws {
        let graph = AttendanceGraph(documents: [
            Self.meeting("a.txt", date: "2021-04-02", [("柯远舟", "青禾市副市长"), ("苏念白", "青禾市委书记")]),
            Self.meeting("b.txt", date: "2023-06-12", [("柯远舟", "栖梧县县长"), ("温叙然", "栖梧县委书记")]),
            Self.meeting("c.txt", date: "2021-09-01", [("柯远舟", "市长"), ("苏念白", "青禾市委书记")]),
        ]).separatingNamesakes()
        #expect(Set(graph.people.map(\.name)) == ["柯远舟（青禾市）", "柯远舟（栖梧县）", "苏念白", "温叙然"])
        let qinghe = try #require(graph.person(named: "柯远舟（青禾市）"))
        let bailing = try #require(graph.person(named: "柯远舟（栖梧县）"))
        #expect(graph.attendanceCount(of: qinghe) == 2)
        #expect(graph.attendanceCount(of: bailing) == 1)
        let ties = CoAttendance(graph).ties.map { Set([graph[$0.a].name, graph[$0.b].name]) }
        #expect(Set(ties) == [["柯远舟（青禾市）", "苏念白"], ["柯远舟（栖梧县）", "温叙然"]])

        // One city only: one person, as before.
        let single = AttendanceGraph(documents: [
            Self.meeting("a.txt", date: "2021-04-02", [("柯远舟", "青禾市副市长"), ("苏念白", "青禾市委书记")]),
            Self.meeting("c.txt", date: "2021-09-01", [("柯远舟", "局长"), ("苏念白", "书记")]),
        ])
        #expect(single.separatingNamesakes().people.map(\.name) == single.people.map(\.name))
    }
}
