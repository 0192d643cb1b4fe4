import Testing
import MeetGraph

/// Reprints of undated events (issue 14): one person's undated event, carried again by a report
/// published the same day, is one event; without that day it stays apart.
@Suite struct UndatedReprintTests {
    static func report(_ name: String, published: String?, _ people: [String]) -> Document {
        var document = ReprintTests.document(name, event: "座谈会", date: nil, people)
        document.published = published.flatMap(EventDate.init)
        return document
    }

    @Test func anUndatedEventOfOnePersonFoldsOnlyWhenBothReportsHaveTheSameDay() {
        let same = AttendanceGraph(documents: [
            Self.report("a.txt", published: "2022-05-17", ["陆星遥"]),
            Self.report("b.txt", published: "2022-05-17", ["陆星遥"]),
        ])
        #expect(same.events.count == 1 && same.foldedReprints == 1)
        for (first, second) in [("2022-05-17", "2022-06-01"), (nil, nil), ("2022-05-17", nil)] as [(String?, String?)] {
            let apart = AttendanceGraph(documents: [
                Self.report("a.txt", published: first, ["陆星遥"]),
                Self.report("b.txt", published: second, ["陆星遥"]),
            ])
            #expect(apart.events.count == 2, "published \(String(describing: first)), \(String(describing: second))")
        }
        // Other people on the same day: two events.
        let others = AttendanceGraph(documents: [
            Self.report("a.txt", published: "2022-05-17", ["陆星遥"]),
            Self.report("b.txt", published: "2022-05-17", ["岑晚舟"]),
        ])
        #expect(others.events.count == 2)
    }
}
