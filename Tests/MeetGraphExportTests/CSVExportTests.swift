import CSV
import Foundation
import MeetGraph
import Testing
@testable import MeetGraphExport

@Suite struct CSVExportTests {
    let graph = Fixtures.graph()

    private func files(_ options: ExportOptions = ExportOptions()) throws -> [String: ExportFile] {
        let files = try Exporter().files(for: graph, format: .csv, options: options)
        #expect(files.map(\.name) == ExportFormat.csv.fileNames)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0) })
    }

    /// The rows of a CSV file as a spreadsheet program would parse them (RFC 4180, via CSV.swift).
    private func rows(_ file: ExportFile) throws -> [[String]] {
        var rows: [[String]] = []
        let reader = try CSVReader(string: try TextFile.text(of: file.data))
        while let row = reader.next() { rows.append(row.map(QuoteIsolation.decode)) }
        return rows
    }

    @Test func csvRoundTripKeepsPeopleEventsRolesAndWeights() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Exporter().write(try Exporter().files(for: graph, format: .csv), to: folder)

        let back = try ExportedTables.graph(in: folder)
        // A `;` inside a list item becomes `；` so that the list splits back into the same items.
        func listSafe(_ titles: [String]) -> [String] { titles.map { $0.replacingOccurrences(of: ";", with: "；") } }
        #expect(back.people.map(\.name) == graph.people.map(\.name))
        #expect(back.people.map(\.titles) == graph.people.map { listSafe($0.titles) })
        #expect(back.events == graph.events)
        #expect(back.attendances.count == graph.attendances.count)
        for (original, read) in zip(graph.attendances, back.attendances) {
            #expect(read.person == original.person && read.event == original.event)
            #expect(read.roles == original.roles)
            #expect(read.titles == listSafe(original.titles))
            #expect(read.evidence.first == original.evidence.first)
        }
        let originalTies = CoAttendance(graph).ties
        #expect(CoAttendance(back).ties == originalTies)

