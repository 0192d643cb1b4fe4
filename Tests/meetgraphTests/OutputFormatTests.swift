import Foundation
import Testing

/// Issue 19, "Rough": tables a person reads stay narrow and aligned; the JSON export and the store
/// say how other tools read them.
@Suite struct OutputFormatTests {
    @Test func whoMetTableCapsTheEventsColumnAndCSVListsThemAll() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = 9
        var table = "person,event,date\n"
        for event in 1...events { table += "甲一,例会\(event),2023-03-\(event + 10)\n乙二,例会\(event),2023-03-\(event + 10)\n" }
        let file = folder.appendingPathComponent("t.csv")
        try table.write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("t.sqlite").path
        #expect(try CLIRunner.run(["import", file.path, "--db", db]).status == 0)

        let text = try CLIRunner.run(["query", "who-met", "甲一", "--db", db])
        #expect(text.status == 0, "\(text.stderr)")
        let row = try #require(text.stdout.split(separator: "\n").last)
        #expect(row.contains("… and \(events - 5) more"), "\(row)")
        #expect(row.components(separatedBy: "例会").count - 1 == 5)
        let csv = try CLIRunner.run(["query", "who-met", "甲一", "--db", db, "--format", "csv"])
        #expect(csv.stdout.components(separatedBy: "例会").count - 1 == events)
        #expect(!csv.stdout.contains("more"))
    }

    /// Display width, a Chinese character taking two columns.
    static func width(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.properties.isIdeographic || ($1.value >= 0x3000 && $1.value < 0x3040) ? 2 : 1) }
    }

    @Test func extractTableColumnsAreAligned() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["a": Fixtures.standingMeeting, "b": Fixtures.partyMeeting], to: folder)
        let result = try CLIRunner.run(["extract", folder.path, "--format", "table"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let rule = try #require(lines.dropFirst().first)
        #expect(rule.allSatisfy { $0 == "-" || $0 == " " }, "\(rule)")
        // Where each column starts: after every run of two spaces in the rule line.
        var starts: [Int] = []
        var column = 0
        var previous: Character = "-"
        for character in rule {
            if character == "-" && previous == " " { starts.append(column) }
            previous = character
            column += 1
        }
        #expect(starts.count == 7)
        let rows = lines.dropFirst(2).prefix { !$0.isEmpty && !$0.contains("not participants") }
        #expect(rows.count >= 8)
        for row in [lines[0]] + rows {
            for start in starts {
                // The two columns before each start are blank in every row.
                var width = 0
                var blankBefore = ""
                for character in row {
                    if width >= start { break }
                    if width >= start - 2 { blankBefore.append(character) }
                    width += Self.width(Substring(String(character)))
                }
                #expect(blankBefore.allSatisfy { $0 == " " } && width == start, "\(row)")
            }
        }
    }

    @Test func jsonExportHasTheEdgesKeyTheReadmeLoads() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["a": Fixtures.standingMeeting], to: folder)
        let out = folder.appendingPathComponent("out")
        let result = try CLIRunner.run(["export", "--format", "json", "--from", folder.path, "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty)
        for file in files {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(file)))
            #expect((object as? [String: Any])?["edges"] != nil, "\(file)")
        }
        let readme = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("link=\"edges\"") && readme.contains("edges=\"edges\""))
    }

    @Test func storeViewsShowDatesAndRolesAsText() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["a": Fixtures.standingMeeting], to: folder)
        let db = folder.appendingPathComponent("s.sqlite").path
        #expect(try CLIRunner.run(["ingest", folder.path, "--db", db, "--date", "2023-03-04"]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["-readonly", "-separator", "|", db,
                             "SELECT person, event_id, date, roles FROM participation_view ORDER BY person"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rows = text.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false) }
        #expect(rows.count >= 4)
        let roleNames: Set<Substring> = ["chair", "speaker", "attendee"]
        for row in rows {
            #expect(row.count == 4, "\(row)")
            #expect(row[1].contains("#"), "\(row)")
            #expect(row[2].wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, "\(row)")
            #expect(!row[3].isEmpty && row[3].split(separator: ";").allSatisfy { roleNames.contains($0) }, "\(row)")
        }
        #expect(rows.contains { $0[3].contains("chair") })
    }
}
