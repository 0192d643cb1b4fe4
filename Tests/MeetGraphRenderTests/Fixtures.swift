import Foundation
import MeetGraph
@testable import MeetGraphRender

/// Small graphs with invented people, built by hand so that every test knows what they hold.
enum Fixtures {
    /// Four events in a made-up city, six invented people with titles from four bodies.
    static var city: AttendanceGraph {
        var graph = AttendanceGraph()
        let wang = graph.addPerson(named: "王建平", titles: ["市委书记"])
        let li = graph.addPerson(named: "李晓冬", titles: ["市委副书记", "市长"])
        let chen = graph.addPerson(named: "陈思远", titles: ["市人大常委会主任"])
        let zhao = graph.addPerson(named: "赵文华", titles: ["市政协主席"])
        let sun = graph.addPerson(named: "孙立新", titles: ["常务副市长"])
        let zhou = graph.addPerson(named: "周明", titles: ["企业代表"])
        let standing = graph.addEvent(.init(key: "a.txt#e1", document: "a.txt", kind: .meeting,
                                            name: "市委常委会会议", date: EventDate("2024-03-05")))
        let economy = graph.addEvent(.init(key: "b.txt#e1", document: "b.txt", kind: .meeting,
                                           name: "全市经济工作会议", date: EventDate("2024-03-12"), place: "市会议中心"))
        let visit = graph.addEvent(.init(key: "c.txt#e1", document: "c.txt", kind: .visit,
                                         name: "调研重点项目", date: EventDate("2024-04-02")))
        let consultative = graph.addEvent(.init(key: "d.txt#e1", document: "d.txt", kind: .meeting,
                                                name: "市政协常委会议", date: EventDate("2024-05-10")))
        graph.attend(person: wang, event: standing, roles: [.chair, .speaker])
        graph.attend(person: li, event: standing, roles: .attendee)
        graph.attend(person: sun, event: standing, roles: .attendee)
        graph.attend(person: li, event: economy, roles: .chair)
        graph.attend(person: wang, event: economy, roles: .speaker)
        graph.attend(person: sun, event: economy, roles: .attendee)
        graph.attend(person: zhou, event: economy, roles: .attendee)
        graph.attend(person: wang, event: visit, roles: .attendee)
        graph.attend(person: chen, event: visit, roles: .attendee)
        graph.attend(person: zhao, event: consultative, roles: .chair)
        graph.attend(person: chen, event: consultative, roles: .attendee)
        graph.attend(person: wang, event: consultative, roles: .speaker)
        return graph
    }

    /// Names that break naive DOT, XML or Graphviz escapes.
    static let hostileNames = [
        "say \"hi\"", "back\\slash", "trailing\\", "\\N", "\\n\\l\\G", "a<b>c", "<b>x</b>", "Tom & Jerry",
        "&amp;lt;", "line\nbreak", "{ } [ ] ; -- ->", "tab\there",
    ]

    /// A graph where the hostile names attend one event, with a hostile event name.
    static var hostile: AttendanceGraph {
        var graph = AttendanceGraph()
        let event = graph.addEvent(.init(key: "x\"y.txt#e1", document: "x\"y.txt", kind: .meeting,
                                         name: "<i>会议</i> & \\N \"quoted\"", date: EventDate("2024-01-02")))
        for (index, name) in hostileNames.enumerated() {
            let person = graph.addPerson(named: name, titles: ["title \\N <b>"])
            graph.attend(person: person, event: event, roles: index.isMultiple(of: 3) ? .chair : .attendee)
        }
        return graph
    }

    /// The graph of `count` people in a chain of two-person meetings: p0–p1, p1–p2, …
    static func chain(_ count: Int) -> AttendanceGraph {
        var graph = AttendanceGraph()
        for index in 0..<(count - 1) {
            let event = graph.addEvent(.init(key: "chain.txt#e\(index)", document: "chain.txt", kind: .meeting,
                                             name: "会议\(index)"))
            graph.attend(person: graph.addPerson(named: "人\(index)"), event: event, roles: .attendee)
            graph.attend(person: graph.addPerson(named: "人\(index + 1)"), event: event, roles: .attendee)
        }
        return graph
    }
}
