import CSV
import Foundation
import MeetGraph
import Testing
@testable import MeetGraphExport

/// The streaming writers and readers of issue #15 give the bytes and rows the whole-file ones gave.
@Suite struct StreamingTests {
    let graph = Fixtures.graph()

    /// What ``CSVEncoding`` wrote through CSV.swift before ``CSVRowWriter``.
    private func csvSwiftBytes(_ table: CSVTable, _ encoding: CSVEncoding) throws -> Data {
        let stream = OutputStream.toMemory()
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: table.columns.map(\.name), quotedAtIndex: { CSVEncoding.needsQuotes(table.columns[$0].name) })
        for row in table.rows {
            writer.beginNewRow()
            for (index, cell) in row.enumerated() {
                let guarded = encoding.guardsFormulas && table.columns[index].kind == .text ? FormulaGuard.neutralise(cell) : cell
                let text = QuoteIsolation.encode(guarded)
                try writer.write(field: text, quoted: CSVEncoding.needsQuotes(text))
            }
        }
        writer.stream.close()
        var data = Data(encoding.byteOrderMark ? CSVEncoding.byteOrderMarkBytes : [])
        data.append(stream.property(forKey: .dataWrittenToMemoryStreamKey) as! Data)
        data.append(contentsOf: [13, 10])
        return data
    }

    @Test func rowWriterWritesTheBytesCSVSwiftWrote() throws {
        let projection = CoAttendance(graph)
        let tables = AnalystTables.tables(for: graph, projection: projection, ties: projection.ties)
            + GephiExport.tables(projection: projection, ties: projection.ties)
        for byteOrderMark in [false, true] {
            for guardsFormulas in [false, true] {
                let encoding = CSVEncoding(byteOrderMark: byteOrderMark, guardsFormulas: guardsFormulas)
                for table in tables {
                    #expect(try encoding.file(for: table).data == csvSwiftBytes(table, encoding), "\(table.fileName)")
                }
            }
        }
    }

    @Test func streamedExportHasTheBytesOfTheFilesBuiltInMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetgraph-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for options in [ExportOptions(), ExportOptions(excel: true, minWeight: 2), ExportOptions(weighting: .collaboration)] {
            let urls = try Exporter().stream(graph, format: .csv, options: options, to: folder)
            #expect(urls.map(\.lastPathComponent) == ExportFormat.csv.fileNames)
            for file in try Exporter().files(for: graph, format: .csv, options: options) {
                #expect(try Data(contentsOf: folder.appendingPathComponent(file.name)) == file.data, "\(file.name)")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func tablesReadInPiecesGiveTheRecordsOfTheWholeText() throws {
        let texts = [
            "person,event,role\r\n甄志远,\"常务会议, 第1次\",chair\r\n\r\n\"两行\n名字\",\"他说\"\"好\"\"\",attendee\r\n柏青禾,会议,\r\n",
            "\u{FEFF}\n\nperson,event\n卫,会\r卫2,会\r\n\"a\rb\",c\nlast,row",
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetgraph-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (number, text) in texts.enumerated() {
            let url = folder.appendingPathComponent("\(number).csv")
            try Data(text.utf8).write(to: url)
            let whole = try TextFile.records(in: try TextFile.text(of: Data(text.utf8)))
            for size in [1, 2, 3, 5, 8, 13, 1 << 20] {
                var chunks = try TableChunks(contentsOf: url, file: url.path, chunkSize: size)
                var pieces: [CSVRecord] = []
                while let records = try chunks.next() { pieces += records }
                let kept = { (records: [CSVRecord]) in records.filter { !$0.isBlank }.map { "\($0.line) \($0.fields)" } }
                #expect(kept(pieces) == kept(whole), "text \(number), pieces of \(size) bytes")
            }
            #expect(try AttendanceTable.read(contentsOf: url) == AttendanceTable.read(Data(text.utf8), file: url.path))
        }
    }

    @Test func bytesThatAreNotUTF8AreReportedWithTheirOffsetInTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetgraph-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("gbk.csv")
        var bytes = Array("person,event\n甄志远,会议\n".utf8)
        let offset = bytes.count
        bytes += [0xD5, 0xC5, 0x2C, 0x41, 0x0A]  // GBK 张, then ",A"
        try Data(bytes).write(to: url)
        var chunks = try TableChunks(contentsOf: url, file: "gbk.csv", chunkSize: 4)
        #expect(throws: AttendanceTableError.notUTF8(file: "gbk.csv", byteOffset: offset)) {
            while try chunks.next() != nil {}
        }
    }
}
