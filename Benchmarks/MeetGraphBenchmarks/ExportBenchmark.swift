import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExport

/// `meetgraph-bench export`: time every export format, the CSV read-back and the attendance
/// table import on a generated graph (invented names `成员1`, `成员2` …).
struct ExportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Times export formats, CSV read-back and attendance-table import on a generated graph.",
        discussion: "Example: swift run -c release meetgraph-bench export --people 2000 --events 200")

    @Option(help: "Number of people.") var people = 2_000
    @Option(help: "Number of events.") var events = 200
    @Option(help: "Participants per event.") var perEvent = 20
    @Option(help: "Folder for the written files (a temporary folder when omitted).") var output: String?

    func run() throws {
        var generator = SystemRandomNumberGenerator()
        var graph = AttendanceGraph()
        for index in 0..<events {
            let event = graph.addEvent(.init(key: "bench.txt#e\(index)", document: "bench.txt", kind: .meeting,
                                             name: "第\(index)次会议, \"专题\"",
                                             date: EventDate(year: 2020 + index % 5, month: 1 + index % 12, day: 1 + index % 28)))
            for _ in 0..<perEvent {
                let person = graph.addPerson(named: "成员\(Int.random(in: 1...people, using: &generator))", titles: ["副主任"])
                let sentence = "会议由成员主持，强调要做好工作。"
                graph.attend(person: person, event: event, roles: .attendee, titles: ["副主任"],
                             evidence: [Evidence(document: "bench.txt", sentence: sentence, start: index * 100,
                                                 end: index * 100 + sentence.unicodeScalars.count)])
            }
        }
        let folder = output.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("meetgraph-bench-export-\(UUID().uuidString)")
        defer { if output == nil { try? FileManager.default.removeItem(at: folder) } }
        print("graph: \(graph.people.count) people, \(graph.events.count) events, \(graph.attendances.count) participations, "
            + "\(CoAttendance(graph).ties.count) ties")

        let clock = ContinuousClock()
        let exporter = Exporter()
        for format in ExportFormat.allCases {
            var files: [ExportFile] = []
            let build = try clock.measure { files = try exporter.files(for: graph, format: format) }
            let write = try clock.measure { try exporter.write(files, to: folder.appendingPathComponent(format.rawValue)) }
            let bytes = files.reduce(0) { $0 + $1.data.count }
            print("\(format.rawValue): \(bytes) bytes in \(files.count) files; build \(text(build)), write \(text(write)), "
                + String(format: "%.1f MB/s", Double(bytes) / 1e6 / seconds(build)))
        }
        var back = AttendanceGraph()
        let read = try clock.measure { back = try ExportedTables.graph(in: folder.appendingPathComponent("csv")) }
        print("csv read-back: \(back.attendances.count) participations in \(text(read))")
        let table = folder.appendingPathComponent("csv/participations.csv")
        var rows = 0
        let imported = try clock.measure { rows = try AttendanceTable.read(contentsOf: table).rows.count }
        print("attendance-table import of participations.csv: \(rows) rows in \(text(imported))")
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func text(_ duration: Duration) -> String { String(format: "%.3f s", seconds(duration)) }
}
