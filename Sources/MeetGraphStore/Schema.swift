import GRDB

/// The database schema, as named migrations.
///
/// A migration, once released, never changes: a new version of the schema is a new migration
/// appended here. A database holding a migration this list lacks was written by a newer MeetGraph.
enum Schema {
    /// `PRAGMA application_id` of every MeetGraph database ("MGph"): tells our files from other SQLite files.
    static let applicationID: Int32 = 0x4D47_7068

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 documents, events, people, participations, evidence, titles, aliases") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")

            try db.create(table: "document") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("contentHash", .text).notNull().unique()
                table.column("path", .text).notNull().unique()
                table.column("name", .text).notNull()
                table.column("source", .text)
                table.column("published", .text)
                table.column("script", .text).notNull()
            }

            try db.create(table: "event") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("documentId", .integer).notNull()
                    .references("document", onDelete: .cascade)
                table.column("localId", .text).notNull()
                table.column("eventKey", .text).notNull().unique()
                table.column("kind", .text).notNull()
                table.column("name", .text).notNull()
                table.column("dateKey", .integer)
                table.column("timeOfDay", .text)
                table.column("place", .text)
                table.column("form", .text)
                table.uniqueKey(["documentId", "localId"])
            }
            try db.create(index: "event_by_date", on: "event", columns: ["dateKey"])

            try db.create(table: "person") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("personKey", .text).notNull().unique()
                table.column("name", .text).notNull()
            }

            // Who-met reads a person's events through the primary key, then each event's
            // people through participation_by_event: both covering, no table lookups.
            try db.create(table: "participation", options: [.withoutRowID]) { table in
                table.column("personId", .integer).notNull().references("person", onDelete: .cascade)
                table.column("eventId", .integer).notNull().references("event", onDelete: .cascade)
                table.column("position", .integer).notNull()
                table.column("roles", .integer).notNull()
                table.column("titles", .text).notNull()
                table.column("writtenName", .text).notNull()
                table.primaryKey(["personId", "eventId"])
            }
            try db.create(index: "participation_by_event", on: "participation",
                          columns: ["eventId", "personId", "roles"])

            try db.create(table: "evidence", options: [.withoutRowID]) { table in
                table.column("personId", .integer).notNull()
                table.column("eventId", .integer).notNull()
                table.column("ordinal", .integer).notNull()
                table.column("document", .text).notNull()
                table.column("sentence", .text).notNull()
                table.column("startOffset", .integer).notNull()
                table.column("endOffset", .integer).notNull()
                table.column("mentionStart", .integer)
                table.column("mentionEnd", .integer)
                table.primaryKey(["personId", "eventId", "ordinal"])
                table.foreignKey(["personId", "eventId"], references: "participation",
                                 columns: ["personId", "eventId"], onDelete: .cascade, onUpdate: .cascade)
            }

            try db.create(table: "personTitle", options: [.withoutRowID]) { table in
                table.column("personId", .integer).notNull()
                table.column("eventId", .integer).notNull()
                table.column("title", .text).notNull()
                table.column("documentId", .integer).notNull()
                table.column("dateKey", .integer)
                table.primaryKey(["personId", "eventId", "title"])
                table.foreignKey(["personId", "eventId"], references: "participation",
                                 columns: ["personId", "eventId"], onDelete: .cascade, onUpdate: .cascade)
            }

            try db.create(table: "alias") { table in
                table.column("name", .text).notNull().primaryKey()
                table.column("canonical", .text).notNull()
            }
        }
        migrator.registerMigration("v2 co-attendance ties") { db in
            // Who-met without a filter reads this table: one row per ordered pair of people who
            // met, kept up to date by every ingest, replacement and alias change. Filtered
            // who-met queries join participations instead (see MeetGraphStore.coAttendees).
            try db.create(table: "tie", options: [.withoutRowID]) { table in
                table.column("personId", .integer).notNull()
                table.column("otherId", .integer).notNull()
                table.column("count", .integer).notNull()
                table.column("firstDate", .integer)
                table.column("lastDate", .integer)
                table.primaryKey(["personId", "otherId"])
            }
            try db.execute(sql: Ties.rebuildAll)
        }
        migrator.registerMigration("v3 readable views") { db in
            // Views only: no table changes (see ReadableViews).
            try ReadableViews.create(db)
        }
        migrator.registerMigration("v4 spellings counted per person") { db in
            // The shown name is the spelling most participations use (see Spellings).
            try Spellings.createTable(db)
            // An event reported by several documents is one event (see ReprintFolding).
            try ReprintSchema.create(db)
        }
        migrator.registerMigration("v5 corrections") { db in
            // Human decisions, applied again after every ingest (see Corrections).
            try CorrectionSchema.create(db)
        }
        migrator.registerMigration("v7-browse titles by person and title") { db in
            // A person's titles over time (the web page's person page, MeetGraphStore.overview) group
            // by title: read in title order from this covering index, without a sort of every
            // participation's titles (24,118 rows for the most active person of the 1M-attendance
            // benchmark store). Index only: no table changes.
            try db.create(index: "personTitle_by_title", on: "personTitle", columns: ["personId", "title", "dateKey"])
        }
        return migrator
    }
}

