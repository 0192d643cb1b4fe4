import Foundation
import MeetGraph

/// A MeetGraph store on a PostgreSQL server: the tables of ``MeetGraphStore`` (see
/// ``PostgresSchema``), shared by every process that connects.
///
/// Several processes may ingest into one store at once. Each batch is one transaction; a
/// document's row is inserted with `ON CONFLICT DO NOTHING` on its content hash and path, so an
/// ingest that meets a document another one is storing waits for it and then finds it stored
/// (`unchanged`): two ingests of the same documents give exactly the rows of one. People are
/// inserted the same way on their key, and ties are added with upserts in key order; a batch that
/// the server stops for a deadlock is retried whole.
///
/// Queries run on the server: who-met reads one person's ties (or joins their participations),
/// met joins the two people's participations; only the graph loaders read whole tables.
///
/// Not yet on PostgreSQL: aliases (`--aliases`) and corrections, which throw
/// ``PostgresStoreError/unsupported(_:operation:)``; stored corrections are not applied after an ingest.
public final class PostgresStore: @unchecked Sendable {
    /// Where the store lives.
    public let address: PostgresAddress
    /// Whether the store was opened read-only.
    public let isReadOnly: Bool
    let session: PostgresSession
    let nameKey: @Sendable (String) -> String

    /// Connects to the store at `url` (`postgres://user[:password]@host[:port]/database`),
    /// creating its tables when the database has none.
    ///
    /// - Parameters:
    ///   - readOnly: only read; the tables must exist.
    ///   - nameKey: maps a name to the key that identifies a person, as for ``MeetGraphStore``.
    /// - Throws: ``PostgresStoreError`` saying what to do.
    public init(url: String, readOnly: Bool = false, nameKey: @escaping @Sendable (String) -> String = { $0 }) throws {
        address = try PostgresAddress(url: url)
        isReadOnly = readOnly
        self.nameKey = nameKey
        session = try PostgresSession(address: address)
        try PostgresSchema.migrate(session, readOnly: readOnly)
    }

