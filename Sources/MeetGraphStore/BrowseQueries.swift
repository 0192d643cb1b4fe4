import Foundation
import GRDB
import MeetGraph

// Queries for browsing the store one page at a time (the web page of `meetgraph serve`): each
// reads a bounded number of rows, so that a page answers quickly even on a million attendances.

/// A person found by a search, with how many events they took part in.
public struct PersonMatch: Sendable, Hashable, Codable {
    /// The canonical name.
    public var name: String
    /// Number of events the person took part in.
    public var events: Int
}

/// A title a person was given, with the first and last date it was seen.
public struct TitleSpan: Sendable, Hashable {
    /// The title as written (`市长`).
    public var title: String
    /// The earliest dated event or document giving the title.
    public var first: EventDate?
    /// The latest one.
    public var last: EventDate?
    /// How many events gave it.
    public var count: Int
}

/// One person's events, newest first, and their titles over time, bounded for display.
public struct PersonOverview: Sendable, Hashable {
    /// One event the person took part in.
    public struct Entry: Sendable, Hashable {
        /// The event.
        public var event: AttendanceGraph.EventNode
        /// What the person did there.
        public var roles: Roles
        /// Titles written at that event.
        public var titles: [String]
    }

    /// The canonical name.
    public var person: String
    /// Events the person took part in, in all.
    public var eventCount: Int
    /// The most recent events (dated first, newest first), at most the limit asked for.
    public var entries: [Entry]
    /// Titles in order of first appearance.
    public var titles: [TitleSpan]
}

/// An event with every participation and its evidence, and where the text came from.
public struct EventDetail: Sendable, Hashable {
    /// The event.
    public var event: AttendanceGraph.EventNode
    /// Where the document came from (a URL, a path or a seed name), as ingested.
    public var source: String?
    /// The path the document was read from.
    public var path: String
    /// The publication date, `YYYY-MM-DD` or `MM-DD`, when known.
    public var published: String?
    /// The participants, in the order the text names them.
    public var participants: [ParticipationDetail]
}