/// SQL that keeps the `tie` table equal to what the participations imply.
enum Ties {
    /// Fills `tie` from scratch.
    static let rebuildAll = """
        INSERT INTO tie (personId, otherId, count, firstDate, lastDate)
        SELECT mine.personId, other.personId, COUNT(*), MIN(event.dateKey), MAX(event.dateKey)
        FROM participation AS mine
        JOIN participation AS other ON other.eventId = mine.eventId AND other.personId <> mine.personId
        JOIN event ON event.id = mine.eventId
        GROUP BY mine.personId, other.personId
        """

    /// Participations from which a document's ties are added by ``addDocument`` rather than
    /// counted in memory.
    static let largeDocument = 5_000

    /// Adds the shared events of document `?1` to the ties, in one statement: SQLite groups the
    /// pairs (spilling to temporary files when they are many) and writes them in key order.
    static let addDocument = """
        INSERT INTO tie (personId, otherId, count, firstDate, lastDate)
        SELECT mine.personId, other.personId, COUNT(*), MIN(event.dateKey), MAX(event.dateKey)
        FROM event
        JOIN participation AS mine ON mine.eventId = event.id
        JOIN participation AS other ON other.eventId = event.id AND other.personId <> mine.personId
        WHERE event.documentId = ?1
        GROUP BY mine.personId, other.personId
        ON CONFLICT (personId, otherId) DO UPDATE SET
            count = count + excluded.count,
            firstDate = coalesce(min(firstDate, excluded.firstDate), firstDate, excluded.firstDate),
            lastDate = coalesce(max(lastDate, excluded.lastDate), lastDate, excluded.lastDate)
        """

    /// Adds `?3` shared events dated from `?4` to `?5` to the ordered pair (`?1`, `?2`).
    static let addEvents = """
        INSERT INTO tie (personId, otherId, count, firstDate, lastDate) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (personId, otherId) DO UPDATE SET
            count = count + excluded.count,
            firstDate = coalesce(min(firstDate, excluded.firstDate), firstDate, excluded.firstDate),
            lastDate = coalesce(max(lastDate, excluded.lastDate), lastDate, excluded.lastDate)
        """

    /// Recomputes the ordered pair (`?1`, `?2`) from the participations, deleting it when they share nothing.
    static func recompute(_ db: Database, person: Int64, other: Int64) throws {
        let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), MIN(event.dateKey), MAX(event.dateKey)
            FROM participation AS mine
            JOIN participation AS other ON other.eventId = mine.eventId AND other.personId = ?2
            JOIN event ON event.id = mine.eventId
            WHERE mine.personId = ?1
            """, arguments: [person, other])
        let count: Int = row?[0] ?? 0
        if count == 0 {
            try db.execute(sql: "DELETE FROM tie WHERE personId = ? AND otherId = ?", arguments: [person, other])
        } else {
            try db.execute(sql: """
                INSERT OR REPLACE INTO tie (personId, otherId, count, firstDate, lastDate) VALUES (?, ?, ?, ?, ?)
                """, arguments: [person, other, count, row?[1] as Int?, row?[2] as Int?])
        }
    }

    /// Recomputes every tie of `people`, in both directions, in three statements.
    static func rebuild(_ db: Database, people: Set<Int64>) throws {
        guard !people.isEmpty else { return }
        let list = "[" + people.map(String.init).joined(separator: ",") + "]"
        let set = "(SELECT value FROM json_each(?1))"
        try db.execute(sql: """
            DELETE FROM tie WHERE (personId, otherId) IN (SELECT otherId, personId FROM tie WHERE personId IN \(set))
            """, arguments: [list])
        try db.execute(sql: "DELETE FROM tie WHERE personId IN \(set)", arguments: [list])
        let shared = """
            FROM participation AS mine
            JOIN participation AS other ON other.eventId = mine.eventId AND other.personId <> mine.personId
            JOIN event ON event.id = mine.eventId
            WHERE mine.personId IN \(set)
            """
        try db.execute(sql: """
            INSERT INTO tie (personId, otherId, count, firstDate, lastDate)
            SELECT mine.personId, other.personId, COUNT(*), MIN(event.dateKey), MAX(event.dateKey) \(shared)
            GROUP BY mine.personId, other.personId
            """, arguments: [list])
        try db.execute(sql: """
            INSERT INTO tie (personId, otherId, count, firstDate, lastDate)
            SELECT other.personId, mine.personId, COUNT(*), MIN(event.dateKey), MAX(event.dateKey) \(shared)
            AND other.personId NOT IN \(set)
            GROUP BY other.personId, mine.personId
            """, arguments: [list])
    }
}
