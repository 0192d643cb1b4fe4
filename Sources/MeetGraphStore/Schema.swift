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
        return migrator
    }
}