extension MeetGraphStore {
    /// People whose name contains `text`, best matches first: names starting with it, then by
    /// number of events, then by name. At most `limit` of them.
    ///
    /// The text is compared through the store's name key as well as as written, so that a
    /// traditional spelling finds a person stored under the simplified one and the reverse
    /// (with ``NameForms/simplifiedKey`` as the key).
    public func searchPeople(_ text: String, limit: Int = 10) throws -> [PersonMatch] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, limit > 0 else { return [] }
        let key = nameKey(trimmed)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT person.name,
                       (SELECT COUNT(*) FROM participation WHERE participation.personId = person.id) AS events,
                       (person.personKey LIKE ?2 ESCAPE '\\' OR person.name LIKE ?4 ESCAPE '\\') AS prefix
                FROM person
                WHERE person.personKey LIKE ?1 ESCAPE '\\' OR person.name LIKE ?3 ESCAPE '\\'
                   OR person.id IN (SELECT p.id FROM alias JOIN person AS p ON p.name = alias.canonical
                                    WHERE alias.name LIKE ?3 ESCAPE '\\')
                ORDER BY prefix DESC, events DESC, person.name
                LIMIT ?5
                """, arguments: ["%" + Self.likeEscaped(key) + "%", Self.likeEscaped(key) + "%",
                                 "%" + Self.likeEscaped(trimmed) + "%", Self.likeEscaped(trimmed) + "%", limit])
            return rows.map { PersonMatch(name: $0[0], events: $0[1]) }
        }
    }

    /// `text` with LIKE's wildcards and the escape character escaped.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// A person's most recent `limit` events and titles over time.
    /// - Throws: ``StoreError/unknownPerson(name:suggestions:)`` when no one is called `name`.
    public func overview(of name: String, limit: Int = 200) throws -> PersonOverview {
        try read { db in
            let person = try personID(named: name, db)
            let canonical = try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [person]) ?? name
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participation WHERE personId = ?",
                                         arguments: [person]) ?? 0
            let entries = try newestParticipations(of: person, among: total, limit: max(0, limit), db).map { row in
                PersonOverview.Entry(event: EventColumns.node(row),
                                     roles: Roles(rawValue: UInt8(row[EventColumns.count] as Int)),
                                     titles: TitleList.split(row[EventColumns.count + 1]))
            }
            let titles = try Row.fetchAll(db, sql: """
                SELECT title, MIN(dateKey), MAX(dateKey), COUNT(*) FROM personTitle WHERE personId = ?
                GROUP BY title ORDER BY MIN(dateKey) IS NULL, MIN(dateKey), title
                """, arguments: [person]).map { row in
                TitleSpan(title: row[0], first: DateKey.date(row[1]), last: DateKey.date(row[2]), count: row[3])
            }
            return PersonOverview(person: canonical, eventCount: total, entries: entries, titles: titles)
        }
    }

    /// How many more events than expected the walk by date in ``newestParticipations(of:among:limit:_:)``
    /// reads before it gives up: enough for a person whose activity varies over the years.
    static let newestEventsWindowFactor = 4

    /// The event columns (``EventColumns``), roles and titles of `person`'s `limit` newest events:
    /// dated ones newest first, then undated ones, newest stored first. `count` is how many events
    /// the person took part in.
    ///
    /// Reading all of a very active person's participations to sort them by their events' dates is
    /// what made their page slow (24,118 events for the most active person of the 1M-attendance
    /// benchmark store). Such a person's newest events are among the archive's newest, so the events
    /// are walked newest first through `event_by_date`, with one primary-key probe of the person's
    /// participations each, over a window of a few times the number of events expected to hold
    /// `limit` of theirs. When the window holds fewer (a person no longer active), or when it would
    /// be longer than the person's own list, their events are read and sorted instead.
    func newestParticipations(of person: Int64, among count: Int, limit: Int, _ db: Database) throws -> [Row] {
        let columns = "\(EventColumns.select), mine.roles, mine.titles"
        if count > limit, limit > 0 {
            // The largest id stands in for the number of events: an estimate read from the index alone.
            let events = try Int.fetchOne(db, sql: "SELECT max(id) FROM event") ?? 0
            let window = Self.newestEventsWindowFactor * limit * (events / count + 1)
            if window < count {
                // CROSS JOIN keeps events as the outer loop: newest first, the person probed in each.
                // A NULL bound (the window reaches undated events) selects nothing and falls through.
                let rows = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT \(columns)
                    FROM event CROSS JOIN participation AS mine ON mine.personId = ?1 AND mine.eventId = event.id
                    JOIN document ON document.id = event.documentId
                    WHERE event.dateKey >= (SELECT dateKey FROM event ORDER BY dateKey DESC LIMIT 1 OFFSET ?2)
                    ORDER BY event.dateKey DESC, event.id DESC
                    LIMIT ?3
                    """), arguments: [person, window, limit])
                if rows.count == limit { return rows }
            }
        }
        // Undated events have a NULL dateKey, which sorts last in descending order.
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(columns)
            FROM participation AS mine
            JOIN event ON event.id = mine.eventId
            JOIN document ON document.id = event.documentId
            WHERE mine.personId = ?
            ORDER BY event.dateKey DESC, event.id DESC
            LIMIT ?
            """), arguments: [person, limit])
    }

    /// The event stored under `key` (`document#id`) with its participants and their evidence, or nil.
    public func eventDetail(key: String) throws -> EventDetail? {
        try read { db -> EventDetail? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT \(EventColumns.select), event.id, document.source, document.path, document.published
                FROM event JOIN document ON document.id = event.documentId
                WHERE event.eventKey = ?
                """, arguments: [key]) else { return nil }
            let eventID: Int64 = row[EventColumns.count]
            let people = try Int64.fetchAll(db, sql: """
                SELECT personId FROM participation WHERE eventId = ? ORDER BY position
                """, arguments: [eventID])
            return EventDetail(event: EventColumns.node(row), source: row[EventColumns.count + 1],
                               path: row[EventColumns.count + 2], published: row[EventColumns.count + 3],
                               participants: try people.map { try participation(of: $0, at: eventID, db) })
        }
    }

    /// The graph of `name` and the `top` people who shared the most events with them: every
    /// event at which at least two of these people took part, with only these people in it.
    ///
    /// Its co-attendance projection holds exactly the ties among these people, so an ego
    /// picture drawn from it equals one drawn from the whole store, at the cost of reading only
    /// their participations.
    /// - Throws: ``StoreError/unknownPerson(name:suggestions:)`` when no one is called `name`.
    public func egoGraph(of name: String, top: Int = 30, filter: AttendanceFilter = .everything) throws -> AttendanceGraph {
        let others = try coAttendees(of: name, filter: filter, limit: max(0, top))
        return try read { db in
            let centre = try personID(named: name, db)
            var ids = [centre]
            for other in others {
                if let id = try? personID(named: other.person, db), !ids.contains(id) { ids.append(id) }
            }
            let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
            var conditions = EventConditions(filter)
            conditions.addRoles(filter.roles, on: "participation")
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(EventColumns.select), participation.eventId, participation.personId, person.name,
                       participation.roles, participation.titles
                FROM participation
                JOIN event ON event.id = participation.eventId
                JOIN document ON document.id = event.documentId
                JOIN person ON person.id = participation.personId
                WHERE participation.personId IN (SELECT value FROM json_each(?)) \(conditions.sql)
                ORDER BY participation.eventId, participation.position
                """, arguments: StatementArguments([list]) + conditions.arguments)
            var byEvent: [(node: AttendanceGraph.EventNode, people: [(String, Roles, [String])])] = []
            var lastEvent: Int64?
            for row in rows {
                let eventID: Int64 = row[EventColumns.count]
                if eventID != lastEvent {
                    byEvent.append((EventColumns.node(row), []))
                    lastEvent = eventID
                }
                byEvent[byEvent.count - 1].people.append(
                    (row[EventColumns.count + 2], Roles(rawValue: UInt8(row[EventColumns.count + 3] as Int)),
                     TitleList.split(row[EventColumns.count + 4])))
            }
            var graph = AttendanceGraph()
            _ = graph.addPerson(named: try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?",
                                                           arguments: [centre]) ?? name)
            for (node, people) in byEvent where people.count >= 2 {
                let event = graph.addEvent(node)
                for (person, roles, titles) in people {
                    graph.attend(person: graph.addPerson(named: person, titles: titles), event: event, roles: roles,
                                 titles: titles)
                }
            }
            return graph
        }
    }
}
