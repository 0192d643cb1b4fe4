import GRDB
import MeetGraph

/// A person who took part in events with the person asked about.
public struct CoAttendeeRow: Sendable, Hashable {
    /// The other person's name (canonical, after aliases).
    public var person: String
    /// Number of events both took part in.
    public var count: Int
    /// Date of the earliest shared event with a date.
    public var first: EventDate?
    /// Date of the latest shared event with a date.
    public var last: EventDate?
    /// Keys (`document#id`) of the shared events, in the order they were stored; empty unless
    /// asked for with `includingEvents`.
    public var eventKeys: [String]
}

/// One person's part in one event, with the sentences that prove it.
public struct ParticipationDetail: Sendable, Hashable {
    /// The person's canonical name.
    public var person: String
    /// The name as the text wrote it.
    public var writtenName: String
    /// What the person did there.
    public var roles: Roles
    /// Titles as written in that event's text.
    public var titles: [String]
    /// The sentences that state the participation, in the order the document gives them.
    public var evidence: [Evidence]
}

/// An event two people both took part in, with each one's participation.
public struct SharedEvent: Sendable, Hashable {
    /// The event, as in ``AttendanceGraph``.
    public var event: AttendanceGraph.EventNode
    /// The participation of the first person asked about.
    public var first: ParticipationDetail
    /// The participation of the second person asked about.
    public var second: ParticipationDetail
}

/// A person's events and titles in date order.
public struct Timeline: Sendable, Hashable {
    /// One event the person took part in.
    public struct Entry: Sendable, Hashable {
        /// The event.
        public var event: AttendanceGraph.EventNode
        /// What the person did there, with the evidence.
        public var participation: ParticipationDetail
    }

    /// A title the person was given in a document.
    public struct Title: Sendable, Hashable {
        /// The title as written (`常务副市长`).
        public var title: String
        /// The event's date, else the document's publication date.
        public var date: EventDate?
        /// The document's file name.
        public var document: String
        /// The key of the event where the title was written.
        public var event: String
    }

    /// The canonical name.
    public var person: String
    /// Events in date order; undated events first, then by storage order.
    public var entries: [Entry]
    /// Titles in date order; a title given at several events appears once per event.
    public var titles: [Title]
}

