import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExtraction
import MeetGraphStore

/// The store a command reads or writes.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The store: a SQLite file (created by `meetgraph ingest`) or postgres://user@host[:port]/database.",
        discussion: "Without --db, the store named by the environment variable MEETGRAPH_DB, else meetgraph.sqlite."))
    var db: String = StoreOpener.defaultLocation

    /// Whether `--db` names a PostgreSQL store.
    var isPostgres: Bool { StoreOpener.isPostgres(db) }

    /// Whether there is a store to read: a file that exists, or a server (asked when opened).
    var exists: Bool { isPostgres || FileManager.default.fileExists(atPath: db) }

    /// Opens the store at `--db`, with traditional and simplified spellings of a name as one person.
    func open(readOnly: Bool) throws -> any GraphStore {
        try StoreOpener.open(db, readOnly: readOnly, nameKey: NameForms.simplifiedKey)
    }

    /// Opens `--db` for a command only the SQLite store offers so far.
    func openSQLite(readOnly: Bool, for command: String) throws -> MeetGraphStore {
        if isPostgres {
            throw CommandError("\(command) works on a SQLite store only so far; give --db FILE")
        }
        return try MeetGraphStore(path: db, readOnly: readOnly, nameKey: NameForms.simplifiedKey)
    }
}

/// Where a query, picture or export gets its graph: the store, or text files extracted on the fly.
struct GraphSourceOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("from"), parsing: .upToNextOption,
            help: "Read these text files or folders instead of the store (extracted on the fly).")
    var inputs: [String] = []

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var corrections: CorrectionsOption

    func validate() throws {
        if corrections.corrections != nil && inputs.isEmpty {
            throw ValidationError("--corrections applies to texts read with --from; for a store run `meetgraph correct FILE --db STORE`")
        }
    }

    /// The store to query: `--db`, or a temporary one holding the `--from` files.
    ///
    /// Reading `--from` through a temporary store keeps one code path for every query.
    func openStore() throws -> any GraphStore {
        guard !inputs.isEmpty else {
            guard store.exists else {
                throw CommandError("""
                    no store at \(store.db): run `meetgraph ingest FOLDER --db \(store.db)` first, \
                    or read texts directly with --from FOLDER
                    """)
            }
            return try store.open(readOnly: true)
        }
        let (items, failures) = reading.reader().read(InputFiles(paths: inputs))
        for failure in failures { Console.error(failure.message) }
        guard !items.isEmpty else { throw ExitCode(2) }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("meetgraph-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        TemporaryFolders.removeAtExit(folder)
        let temporary = try MeetGraphStore(path: folder.appendingPathComponent("query.sqlite").path,
                                           nameKey: NameForms.simplifiedKey)
        var copies = DuplicateTexts()
        _ = try temporary.ingest(copies.firstCopies(of: items).map(\.ingestItem))
        for note in copies.notes { Console.error(note) }
        try corrections.apply(to: temporary)
        return temporary
    }
}

extension PersonIdentity {
    /// The rule every command applies: traditional and simplified spellings of a name are one
    /// person (the store is opened with the same key).
    static let acrossScripts = PersonIdentity(nameKey: NameForms.simplifiedKey)
}

extension DocumentReader.Item {
    /// What the store needs to ingest this file: the document, its content hash and its path.
    var ingestItem: IngestItem {
        IngestItem(document: document, contentHash: contentHash, path: file.key)
    }
}

/// Temporary folders removed when the process exits.
enum TemporaryFolders {
    nonisolated(unsafe) private static var folders: [URL] = []
    nonisolated(unsafe) private static var registered = false

    static func removeAtExit(_ folder: URL) {
        folders.append(folder)
        guard !registered else { return }
        registered = true
        atexit {
            for folder in TemporaryFolders.folders { try? FileManager.default.removeItem(at: folder) }
        }
    }
}
