import CSV
import Foundation
import MeetGraph
import Testing
@testable import MeetGraphExport

@Suite struct GephiNeo4jTests {
    let graph = Fixtures.graph()

    private func table(_ file: ExportFile) throws -> [[String]] {
        let reader = try CSVReader(string: try TextFile.text(of: file.data))
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row.map(QuoteIsolation.decode)) }
        return rows
    }

    private func files(_ format: ExportFormat, _ options: ExportOptions = ExportOptions()) throws -> [String: ExportFile] {
        let files = try Exporter().files(for: graph, format: format, options: options)
        #expect(files.map(\.name) == format.fileNames)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0) })
    }

    @Test func gephiNodesAndEdgesDescribeTheCoAttendanceGraph() throws {
        let gephi = try files(.gephi, ExportOptions(excel: true))
        let nodes = try table(gephi["nodes.csv"]!)
        let edges = try table(gephi["edges.csv"]!)
        #expect(nodes[0].prefix(3) == ["Id", "Label", "Type"])
        #expect(edges[0].prefix(4) == ["Source", "Target", "Type", "Weight"])
        #expect(nodes.dropFirst().map { FormulaGuard.restore($0[1]) } == graph.people.map(\.name))
        let ties = CoAttendance(graph).ties
        #expect(edges.count - 1 == ties.count)
        #expect(edges.dropFirst().allSatisfy { $0[2] == "Undirected" })
        #expect(edges.dropFirst().map { Double($0[3])! } == ties.map(\.weight))
        let ids = Set(nodes.dropFirst().map { $0[0] })
        #expect(edges.dropFirst().allSatisfy { ids.contains($0[0]) && ids.contains($0[1]) })
    }

    /// Issue 18, item 11: Gephi labels are opened in spreadsheets too, and --excel means every CSV.
    @Test func gephiLabelsAreGuardedAndExcelMarksEveryCSVFile() throws {
        let gephi = try files(.gephi, ExportOptions(excel: true))
        let labels = try table(gephi["nodes.csv"]!).dropFirst().map { $0[1] }
        #expect(labels.contains("'=HYPERLINK(\"http://x\",\"点我\")"))
        #expect(!labels.contains { ["=", "+", "-", "@"].contains($0.first) })
        for file in gephi.values { #expect(file.data.starts(with: [0xEF, 0xBB, 0xBF]), "\(file.name)") }
        for file in try files(.neo4j, ExportOptions(excel: true)).values where file.name.hasSuffix(".csv") {
            #expect(file.data.starts(with: [0xEF, 0xBB, 0xBF]), "\(file.name)")
        }
        #expect(try files(.gephi)["nodes.csv"]!.data.starts(with: [0xEF, 0xBB, 0xBF]) == false)
    }

    @Test func neo4jHeadersAreTypedForNeo4jAdmin() throws {
        let neo4j = try files(.neo4j)
        let people = try table(neo4j["neo4j-people.csv"]!)
        #expect(people[0] == ["personId:ID(Person)", "name", "titles:string[]", "events:int", ":LABEL"])
        let attended = try table(neo4j["neo4j-attended.csv"]!)
        #expect(attended[0].prefix(4) == [":START_ID(Person)", ":END_ID(Event)", ":TYPE", "roles:string[]"])
        #expect(attended.dropFirst().allSatisfy { $0[2] == "ATTENDED" })
        #expect(attended[1][3] == "chair;speaker")
        let met = try table(neo4j["neo4j-met.csv"]!)
        #expect(met[0].prefix(5) == [":START_ID(Person)", ":END_ID(Person)", ":TYPE", "weight:double", "count:int"])
        #expect(met.count - 1 == CoAttendance(graph).ties.count)
        let events = try table(neo4j["neo4j-events.csv"]!)
        #expect(events.dropFirst().map { $0.last! } == graph.events.map { "Event;" + $0.kind.rawValue.capitalized })
        #expect(neo4j["neo4j-import.txt"]!.text.contains("--multiline-fields=true"))
    }

    @Test func neo4jReferencesPointAtDeclaredNodes() throws {
        let neo4j = try files(.neo4j)
        let people = Set(try table(neo4j["neo4j-people.csv"]!).dropFirst().map { $0[0] })
        let events = Set(try table(neo4j["neo4j-events.csv"]!).dropFirst().map { $0[0] })
        #expect(people.count == graph.people.count && events.count == graph.events.count)
        for row in try table(neo4j["neo4j-attended.csv"]!).dropFirst() {
            #expect(people.contains(row[0]) && events.contains(row[1]))
        }
        for row in try table(neo4j["neo4j-met.csv"]!).dropFirst() {
            #expect(people.contains(row[0]) && people.contains(row[1]))
        }
    }
}

@Suite struct WriterTests {
    @Test func writeReplacesFilesWholeAndLeavesNoTemporaryFiles() throws {
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("nested/out")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        let exporter = Exporter()
        try exporter.write([ExportFile(name: "a.csv", data: Data(String(repeating: "老数据\n", count: 1000).utf8))], to: folder)
        let urls = try exporter.write([ExportFile(name: "a.csv", data: Data("新\n".utf8)),
                                       ExportFile(name: "b.json", data: Data("{}".utf8))], to: folder)
        #expect(urls.map(\.lastPathComponent) == ["a.csv", "b.json"])
        #expect(try String(contentsOf: urls[0], encoding: .utf8) == "新\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.csv", "b.json"])
    }

    @Test func writtenFilesAreReadableByOthers() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Exporter().write([ExportFile(name: "a.csv", data: Data("x".utf8))], to: folder)[0]
        let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(permissions.map { $0 & 0o044 } == 0o044, "mode \(String(permissions ?? 0, radix: 8))")
    }

    @Test func aFileWhereTheFolderShouldBeIsAnErrorNamingIt() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("out")
        try Data("x".utf8).write(to: blocker)
        #expect {
            try Exporter().write([ExportFile(name: "a.csv", data: Data())], to: blocker)
        } throws: { error in
            guard case let ExportError.cannotWrite(file, _) = error else { return false }
            return file.hasSuffix("out") || file.hasSuffix("a.csv")
        }
    }
}
