import MeetGraph

// The queries of Queries.swift on a PostgreSQL store, with the same answers in the same order.
// Names sort with COLLATE "C" (code points, as SQLite's BINARY) whatever the database's locale.

/// The SQL conditions of an ``AttendanceFilter`` on `event` (and on participations for roles), with `?` placeholders.
struct PostgresConditions {
    /// Conditions, each starting with ` AND `.
    var sql = ""
    var values: [SQLValue] = []

    init(_ filter: AttendanceFilter) {
        if let kinds = filter.kinds {
            sql += " AND event.kind = ANY(?::text[])"
            values.append(.texts(kinds.map(\.rawValue).sorted()))
        }
        // Comparisons with a NULL date are false: undated events drop out when a range is set.
        if let since = DateKey.make(filter.since) {
            sql += " AND event.dateKey >= ?"
            values.append(.int(Int64(since)))
        }
        if let until = DateKey.make(filter.until) {
            sql += " AND event.dateKey <= ?"
            values.append(.int(Int64(until)))
        }
    }

    /// Keeps only participations in `table` holding one of `roles`.
    mutating func addRoles(_ roles: Roles?, on table: String) {
        guard let roles else { return }
        sql += " AND (\(table).roles & ?) <> 0"
        values.append(.int(Int64(roles.rawValue)))
    }
}

/// ``EventColumns`` read from a PostgreSQL row.
enum PostgresEventColumns {
    static let select = EventColumns.select
    static let count = EventColumns.count

    static func node(_ row: SQLRow) -> AttendanceGraph.EventNode {
        AttendanceGraph.EventNode(
            key: row.text(0) ?? "", document: row.text(1) ?? "", kind: EventKind(rawValue: row.text(2) ?? "") ?? .other,
            name: row.text(3) ?? "", date: DateKey.date(row.int(4)), timeOfDay: row.text(5), place: row.text(6),
            form: row.text(7).flatMap(EventForm.init(rawValue:)))
    }
}

extension PostgresStore: GraphStore {
    /// The store's URL, without the password.
    public var location: String { address.description }

    /// The people who took part in events with `name`, as ``MeetGraphStore/coAttendees(of:filter:includingEvents:limit:)``:
    /// without a filter one index range of `tie`, else one join of the person's participations, on the server.
    public func coAttendees(of name: String, filter: AttendanceFilter = .everything,
                            includingEvents: Bool = false, limit: Int? = nil) throws -> [CoAttendeeRow] {
        try read {
            let person = try personID(named: name)
            let limitClause = limit.map { " LIMIT \(max(0, $0))" } ?? ""
            if filter.keepsEverything && (!includingEvents || limit != nil) {
                let rows = try session.rows("""
                    SELECT person.name, tie.count, tie.firstDate, tie.lastDate, tie.otherId
                    FROM tie JOIN person ON person.id = tie.otherId
                    WHERE tie.personId = ?
                    ORDER BY tie.count DESC, person.name COLLATE "C" \(limitClause)
                    """, [.int(person)])
                let keys = includingEvents ? try sharedEventKeys(person, with: rows.compactMap { $0.id(4) }) : [:]
                return rows.map { row in
                    CoAttendeeRow(person: row.text(0) ?? "", count: row.int(1) ?? 0, first: DateKey.date(row.int(2)),
                                  last: DateKey.date(row.int(3)), eventKeys: row.id(4).flatMap { keys[$0] } ?? [])
                }
            }
            var conditions = PostgresConditions(filter)
            conditions.addRoles(filter.roles, on: "mine")
            conditions.addRoles(filter.roles, on: "other")
            let keys = includingEvents ? "string_agg(event.eventKey, chr(31) ORDER BY event.id)" : "NULL"
            return try session.rows("""
                SELECT person.name, shared.count, shared.firstDate, shared.lastDate, shared.eventKeys FROM (
                    SELECT other.personId AS personId, COUNT(*) AS count,
                           MIN(event.dateKey) AS firstDate, MAX(event.dateKey) AS lastDate, \(keys) AS eventKeys
                    FROM participation AS mine
                    JOIN event ON event.id = mine.eventId
                    JOIN participation AS other ON other.eventId = mine.eventId
                    WHERE mine.personId = ? AND other.personId <> ? \(conditions.sql)
                    GROUP BY other.personId) AS shared
                JOIN person ON person.id = shared.personId
                ORDER BY shared.count DESC, person.name COLLATE "C" \(limitClause)
                """, [.int(person), .int(person)] + conditions.values).map { row in
                CoAttendeeRow(person: row.text(0) ?? "", count: row.int(1) ?? 0, first: DateKey.date(row.int(2)),
                              last: DateKey.date(row.int(3)), eventKeys: TitleList.split(row.text(4) ?? ""))
            }
        }
    }

