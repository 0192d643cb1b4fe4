import Foundation
import MeetGraph
import Testing
@testable import MeetGraphRender

/// The exact DOT text for the small city graph. Re-record on purpose with
/// `MEETGRAPH_RECORD_SNAPSHOTS=1 swift test --filter DOTSnapshotTests`, then read the diff.
@Suite struct DOTSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func check(_ text: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name + ".dot")
        if ProcessInfo.processInfo.environment["MEETGRAPH_RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "differs from Snapshots/\(name).dot", sourceLocation: sourceLocation)
    }

    @Test func attendance() throws {
        try Self.check(DOT.attendance(Fixtures.city), against: "city-attendance")
    }

    @Test func coattendance() throws {
        try Self.check(DOT.coattendance(Fixtures.city), against: "city-coattendance")
    }

    @Test func coattendanceWithCollaborationWeights() throws {
        try Self.check(DOT.coattendance(Fixtures.city, options: RenderOptions(weighting: .collaboration)),
                       against: "city-coattendance-collaboration")
    }

    @Test func ego() throws {
        try Self.check(try DOT.ego(Fixtures.city, person: "陈思远", depth: 1), against: "city-ego")
    }

    @Test func hostileNames() throws {
        try Self.check(DOT.attendance(Fixtures.hostile), against: "hostile-attendance")
    }
}
