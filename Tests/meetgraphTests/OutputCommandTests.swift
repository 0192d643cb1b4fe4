import Foundation
import Testing

/// `analyze`, `render` and `export` write what they promise, whole.
@Suite struct OutputCommandTests {
    @Test func analyzeWritesEveryOutputAndASummary() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Fixtures.write(["a": Fixtures.standingMeeting, "b": Fixtures.partyMeeting], to: texts)
        let out = folder.appendingPathComponent("out")
        let result = try CLIRunner.run(["analyze", texts.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("documents       2"))
        #expect(result.stdout.contains("people          6"))
        for name in ["attendance.dot", "attendance.svg", "coattendance.dot", "coattendance.svg", "people.csv",
                     "events.csv", "participations.csv", "coattendance.csv", "extraction.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let svg = try String(contentsOf: out.appendingPathComponent("coattendance.svg"), encoding: .utf8)
        #expect(svg.contains("韩立平"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func extractJSONFollowsTheGuidelineSchema() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["a": Fixtures.standingMeeting], to: folder)
        let result = try CLIRunner.run(["extract", folder.appendingPathComponent("a.txt").path])
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(documents.first?["document"] as? String == "a.txt")
        let events = try #require(documents.first?["events"] as? [[String: Any]])
        let participants = try #require(events.first?["participants"] as? [[String: Any]])
        let chair = try #require(participants.first { $0["name"] as? String == "韩立平" })
        #expect(chair["roles"] as? [String] == ["chair", "speaker"])
        let evidence = try #require((chair["evidence"] as? [[String: Any]])?.first)
        #expect((evidence["sentence"] as? String)?.contains("韩立平主持会议") == true)
        let reporters = (documents.first?["non_participants"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(reporters == ["林小雨"])
    }

    @Test func renderPicksTheFormatFromTheExtension() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["a": Fixtures.standingMeeting], to: folder)
        let png = folder.appendingPathComponent("ego.png")
        let result = try CLIRunner.run(["render", "--view", "ego", "--person", "韩立平", "--from", folder.path, "-o", png.path])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func exportGraphMLWritesBothGraphs() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["a": Fixtures.standingMeeting], to: folder)
        let out = folder.appendingPathComponent("exports")
        let result = try CLIRunner.run(["export", "--format", "graphml", "--from", folder.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let coattendance = try String(contentsOf: out.appendingPathComponent("coattendance.graphml"), encoding: .utf8)
        #expect(coattendance.contains("<graphml"))
        #expect(coattendance.contains("宋雅琴"))
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        for command in ["analyze", "extract", "ingest", "import", "query", "render", "export", "eval"] {
            let result = try CLIRunner.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Example"), "\(command) --help has no example")
        }
    }
}

/// Files are extracted several at a time; the results must not depend on how many.
@Suite struct ParallelReadingTests {
    @Test func extractGivesTheSameDocumentsInTheSameOrderWhateverTheJobs() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var texts: [String: String] = [:]
        for index in 0..<12 {
            texts[String(format: "n%02d", index)] = index.isMultiple(of: 2) ? Fixtures.standingMeeting : Fixtures.partyMeeting
        }
        texts["n05"] = ""  // an empty file among them: reported, the rest still extracted
        try Fixtures.write(texts, to: folder)
        let serial = try CLIRunner.run(["extract", folder.path, "--jobs", "1"])
        let parallel = try CLIRunner.run(["extract", folder.path, "--jobs", "4"])
        #expect(serial.status == 1)
        #expect(parallel.status == 1)
        #expect(parallel.stderr.contains("n05.txt"))
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(parallel.stdout.utf8)) as? [[String: Any]])
        #expect(documents.compactMap { $0["document"] as? String } == texts.keys.sorted().filter { $0 != "n05" }.map { $0 + ".txt" })
        #expect(serial.stdout == parallel.stdout)
    }
}
