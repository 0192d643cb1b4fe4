import Foundation
import MeetGraph
import Testing
@testable import MeetGraphExport

@Suite struct AttendanceTableTests {
    private func read(_ text: String, file: String = "attendance.csv") throws -> AttendanceTable {
        try AttendanceTable.read(Data(text.utf8), file: file)
    }

    @Test func readsRowsWithOptionalRoleAndDate() throws {
        let table = try read("""
            Person,Event,Role,Date
            甄志远,市政府常务会议,chair;speaker,2022-05-16
            柏文涛,市政府常务会议,,2022-05-16
            何晓岚,"座谈会, 第二场",Speaker,
            """)
        #expect(table.problems.isEmpty)
        #expect(table.rows.map(\.person) == ["甄志远", "柏文涛", "何晓岚"])
        #expect(table.rows.map(\.roles) == [[.chair, .speaker], .attendee, .speaker])
        #expect(table.rows.map(\.date) == [EventDate("2022-05-16"), EventDate("2022-05-16"), nil])
        #expect(table.rows.map(\.event).last == "座谈会, 第二场")
        #expect(table.rows.map(\.line) == [2, 3, 4])
    }

    @Test func chineseHeadersRolesAndDates() throws {
        let table = try read("""
            姓名,会议,角色,日期,备注
            蒲月,调度会,主持、讲话,2022年5月16日,x
            龔慧文,调度会,出席,2022/5/16,
            """)
        #expect(table.problems.isEmpty)
        #expect(table.rows.map(\.roles) == [[.chair, .speaker], .attendee])
        #expect(table.rows.map(\.date) == [EventDate("2022-05-16"), EventDate("2022-05-16")])
    }

    @Test(arguments: [
        ("2022-05-16", "2022-05-16"), ("2022/5/6", "2022-05-06"), ("2022.5.6", "2022-05-06"),
        ("2022年5月6日", "2022-05-06"), ("5月6日", "05-06"), ("05-16", "05-16"), ("2022-05-16 00:00:00", "2022-05-16"),
    ])
    func acceptedDateForms(text: String, expected: String) {
        #expect(AttendanceTable.parseDate(text)?.description == expected)
    }

    @Test func badRowsAreReportedWithTheirLinesAndGoodRowsKept() throws {
        let table = try read("""
            person,event,role,date
            甄志远,常务会议,chair,2022-05-16
            ,常务会议,chair,2022-05-16
            柏文涛,,chair,2022-05-16
            何晓岚,常务会议,host,2022-05-16
            蒲月,常务会议,chair,2022-13-40
            "多行
            名字",常务会议
            龔慧文,常务会议,chair,2022-05-16,extra
            卫青松,常务会议,attendee,2022-05-16,,
            """, file: "in/t.csv")
        #expect(table.rows.map(\.person) == ["甄志远", "卫青松"])
        #expect(table.rows.map(\.line) == [2, 10])
        #expect(table.problems.map(\.line) == [3, 4, 5, 6, 7, 9])
        #expect(table.problems.allSatisfy { $0.file == "in/t.csv" })
        let messages = table.problems.map(\.message)
        #expect(messages[0].contains("no person"))
        #expect(messages[1].contains("no event"))
        #expect(messages[2].contains("host"))
        #expect(messages[3].contains("2022-13-40"))
        #expect(messages[4].contains("2 fields") && messages[5].contains("5 fields"))
        #expect(table.problems[2].description.hasPrefix("in/t.csv:5: "))
    }

    @Test func aTableWithNoGoodRowFailsWithItsProblems() {
        #expect(throws: AttendanceTableError.self) { try read("person,event\n,x\n") }
        do {
            _ = try read("person,event\n,x\n")
        } catch let AttendanceTableError.noRows(file, problems) {
            #expect(file == "attendance.csv")
            #expect(problems.map(\.line) == [2])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingColumnsAreNamed() {
        #expect(throws: AttendanceTableError.missingColumns(file: "attendance.csv", line: 1, missing: ["event"],
                                                            found: ["person", "date"])) {
            try read("person,date\n甄志远,2022-05-16\n")
        }
    }

    @Test func emptyBinaryAndNonUTF8FilesHaveClearErrors() {
        #expect(throws: AttendanceTableError.empty(file: "e.csv")) { try AttendanceTable.read(Data(), file: "e.csv") }
        #expect(throws: AttendanceTableError.empty(file: "e.csv")) {
            try AttendanceTable.read(Data([0xEF, 0xBB, 0xBF]), file: "e.csv")
        }
        #expect(throws: AttendanceTableError.binary(file: "x.xlsx")) {
            try AttendanceTable.read(Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]), file: "x.xlsx")
        }
        // 姓名 in GBK.
        let gbk = Data("person,event\n".utf8) + Data([0xD0, 0xD5, 0xC3, 0xFB]) + Data(",会\n".utf8)
        #expect(throws: AttendanceTableError.notUTF8(file: "g.csv", byteOffset: 13)) {
            try AttendanceTable.read(gbk, file: "g.csv")
        }
        let error = AttendanceTableError.notUTF8(file: "g.csv", byteOffset: 13)
        #expect(error.description.contains("g.csv") && error.description.contains("UTF-8"))
    }

    @Test func excelByteOrderMarkAndCRLFAreAccepted() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("姓名,会议\r\n甄志远,常务会议\r\n".utf8)
        let table = try AttendanceTable.read(data, file: "excel.csv")
        #expect(table.rows.map(\.person) == ["甄志远"])
        #expect(table.rows.map(\.line) == [2])
    }

    @Test func graphMergesRowsOfTheSameEventAndDate() throws {
        let table = try read("""
            person,event,role,date
            甄志远,常务会议,chair,2022-05-16
            柏文涛,常务会议,,2022-05-16
            甄志远,常务会议,speaker,2022-05-16
            甄志远,常务会议,,2022-06-01
            """)
        let graph = table.graph()
        #expect(graph.events.count == 2)
        #expect(graph.people.map(\.name) == ["甄志远", "柏文涛"])
        let first = try #require(graph.attendance(of: PersonID(0), at: EventID(0)))
        #expect(first.roles == [.chair, .speaker])
        #expect(CoAttendance(graph).ties.map(\.count) == [1])
    }

    @Test func readsAFileFromDiskAndNamesMissingOnes() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("a.csv")
        try Data("person,event\n甄志远,会\n".utf8).write(to: url)
        #expect(try AttendanceTable.read(contentsOf: url).rows.count == 1)
        #expect {
            try AttendanceTable.read(contentsOf: folder.appendingPathComponent("none.csv"))
        } throws: { error in
            guard case let AttendanceTableError.cannotRead(file, _) = error else { return false }
            return file.hasSuffix("none.csv")
        }
    }

    @Test func exportedParticipationsCanBeImported() throws {
        let graph = Fixtures.graph(names: ["甄志远", "=柏文涛", "-何晓岚", "'引", "@x"])
        let file = try Exporter().files(for: graph, format: .csv)[2]
        let table = try AttendanceTable.read(file.data, file: file.name)
        #expect(table.problems.isEmpty)
        #expect(table.rows.count == graph.attendances.count)
        #expect(Set(table.rows.map(\.person)) == Set(graph.people.map(\.name)))
        #expect(table.graph().people.count == graph.people.count)
    }
}

