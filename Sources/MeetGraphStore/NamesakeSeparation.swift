import GRDB
import MeetGraph

/// Namesakes in the store (issue 14): the participations of one name key are divided among
/// people by ``Namesakes/split(_:)``, as ``AttendanceGraph/separatingNamesakes()`` divides them,
/// so that the store and `analyze` give the same people.
///
/// A namesake is stored under its key with the qualifier (`张三（甲市）`); participations whose
/// titles name no place stay under the bare key.
extension MeetGraphStore {
    /// Separates (or joins again) the namesakes of every base key in `baseKeys`, or of every
    /// stored person when nil, inside the current transaction.
    func separateNamesakes(_ db: Database, baseKeys: Set<String>?) throws {
        let keys: Set<String>
        if let baseKeys {
            keys = baseKeys
        } else {
            keys = Set(try String.fetchAll(db, sql: "SELECT personKey FROM person").map(Namesakes.bareName))
        }
        var touched = Set<Int64>()
        for key in keys.sorted() { touched.formUnion(try separateNamesakes(db, baseKey: key)) }
        guard !touched.isEmpty else { return }
        try Ties.rebuild(db, people: touched)
        try Spellings.recount(db, people: touched, identity: try identity(db))
        for person in touched {
            try db.execute(sql: """
                DELETE FROM person WHERE id = ? AND NOT EXISTS (SELECT 1 FROM participation WHERE personId = ?)
                """, arguments: [person, person])
        }
    }

    /// The people of one base key and its qualified keys, each stored key with its person id.
    static func namesakeFamily(_ db: Database, baseKey: String) throws -> [(key: String, id: Int64)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT personKey, id FROM person
            WHERE personKey = ?1 OR (personKey > ?1 || '（' AND personKey < ?1 || '（' || char(1114111))
            ORDER BY id
            """), arguments: [baseKey]).map { ($0[0], $0[1]) }
    }

    /// Moves the participations of `baseKey`'s people to the namesake each belongs to; returns
    /// the people whose participations changed.
    private func separateNamesakes(_ db: Database, baseKey: String) throws -> Set<Int64> {
        let family = try Self.namesakeFamily(db, baseKey: baseKey)
        guard !family.isEmpty else { return [] }
        let keyOfPerson = Dictionary(family.map { ($0.id, $0.key) }, uniquingKeysWith: { first, _ in first })
        let marks = family.map { _ in "?" }.joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: """
            SELECT participation.personId, participation.eventId, participation.titles, participation.writtenName, event.name
            FROM participation JOIN event ON event.id = participation.eventId
            WHERE participation.personId IN (\(marks)) ORDER BY participation.eventId, participation.position
            """, arguments: StatementArguments(family.map(\.id)))
        let eventTitles = try db.cachedStatement(sql: "SELECT titles FROM participation WHERE eventId = ? ORDER BY position")
        var places: [Jurisdiction?] = []
        for row in rows {
            let titles = TitleList.split(row[2])
            let others = try String.fetchAll(eventTitles, arguments: [row[1] as Int64]).map(TitleList.split)
            places.append(Namesakes.jurisdiction(titles: titles, eventTitles: others, eventName: row[4]))
        }
        let split = Namesakes.split(places)
        var idOfKey = Dictionary(family.map { ($0.key, $0.id) }, uniquingKeysWith: { first, _ in first })
        var touched = Set<Int64>()
        for (index, row) in rows.enumerated() {
            let person: Int64 = row[0], event: Int64 = row[1]
            let qualifier = split.assignment[index].map { nameKey(split.qualifiers[$0]) }
            let target = qualifier.map { Namesakes.qualified(baseKey, by: $0) } ?? baseKey
            guard keyOfPerson[person] != target else { continue }
            let targetID: Int64
            if let existing = idOfKey[target] {
                targetID = existing
            } else {
                let written: String = row[3]
                let shown = (try? identity(db).storeCanonicalName(written)) ?? written
                var record = PersonRecord(id: nil, personKey: target,
                                          name: qualifier.map { Namesakes.qualified(shown, by: $0) } ?? shown)
                try record.insert(db)
                targetID = record.id!
                idOfKey[target] = targetID
            }
            try moveParticipation(person: person, event: event, to: targetID, db)
            touched.formUnion([person, targetID])
        }
        return touched
    }
}

extension DocumentWriter {
    /// Notes the keys of `participants` whose titles (or the event's) name a place: their
    /// namesakes are separated at the end of the batch.
    mutating func notePlaces(of participants: [Merged], in event: Event) {
        let eventTitles = participants.map(\.titles)
        for participant in participants
        where Namesakes.jurisdiction(titles: participant.titles, eventTitles: eventTitles, eventName: event.name) != nil {
            placedKeys.insert(participant.key)
        }
    }
}
