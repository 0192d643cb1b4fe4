import ArgumentParser
import Foundation
import MeetGraphStore

/// `meetgraph correct`: stores a corrections file in the store and applies it; every later
/// ingest applies the stored corrections again.
struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply a corrections file to the store, now and after every later ingest.",
        usage: "meetgraph correct <file> [--db <db>]",
        discussion: """
            Each line is action,person,value,event (README, Corrections): merge A,B or rename A,B \
            (A is B from now on); display A,S (show A as the spelling S); drop A,,EVENT; add \
            A,ROLES,EVENT; role A,ROLES,EVENT and not-role A,ROLES,EVENT (ROLES: chair, speaker, \
            attendee). EVENT is an event id (report.txt#e1) as `query person NAME --format json` shows it. The \
            corrections are kept in the store and applied again after each ingest, so extracting \
            a text again never undoes them. The whole file applies or nothing does: a malformed \
            line exits 64, a person or event the store lacks exits 2, naming the file and line.

            Example:
              meetgraph correct seeds/corrections.csv --db meetgraph.sqlite
            """)

    @Argument(help: "The corrections file (CSV: action,person,value,event).")
    var file: String

    @OptionGroup var store: StoreOptions

    func run() throws {
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
        guard store.exists else {
            Console.error("Error: \(store.db): no such store; run `meetgraph ingest FOLDER --db \(store.db)` first")
            throw ExitCode(2)
        }
        let database = try store.openSQLite(readOnly: false, for: "correct")
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
