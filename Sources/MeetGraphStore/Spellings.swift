import GRDB
import MeetGraph

/// The spellings each stored person is written with, counted, so that the name shown
/// (`person.name`) is the one most participations use, as in an ``AttendanceGraph``: ties go to
/// the spelling of the earliest stored event.
enum Spellings {
    /// The `personSpelling` table: one row per person and spelling (after aliases).
    static func createTable(_ db: Database) throws {
        try db.create(table: "personSpelling", options: [.withoutRowID]) { table in
            table.column("personId", .integer).notNull().references("person", onDelete: .cascade)
            table.column("spelling", .text).notNull()
            table.column("count", .integer).notNull()
            table.column("firstEventId", .integer).notNull()
            table.primaryKey(["personId", "spelling"])
        }
        try db.execute(sql: """
            INSERT INTO personSpelling (personId, spelling, count, firstEventId)
            SELECT personId, writtenName, COUNT(*), MIN(eventId) FROM participation GROUP BY personId, writtenName
            """)
    }

    /// Counts one participation of `person` at `event` written `spelling`.
    static func count(_ db: Database, person: Int64, spelling: String, event: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO personSpelling (personId, spelling, count, firstEventId) VALUES (?1, ?2, 1, ?3)
            ON CONFLICT (personId, spelling) DO UPDATE SET count = count + 1, firstEventId = min(firstEventId, ?3)
            """).execute(arguments: [person, spelling, event])
    }

    /// Counts the spellings of `people` again from their participations, each written name
    /// taken through `identity`'s aliases.
    static func recount(_ db: Database, people: Set<Int64>, identity: PersonIdentity) throws {
        for person in people {
            try db.execute(sql: "DELETE FROM personSpelling WHERE personId = ?", arguments: [person])
            var tally: [String: (count: Int, first: Int64)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT writtenName, COUNT(*), MIN(eventId) FROM participation WHERE personId = ? GROUP BY writtenName
                """, arguments: [person]) {
                let written: String = row[0]
                let spelling = (try? identity.canonicalName(written)) ?? written
                let entry = tally[spelling] ?? (0, Int64.max)
                tally[spelling] = (entry.count + (row[1] as Int), min(entry.first, row[2] as Int64))
            }
            for (spelling, entry) in tally {
                try db.execute(sql: """
                    INSERT INTO personSpelling (personId, spelling, count, firstEventId) VALUES (?, ?, ?, ?)
                    """, arguments: [person, spelling, entry.count, entry.first])
            }
        }
        try refreshNames(db, people: people)
    }

    /// Sets the shown name of `people` to their most used spelling.
    static func refreshNames(_ db: Database, people: Set<Int64>) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE person SET name = coalesce((
                SELECT spelling FROM personSpelling WHERE personId = person.id
                ORDER BY count DESC, firstEventId LIMIT 1), name)
                -- A namesake (key 张三（甲市）) shows its qualifier after the spelling.
                || CASE WHEN instr(personKey, '（') > 0 THEN substr(personKey, instr(personKey, '（')) ELSE '' END
            WHERE id = ?
            """)
        for person in people { try statement.execute(arguments: [person]) }
    }
}