        let tieRows = try ExportedTables.coAttendanceRows(in: folder)
        #expect(tieRows.count == originalTies.count)
        for (row, tie) in zip(tieRows, originalTies) {
            #expect(row.a == graph[tie.a].name && row.b == graph[tie.b].name)
            #expect(row.weight == tie.weight && row.count == tie.count)
        }
    }

    @Test func hostileNamesAreQuotedNotSplit() throws {
        let people = try rows(try files(ExportOptions(guardsFormulas: false))["people.csv"]!)
        #expect(people.allSatisfy { $0.count == people[0].count })
        #expect(people.dropFirst().map { $0[1] } == graph.people.map(\.name))
        let text = try files()["people.csv"]!.text
        #expect(text.contains("\"Doe, \"\"Jim\"\"\""))
    }

    @Test func excelOptionStartsEveryTableWithAByteOrderMark() throws {
        for file in try files(ExportOptions(excel: true)).values {
            #expect(file.data.starts(with: [0xEF, 0xBB, 0xBF]), "\(file.name)")
            #expect(!file.data.dropFirst(3).starts(with: [0xEF, 0xBB, 0xBF]))
        }
        for file in try files().values {
            #expect(!file.data.starts(with: [0xEF, 0xBB, 0xBF]), "\(file.name)")
        }
    }

    @Test func textCellsThatStartAFormulaGetAQuote() throws {
        let people = try rows(try files()["people.csv"]!)
        let names = people.dropFirst().map { $0[1] }
        #expect(names.contains("'=HYPERLINK(\"http://x\",\"点我\")"))
        #expect(names.contains("'+86 柏青禾"))
        #expect(names.contains("'-司马若林"))
        #expect(names.contains("'@龔慧文"))
        #expect(names.contains("'\t制表"))
        #expect(names.contains("''单引号"))
        #expect(names.contains("甄志远"))
        for cell in people.dropFirst().flatMap({ $0 }) {
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.unicodeScalars.first.map(String.init) ?? ""),
                    "unguarded cell \(cell.debugDescription)")
        }
        let events = try rows(try files()["events.csv"]!)
        #expect(events.dropFirst().map { $0[4] }.contains("调研=企业"))
        let participations = try rows(try files()["participations.csv"]!)
        #expect(participations.dropFirst().allSatisfy { !$0[7].hasPrefix("=") })
    }

    @Test func numericColumnsAreNeverGuarded() throws {
        let ties = try rows(try files()["coattendance.csv"]!)
        let header = ties[0]
        let weight = try #require(header.firstIndex(of: "weight"))
        #expect(ties.dropFirst().allSatisfy { Double($0[weight]) != nil })
        let participations = try rows(try files()["participations.csv"]!)
        let start = try #require(participations[0].firstIndex(of: "start"))
        #expect(participations.dropFirst().allSatisfy { $0[start].isEmpty || Int($0[start]) != nil })
    }

    @Test func onlyGuardQuotesAreDroppedFromTablesOfUnknownOrigin() {
        #expect(FormulaGuard.restoreIfGuarded("'=1+1") == "=1+1")
        #expect(FormulaGuard.restoreIfGuarded("''x") == "'x")
        #expect(FormulaGuard.restoreIfGuarded("'x") == "'x")
        #expect(FormulaGuard.restoreIfGuarded("'") == "'")
    }

    @Test func guardIsLosslessForEveryStart() {
        for text in ["=1+1", "+x", "-", "@", "\tx", "\rx", "'", "''", "'=", "普通", "", "x=1"] {
            #expect(FormulaGuard.restore(FormulaGuard.neutralise(text)) == text)
        }
    }

    @Test func rolesAndListsUseSemicolons() throws {
        let participations = try rows(try files()["participations.csv"]!)
        let roles = participations.dropFirst().map { $0[5] }
        #expect(roles.first == "chair;speaker")
        let titles = participations.dropFirst().map { $0[6] }
        #expect(titles.first == "市委常委;常务副市长；兼")
        #expect(participations.dropFirst().contains { $0[5] == "speaker;attendee" })
    }

    @Test func filesAreRFC4180WithCRLFAndAFinalLineEnd() throws {
        for file in try files().values {
            #expect(file.data.suffix(2) == Data([13, 10]), "\(file.name)")
        }
        let header = try files()["events.csv"]!.text.split(separator: "\r\n").first
        #expect(header == "id,key,document,kind,name,date,time_of_day,place,form,participants")
    }

    @Test func exportIsDeterministic() throws {
        for format in ExportFormat.allCases {
            let first = try Exporter().files(for: Fixtures.graph(), format: format)
            let second = try Exporter().files(for: Fixtures.graph(), format: format)
            #expect(first == second, "\(format)")
        }
    }

    @Test func minimumWeightDropsLighterTies() throws {
        let all = try rows(try files()["coattendance.csv"]!).count - 1
        let heavy = try rows(try files(ExportOptions(minWeight: 2))["coattendance.csv"]!)
        let weight = try #require(heavy[0].firstIndex(of: "weight"))
        #expect(heavy.count - 1 == CoAttendance(graph).ties.filter { $0.weight >= 2 }.count)
        #expect(heavy.count - 1 < all)
        #expect(heavy.dropFirst().allSatisfy { Double($0[weight])! >= 2 })
    }

    @Test func collaborationWeightingIsWritten() throws {
        let ties = try rows(try files(ExportOptions(weighting: .collaboration))["coattendance.csv"]!)
        let expected = CoAttendance(graph, weighting: .collaboration).ties.map(\.weight)
        #expect(ties.dropFirst().map { Double($0[4])! } == expected)
    }

    @Test func readingAFolderWithoutTheTablesNamesTheMissingFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ExportError.missingFile(folder.appendingPathComponent("people.csv").path)) {
            try ExportedTables.graph(in: folder)
        }
    }

    @Test func aDanglingPersonIDIsReportedWithItsLine() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Exporter().write(try Exporter().files(for: graph, format: .csv), to: folder)
        let url = folder.appendingPathComponent("participations.csv")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\r\np3,", with: "\r\np999,")
        try Data(text.utf8).write(to: url)
        do {
            _ = try ExportedTables.graph(in: folder)
            Issue.record("a reference to p999 was accepted")
        } catch let ExportError.malformed(file, line, problem) {
            #expect(file == url.path)
            #expect(problem.contains("p999"))
            let lineText = text.components(separatedBy: "\r\n")
            #expect(line > 1 && line <= lineText.count)
        }
    }

    @Test(.enabled(if: Python.isAvailable, "python3 is not installed"))
    func pythonsCSVModuleReadsTheSameCells() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Exporter().write(try Exporter().files(for: graph, format: .csv, options: ExportOptions(excel: true)), to: folder)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
                print(json.dumps([row["name"] for row in csv.DictReader(f)]))
            """
        let (status, output) = try Python.run(script, arguments: [folder.appendingPathComponent("people.csv").path])
        #expect(status == 0, "\(output)")
        let names = try JSONDecoder().decode([String].self, from: Data(output.utf8))
        #expect(names.map { FormulaGuard.restore(QuoteIsolation.decode($0)) } == graph.people.map(\.name))
        #expect(names.contains("'=HYPERLINK(\"http://x\",\"点我\")"))
    }
}

@Suite struct DateSpanTests {
    @Test func firstAndLastDatesPreferDatesWithAYear() {
        let span = PersonSummary(dates: [EventDate("05-17"), EventDate("2022-05-16"), nil, EventDate("2021-12-01")])
        #expect(span.first == EventDate("2021-12-01") && span.last == EventDate("2022-05-16"))
        let yearless = PersonSummary(dates: [EventDate("05-17"), EventDate("03-01")])
        #expect(yearless.first == EventDate("03-01") && yearless.last == EventDate("05-17"))
    }
}
