import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExport
import MeetGraphExtraction

/// `meetgraph extract`: prints what the extractor finds in each file.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract events and participants from news texts and print them.",
        usage: "meetgraph extract <paths> ... [--format <format>] [<options>]",
        discussion: """
            Prints, for every file, its events (kind, name, date, place) and the people taking part \
            with their roles, titles and evidence (the sentence and its character offsets). JSON \
            follows the corpus GUIDELINE.md schema: an array with one document object per file. \
            Unreadable files are reported on stderr and the others still printed; the exit code is \
            1 when some file failed, 2 when none could be read.

            Example:
              meetgraph extract seeds --format table
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, table
    }

    @Argument(help: "Text files or folders (searched for *.txt).")
    var paths: [String]

    @Option(help: "Output format: json (an array of documents), jsonl (one document per line) or table.")
    var format: Format = .json

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var quiet: QuietOption

    func run() throws {
        quiet.apply()
        guard format != .table else {
            let (items, failures) = reading.reader().read(InputFiles(paths: paths))
            for failure in failures { Console.error(failure.message) }
            Console.output(DocumentTable.text(items.map(\.document)))
            try Exit.afterFailures(failures, processed: items.count)
            return
        }
        // JSON is written a document at a time, as files are extracted (a group at a time, in order).
        var stream = JSONDocumentStream(lines: format == .jsonl)
        var processed = 0
        let failures = try reading.reader().forEach(InputFiles(paths: paths)) { item in
            try stream.write(item.document)
            processed += 1
        }
        try stream.finish()
        for failure in failures { Console.error(failure.message) }
        try Exit.afterFailures(failures, processed: processed)
    }
}

/// A listing of documents for people to read in a terminal: one row per participant (an event
/// with nobody gets a row of its own), aligned by the printer the queries use.
enum DocumentTable {
    static func text(_ documents: [Document]) -> String {
        var table = ResultTable(header: ["document", "event", "kind", "date", "place", "person", "roles", "titles"])
        var notes = ""
        for document in documents {
            for event in document.events {
                let when = [event.date?.description, event.timeOfDay].compactMap { $0 }.joined(separator: " ")
                let name = event.form == .video ? event.name + " (video)" : event.name
                let columns = [document.document, name, event.kind.rawValue, when, event.place ?? ""]
                if event.participants.isEmpty { table.rows.append(columns + ["", "", ""]) }
                for participant in event.participants {
                    table.rows.append(columns + [participant.name, participant.roles.description,
                                                 participant.titles.joined(separator: "、")])
                }
            }
            if !document.nonParticipants.isEmpty {
                let names = document.nonParticipants.map { "\($0.name) (\($0.role.rawValue))" }
                notes += "\(document.document): not participants: \(names.joined(separator: ", "))\n"
            }
        }
        return TextTable.render(table) + (notes.isEmpty ? "" : "\n" + notes)
    }
}