@Suite struct PropertyTests {
    /// A random string drawn mostly from characters that matter to CSV, XML and spreadsheets.
    static func randomString(_ generator: inout SeededGenerator) -> String {
        let alphabet: [Unicode.Scalar] = [
            ",", "\"", "\r", "\n", "\t", " ", "'", "=", "+", "-", "@", ";", "\\", "<", ">", "&", "\u{301}",
            "\u{200B}", "\u{3000}", "、", "；", "会", "議", "甄", "😀", "a", "Z", "0", "\u{85}", "\u{2028}",
        ]
        let length = Int.random(in: 0...12, using: &generator)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length { scalars.append(alphabet.randomElement(using: &generator)!) }
        return String(scalars)
    }

    @Test func csvRoundTripOverRandomNames() throws {
        var generator = SeededGenerator(seed: 20_240_516)
        for round in 0..<20 {
            var names: [String] = []
            var seen = Set<String>()
            while names.count < 12 {
                let name = Self.randomString(&generator)
                if seen.insert(name).inserted { names.append(name) }
            }
            let graph = Fixtures.graph(names: names)
            let folder = try Fixtures.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let excel = round.isMultiple(of: 2)
            try Exporter().write(try Exporter().files(for: graph, format: .csv, options: ExportOptions(excel: excel)), to: folder)
            let back = try ExportedTables.graph(in: folder)
            #expect(back.people.map(\.name) == graph.people.map(\.name), "round \(round)")
            #expect(back.events == graph.events, "round \(round)")
            #expect(back.attendances.map(\.evidence.first) == graph.attendances.map(\.evidence.first), "round \(round)")
            #expect(CoAttendance(back).ties == CoAttendance(graph).ties, "round \(round)")
        }
    }

    @Test func graphMLAndJSONRoundTripOverRandomNames() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<40 {
            let graph = Fixtures.graph(names: (0..<8).map { _ in Self.randomString(&generator) })
            let exported = ExportedGraph.bipartite(graph)
            #expect(try GraphML.graph(from: Data(GraphML.document(for: exported).utf8), file: "r") == exported)
            #expect(try NodeLinkJSON.graph(from: Data(NodeLinkJSON.document(for: exported).utf8), file: "r") == exported)
        }
    }

    @Test func importerNeverCrashesOnRandomBytes() {
        var generator = SeededGenerator(seed: 99)
        let pieces: [[UInt8]] = [
            Array("person,event,role,date\n".utf8), Array("姓名,会议\r\n".utf8), [0xEF, 0xBB, 0xBF], Array("\"".utf8),
            Array(",".utf8), Array("\n".utf8), Array("\r".utf8), Array("chair".utf8), Array("2022年5月".utf8),
            [0xFF], [0xC3], [0xE4, 0xBC], [0x00], Array("甄".utf8), Array(";".utf8), Array("甄,会\n".utf8),
        ]
        var outcomes = [0, 0]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                if Bool.random(using: &generator) {
                    bytes += pieces.randomElement(using: &generator)!
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &generator))
                }
            }
            do {
                let table = try AttendanceTable.read(Data(bytes), file: "fuzz.csv")
                #expect(!table.rows.isEmpty)
                #expect(table.rows.allSatisfy { !$0.person.isEmpty && !$0.event.isEmpty })
                outcomes[0] += 1
            } catch let error as AttendanceTableError {
                #expect(error.description.hasPrefix("fuzz.csv"))
                outcomes[1] += 1
            } catch {
                Issue.record("unexpected error type \(error)")
            }
        }
        // Both paths were exercised.
        #expect(outcomes[0] > 0 && outcomes[1] > 0, "\(outcomes)")
    }
}
