/// The schema of a PostgreSQL store: the migrations of ``Schema`` (SQLite), one for one under the
/// same names, written in PostgreSQL's dialect.
///
/// Tables and columns have the SQLite store's names (PostgreSQL folds them to lower case, and every
/// statement here writes them unquoted). `WITHOUT ROWID` tables are plain tables with the same
/// primary key; `INTEGER PRIMARY KEY AUTOINCREMENT` is `bigserial`. Applied migrations are listed
/// in `meetgraph_migration`; a transaction-scoped advisory lock lets several processes open a new
/// store at once and migrate it exactly once.
enum PostgresSchema {
    /// Key of the advisory lock taken while migrating ("MGph", as SQLite's application id).
    static let migrationLock: Int64 = 0x4D47_7068

    /// The migrations, in order, named as in ``Schema/migrator``.
    static let migrations: [(identifier: String, statements: [String])] = [
        ("v1 documents, events, people, participations, evidence, titles, aliases", [
            """
            CREATE TABLE document (
                id bigserial PRIMARY KEY,
                contentHash text NOT NULL UNIQUE,
                path text NOT NULL UNIQUE,
                name text NOT NULL,
                source text,
                published text,
                script text NOT NULL)
            """,
            """
            CREATE TABLE event (
                id bigserial PRIMARY KEY,
                documentId bigint NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                localId text NOT NULL,
                eventKey text NOT NULL UNIQUE,
                kind text NOT NULL,
                name text NOT NULL,
                dateKey integer,
                timeOfDay text,
                place text,
                form text,
                UNIQUE (documentId, localId))
            """,
            "CREATE INDEX event_by_date ON event (dateKey)",
            "CREATE INDEX event_by_document ON event (documentId)",
            """
            CREATE TABLE person (
                id bigserial PRIMARY KEY,
                personKey text NOT NULL UNIQUE,
                name text NOT NULL)
            """,
            """
            CREATE TABLE participation (
                personId bigint NOT NULL REFERENCES person (id) ON DELETE CASCADE,
                eventId bigint NOT NULL REFERENCES event (id) ON DELETE CASCADE,
                position integer NOT NULL,
                roles integer NOT NULL,
                titles text NOT NULL,
                writtenName text NOT NULL,
                PRIMARY KEY (personId, eventId))
            """,
            "CREATE INDEX participation_by_event ON participation (eventId, personId, roles)",
            """
            CREATE TABLE evidence (
                personId bigint NOT NULL,
                eventId bigint NOT NULL,
                ordinal integer NOT NULL,
                document text NOT NULL,
                sentence text NOT NULL,
                startOffset integer NOT NULL,
                endOffset integer NOT NULL,
                mentionStart integer,
                mentionEnd integer,
                PRIMARY KEY (personId, eventId, ordinal),
                FOREIGN KEY (personId, eventId) REFERENCES participation (personId, eventId)
                    ON DELETE CASCADE ON UPDATE CASCADE)
            """,
            "CREATE INDEX evidence_by_event ON evidence (eventId)",
            """
            CREATE TABLE personTitle (
                personId bigint NOT NULL,
                eventId bigint NOT NULL,
                title text NOT NULL,
                documentId bigint NOT NULL,
                dateKey integer,
                PRIMARY KEY (personId, eventId, title),
                FOREIGN KEY (personId, eventId) REFERENCES participation (personId, eventId)
                    ON DELETE CASCADE ON UPDATE CASCADE)
            """,
            "CREATE INDEX personTitle_by_event ON personTitle (eventId)",
            "CREATE TABLE alias (name text PRIMARY KEY, canonical text NOT NULL)",
        ]),
        ("v2 co-attendance ties", [
            """
            CREATE TABLE tie (
                personId bigint NOT NULL,
                otherId bigint NOT NULL,
                count integer NOT NULL,
                firstDate integer,
                lastDate integer,
                PRIMARY KEY (personId, otherId))
            """,
        ]),
        // SQLite's v3 adds views for people reading the file with other tools; a PostgreSQL
        // store is read through MeetGraph, so the migration is recorded and adds nothing.
        ("v3 readable views", []),
        ("v4 spellings counted per person", [
            """
            CREATE TABLE personSpelling (
                personId bigint NOT NULL REFERENCES person (id) ON DELETE CASCADE,
                spelling text NOT NULL,
                count integer NOT NULL,
                firstEventId bigint NOT NULL,
                PRIMARY KEY (personId, spelling))
            """,
            """
            CREATE TABLE eventSource (
                eventId bigint NOT NULL REFERENCES event (id) ON DELETE CASCADE,
                documentId bigint NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                PRIMARY KEY (eventId, documentId))
            """,
            "CREATE INDEX eventSource_by_document ON eventSource (documentId)",
            "CREATE INDEX event_by_kind_and_day ON event (kind, (dateKey % 10000))",
            "CREATE INDEX event_undated_by_name ON event (name) WHERE dateKey IS NULL",
        ]),
        ("v5 corrections", [
            """
            CREATE TABLE correction (
                id bigserial PRIMARY KEY,
                action text NOT NULL,
                person text NOT NULL,
                value text NOT NULL,
                event text NOT NULL,
                source text NOT NULL,
                UNIQUE (action, person, value, event))
            """,
        ]),
    ]

    /// Applies the migrations `session`'s database lacks; with `readOnly`, only checks that it has them all.
    /// - Throws: ``PostgresStoreError/newerSchema(_:unknownMigrations:)``,
    ///   ``PostgresStoreError/emptyStore(_:)`` (read-only, nothing there yet).
    static func migrate(_ session: PostgresSession, readOnly: Bool) throws {
        let known = migrations.map(\.identifier)
        let applied = try appliedIdentifiers(session)
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw PostgresStoreError.newerSchema(session.address.description, unknownMigrations: unknown.sorted())
        }
        guard applied.count < known.count else { return }
        if readOnly {
            throw PostgresStoreError.emptyStore(session.address.description)
        }
        try session.transaction {
            try session.execute("SELECT pg_advisory_xact_lock(?)", [.int(migrationLock)])
            try session.execute("CREATE TABLE IF NOT EXISTS meetgraph_migration (identifier text PRIMARY KEY)")
            // Read again under the lock: another process may have migrated meanwhile.
            let done = Set(try session.rows("SELECT identifier FROM meetgraph_migration").compactMap { $0.text(0) })
            for migration in migrations where !done.contains(migration.identifier) {
                for statement in migration.statements { try session.execute(statement) }
                try session.execute("INSERT INTO meetgraph_migration (identifier) VALUES (?)", [.text(migration.identifier)])
            }
        }
    }

    private static func appliedIdentifiers(_ session: PostgresSession) throws -> [String] {
        let exists = try session.row("SELECT to_regclass('meetgraph_migration') IS NOT NULL")
        guard (try? exists?.cells[0].decode(Bool.self)) == true else { return [] }
        return try session.rows("SELECT identifier FROM meetgraph_migration").compactMap { $0.text(0) }
    }
}
