import Foundation
import Testing

/// Reprints of one report, under other file names and headers, are the events of one report:
/// `query met` counts events, not articles, by every route.
@Suite struct ReprintCommandTests {
    /// The seed report's text, read at run time.
    static func seedText() throws -> String {
        let seeds = CLIRunner.packageRoot.appendingPathComponent("seeds")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: seeds.path)
            .filter { $0.hasSuffix(".txt") }.sorted().first)
        return try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
    }

    /// The pair of people sharing the most events in `folder`'s coattendance.csv, and that count.
    static func busiestPair(_ folder: URL) throws -> (String, String, Int) {
        let text = try String(contentsOf: folder.appendingPathComponent("coattendance.csv"), encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let best = try #require(rows.max { Int($0[5])! < Int($1[5])! })
        return (best[1], best[3], Int(best[5])!)
    }

    @Test func sixtySevenReprintsOfTheSeedShareAsManyEventsAsTheSeed() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Self.seedText()
        let one = folder.appendingPathComponent("one")
        try FileManager.default.createDirectory(at: one, withIntermediateDirectories: true)
        try text.write(to: one.appendingPathComponent("seed.txt"), atomically: true, encoding: .utf8)
        let single = try CLIRunner.run(["analyze", one.path, "--out", folder.appendingPathComponent("single").path])
        #expect(single.status == 0, "\(single.stderr)")
        let (first, second, shared) = try Self.busiestPair(folder.appendingPathComponent("single"))
        #expect(shared > 1)

        let copies = folder.appendingPathComponent("copies")
        try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true)
        for number in 1...67 {
            let header = number % 2 == 0 ? "转载自第\(number)号网站\n\n" : "【来源：网站\(number)】\n"
            try (header + text).write(to: copies.appendingPathComponent("copy-\(number).txt"), atomically: true,
                                      encoding: .utf8)
        }
        let db = folder.appendingPathComponent("test.sqlite").path
        let ingest = try CLIRunner.run(["ingest", copies.path, "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let met = try CLIRunner.run(["query", "met", first, second, "--db", db, "--format", "json"])
        #expect(met.status == 0, "\(met.stderr)")
        struct Answer: Decodable {
            var met: Bool; var events: [Shared]
            struct Shared: Decodable { var event: Reference }
            struct Reference: Decodable { var id: String }
        }
        let answer = try JSONDecoder().decode(Answer.self, from: Data(met.stdout.utf8))
        #expect(answer.events.count == shared)

        let analyzed = try CLIRunner.run(["analyze", copies.path, "--out", folder.appendingPathComponent("all").path])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        #expect(try Self.busiestPair(folder.appendingPathComponent("all")).2 == shared)
        let fromTexts = try CLIRunner.run(["query", "met", first, second, "--from", copies.path, "--format", "json"])
        #expect(try JSONDecoder().decode(Answer.self, from: Data(fromTexts.stdout.utf8)).events.count == shared)
    }

    @Test func replacingTheFirstCopyKeepsTheEventsOfTheOthers() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["a": Fixtures.standingMeeting, "b": "（转载）\n" + Fixtures.standingMeeting], to: folder)
        let db = folder.appendingPathComponent("test.sqlite").path
        let first = try CLIRunner.run(["ingest", folder.path, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("reprints   1 events"), "\(first.stdout)")
        // a.txt now reports another meeting: the standing meeting stays, carried by b.txt alone.
        try Fixtures.write(["a": Fixtures.partyMeeting], to: folder)
        _ = try CLIRunner.run(["ingest", folder.path, "--db", db])
        let who = try CLIRunner.run(["query", "who-met", "韩立平", "--db", db, "--format", "csv"])
        let rows = who.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first { $0[0] == "朱文静" }?[1] == "2", "\(who.stdout)")
        #expect(rows.first { $0[0] == "邓海川" }?[1] == "1", "\(who.stdout)")
        let events = try CLIRunner.run(["query", "events", "--db", db, "--format", "csv"])
        #expect(events.stdout.split(separator: "\r\n").count == 3, "\(events.stdout)")
    }
}
