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
        discussion: """
            A document is identified by its content: ingesting the same file twice changes nothing, \
            and a file whose content changed replaces its old version. Documents are written in \
            batches of transactions, so an ingest that is killed leaves a consistent store and \
            running it again completes it. Traditional and simplified spellings of a name are one \
            person; --aliases merges other spellings (a CSV of name,canonical). Progress goes to \
            stderr, the summary (added, unchanged, replaced, failed) to stdout.

            Example:
              meetgraph ingest seeds --db meetgraph.sqlite
              meetgraph ingest archive/ --db archive.sqlite --aliases aliases.csv
            """)

    @Argument(help: "Text files or folders (searched for *.txt).")
    var paths: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions

    @Option(help: "A CSV file of name,canonical pairs: spellings to merge into one person.")
    var aliases: String?

    @Option(help: "Documents per transaction.")
    var batchSize: Int = 64

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        let database = try store.open(readOnly: false)
        if let aliases {
            let pairs = try AliasTable.read(contentsOf: URL(fileURLWithPath: aliases))
            try database.setAliases(pairs)
        }
        let inputs = InputFiles(paths: paths)
        var failures = inputs.failures
        var summary = IngestSummary()
        let reader = reading.reader()
        let progress = Progress(total: inputs.files.count, label: "ingesting")
        // Extract and store one batch at a time, so memory stays bounded on a large archive.
        var start = 0
        while start < inputs.files.count {
            let batch = Array(inputs.files[start..<min(start + batchSize, inputs.files.count)])
            let (items, batchFailures) = reader.read(InputFiles(urls: batch), label: nil)
            failures += batchFailures
            let result = try database.ingest(items.map(\.ingestItem), batchSize: batchSize)
            summary.merge(result)
            start += batch.count
            progress.update(start, item: batch.last?.lastPathComponent ?? "")
        }
        progress.finish()
        try database.checkpoint()
        for failure in failures { Console.error(failure.message) }
        for failure in summary.failed { Console.error(failure.description) }
        let counts = try database.counts()
        Console.output("""
            added      \(summary.added.count)
            unchanged  \(summary.unchanged.count)
            replaced   \(summary.replaced.count)
            failed     \(failures.count + summary.failed.count)
            store      \(store.db): \(counts.documents) documents, \(counts.events) events, \
            \(counts.people) people, \(counts.participations) participations

            """)
        let processed = summary.added.count + summary.unchanged.count + summary.replaced.count
        try Exit.afterFailures(failures + summary.failed.map { InputFailure(file: $0.path, message: $0.description) },
                               processed: processed)
    }
}

extension IngestSummary {
    mutating func merge(_ other: IngestSummary) {
        added += other.added
        unchanged += other.unchanged
        replaced += other.replaced
        failed += other.failed
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
