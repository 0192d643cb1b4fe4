import Foundation
import MeetGraph
import Testing
@testable import MeetGraphRender

/// What each view puts in the picture, and how pruning options change it.
@Suite struct DOTViewTests {
    /// The names of the people drawn in `dot`.
    static func people(in dot: String) -> Set<String> {
        Set(dot.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  \"person:"), line.contains("\" [label=") else { return nil }
            return String(line.dropFirst(10).prefix { $0 != "\"" })
        })
    }

    /// The lines of `dot` that draw an edge between two nodes whose identifiers contain `a` and `b`.
    static func edges(in dot: String, between a: String, and b: String) -> [Substring] {
        dot.split(separator: "\n").filter { $0.contains(" -- ") && $0.contains(a) && $0.contains(b) }
    }

    @Test func attendanceStylesEdgesByRole() {
        let dot = DOT.attendance(Fixtures.city)
        let chairing = Self.edges(in: dot, between: "person:王建平", and: "event:a.txt#e1")
        let speaking = Self.edges(in: dot, between: "person:王建平", and: "event:b.txt#e1")
        let attending = Self.edges(in: dot, between: "person:王建平", and: "event:c.txt#e1")
        #expect(chairing.count == 1 && chairing[0].contains("style=\"bold\""))
        #expect(speaking.count == 1 && speaking[0].contains("style=\"dashed\""))
        #expect(attending.count == 1 && !attending[0].contains("style="))
        #expect(dot.contains("\"event:b.txt#e1\" [shape=\"box\""))
        #expect(dot.contains("label=\"全市经济工作会议\\n2024-03-12\""))
    }

    @Test func namedGraphWithUTF8AndCJKFont() {
        let dot = DOT.coattendance(Fixtures.city)
        #expect(dot.hasPrefix("graph \"MeetGraph coattendance\" {\n"))
        #expect(dot.contains("charset=\"UTF-8\""))
        #expect(dot.contains("fontname=\"Noto Sans CJK SC\""))
    }

    @Test func sameGraphInAnotherOrderGivesTheSameText() throws {
        let city = Fixtures.city
        var reversed = AttendanceGraph()
        for attendance in city.attendances.reversed() {
            let person = city[attendance.person]
            let id = reversed.addPerson(named: person.name, titles: person.titles)
            reversed.attend(person: id, event: reversed.addEvent(city[attendance.event]), roles: attendance.roles)
        }
        for view in [RenderOptions.View.attendance, .coattendance, .ego(person: "陈思远", depth: 2)] {
            let options = RenderOptions(view: view)
            #expect(try DOT.picture(of: city, options: options) == (try DOT.picture(of: reversed, options: options)))
        }
    }

    @Test func coattendanceTiesCarryCountsAndSharedEvents() {
        let dot = DOT.coattendance(Fixtures.city)
        let tie = Self.edges(in: dot, between: "person:孙立新", and: "person:李晓冬")
        #expect(tie.count == 1)
        #expect(tie.first?.contains("weight=\"2\"") == true)
        #expect(tie.first?.contains("label=\"2\"") == true)
        #expect(tie.first?.contains("市委常委会会议 (2024-03-05)\\n全市经济工作会议 (2024-03-12)") == true)
    }

    @Test func minimumWeightDropsLightTiesAndTheirLonelyPeople() {
        let dot = DOT.coattendance(Fixtures.city, options: RenderOptions(minWeight: 2))
        #expect(Self.people(in: dot) == ["王建平", "李晓冬", "孙立新", "陈思远"])
        #expect(Self.edges(in: dot, between: "person:", and: "person:").count == 4)
    }

    @Test func topKeepsTheBestConnected() {
        let dot = DOT.coattendance(Fixtures.city, options: RenderOptions(top: 1))
        #expect(Self.people(in: dot) == ["王建平"])
        let three = DOT.coattendance(Fixtures.city, options: RenderOptions(top: 3))
        // 李晓冬 and 孙立新 both have weighted degree 5; 周明 (3) and 赵文华 (2) fall out.
        #expect(Self.people(in: three) == ["王建平", "李晓冬", "孙立新"])
    }

    @Test func topInAttendanceViewKeepsTheirEventsOnly() {
        let dot = DOT.attendance(Fixtures.city, options: RenderOptions(view: .attendance, top: 1))
        #expect(Self.people(in: dot) == ["王建平"])
        #expect(dot.contains("\"event:d.txt#e1\" ["))
        #expect(Self.edges(in: dot, between: "person:", and: "event:").count == 4)
    }

    @Test func dateFilterLimitsEventsAndPeople() {
        let filter = AttendanceFilter(since: EventDate("2024-04-01"))
        let dot = DOT.attendance(Fixtures.city, options: RenderOptions(view: .attendance, filter: filter))
        #expect(Self.people(in: dot) == ["王建平", "陈思远", "赵文华"])
        #expect(!dot.contains("event:a.txt#e1"))
        #expect(dot.contains("event:c.txt#e1"))
    }

    @Test func roleFilterKeepsChairsOnly() {
        let filter = AttendanceFilter(roles: .chair)
        let dot = DOT.attendance(Fixtures.city, options: RenderOptions(view: .attendance, filter: filter))
        #expect(Self.people(in: dot) == ["王建平", "李晓冬", "赵文华"])
    }

    @Test func egoReachesAsFarAsItsDepth() throws {
        let near = try DOT.ego(Fixtures.city, person: "赵文华", depth: 1)
        #expect(Self.people(in: near) == ["赵文华", "陈思远", "王建平"])
        let far = try DOT.ego(Fixtures.city, person: "赵文华", depth: 2)
        #expect(Self.people(in: far).count == 6)
        #expect(near.contains("layout=\"twopi\""))
        #expect(near.contains("root=\"person:赵文华\""))
        #expect(near.contains("peripheries=\"2\""))
    }

    @Test func egoFollowsOnlyHeavyEnoughTies() throws {
        let dot = try DOT.ego(Fixtures.city, person: "赵文华", depth: 2, options: RenderOptions(minWeight: 2))
        // 赵文华's only ties weigh 1: nobody is reached, the person stands alone.
        #expect(Self.people(in: dot) == ["赵文华"])
    }

    @Test func egoOfSomebodyAbsentIsAnError() {
        #expect(throws: RenderError.unknownPerson("无此人")) {
            try DOT.ego(Fixtures.city, person: "无此人", depth: 1)
        }
        #expect(throws: RenderError.invalidDepth(0)) {
            try DOT.ego(Fixtures.city, person: "王建平", depth: 0)
        }
        // Somebody filtered out is absent too.
        let filter = AttendanceFilter(since: EventDate("2024-05-01"))
        #expect(throws: RenderError.unknownPerson("周明")) {
            try DOT.ego(Fixtures.city, person: "周明", depth: 1, options: RenderOptions(filter: filter))
        }
    }

    @Test func largeGraphsGetSFDPWithoutEdgeLabels() {
        let small = DOT.coattendance(Fixtures.chain(20))
        #expect(small.contains("layout=\"neato\""))
        let large = DOT.coattendance(Fixtures.chain(DOT.largeGraphThreshold + 1))
        #expect(large.contains("layout=\"sfdp\""))
        #expect(large.contains("overlap=\"prism\""))
        let chosen = DOT.coattendance(Fixtures.chain(20), options: RenderOptions(layout: .circo))
        #expect(chosen.contains("layout=\"circo\""))
    }

    @Test func legendListsTheOrganisationsShown() {
        let dot = DOT.coattendance(Fixtures.city, options: RenderOptions(top: 1, title: "标题"))
        #expect(dot.contains("Party 党委"))
        #expect(!dot.contains("Government 政府"))
        #expect(dot.contains("<b>标题</b>"))
    }
}
