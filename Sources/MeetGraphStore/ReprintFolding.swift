import GRDB
import MeetGraph

// Reprints at ingest: an event that ``Reprints/same(_:_:)`` finds already stored from another
// document is folded into it (one event, several evidence documents, listed in `eventSource`)
// instead of being stored again, so that ties count events, not articles.

enum ReprintSchema {
    /// The `eventSource` table (documents folded into an event besides its own) and the indexes
    /// that find candidate events by kind and month-day, or by name when undated.
    static func create(_ db: Database) throws {
        try db.create(table: "eventSource", options: [.withoutRowID]) { table in
            table.column("eventId", .integer).notNull().references("event", onDelete: .cascade)
            table.column("documentId", .integer).notNull().references("document", onDelete: .cascade)
            table.primaryKey(["eventId", "documentId"])
        }
        try db.create(index: "eventSource_by_document", on: "eventSource", columns: ["documentId"])
        try db.execute(sql: "CREATE INDEX event_by_kind_and_day ON event(kind, dateKey % 10000)")
        try db.execute(sql: "CREATE INDEX event_undated_by_name ON event(name) WHERE dateKey IS NULL")
    }
}

extension DocumentWriter {
    /// The stored event of another document that `event` reprints, if any: the first stored
    /// that the rule accepts and that no part of this document was folded into yet.
    func reprintTarget(of event: Event, participants: [Merged], documentID: Int64, published: EventDate?) throws -> Int64? {
        let rows: [Row]
        if let date = event.date {
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT event.id, event.name, event.dateKey, document.published FROM event
                JOIN document ON document.id = event.documentId
                WHERE event.kind = ? AND event.dateKey % 10000 = ? AND event.documentId <> ? ORDER BY event.id
                """), arguments: [event.kind.rawValue, date.month * 100 + date.day, documentID])
        } else {
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT event.id, event.name, event.dateKey, document.published FROM event
                JOIN document ON document.id = event.documentId
                WHERE event.dateKey IS NULL AND event.name = ? AND event.kind = ? AND event.documentId <> ? ORDER BY event.id
                """), arguments: [event.name, event.kind.rawValue, documentID])
        }
        guard !rows.isEmpty else { return nil }
        let summary = Reprints.Summary(kind: event.kind, name: event.name, date: event.date,
                                       people: Set(participants.map(\.key)),
                                       fromText: participants.allSatisfy { !$0.evidence.isEmpty }, published: published)
        guard summary.fromText else { return nil }
        for row in rows {
            let id: Int64 = row[0]
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM eventSource WHERE eventId = ? AND documentId = ?"),
                                 arguments: [id, documentID]) == true { continue }
            let keys = try String.fetchSet(db.cachedStatement(sql: """
                SELECT person.personKey FROM participation JOIN person ON person.id = participation.personId
                WHERE participation.eventId = ?
                """), arguments: [id])
            let withoutEvidence = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT 1 FROM participation WHERE eventId = ?1 AND NOT EXISTS (
                    SELECT 1 FROM evidence WHERE evidence.eventId = ?1 AND evidence.personId = participation.personId)
                """), arguments: [id]) == true
            // Namesakes (张三（甲市）) compare by their name's key, as the participants do.
            let stored = Reprints.Summary(kind: event.kind, name: row[1], date: DateKey.date(row[2]),
                                          people: Set(keys.map(Namesakes.bareName)),
                                          fromText: !withoutEvidence,
                                          published: (row[3] as String?).flatMap(EventDate.init))
            if Reprints.same(summary, stored) { return id }
        }
        return nil
    }

    /// Folds `participants` of a reprinted event into the stored event `eventID`: participations
    /// already there get the new roles, titles and evidence; new ones are added with their ties.
    mutating func fold(_ participants: [Merged], into eventID: Int64, documentID: Int64, titleDate: Int?,
                       ties: inout [TiePair: TieDelta]) throws {
        // Prepared once per batch (cachedStatement): a reprinted archive folds thousands of events,
        // and building these queries through the query interface cost more than running them.
        try db.cachedStatement(sql: "INSERT INTO eventSource (eventId, documentId) VALUES (?, ?)")
            .execute(arguments: [eventID, documentID])
        let dateKey = try Int.fetchOne(db.cachedStatement(sql: "SELECT dateKey FROM event WHERE id = ?"), arguments: [eventID])
        var present = try Int64.fetchAll(db.cachedStatement(sql: "SELECT personId FROM participation WHERE eventId = ?"),
                                         arguments: [eventID])
        var position = (try Int.fetchOne(db.cachedStatement(sql: "SELECT max(position) FROM participation WHERE eventId = ?"),
                                         arguments: [eventID]) ?? -1) + 1
        let participation = try db.cachedStatement(sql: "SELECT roles, titles FROM participation WHERE personId = ? AND eventId = ?")
        let update = try db.cachedStatement(sql: "UPDATE participation SET roles = ?, titles = ? WHERE personId = ? AND eventId = ?")
        let lastOrdinal = try db.cachedStatement(sql: "SELECT max(ordinal) FROM evidence WHERE personId = ? AND eventId = ?")
        let hasEvidence = try db.cachedStatement(sql: """
            SELECT 1 FROM evidence WHERE personId = ? AND eventId = ? AND document = ? AND startOffset = ? LIMIT 1
            """)
        for participant in participants {
            let personID = try person(participant)
            if let kept = try Row.fetchOne(participation, arguments: [personID, eventID]) {
                let roles = (kept[0] as Int) | Int(participant.roles.rawValue)
                var titles = TitleList.split(kept[1])
                for title in participant.titles where !titles.contains(title) { titles.append(title) }
                let joined = TitleList.join(titles)
                if roles != kept[0] as Int || joined != kept[1] as String {
                    try update.execute(arguments: [roles, joined, personID, eventID])
                }
                var ordinal = (try Int.fetchOne(lastOrdinal, arguments: [personID, eventID]) ?? -1) + 1
                for evidence in participant.evidence
                where try Bool.fetchOne(hasEvidence, arguments: [personID, eventID, evidence.document, evidence.start]) != true {
                    try insertEvidence(evidence, person: personID, event: eventID, ordinal: ordinal)
                    ordinal += 1
                }
            } else {
                try ParticipationRecord(personId: personID, eventId: eventID, position: position,
                                        roles: Int(participant.roles.rawValue), titles: TitleList.join(participant.titles),
                                        writtenName: participant.writtenName).insert(db)
                position += 1
                for (ordinal, evidence) in participant.evidence.enumerated() {
                    try insertEvidence(evidence, person: personID, event: eventID, ordinal: ordinal)
                }
                try Spellings.count(db, person: personID, spelling: participant.name, event: eventID)
                notePersonSpelled(personID)
                for other in present {
                    ties[TiePair(person: personID, other: other), default: TieDelta()].add(date: dateKey)
                    ties[TiePair(person: other, other: personID), default: TieDelta()].add(date: dateKey)
                }
                present.append(personID)
            }
            for title in participant.titles {
                try db.cachedStatement(sql: """
                    INSERT OR IGNORE INTO personTitle (personId, eventId, title, documentId, dateKey) VALUES (?, ?, ?, ?, ?)
                    """).execute(arguments: [personID, eventID, title, documentID, titleDate])
            }
        }
    }

    private func insertEvidence(_ evidence: Evidence, person: Int64, event: Int64, ordinal: Int) throws {
        try db.cachedStatement(sql: """
            INSERT INTO evidence (personId, eventId, ordinal, document, sentence, startOffset, endOffset,
                                  mentionStart, mentionEnd)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [person, event, ordinal, evidence.document, evidence.sentence,
                                     evidence.start, evidence.end, evidence.mentionStart, evidence.mentionEnd])
    }

    /// Before document `id` (named `name`) is deleted: its share of folded events goes, the events
    /// themselves stay with their other documents (an event it owns passes to the next one).
    /// - Returns: the events that stay, and the people whose ties must be counted again.
    func unfold(document id: Int64, named name: String) throws -> (kept: Set<Int64>, people: Set<Int64>) {
        var kept = Set<Int64>()
        var people = Set<Int64>()
        let owned = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT event.id FROM event JOIN eventSource ON eventSource.eventId = event.id WHERE event.documentId = ?
            """, arguments: [id])
        for event in owned {
            let next = try Int64.fetchOne(db, sql: """
                SELECT min(documentId) FROM eventSource WHERE eventId = ?
                """, arguments: [event])!
            try db.execute(sql: "UPDATE event SET documentId = ? WHERE id = ?", arguments: [next, event])
            try db.execute(sql: "DELETE FROM eventSource WHERE eventId = ? AND documentId = ?", arguments: [event, next])
            kept.insert(event)
        }
        let foldedInto = try Int64.fetchAll(db, sql: "SELECT eventId FROM eventSource WHERE documentId = ?", arguments: [id])
        for event in owned + foldedInto {
            people.formUnion(try Int64.fetchAll(db, sql: "SELECT personId FROM participation WHERE eventId = ?",
                                                arguments: [event]))
            try db.execute(sql: "DELETE FROM evidence WHERE eventId = ? AND document = ?", arguments: [event, name])
            try db.execute(sql: """
                DELETE FROM participation WHERE eventId = ?1
                AND NOT EXISTS (SELECT 1 FROM evidence WHERE evidence.eventId = ?1 AND evidence.personId = participation.personId)
                """, arguments: [event])
            try db.execute(sql: "DELETE FROM personTitle WHERE eventId = ? AND documentId = ?", arguments: [event, id])
        }
        return (kept, people)
    }
}