    /// Keys of the events `person` shared with each of `others`, in storage order.
    private func sharedEventKeys(_ person: Int64, with others: [Int64]) throws -> [Int64: [String]] {
        guard !others.isEmpty else { return [:] }
        var keys: [Int64: [String]] = [:]
        for row in try session.rows("""
            SELECT other.personId, event.eventKey FROM participation AS mine
            JOIN participation AS other ON other.eventId = mine.eventId
            JOIN event ON event.id = other.eventId
            WHERE mine.personId = ? AND other.personId = ANY(?::bigint[])
            ORDER BY mine.eventId
            """, [.int(person), .ints(others)]) {
            if let other = row.id(0), let key = row.text(1) { keys[other, default: []].append(key) }
        }
        return keys
    }

    /// The events both people took part in, as ``MeetGraphStore/sharedEvents(_:_:filter:)``.
    public func sharedEvents(_ first: String, _ second: String,
                             filter: AttendanceFilter = .everything) throws -> [SharedEvent] {
        try read {
            let firstID = try personID(named: first)
            let secondID = try personID(named: second)
            var conditions = PostgresConditions(filter)
            conditions.addRoles(filter.roles, on: "mine")
            conditions.addRoles(filter.roles, on: "other")
            let rows = try session.rows("""
                SELECT \(PostgresEventColumns.select), mine.eventId
                FROM participation AS mine
                JOIN event ON event.id = mine.eventId
                JOIN document ON document.id = event.documentId
                JOIN participation AS other ON other.eventId = mine.eventId AND other.personId = ?
                WHERE mine.personId = ? \(conditions.sql)
                ORDER BY event.dateKey NULLS FIRST, event.id
                """, [.int(secondID), .int(firstID)] + conditions.values)
            return try rows.map { row in
                let eventID = row.id(PostgresEventColumns.count) ?? 0
                return SharedEvent(event: PostgresEventColumns.node(row),
                                   first: try participation(of: firstID, at: eventID),
                                   second: try participation(of: secondID, at: eventID))
            }
        }
    }

    /// A person's events and titles in date order, as ``MeetGraphStore/timeline(of:filter:)``.
    public func timeline(of name: String, filter: AttendanceFilter = .everything) throws -> Timeline {
        try read {
            let person = try personID(named: name)
            let canonical = try session.row("SELECT name FROM person WHERE id = ?", [.int(person)])?.text(0) ?? name
            var conditions = PostgresConditions(filter)
            conditions.addRoles(filter.roles, on: "mine")
            let rows = try session.rows("""
                SELECT \(PostgresEventColumns.select), mine.eventId
                FROM participation AS mine
                JOIN event ON event.id = mine.eventId
                JOIN document ON document.id = event.documentId
                WHERE mine.personId = ? \(conditions.sql)
                ORDER BY event.dateKey NULLS FIRST, event.id
                """, [.int(person)] + conditions.values)
            let entries = try rows.map { row in
                Timeline.Entry(event: PostgresEventColumns.node(row),
                               participation: try participation(of: person, at: row.id(PostgresEventColumns.count) ?? 0))
            }
            let titles = try session.rows("""
                SELECT personTitle.title, personTitle.dateKey, document.name, event.eventKey
                FROM personTitle
                JOIN event ON event.id = personTitle.eventId
                JOIN document ON document.id = event.documentId
                JOIN participation AS mine ON mine.personId = personTitle.personId AND mine.eventId = personTitle.eventId
                WHERE personTitle.personId = ? \(conditions.sql)
                ORDER BY personTitle.dateKey NULLS FIRST, event.id, personTitle.title COLLATE "C"
                """, [.int(person)] + conditions.values).map { row in
                Timeline.Title(title: row.text(0) ?? "", date: DateKey.date(row.int(1)), document: row.text(2) ?? "",
                               event: row.text(3) ?? "")
            }
            return Timeline(person: canonical, entries: entries, titles: titles)
        }
    }

    /// The events `filter` keeps, in date order, as ``MeetGraphStore/events(filter:person:)``.
    public func events(filter: AttendanceFilter = .everything, person: String? = nil) throws -> [AttendanceGraph.EventNode] {
        try read {
            var conditions = PostgresConditions(filter)
            var join = ""
            var values: [SQLValue] = []
            if let person {
                let id = try personID(named: person)
                join = "JOIN participation AS mine ON mine.eventId = event.id AND mine.personId = ?"
                values.append(.int(id))
                conditions.addRoles(filter.roles, on: "mine")
            } else if let roles = filter.roles {
                conditions.sql += " AND EXISTS (SELECT 1 FROM participation AS anyone WHERE anyone.eventId = event.id"
                    + " AND (anyone.roles & ?) <> 0)"
                conditions.values.append(.int(Int64(roles.rawValue)))
            }
            return try session.rows("""
                SELECT \(PostgresEventColumns.select) FROM event
                JOIN document ON document.id = event.documentId \(join)
                WHERE true \(conditions.sql)
                ORDER BY event.dateKey NULLS FIRST, event.id
                """, values + conditions.values).map(PostgresEventColumns.node)
        }
    }

