import ArgumentParser
import Foundation
import MeetGraphExport
import MeetGraphStore

/// `meetgraph correct`: stores a corrections file in the store and applies it; every later
/// ingest applies the stored corrections again.
struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply a corrections file to the store, now and after every later ingest.",
        usage: "meetgraph correct (<file> | --list | --remove <id> ...) [--db <db>]",
        discussion: """
            Each line is action,person,value,event (README, Corrections): merge A,B or rename A,B \
            (A is B from now on); display A,S (show A as the spelling S); drop A,,EVENT; add \
            A,ROLES,EVENT; role A,ROLES,EVENT and not-role A,ROLES,EVENT (ROLES: chair, speaker, \
            attendee). EVENT is an event id (report.txt#e1) as `query person NAME --format json` shows it. The \
            corrections are kept in the store and applied again after each ingest, so extracting \
            a text again never undoes them. The whole file applies or nothing does: a malformed \
            line exits 64, a person or event the store lacks exits 2, naming the file and line.

            --list prints the stored corrections with their ids; --remove ID removes one (repeat \
            it for several). A removed merge, rename, display or add is undone at once; a removed \
            drop, role or not-role stays in effect until the event's document is extracted again \
            (the store does not keep what the text said before), and the command says so. \
            `analyze`, `render`, `export` and `query` take --corrections FILE to apply the same \
            file to texts read with --from.

            Examples:
              meetgraph correct seeds/corrections.csv --db meetgraph.sqlite
              meetgraph correct --list --db meetgraph.sqlite
              meetgraph correct --remove 1 --db meetgraph.sqlite
            """)

    @Argument(help: "The corrections file (CSV: action,person,value,event).")
    var file: String?

    @Flag(help: "List the stored corrections with their ids (id, action, person, value, event, source).")
    var list = false

    @Option(help: "Remove the stored correction with this id (as --list shows it); repeat for several.")
    var remove: [Int64] = []

    @OptionGroup var store: StoreOptions

    func validate() throws {
        let modes = (file == nil ? 0 : 1) + (list ? 1 : 0) + (remove.isEmpty ? 0 : 1)
        guard modes == 1 else {
            throw ValidationError("give one of: a corrections file, --list, or --remove ID")
        }
    }

    /// The store at `--db`, which must exist.
    private func openExisting() throws -> MeetGraphStore {
        guard store.exists else {
            Console.error("Error: \(store.db): no such store; run `meetgraph ingest FOLDER --db \(store.db)` first")
            throw ExitCode(2)
        }
        return try store.openSQLite(readOnly: false, for: "correct")
    }

    /// Prints the stored corrections, one a row.
    private func printList() throws {
        let database = try openExisting()
        var table = ResultTable(header: ["id", "action", "person", "value", "event", "source"], numericColumns: [0])
        table.rows = try database.storedCorrections().map {
            [String($0.id), $0.correction.action.rawValue, $0.correction.person, $0.correction.value,
             $0.correction.event, $0.correction.source]
        }
        Console.output(table.rows.isEmpty ? "no corrections stored in \(store.db)\n" : TextTable.render(table))
    }

    /// Removes the corrections `--remove` names.
    private func removeStored() throws {
        let database = try openExisting()
        let result = try database.removeCorrections(ids: remove)
        try database.checkpoint()
        for entry in result.keptUntilReextracted {
            let correction = entry.correction
            let document = correction.event.split(separator: "#").first.map(String.init) ?? correction.event
            Console.error("""
                note: correction \(entry.id) (\(correction.action.rawValue) \(correction.person) at \(correction.event)) \
                stays in effect until \(document) is extracted again (change the file, or delete it, ingest with --prune, \
                put it back and ingest)
                """)
        }
        Console.output("removed \(result.removed.count) correction\(result.removed.count == 1 ? "" : "s")"
                       + (result.removed.isEmpty ? "" : ": " + result.removed.map { String($0.id) }.joined(separator: ", ")) + "\n")
        guard result.unknown.isEmpty else {
            let ids = result.unknown.map(String.init).joined(separator: ", ")
            Console.error("Error: no stored correction with id \(ids); `meetgraph correct --list --db \(store.db)` shows the ids")
            throw ExitCode(2)
        }
    }

    func run() throws {
        if list { return try printList() }
        if !remove.isEmpty { return try removeStored() }
        guard let file else { return }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            Console.error("Error: \(file): cannot read the corrections file (\(error.localizedDescription)); check the path")
            throw ExitCode(2)
        }
        let corrections: [Correction]
        do {
            corrections = try CorrectionsFile.parse(text, file: file)
        } catch {
            Console.error("Error: \(String(describing: error))")
            throw ExitCode(64)
        }
        let database = try openExisting()
        let report: CorrectionReport
        do {
            report = try database.addCorrections(corrections)
        } catch let error as CorrectionError {
            Console.error("Error: \(error.description)")
            throw ExitCode(error.isMalformed ? 64 : 2)
        }
        try database.checkpoint()
        for line in report.waiting { Console.error("waiting: \(line)") }
        let counts = try database.counts()
        Console.output("""
            corrections \(report.added) new, \(report.stored) stored, \(report.waiting.count) waiting
            store       \(store.db): \(counts.documents) documents, \(counts.events) events, \
            \(counts.people) people, \(counts.participations) participations

            """)
    }
}
