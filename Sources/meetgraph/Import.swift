import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExport
import MeetGraphStore

/// `meetgraph import`: builds the graph from a table the user already has.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add an attendance table (person, event[, role, date]) to the store.",
        discussion: """
            For structured data: a UTF-8 CSV file with a header row naming the columns person and \
            event (or 姓名 and 会议), and optionally role (chair, speaker, attendee, or 主持/讲话/参加; \
            several joined by ;) and date (2022-05-16, 2022/5/16 or 2022年5月16日). Rows with the \
            same event name and date are one event. Rows with problems are reported with their \
            line number and skipped; the others are stored. Importing the same table again \
            changes nothing.

            Example (a table exported from seeds/, imported into a new store):
              meetgraph export --from seeds --out tables
              meetgraph import tables/participations.csv --db copy.sqlite
            """)

    @Argument(help: "CSV files with person,event[,role,date] columns.")
    var tables: [String]

    @OptionGroup var store: StoreOptions

    func run() throws {
        let database = try store.open(readOnly: false)
        var failed = 0
        var imported = 0
        for path in tables {
            do {
                let table = try Self.read(path)
                for problem in table.problems { Console.error(problem.description) }
                if Console.stderrIsTerminal { Console.progress("storing \(table.rows.count) rows…\r") }
                let summary = try database.importAttendance(rows: table.rows, source: path)
                if Console.stderrIsTerminal { Console.progress("\u{1B}[K") }
                for failure in summary.failed { Console.error(failure.description) }
                Console.output("\(path): \(table.rows.count) rows, \(table.problems.count) skipped; "
                    + (summary.changedAnything ? "stored" : "already in the store") + "\n")
                imported += 1
                if !table.problems.isEmpty { failed += 1 }
            } catch {
                Console.error("\(error)")
                failed += 1
            }
        }
        let counts = try database.counts()
        Console.output("store \(database.location): \(counts.documents) documents, \(counts.events) events, \(counts.people) people, \(counts.participations) participations\n")
        if failed > 0 { throw ExitCode(imported == 0 ? 2 : 1) }
    }

    /// Reads the table at `path` a piece at a time, drawing progress on a terminal for a large one.
    private static func read(_ path: String) throws -> AttendanceTable {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let kilobytes = max(1, size / 1024)
        let progress = Console.stderrIsTerminal ? Progress(total: kilobytes, label: "reading") : nil
        let table = try AttendanceTable.read(contentsOf: url) { bytes in
            progress?.update(min(kilobytes, bytes / 1024), item: path)
        }
        progress?.finish()
        return table
    }
}