    /// The events with `keys`, in date order, as ``MeetGraphStore/events(withKeys:)``.
    public func events(withKeys keys: [String]) throws -> [AttendanceGraph.EventNode] {
        guard !keys.isEmpty else { return [] }
        return try session.rows("""
            SELECT \(PostgresEventColumns.select) FROM event
            JOIN document ON document.id = event.documentId
            WHERE event.eventKey = ANY(?::text[])
            ORDER BY coalesce(event.dateKey, -1), event.id
            """, [.texts(Array(Set(keys)))]).map(PostgresEventColumns.node)
    }

    /// The events a date range leaves out for want of a full date, as ``MeetGraphStore/undatedEvents(filter:)``.
    public func undatedEvents(filter: AttendanceFilter) throws -> UndatedEvents {
        guard filter.hasDateRange else { return UndatedEvents() }
        let conditions = PostgresConditions(AttendanceFilter(kinds: filter.kinds))
        let row = try session.row("""
            SELECT count(*) FILTER (WHERE event.dateKey IS NULL), count(*) FILTER (WHERE event.dateKey < 10000)
            FROM event WHERE true \(conditions.sql)
            """, conditions.values)
        return UndatedEvents(withoutDate: row?.int(0) ?? 0, withoutYear: row?.int(1) ?? 0)
    }

    /// The stored graph restricted to what `filter` keeps, as ``MeetGraphStore/loadGraph(filter:)``.
    public func loadGraph(filter: AttendanceFilter = .everything) throws -> AttendanceGraph {
        try read {
            var conditions = PostgresConditions(filter)
            let eventRows = try session.rows("""
                SELECT \(PostgresEventColumns.select), event.id FROM event
                JOIN document ON document.id = event.documentId
                WHERE true \(conditions.sql) ORDER BY event.id
                """, conditions.values)

            var evidence: [PersonEvent: [Evidence]] = [:]
            for row in try session.rows("""
                SELECT evidence.personId, evidence.eventId, evidence.document, evidence.sentence, evidence.startOffset,
                       evidence.endOffset, evidence.mentionStart, evidence.mentionEnd
                FROM evidence JOIN event ON event.id = evidence.eventId
                WHERE true \(conditions.sql) ORDER BY evidence.personId, evidence.eventId, evidence.ordinal
                """, conditions.values) {
                evidence[PersonEvent(person: row.id(0) ?? 0, event: row.id(1) ?? 0), default: []].append(
                    Evidence(document: row.text(2) ?? "", sentence: row.text(3) ?? "", start: row.int(4) ?? 0,
                             end: row.int(5) ?? 0, mentionStart: row.int(6), mentionEnd: row.int(7)))
            }

            conditions.addRoles(filter.roles, on: "participation")
            var names: [Int64: String] = [:]
            for row in try session.rows("SELECT id, name FROM person") {
                if let id = row.id(0), let name = row.text(1) { names[id] = name }
            }
            var attendances: [Int64: [(person: Int64, roles: Int, titles: String)]] = [:]
            for row in try session.rows("""
                SELECT participation.eventId, participation.personId, participation.roles, participation.titles
                FROM participation JOIN event ON event.id = participation.eventId
                WHERE true \(conditions.sql) ORDER BY participation.eventId, participation.position
                """, conditions.values) {
                attendances[row.id(0) ?? 0, default: []].append((person: row.id(1) ?? 0, roles: row.int(2) ?? 0,
                                                                  titles: row.text(3) ?? ""))
            }

            var graph = AttendanceGraph(identity: try identity())
            for row in eventRows {
                let eventID = row.id(PostgresEventColumns.count) ?? 0
                let people = attendances[eventID] ?? []
                if people.isEmpty && filter.roles != nil { continue }
                let event = graph.addEvent(PostgresEventColumns.node(row))
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

    /// One participation with its evidence.
    func participation(of person: Int64, at event: Int64) throws -> ParticipationDetail {
        let row = try session.row("""
            SELECT person.name, participation.writtenName, participation.roles, participation.titles
            FROM participation JOIN person ON person.id = participation.personId
            WHERE participation.personId = ? AND participation.eventId = ?
            """, [.int(person), .int(event)])
        let evidence = try session.rows("""
            SELECT document, sentence, startOffset, endOffset, mentionStart, mentionEnd
            FROM evidence WHERE personId = ? AND eventId = ? ORDER BY ordinal
            """, [.int(person), .int(event)]).map {
            Evidence(document: $0.text(0) ?? "", sentence: $0.text(1) ?? "", start: $0.int(2) ?? 0, end: $0.int(3) ?? 0,
                     mentionStart: $0.int(4), mentionEnd: $0.int(5))
        }
        return ParticipationDetail(person: row?.text(0) ?? "", writtenName: row?.text(1) ?? "",
                                   roles: Roles(rawValue: UInt8(row?.int(2) ?? 0)),
                                   titles: TitleList.split(row?.text(3) ?? ""), evidence: evidence)
    }
}

private struct PersonEvent: Hashable {
    var person: Int64
    var event: Int64
}