extension MeetGraphStore {
    /// The people who took part in events with `name`, most shared events first (ties by name).
    ///
    /// Without a filter and without event keys this reads the `tie` table, which ingest keeps up
    /// to date: one index range per person. Otherwise one SQL query joins the person's
    /// participations (primary key) with each event's people (`participation_by_event`); the role
    /// filter applies to both people's participations, as ``AttendanceGraph/filtered(by:)`` does.
    /// - Parameters:
    ///   - includingEvents: fill ``CoAttendeeRow/eventKeys`` (slower for very active people).
    ///   - limit: return only the first `limit` rows; with no filter, only they are looked up,
    ///     which keeps the most active people's queries short (tens of thousands of co-attendees).
    /// - Throws: ``StoreError/unknownPerson(name:suggestions:)`` when no one is called `name`.
    public func coAttendees(of name: String, filter: AttendanceFilter = .everything,
                            includingEvents: Bool = false, limit: Int? = nil) throws -> [CoAttendeeRow] {
        try read { db in
            let person = try personID(named: name, db)
            let limitClause = limit.map { " LIMIT \(max(0, $0))" } ?? ""
            if filter.keepsEverything && (!includingEvents || limit != nil) {
                // With a limit, only ties at least as strong as the limit-th one are joined with names
                // and sorted: a top-N heap over one index range instead of a sort of all of them.
                let threshold = limit.map { """
                     AND tie.count >= coalesce((SELECT count FROM tie WHERE personId = ?1
                                               ORDER BY count DESC LIMIT 1 OFFSET \(max(0, $0 - 1))), 0)
                    """ } ?? ""
                let rows = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT person.name, tie.count, tie.firstDate, tie.lastDate, tie.otherId
                    FROM tie JOIN person ON person.id = tie.otherId
                    WHERE tie.personId = ?1 \(threshold)
                    ORDER BY tie.count DESC, person.name \(limitClause)
                    """), arguments: [person])
                let keys = includingEvents ? try sharedEventKeys(person, with: rows.map { $0[4] }, db) : [:]
                return rows.map { row in
                    CoAttendeeRow(person: row[0], count: row[1], first: DateKey.date(row[2]), last: DateKey.date(row[3]),
                                  eventKeys: keys[row[4]] ?? [])
                }
            }
            var conditions = EventConditions(filter)
            conditions.addRoles(filter.roles, on: "mine")
            conditions.addRoles(filter.roles, on: "other")
            let sql = """
                SELECT person.name, shared.count, shared.firstDate, shared.lastDate, shared.eventKeys FROM (
                    SELECT other.personId AS personId, COUNT(*) AS count,
                           MIN(event.dateKey) AS firstDate, MAX(event.dateKey) AS lastDate,
                           \(includingEvents ? "group_concat(event.eventKey, char(31))" : "NULL") AS eventKeys
                    FROM participation AS mine
                    JOIN event ON event.id = mine.eventId
                    JOIN participation AS other ON other.eventId = mine.eventId
                    WHERE mine.personId = ? AND other.personId <> ? \(conditions.sql)
                    GROUP BY other.personId) AS shared
                JOIN person ON person.id = shared.personId
                ORDER BY shared.count DESC, person.name \(limitClause)
                """
            let arguments = StatementArguments([person, person]) + conditions.arguments
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                CoAttendeeRow(person: row[0], count: row[1], first: DateKey.date(row[2]), last: DateKey.date(row[3]),
                              eventKeys: TitleList.split(row[4] ?? ""))
            }
        }
    }

    /// The events both `first` and `second` took part in, in date order, with both participations
    /// and their evidence sentences.
    public func sharedEvents(_ first: String, _ second: String,
                             filter: AttendanceFilter = .everything) throws -> [SharedEvent] {
        try read { db in
            let firstID = try personID(named: first, db)
            let secondID = try personID(named: second, db)
            var conditions = EventConditions(filter)
            conditions.addRoles(filter.roles, on: "mine")
            conditions.addRoles(filter.roles, on: "other")
            let sql = """
                SELECT \(EventColumns.select), mine.eventId
                FROM participation AS mine
                JOIN event ON event.id = mine.eventId
                JOIN document ON document.id = event.documentId
                JOIN participation AS other ON other.eventId = mine.eventId AND other.personId = ?
                WHERE mine.personId = ? \(conditions.sql)
                ORDER BY event.dateKey, event.id
                """
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments([secondID, firstID]) + conditions.arguments)
            return try rows.map { row in
                let eventID: Int64 = row[EventColumns.count]
                return SharedEvent(event: EventColumns.node(row),
                                   first: try participation(of: firstID, at: eventID, db),
                                   second: try participation(of: secondID, at: eventID, db))
            }
        }
    }

    /// The events `name` took part in and the titles the texts gave them, in date order.
    public func timeline(of name: String, filter: AttendanceFilter = .everything) throws -> Timeline {
        try read { db in
            let person = try personID(named: name, db)
            let canonical = try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [person]) ?? name
            var conditions = EventConditions(filter)
            conditions.addRoles(filter.roles, on: "mine")
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(EventColumns.select), mine.eventId
                FROM participation AS mine
                JOIN event ON event.id = mine.eventId
                JOIN document ON document.id = event.documentId
                WHERE mine.personId = ? \(conditions.sql)
                ORDER BY event.dateKey, event.id
                """, arguments: StatementArguments([person]) + conditions.arguments)
            let entries = try rows.map { row in
                Timeline.Entry(event: EventColumns.node(row),
                               participation: try participation(of: person, at: row[EventColumns.count], db))
            }
            let titles = try Row.fetchAll(db, sql: """
                SELECT personTitle.title, personTitle.dateKey, document.name, event.eventKey
                FROM personTitle
                JOIN event ON event.id = personTitle.eventId
                JOIN document ON document.id = event.documentId
                JOIN participation AS mine ON mine.personId = personTitle.personId AND mine.eventId = personTitle.eventId
                WHERE personTitle.personId = ? \(conditions.sql)
                ORDER BY personTitle.dateKey, event.id, personTitle.title
                """, arguments: StatementArguments([person]) + conditions.arguments).map { row in
                Timeline.Title(title: row[0], date: DateKey.date(row[1]), document: row[2], event: row[3])
            }
            return Timeline(person: canonical, entries: entries, titles: titles)
        }
    }

