import Foundation
import Testing

/// `meetgraph correct` (issue 14): a corrections file applies at once and again after every ingest.
@Suite struct CorrectCommandTests {
    /// The ids of `person`'s events, sorted, as `query person` prints them in JSON.
    static func events(of person: String, db: String) throws -> [String] {
        let result = try CLIRunner.run(["query", "person", person, "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        struct Answer: Decodable { var person: String; var events: [Entry] }
        struct Entry: Decodable { var event: Event }
        struct Event: Decodable { var id: String }
        return try JSONDecoder().decode(Answer.self, from: Data(result.stdout.utf8)).events.map(\.event.id).sorted()
    }

    @Test func correctionsHoldAfterAReingestAndABadFileIsNamedByLine() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Fixtures.write(["standing": Fixtures.standingMeeting, "party": Fixtures.partyMeeting], to: texts)
        let db = folder.appendingPathComponent("test.sqlite").path
        let ingest = try CLIRunner.run(["ingest", texts.path, "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let before = try Self.events(of: "朱文静", db: db)
        #expect(before.count == 2)
        let dropped = try #require(before.first)

        let fix = folder.appendingPathComponent("fix.csv")
        try "action,person,value,event\ndrop,朱文静,,\(dropped)\nadd,孔德明,speaker,\(dropped)\n"
            .write(to: fix, atomically: true, encoding: .utf8)
        let correct = try CLIRunner.run(["correct", fix.path, "--db", db])
        #expect(correct.status == 0, "\(correct.stderr)")
        #expect(correct.stdout.contains("2 new"))
        #expect(try Self.events(of: "朱文静", db: db) == Array(before.dropFirst()))
        #expect(try Self.events(of: "孔德明", db: db) == [dropped])

        // The texts extracted again (changed content): the corrections still hold.
        for name in ["standing", "party"] {
            let file = texts.appendingPathComponent(name + ".txt")
            try (try String(contentsOf: file, encoding: .utf8) + "\n（编辑 林小雨）\n").write(to: file, atomically: true, encoding: .utf8)
        }
        let again = try CLIRunner.run(["ingest", texts.path, "--db", db])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("replaced   2"))
        #expect(again.stdout.contains("corrected  2"))
        #expect(try Self.events(of: "朱文静", db: db) == Array(before.dropFirst()))
        #expect(try Self.events(of: "孔德明", db: db) == [dropped])

        // A malformed file: exit 64, the file and line named, nothing applied.
        try "drop,朱文静,,\(dropped)\nswap,韩立平,高振宇,\n".write(to: fix, atomically: true, encoding: .utf8)
        let bad = try CLIRunner.run(["correct", fix.path, "--db", db])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("\(fix.path):2: unknown action \"swap\""), "\(bad.stderr)")
        // An event the store lacks: exit 2, nothing applied.
        try "drop,韩立平,,\(dropped)\ndrop,韩立平,,nowhere.txt#e1\n".write(to: fix, atomically: true, encoding: .utf8)
        let missing = try CLIRunner.run(["correct", fix.path, "--db", db])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("\(fix.path):2: no event nowhere.txt#e1"), "\(missing.stderr)")
        #expect(try Self.events(of: "韩立平", db: db).contains(dropped))
    }

    @Test func aliasesAloneNeedNoFiles() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["standing": Fixtures.standingMeeting], to: folder)
        let db = folder.appendingPathComponent("test.sqlite").path
        #expect(try CLIRunner.run(["ingest", folder.path, "--db", db]).status == 0)
        let aliases = folder.appendingPathComponent("aliases.csv")
        try "name,canonical\n钱卫东,韩立平\n".write(to: aliases, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["ingest", "--aliases", aliases.path, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let who = try CLIRunner.run(["query", "who-met", "钱卫东", "--db", db])
        #expect(who.status == 0 && who.stdout.contains("朱文静"), "\(who.stdout)\(who.stderr)")
        #expect(try CLIRunner.run(["ingest", "--db", db]).status == 64)
    }
}
