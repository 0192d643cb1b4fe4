import Foundation
import Testing

/// One who-is-who rule for every route: `analyze`, `export --from` and `export` from a store give
/// the same people, events and ties on the same texts.
@Suite struct IdentityRouteTests {
    /// A third meeting, printed in traditional characters, with two people of the other two.
    static let traditionalMeeting = """
        本報訊(記者 周明)3月9日,縣政府召開專題會議。縣長韓立平主持會議。副縣長朱文靜參加會議。
        """

    /// Names, event count and ties (unordered pair → shared events) of a folder of CSV files.
    struct Tables: Equatable {
        var people: Set<String>
        var events: Int
        var ties: [Set<String>: Int]

        init(folder: URL) throws {
            func rows(_ name: String) throws -> [[String]] {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                return text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            }
            people = Set(try rows("people.csv").map { $0[1] })
            events = try rows("events.csv").count
            var ties: [Set<String>: Int] = [:]
            for row in try rows("coattendance.csv") { ties[[row[1], row[3]]] = Int(row[5]) }
            self.ties = ties
        }
    }

    @Test func everyRouteGivesTheSamePeopleEventsAndTies() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Fixtures.write(["a": Fixtures.standingMeeting, "b": Fixtures.partyMeeting, "c": Self.traditionalMeeting],
                           to: texts)
        let db = folder.appendingPathComponent("test.sqlite").path

        let analyzed = try CLIRunner.run(["analyze", texts.path, "--out", folder.appendingPathComponent("analyze").path])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        let fromTexts = try CLIRunner.run(["export", "--from", texts.path, "--format", "csv",
                                           "--out", folder.appendingPathComponent("from").path])
        #expect(fromTexts.status == 0, "\(fromTexts.stderr)")
        let ingested = try CLIRunner.run(["ingest", texts.path, "--db", db])
        #expect(ingested.status == 0, "\(ingested.stderr)")
        let fromStore = try CLIRunner.run(["export", "--db", db, "--format", "csv",
                                           "--out", folder.appendingPathComponent("store").path])
        #expect(fromStore.status == 0, "\(fromStore.stderr)")

        let analyze = try Tables(folder: folder.appendingPathComponent("analyze"))
        #expect(try Tables(folder: folder.appendingPathComponent("from")) == analyze)
        #expect(try Tables(folder: folder.appendingPathComponent("store")) == analyze)

        // 韩立平 and 朱文静 are written in both scripts: one person each, shown as most texts write them.
        #expect(analyze.events == 3)
        #expect(analyze.people.contains("韩立平") && !analyze.people.contains("韓立平"))
        #expect(analyze.people.contains("朱文静") && !analyze.people.contains("朱文靜"))
        #expect(analyze.ties[["韩立平", "朱文静"]] == 3)
    }

    @Test func theShownNameIsTheMostFrequentSpelling() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The traditional spelling first, then twice the simplified one.
        try Fixtures.write(["a": Self.traditionalMeeting, "b": Fixtures.standingMeeting, "c": Fixtures.partyMeeting],
                           to: folder)
        let db = folder.appendingPathComponent("test.sqlite").path
        _ = try CLIRunner.run(["ingest", folder.appendingPathComponent("a.txt").path, "--db", db])
        let early = try CLIRunner.run(["query", "person", "韩立平", "--db", db, "--format", "json"])
        #expect(early.stdout.contains("\"韓立平\""), "\(early.stdout)")
        _ = try CLIRunner.run(["ingest", folder.path, "--db", db])
        let later = try CLIRunner.run(["query", "person", "韓立平", "--db", db, "--format", "json"])
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.contains("\"person\" : \"韩立平\"") || later.stdout.contains("\"person\":\"韩立平\""), "\(later.stdout)")
    }
}
