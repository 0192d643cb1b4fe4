import GRDB

/// Views that show the store with readable columns, for sqlite3 and Datasette users: dates as
/// text (`2022-05-16`, or `05-16` when the year is unknown), roles as `chair;speaker`, titles
/// joined by 、, and names and event ids instead of row numbers. The tables stay as they are;
/// README.md ("The store's schema") describes both.
enum ReadableViews {
    /// `dateKey` (YYYYMMDD, the year 0 when unknown) of `column` as text.
    static func dateText(_ column: String) -> String {
        """
        CASE WHEN \(column) IS NULL THEN NULL
             WHEN \(column) >= 10000 THEN printf('%04d-%02d-%02d', \(column) / 10000, \(column) / 100 % 100, \(column) % 100)
             ELSE printf('%02d-%02d', \(column) / 100 % 100, \(column) % 100) END
        """
    }

    /// The role bitmask of `column` as `chair;speaker;attendee` (the order ``Roles`` prints).
    static func rolesText(_ column: String) -> String {
        """
        rtrim(CASE WHEN \(column) & 1 THEN 'chair;' ELSE '' END
              || CASE WHEN \(column) & 2 THEN 'speaker;' ELSE '' END
              || CASE WHEN \(column) & 4 THEN 'attendee;' ELSE '' END, ';')
        """
    }

    /// Creates the views (`event_view`, `participation_view`, `tie_view`).
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIEW event_view AS
            SELECT event.eventKey AS event_id, event.name AS event, event.kind AS kind,
                   \(dateText("event.dateKey")) AS date, event.timeOfDay AS time_of_day, event.place AS place,
                   event.form AS form, document.path AS document
            FROM event JOIN document ON document.id = event.documentId
            """)
        try db.execute(sql: """
            CREATE VIEW participation_view AS
            SELECT person.name AS person, event.name AS event, event.eventKey AS event_id,
                   \(dateText("event.dateKey")) AS date, event.kind AS kind,
                   \(rolesText("participation.roles")) AS roles,
                   replace(participation.titles, char(31), '、') AS titles,
                   participation.writtenName AS written_name, document.path AS document
            FROM participation
            JOIN person ON person.id = participation.personId
            JOIN event ON event.id = participation.eventId
            JOIN document ON document.id = event.documentId
            """)
        try db.execute(sql: """
            CREATE VIEW tie_view AS
            SELECT person.name AS person, other.name AS other, tie.count AS shared_events,
                   \(dateText("tie.firstDate")) AS first_date, \(dateText("tie.lastDate")) AS last_date
            FROM tie
            JOIN person ON person.id = tie.personId
            JOIN person AS other ON other.id = tie.otherId
            """)
    }
}
