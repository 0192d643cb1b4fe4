import Foundation
import Testing

/// Corrections on every route (issue 14): a corrections file gives the same people, events and
/// ties through `analyze --corrections`, `export --from … --corrections` and a corrected store;
/// stored corrections can be listed and removed.
@Suite struct CorrectionRouteTests {
    @Test func aCorrectionsFileGivesTheSameGraphByEveryRoute() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Fixtures.write(["a": Fixtures.standingMeeting, "b": Fixtures.partyMeeting], to: texts)
        let db = folder.appendingPathComponent("test.sqlite").path
        #expect(try CLIRunner.run(["ingest", texts.path, "--db", db]).status == 0)
        // 朱文静 dropped from one meeting, 钱卫东 merged into 宋雅琴, and a line naming an event the texts lack.
        let dropped = try #require(try CorrectCommandTests.events(of: "朱文静", db: db).first)
        let fix = folder.appendingPathComponent("fix.csv")
        try "action,person,value,event\ndrop,朱文静,,\(dropped)\nmerge,钱卫东,宋雅琴,\n"
            .write(to: fix, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["correct", fix.path, "--db", db]).status == 0)

        let analyzed = try CLIRunner.run(["analyze", texts.path, "--corrections", fix.path,
                                          "--out", folder.appendingPathComponent("analyze").path])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        let fromTexts = try CLIRunner.run(["export", "--from", texts.path, "--corrections", fix.path, "--format", "csv",
                                           "--out", folder.appendingPathComponent("from").path])
        #expect(fromTexts.status == 0, "\(fromTexts.stderr)")
        let fromStore = try CLIRunner.run(["export", "--db", db, "--format", "csv",
                                           "--out", folder.appendingPathComponent("store").path])
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        let uncorrected = try CLIRunner.run(["analyze", texts.path, "--out", folder.appendingPathComponent("plain").path])
        #expect(uncorrected.status == 0, "\(uncorrected.stderr)")

        let store = try IdentityRouteTests.Tables(folder: folder.appendingPathComponent("store"))
        #expect(try IdentityRouteTests.Tables(folder: folder.appendingPathComponent("analyze")) == store)
        #expect(try IdentityRouteTests.Tables(folder: folder.appendingPathComponent("from")) == store)
        let plain = try IdentityRouteTests.Tables(folder: folder.appendingPathComponent("plain"))
        #expect(plain.ties[["韩立平", "朱文静"]] == 2 && store.ties[["韩立平", "朱文静"]] == 1)
        #expect(plain.people.contains("钱卫东") && !store.people.contains("钱卫东"))

        // A query on the texts with the file answers as the corrected store does.
        let query = ["query", "who-met", "韩立平", "--format", "csv"]
        let stored = try CLIRunner.run(query + ["--db", db])
        let read = try CLIRunner.run(query + ["--from", texts.path, "--corrections", fix.path])
        #expect(read.status == 0 && stored.status == 0, "\(read.stderr)")
        #expect(read.stdout == stored.stdout)

        // A file for a larger archive: what the texts lack is named on stderr, the rest applies.
        try "drop,朱文静,,\(dropped)\ndrop,朱文静,,elsewhere.txt#e1\n".write(to: fix, atomically: true, encoding: .utf8)
        let partial = try CLIRunner.run(query + ["--from", texts.path, "--corrections", fix.path])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stderr.contains("elsewhere.txt#e1"), "\(partial.stderr)")
        // --corrections with a store is refused: a store is corrected with `correct`.
        #expect(try CLIRunner.run(query + ["--db", db, "--corrections", fix.path]).status == 64)
    }

    @Test func storedCorrectionsAreListedAndRemovedById() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["standing": Fixtures.standingMeeting, "party": Fixtures.partyMeeting], to: folder)
        let db = folder.appendingPathComponent("test.sqlite").path
        #expect(try CLIRunner.run(["ingest", folder.path, "--db", db]).status == 0)
        let fix = folder.appendingPathComponent("fix.csv")
        // 邓海川 (first meeting only) merged into 高振宇 (second meeting only).
        try "merge,邓海川,高振宇,\n".write(to: fix, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["correct", fix.path, "--db", db]).status == 0)

        let list = try CLIRunner.run(["correct", "--list", "--db", db])
        #expect(list.status == 0, "\(list.stderr)")
        let row = try #require(list.stdout.split(separator: "\n").first { $0.contains("邓海川") })
        #expect(row.contains("merge") && row.contains("高振宇") && row.contains("fix.csv:1"))
        let id = try #require(row.split(separator: " ").first.map(String.init))
        let before = try CLIRunner.run(["query", "who-met", "韩立平", "--db", db, "--format", "csv"]).stdout
        #expect(!before.contains("邓海川") && before.contains("高振宇,2"))

        let removed = try CLIRunner.run(["correct", "--remove", id, "--db", db])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("removed 1"))
        #expect(try CLIRunner.run(["correct", "--list", "--db", db]).stdout.contains("no corrections"))
        let after = try CLIRunner.run(["query", "who-met", "韩立平", "--db", db, "--format", "csv"]).stdout
        #expect(after.contains("邓海川,1") && after.contains("高振宇,1"))
        // An id the store lacks: exit 2, naming where the ids are shown.
        let unknown = try CLIRunner.run(["correct", "--remove", id, "--db", db])
        #expect(unknown.status == 2 && unknown.stderr.contains("--list"), "\(unknown.stderr)")
    }
}
