import GRDB
import MeetGraph

/// One of the people a name may stand for, as `query person NAME` lists them when the name is
/// borne by namesakes.
public struct NamesakeCandidate: Sendable, Hashable {
    /// The name to pick the person with (`张三（甲市）`, or the bare name for participations whose
    /// titles name no place).
    public var name: String
    /// The titles held, in date order.
    public var titles: [String]
    /// The places those titles name.
    public var places: [String]
    /// The first and last dated event.
    public var first: EventDate?
    public var last: EventDate?
    /// Events attended.
    public var events: Int
}

/// A title a person held, with the first and last date it is written with (issue 14's title history).
public struct HeldTitle: Sendable, Hashable {
    /// The title as written (`副市长`).
    public var title: String
    /// The first and last dated event (or publication) with this title; nil when undated.
    public var first: EventDate?
    public var last: EventDate?
    /// Events at which the title is written.
    public var events: Int
}

extension MeetGraphStore {
    /// The people `name` may stand for: every namesake of its name key, with titles, places,
    /// dates and event counts; one entry when the name is borne by one person.
    /// - Throws: ``StoreError/unknownPerson(name:suggestions:)`` when no one is called so.
    public func namesakes(of name: String) throws -> [NamesakeCandidate] {
        try read { db in
            let key = nameKey(try canonicalName(Namesakes.bareName(Namesakes.qualifierBrackets(name)), db))
            let family = try Self.namesakeFamily(db, baseKey: key)
            guard !family.isEmpty else { _ = try personID(named: name, db); return [] }
            return try family.map { member in
                let shown = try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [member.id]) ?? member.key
                let history = try titleHistory(person: member.id, db)
                // The qualifier first: a namesake's place may come from the event, not its titles.
                var places: [String] = member.key == key ? [] : [String(Namesakes.qualifier(of: shown) ?? "")]
                places.removeAll(where: \.isEmpty)
                for held in history {
                    for level in Jurisdiction(title: held.title)?.levels ?? [] where !places.contains(level) { places.append(level) }
                }
                let row = try Row.fetchOne(db, sql: """
                    SELECT MIN(event.dateKey), MAX(event.dateKey), COUNT(*) FROM participation
                    JOIN event ON event.id = participation.eventId WHERE participation.personId = ?
                    """, arguments: [member.id])
                return NamesakeCandidate(name: shown, titles: history.map(\.title), places: places,
                                         first: DateKey.date(row?[0]), last: DateKey.date(row?[1]), events: row?[2] ?? 0)
            }
        }
    }

    /// The titles `name` held, each with its first and last date, earliest first (undated last).
    public func titleHistory(of name: String) throws -> [HeldTitle] {
        try read { db in try titleHistory(person: try personID(named: name, db), db) }
    }

    private func titleHistory(person: Int64, _ db: Database) throws -> [HeldTitle] {
        try Row.fetchAll(db, sql: """
            SELECT title, MIN(dateKey), MAX(dateKey), COUNT(DISTINCT eventId) FROM personTitle WHERE personId = ?
            GROUP BY title ORDER BY MIN(dateKey) IS NULL, MIN(dateKey), MIN(eventId)
            """, arguments: [person]).map {
            HeldTitle(title: $0[0], first: DateKey.date($0[1]), last: DateKey.date($0[2]), events: $0[3])
        }
    }
}
