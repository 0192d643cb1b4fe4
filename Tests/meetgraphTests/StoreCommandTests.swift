import Foundation
import Testing

/// `ingest`, `query`, `import` through the built binary, on a real SQLite file.
@Suite struct StoreCommandTests {
    /// A folder with the two meetings, and the path of a store in it.
    static func corpus() throws -> (folder: URL, texts: URL, db: String) {
        let folder = try CLIRunner.temporaryFolder()
        let texts = folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Fixtures.write(["a": Fixtures.standingMeeting, "b": Fixtures.partyMeeting], to: texts)
        return (folder, texts, folder.appendingPathComponent("test.sqlite").path)
    }

    @Test func ingestingTwiceChangesNothing() throws {
        let (folder, texts, db) = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try CLIRunner.run(["ingest", texts.path, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("added      2"))
        let second = try CLIRunner.run(["ingest", texts.path, "--db", db])
        #expect(second.stdout.contains("added      0"))
        #expect(second.stdout.contains("unchanged  2"))
        #expect(first.stdout.split(separator: "\n").last == second.stdout.split(separator: "\n").last)
    }

    @Test func whoMetListsCoAttendeesWithCounts() throws {
        let (folder, texts, db) = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLIRunner.run(["ingest", texts.path, "--db", db])
        let result = try CLIRunner.run(["query", "who-met", "韩立平", "--db", db, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\r\n").map(String.init)
        // 朱文静 shared both meetings; the others one each.
        #expect(rows.first?.hasPrefix("person,shared events,first,last") == true)
        #expect(rows.dropFirst().first?.hasPrefix("朱文静,2,") == true)
        #expect(Set(rows.dropFirst(2).map { String($0.prefix(while: { $0 != "," })) }) == ["钱卫东", "宋雅琴", "邓海川", "高振宇"])
    }

    @Test func metAnswersWithTheEvidenceSentence() throws {
        let (folder, texts, db) = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLIRunner.run(["ingest", texts.path, "--db", db])
        let yes = try CLIRunner.run(["query", "met", "韩立平", "宋雅琴", "--db", db])
        #expect(yes.stdout.hasPrefix("yes"))
        #expect(yes.stdout.contains("副县长朱文静、钱卫东、宋雅琴参加会议"))
        let no = try CLIRunner.run(["query", "met", "高振宇", "宋雅琴", "--db", db])
        #expect(no.stdout.hasPrefix("no"))
    }

    @Test func pathGoesThroughTheSharedPerson() throws {
        let (folder, texts, _) = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["query", "path", "高振宇", "宋雅琴", "--from", texts.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        struct Event: Decodable { var id: String; var name: String }
        struct Step: Decodable { var from: String; var to: String; var events: [Event] }
        struct Chain: Decodable { var connected: Bool; var steps: [Step] }
        let chain = try JSONDecoder().decode(Chain.self, from: Data(result.stdout.utf8))
        #expect(chain.connected)
        let steps = chain.steps
        #expect(steps.count == 2)
        #expect(steps.first?.from == "高振宇")
        #expect(steps.last?.to == "宋雅琴")
    }

    @Test func unknownPersonIsACleanError() throws {
        let (folder, texts, db) = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLIRunner.run(["ingest", texts.path, "--db", db])
        let result = try CLIRunner.run(["query", "who-met", "无此人", "--db", db])
        #expect(result.status != 0)
        #expect(result.stderr.contains("无此人"))
    }

    @Test func missingStoreSaysHowToMakeOne() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["query", "top"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("meetgraph ingest"))
    }

    @Test func importedTableIsQueryable() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = folder.appendingPathComponent("attendance.csv")
        try """
            person,event,role,date
            甲一,预算审议会,chair,2023-04-01
            乙二,预算审议会,attendee,2023-04-01
            丙三
            """.write(to: table, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("t.sqlite").path
        let result = try CLIRunner.run(["import", table.path, "--db", db])
        #expect(result.status == 1)  // one ragged row, reported with its line
        #expect(result.stderr.contains("attendance.csv:4"))
        let met = try CLIRunner.run(["query", "met", "甲一", "乙二", "--db", db])
        #expect(met.stdout.hasPrefix("yes"))
    }

    @Test func killedIngestLeavesAConsistentStoreThatARerunCompletes() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        // Enough documents that the ingest is still running when it is killed.
        var files: [String: String] = [:]
        for index in 0..<240 {
            files[String(format: "n%04d", index)] = Fixtures.standingMeeting.replacingOccurrences(of: "第12次", with: "第\(index)次")
        }
        try Fixtures.write(files, to: texts)
        let db = folder.appendingPathComponent("k.sqlite").path

        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["ingest", texts.path, "--db", db, "--batch-size", "8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it as soon as the store has some documents committed: the migrations alone write
        // about 210 kB of WAL (v5 included), each batch of 8 documents about 140 kB more.
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline {
            if let size = try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int, size > 600_000 { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let killedMidway = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedMidway, "the ingest finished before it could be killed; use more documents")

        // The store opens, and a re-run adds exactly what is missing.
        let rerun = try CLIRunner.run(["ingest", texts.path, "--db", db])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("failed     0"))
        #expect(!rerun.stdout.contains("added      0"), "the killed run had stored everything already")
        #expect(!rerun.stdout.contains("unchanged  0"), "the killed run had stored nothing")
        #expect(rerun.stdout.contains("240 documents, 240 events"))
        let again = try CLIRunner.run(["ingest", texts.path, "--db", db])
        #expect(again.stdout.contains("unchanged  240"))
        let who = try CLIRunner.run(["query", "who-met", "韩立平", "--db", db, "--format", "csv"])
        #expect(who.stdout.contains("朱文静,240,"))
    }
}
