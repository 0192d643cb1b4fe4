import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExport
import MeetGraphExtraction
import MeetGraphStore

/// `meetgraph ingest`: adds texts to the store, incrementally.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract texts and add them to the SQLite store, skipping what it already holds.",
        usage: "meetgraph ingest [<paths> ...] [--db <db>] [<options>]",
        discussion: """
            A document is its path (relative to the folder named) and its content: ingesting the \
            same file twice changes nothing, a file whose content changed replaces its old version, \
            a text stored under another path moves to the file that holds it now, and --prune \
            deletes the documents of files that are gone. A text found twice in one run is stored once. Documents are written in \
            batches of transactions, so an ingest that is killed leaves a consistent store and \
            running it again completes it. Traditional and simplified spellings of a name are one \
            person; --aliases merges other spellings (a CSV of name,canonical). Progress goes to \
            stderr, the summary (added, unchanged, replaced, moved, copies, failed) to stdout.

            Example:
              meetgraph ingest seeds --db meetgraph.sqlite
            """)

    @Argument(help: "Text files or folders (searched for *.txt); none with --aliases to change only the aliases.")
    var paths: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var quiet: QuietOption

    @Option(help: "A CSV file of name,canonical pairs: spellings to merge into one person.")
    var aliases: String?

    @Option(help: "Documents per transaction.")
    var batchSize: Int = 64

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
        guard !paths.isEmpty || aliases != nil else {
            throw ValidationError("give text files or folders to ingest (or --aliases FILE alone to change the aliases)")
        }
    }

    @Flag(help: ArgumentHelp(
        "Delete from the store the documents whose files are not among the inputs any more.",
        discussion: "Run it on the whole folder the store was made from; imported tables are kept."))
    var prune = false

    func run() throws {
        quiet.apply()
        let existed = store.exists
        let database = try store.open(readOnly: false)
        if let aliases {
            let pairs = try AliasTable.read(contentsOf: URL(fileURLWithPath: aliases))
            try database.setAliases(pairs)
        }
        let inputs = InputFiles(paths: paths)
        var failures = inputs.failures
        var summary = IngestSummary()
        var copies = DuplicateTexts()
        let reader = reading.reader()
        let progress = Progress(total: inputs.files.count, label: "ingesting")
        // Extract and store one batch at a time, so memory stays bounded on a large archive.
        var start = 0
        while start < inputs.files.count {
            let batch = Array(inputs.files[start..<min(start + batchSize, inputs.files.count)])
            let (items, batchFailures) = reader.read(InputFiles(files: batch), label: nil)
            failures += batchFailures
            let result = try database.ingest(copies.firstCopies(of: items).map(\.ingestItem), batchSize: batchSize)
            summary.append(result)
            start += batch.count
            progress.update(start, item: batch.last?.key ?? "")
        }
        progress.finish()
        var pruned: [String] = []
        if prune {
            if inputs.failures.isEmpty {
                pruned = try database.prune(keeping: Set(inputs.files.map(\.key)))
            } else {
                Console.error("not pruning: some inputs could not be searched, so missing files cannot be told from unread ones")
            }
        }
        try database.checkpoint()
        for failure in failures { Console.error(failure.message) }
        for note in copies.notes { Console.error(note) }
        for failure in summary.failed { Console.error(failure.description) }
        for line in summary.waitingCorrections { Console.error("correction waiting: \(line)") }
        let counts = try database.counts()
        Console.output("""
            added      \(summary.added.count)
            unchanged  \(summary.unchanged.count)
            replaced   \(summary.replaced.count)
            moved      \(summary.moved.count)
            copies     \(copies.notes.count)
            reprints   \(summary.foldedEvents) events folded into the same event of another report
            \(summary.corrections > 0 ? "corrected  \(summary.corrections) stored corrections applied again\n" : "")\
            \(prune ? "pruned     \(pruned.count)\n" : "")failed     \(failures.count + summary.failed.count)
            store      \(database.location): \(counts.documents) documents, \(counts.events) events, \
            \(counts.people) people, \(counts.participations) participations

            """)
        let processed = summary.added.count + summary.unchanged.count + summary.replaced.count + summary.moved.count
            + copies.notes.count
        if !existed && processed == 0 && aliases == nil {
            // Nothing could be read: leave no empty store (and no WAL files) behind.
            try? database.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.db + suffix) }
            Console.error("\(store.db): not created, since nothing could be stored")
        }
        try Exit.afterFailures(failures + summary.failed.map { InputFailure(file: $0.path, message: $0.description) },
                               processed: processed)
    }
}

/// Texts read twice in one run (the same content in two files): the first file is the document,
/// the others are noted and left out, so that no route counts one report's events twice.
struct DuplicateTexts {
    private var firstFile: [String: String] = [:]
    /// One line per copy left out: `b.txt: the same text as a.txt; counted once`.
    private(set) var notes: [String] = []

    /// The items whose text was not seen before in this run.
    mutating func firstCopies(of items: [DocumentReader.Item]) -> [DocumentReader.Item] {
        items.filter { item in
            if let first = firstFile[item.contentHash] {
                notes.append("\(item.file.display): the same text as \(first); counted once")
                return false
            }
            firstFile[item.contentHash] = item.file.display
            return true
        }
    }
}

/// Reads `--aliases`: a CSV of name,canonical pairs, with or without a header row.
enum AliasTable {
    static func read(contentsOf url: URL) throws -> [String: String] {
        let table = try ResultTable.read(contentsOf: url)
        let headerIsData = !["name", "alias", "别名", "姓名"].contains(table.header.first?.lowercased() ?? "")
        var pairs: [String: String] = [:]
        for (index, row) in ((headerIsData ? [table.header] : []) + table.rows).enumerated() {
            let fields = row.map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                Console.error("\(url.path): row \(index + 1): expected name,canonical; row skipped")
                continue
            }
            pairs[fields[0]] = fields[1]
        }
        return pairs
    }
}