    /// Runs `body` in a read-only transaction: every statement sees the same snapshot.
    func read<T>(_ body: () throws -> T) throws -> T {
        try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let result = try body()
            try session.execute("COMMIT")
            return result
        } catch {
            try? session.execute("ROLLBACK")
            throw error
        }
    }

    /// Throws when the store was opened read-only.
    private func checkWritable(_ operation: String) throws {
        if isReadOnly {
            throw PostgresStoreError.server(address.description, message: "opened read-only, cannot \(operation)",
                                            sqlState: nil)
        }
    }

    // MARK: Counts and lifetime

    /// The number of documents, events, people and participations stored.
    public func counts() throws -> MeetGraphStore.Counts {
        let row = try session.row("""
            SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM event),
                   (SELECT count(*) FROM person), (SELECT count(*) FROM participation)
            """)
        return MeetGraphStore.Counts(documents: row?.int(0) ?? 0, events: row?.int(1) ?? 0,
                                     people: row?.int(2) ?? 0, participations: row?.int(3) ?? 0)
    }

    /// Nothing to do: the server makes every commit durable.
    public func checkpoint() throws {}

    /// Closes the connection (also done when the store is released).
    public func close() throws {}

    // MARK: Identity

    /// Aliases plus the stored merges and renames, as ``MeetGraphStore`` applies them.
    func identity() throws -> Identity {
        var aliases: [String: String] = [:]
        for row in try session.rows("SELECT name, canonical FROM alias") {
            if let name = row.text(0), let canonical = row.text(1), aliases[name] == nil { aliases[name] = canonical }
        }
        var rule = Identity(aliases: aliases, nameKey: nameKey)
        for row in try session.rows("""
            SELECT person, value FROM correction WHERE action IN ('merge', 'rename') ORDER BY id
            """) {
            if let name = row.text(0), let canonical = row.text(1) { rule.aliases[name] = canonical }
        }
        return rule
    }

    /// The stored ID of the person `name` identifies, or ``StoreError/unknownPerson(name:suggestions:)``.
    func personID(named name: String) throws -> Int64 {
        let key = nameKey(try canonicalName(following: name))
        if let id = try session.row("SELECT id FROM person WHERE personKey = ?", [.text(key)])?.id(0) {
            return id
        }
        throw StoreError.unknownPerson(name: name, suggestions: try suggestions(for: name))
    }

    /// Follows aliases from `name` (as written, then as keyed), one indexed lookup per step.
    private func canonicalName(following name: String) throws -> String {
        var current = name
        var seen: Set<String> = [name]
        while let next = try session.row("""
            SELECT canonical FROM (
                SELECT person AS name, value AS canonical, 0 AS rank, id AS seq FROM correction
                WHERE action IN ('merge', 'rename')
                UNION ALL SELECT name, canonical, 1, 0 FROM alias) AS names
            WHERE name IN (?, ?) ORDER BY name = ? DESC, rank, seq DESC LIMIT 1
            """, [.text(current), .text(nameKey(current)), .text(current)])?.text(0), next != current {
            if nameKey(next) == nameKey(current) { return next }
            guard seen.insert(next).inserted else { throw StoreError.aliasCycle(name: name) }
            current = next
        }
        return current
    }

    /// Up to five stored names sharing the most characters with `name`, for an unknown-name error.
    private func suggestions(for name: String) throws -> [String] {
        var characters: [String] = []
        for character in name.map(String.init) where !characters.contains(character) { characters.append(character) }
        characters = Array(characters.prefix(8))
        guard !characters.isEmpty else { return [] }
        let score = characters.map { _ in "(strpos(name, ?) > 0)::int" }.joined(separator: " + ")
        return try session.rows("""
            SELECT name FROM (SELECT name, \(score) AS score FROM person) AS scored
            WHERE score > 0 ORDER BY score DESC, abs(length(name) - ?), name COLLATE "C" LIMIT 5
            """, characters.map { .text($0) } + [.int(Int64(name.count))]).compactMap { $0.text(0) }
    }

    /// The name the store shows for `name` after aliases, or ``StoreError/unknownPerson(name:suggestions:)``.
    public func canonicalName(of name: String) throws -> String {
        try read {
            let id = try personID(named: name)
            return try session.row("SELECT name FROM person WHERE id = ?", [.int(id)])?.text(0) ?? name
        }
    }

    /// Not yet on PostgreSQL: throws ``PostgresStoreError/unsupported(_:operation:)``.
    public func setAliases(_ aliases: [String: String]) throws {
        throw PostgresStoreError.unsupported(address.description, operation: "changing aliases (--aliases)")
    }

    // MARK: Ingest

    /// SQLSTATEs after which a batch is run again: a deadlock, a serialization failure.
    private static let retriedStates: Set<String> = ["40P01", "40001"]

    /// Stores `items` as ``MeetGraphStore/ingest(_:batchSize:)-(_,_)`` does, each batch one
    /// transaction, safe to run from several processes at once.
    public func ingest(_ items: [IngestItem], batchSize: Int = 64) throws -> IngestSummary {
        try checkWritable("ingest")
        var summary = IngestSummary()
        var start = items.startIndex
        let size = max(1, batchSize)
        while start < items.endIndex {
            let batch = items[start..<min(start + size, items.endIndex)]
            var attempt = 0
            while true {
                do {
                    summary.append(try session.transaction { try ingestBatch(batch) })
                    break
                } catch where attempt < 8 && PostgresSession.sqlState(of: error).map(Self.retriedStates.contains) == true {
                    attempt += 1
                    usleep(useconds_t(20_000 * attempt))
                }
            }
            start = batch.endIndex
        }
        // After a large ingest the planner's statistics are stale (autovacuum analyses later):
        // refresh them so that the queries that follow choose their indexes.
        if items.reduce(0, { $0 + $1.document.events.reduce(0) { $0 + $1.participants.count } }) >= 100_000 {
            try session.execute("ANALYZE")
        }
        return summary
    }

    /// Stores a table of who attended what as one document, as ``MeetGraphStore/importAttendance(rows:source:)``.
    public func importAttendance(rows: [AttendanceRow], source: String) throws -> IngestSummary {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        let document = AttendanceRow.document(from: rows, named: name, source: source)
        return try ingest([IngestItem(document: document, contentHash: AttendanceRow.contentHash(of: rows), path: source)])
    }

    /// Deletes the text documents whose paths are not in `paths`, as ``MeetGraphStore/prune(keeping:)``.
    public func prune(keeping paths: Set<String>) throws -> [String] {
        try checkWritable("prune")
        return try session.transaction {
            let rows = try session.rows("""
                SELECT id, path FROM document
                WHERE EXISTS (SELECT 1 FROM event JOIN evidence ON evidence.eventId = event.id WHERE event.documentId = document.id)
                   OR NOT EXISTS (SELECT 1 FROM event JOIN participation ON participation.eventId = event.id
                                  WHERE event.documentId = document.id)
                ORDER BY path COLLATE "C"
                """)
            var writer = PostgresDocumentWriter(session: session, identity: try identity(), nameKey: nameKey)
            var deleted: [String] = []
            for row in rows {
                guard let id = row.id(0), let path = row.text(1), !paths.contains(path) else { continue }
                try writer.deleteDocument(id)
                deleted.append(path)
            }
            return deleted
        }
    }

    private func ingestBatch(_ batch: ArraySlice<IngestItem>) throws -> IngestSummary {
        var summary = IngestSummary()
        var writer = PostgresDocumentWriter(session: session, identity: try identity(), nameKey: nameKey)
        for item in batch {
            do {
                // Replacing a document takes its events out of the ties: they must be up to date first.
                if try session.row("SELECT 1 FROM document WHERE path = ?", [.text(item.path)]) != nil {
                    try writer.flushTies()
                }
                var outcome = DocumentWriter.Outcome.unchanged
                var ties: [TiePair: TieDelta] = [:]
                try session.savepoint {
                    (outcome, ties) = try writer.write(item)
                }
                summary.foldedEvents += writer.takeFoldedCount()
                writer.addTies(ties)
                switch outcome {
                case .added: summary.added.append(item.path)
                case .replaced: summary.replaced.append(item.path)
                case .moved: summary.moved.append(item.path)
                case .unchanged: summary.unchanged.append(item.path)
                }
            } catch {
                guard Self.isDocumentProblem(error) else { throw error }
                writer.forgetPeople()
                _ = writer.takeFoldedCount()
                let reason: String
                if case .server(_, let message, _) = error as? PostgresStoreError { reason = message } else {
                    reason = String(describing: error)
                }
                summary.failed.append(IngestSummary.Failure(path: item.path, reason: reason))
            }
        }
        try writer.flushTies()
        return summary
    }

    /// Whether `error` concerns one document's content (left out, the ingest goes on) rather than
    /// the server or the connection (the batch stops).
    private static func isDocumentProblem(_ error: any Error) -> Bool {
        if error is DocumentProblem { return true }
        guard let state = PostgresSession.sqlState(of: error) else { return false }
        // 22: data exceptions (a value the column cannot hold); 23: a constraint the document breaks.
        return state.hasPrefix("22") || state.hasPrefix("23")
    }
}