    /// The events `filter` keeps, in date order (undated first); only those `person` took part in when given.
    public func events(filter: AttendanceFilter = .everything, person: String? = nil) throws -> [AttendanceGraph.EventNode] {
        try read { db in
            var conditions = EventConditions(filter)
            var join = ""
            var arguments = StatementArguments()
            if let person {
                let id = try personID(named: person, db)
                join = "JOIN participation AS mine ON mine.eventId = event.id AND mine.personId = ?"
                arguments += [id]
                conditions.addRoles(filter.roles, on: "mine")
            } else if let roles = filter.roles {
                conditions.sql += " AND EXISTS (SELECT 1 FROM participation AS anyone WHERE anyone.eventId = event.id"
                    + " AND (anyone.roles & ?) <> 0)"
                conditions.arguments += [Int(roles.rawValue)]
            }
            let sql = """
                SELECT \(EventColumns.select) FROM event
                JOIN document ON document.id = event.documentId \(join)
                WHERE 1 \(conditions.sql)
                ORDER BY event.dateKey, event.id
                """
            return try Row.fetchAll(db, sql: sql, arguments: arguments + conditions.arguments).map(EventColumns.node)
        }
    }

    /// The stored graph restricted to what `filter` keeps, with titles and evidence.
    ///
    /// Events come in the order they were stored and each event's people in the order the text
    /// names them, so loading everything gives the graph `AttendanceGraph(documents:)` builds from
    /// the same documents (with spellings merged by aliases). As in ``AttendanceGraph/filtered(by:)``,
    /// a role filter also drops events left with nobody.
    public func loadGraph(filter: AttendanceFilter = .everything) throws -> AttendanceGraph {
        try read { db in
            var conditions = EventConditions(filter)
            let eventRows = try Row.fetchAll(db, sql: """
                SELECT \(EventColumns.select), event.id FROM event
                JOIN document ON document.id = event.documentId
                WHERE 1 \(conditions.sql) ORDER BY event.id
                """, arguments: conditions.arguments)

            var evidence: [PersonEvent: [Evidence]] = [:]
            let evidenceCursor = try Row.fetchCursor(db, sql: """
                SELECT evidence.personId, evidence.eventId, evidence.document, evidence.sentence, evidence.startOffset,
                       evidence.endOffset, evidence.mentionStart, evidence.mentionEnd
                FROM evidence JOIN event ON event.id = evidence.eventId
                WHERE 1 \(conditions.sql) ORDER BY evidence.personId, evidence.eventId, evidence.ordinal
                """, arguments: conditions.arguments)
            while let row = try evidenceCursor.next() {
                evidence[PersonEvent(person: row[0], event: row[1]), default: []].append(
                    Evidence(document: row[2], sentence: row[3], start: row[4], end: row[5],
                             mentionStart: row[6], mentionEnd: row[7]))
            }

            conditions.addRoles(filter.roles, on: "participation")
            let names = Dictionary(try Row.fetchAll(db, sql: "SELECT id, name FROM person").map { ($0[0] as Int64, $0[1] as String) },
                                   uniquingKeysWith: { first, _ in first })
            var attendances: [Int64: [(person: Int64, roles: Int, titles: String)]] = [:]
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT participation.eventId, participation.personId, participation.roles, participation.titles
                FROM participation JOIN event ON event.id = participation.eventId
                WHERE 1 \(conditions.sql) ORDER BY participation.eventId, participation.position
                """, arguments: conditions.arguments)
            while let row = try cursor.next() {
                attendances[row[0], default: []].append((person: row[1], roles: row[2], titles: row[3]))
            }

            var graph = AttendanceGraph(identity: try identity(db))
            for row in eventRows {
                let eventID: Int64 = row[EventColumns.count]
                let people = attendances[eventID] ?? []
                if people.isEmpty && filter.roles != nil { continue }
                let event = graph.addEvent(EventColumns.node(row))
                for attendance in people {
                    let titles = TitleList.split(attendance.titles)
                    let person = graph.addPerson(named: names[attendance.person] ?? "", titles: titles)
                    graph.attend(person: person, event: event, roles: Roles(rawValue: UInt8(attendance.roles)),
                                 titles: titles,
                                 evidence: evidence[PersonEvent(person: attendance.person, event: eventID)] ?? [])
                }
            }
            return graph
        }
    }

    /// The events with `keys` (`document#id`), in date order; unknown keys are left out.
    ///
    /// For naming the events of ``CoAttendeeRow/eventKeys`` without loading every event.
    public func events(withKeys keys: [String]) throws -> [AttendanceGraph.EventNode] {
        try read { db in
            var nodes: [(dateKey: Int?, id: Int64, node: AttendanceGraph.EventNode)] = []
            let unique = Array(Set(keys))
            for start in stride(from: 0, to: unique.count, by: 500) {
                let chunk = Array(unique[start..<min(start + 500, unique.count)])
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                for row in try Row.fetchAll(db, sql: """
                    SELECT \(EventColumns.select), event.id FROM event
                    JOIN document ON document.id = event.documentId
                    WHERE event.eventKey IN (\(marks))
                    """, arguments: StatementArguments(chunk)) {
                    nodes.append((dateKey: row[4], id: row[EventColumns.count], node: EventColumns.node(row)))
                }
            }
            return nodes.sorted { ($0.dateKey ?? -1, $0.id) < ($1.dateKey ?? -1, $1.id) }.map(\.node)
        }
    }

    /// Keys of the events `person` shared with each of `others`, in storage order: one pass over
    /// the person's events, reading each event's few participants from `participation_by_event`.
    private func sharedEventKeys(_ person: Int64, with others: [Int64], _ db: Database) throws -> [Int64: [String]] {
        guard !others.isEmpty else { return [:] }
        let list = "[" + others.map(String.init).joined(separator: ",") + "]"
        // The unary + keeps SQLite from seeking the index once per listed person and event: an
        // event has a handful of participants, so reading them all and testing the list is cheaper.
        // CROSS JOIN fixes the loop order so that only matching events are looked up.
        let rows = try Row.fetchAll(db, sql: """
            SELECT other.personId, event.eventKey FROM participation AS mine
            CROSS JOIN participation AS other ON other.eventId = mine.eventId
            CROSS JOIN event ON event.id = other.eventId
            WHERE mine.personId = ? AND +other.personId IN (SELECT value FROM json_each(?))
            ORDER BY mine.eventId
            """, arguments: [person, list])
        var keys: [Int64: [String]] = [:]
        for row in rows { keys[row[0], default: []].append(row[1]) }
        return keys
    }

    /// One participation with its evidence (also read by the web page's event detail).
    func participation(of person: Int64, at event: Int64, _ db: Database) throws -> ParticipationDetail {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT person.name, participation.writtenName, participation.roles, participation.titles
            FROM participation JOIN person ON person.id = participation.personId
            WHERE participation.personId = ? AND participation.eventId = ?
            """), arguments: [person, event])
        let evidence = try EvidenceRecord.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM evidence WHERE personId = ? AND eventId = ? ORDER BY ordinal
            """), arguments: [person, event]).map {
            Evidence(document: $0.document, sentence: $0.sentence, start: $0.startOffset, end: $0.endOffset,
                     mentionStart: $0.mentionStart, mentionEnd: $0.mentionEnd)
        }
        return ParticipationDetail(person: row?[0] ?? "", writtenName: row?[1] ?? "",
                                   roles: Roles(rawValue: UInt8(row?[2] ?? 0)),
                                   titles: TitleList.split(row?[3] ?? ""), evidence: evidence)
    }
}

private struct PersonEvent: Hashable {
    var person: Int64
    var event: Int64
}

/// The SQL conditions of an ``AttendanceFilter`` on the `event` table (and on participations for roles).
struct EventConditions {
    /// Conditions, each starting with ` AND `.
    var sql = ""
    var arguments = StatementArguments()

    init(_ filter: AttendanceFilter) {
        if let kinds = filter.kinds {
            let sorted = kinds.map(\.rawValue).sorted()
            sql += " AND event.kind IN (" + sorted.map { _ in "?" }.joined(separator: ",") + ")"
            arguments += StatementArguments(sorted)
        }
        // Comparisons with a NULL date are false: undated events drop out when a range is set.
        if let since = DateKey.make(filter.since) {
            sql += " AND event.dateKey >= ?"
            arguments += [since]
        }
        if let until = DateKey.make(filter.until) {
            sql += " AND event.dateKey <= ?"
            arguments += [until]
        }
    }

    /// Keeps only participations in `table` holding one of `roles`.
    mutating func addRoles(_ roles: Roles?, on table: String) {
        guard let roles else { return }
        sql += " AND (\(table).roles & ?) <> 0"
        arguments += [Int(roles.rawValue)]
    }
}

/// The columns that make an ``AttendanceGraph/EventNode``, selected from `event` joined with `document`.
enum EventColumns {
    static let select = """
        event.eventKey, document.name, event.kind, event.name, event.dateKey, event.timeOfDay, event.place, event.form
        """
    /// Number of columns in ``select``: the index of the first column after them.
    static let count = 8

    static func node(_ row: Row) -> AttendanceGraph.EventNode {
        AttendanceGraph.EventNode(
            key: row[0], document: row[1], kind: EventKind(rawValue: row[2]) ?? .other, name: row[3],
            date: DateKey.date(row[4]), timeOfDay: row[5], place: row[6],
            form: (row[7] as String?).flatMap(EventForm.init(rawValue:)))
    }
}
