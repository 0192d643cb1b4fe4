import Foundation
import MeetGraph

/// Writes one document's rows inside the current PostgreSQL transaction: what ``DocumentWriter``
/// does for SQLite, with a document's rows sent in a few statements (rows passed as one JSON
/// array each) rather than one statement a row, since every statement is a round trip to the server.
struct PostgresDocumentWriter {
    let session: PostgresSession
    let identity: Identity
    let nameKey: @Sendable (String) -> String
    /// Person IDs by key, for people already looked up in this batch.
    private var people: [String: Int64] = [:]
    /// Shared events of the batch's committed documents, not yet in the `tie` table.
    private var pendingTies: [TiePair: TieDelta] = [:]
    /// People whose spelling counts changed since their shown names were last chosen.
    private var spelled = Set<Int64>()
    /// Events of the current document folded into stored ones.
    private var folded = 0

    init(session: PostgresSession, identity: Identity, nameKey: @escaping @Sendable (String) -> String) {
        self.session = session
        self.identity = identity
        self.nameKey = nameKey
    }

    mutating func forgetPeople() { people.removeAll() }

    /// How many events were folded since the last call.
    mutating func takeFoldedCount() -> Int {
        defer { folded = 0 }
        return folded
    }

    mutating func addTies(_ ties: [TiePair: TieDelta]) {
        for (pair, delta) in ties { pendingTies[pair, default: TieDelta()].add(delta) }
    }

    /// Writes the pending shared events into `tie`, in key order (two ingests lock rows in the
    /// same order), then refreshes the shown names of the people spelled since the last flush.
    mutating func flushTies() throws {
        if !pendingTies.isEmpty {
            let rows = pendingTies.sorted { ($0.key.person, $0.key.other) < ($1.key.person, $1.key.other) }.map { pair, delta in
                JSONRow(["p": pair.person, "o": pair.other, "c": delta.count, "f": delta.first, "l": delta.last])
            }
            try session.execute("""
                INSERT INTO tie (personId, otherId, count, firstDate, lastDate)
                SELECT p, o, c, f, l FROM jsonb_to_recordset(?::jsonb) AS r(p bigint, o bigint, c integer, f integer, l integer)
                ON CONFLICT (personId, otherId) DO UPDATE SET
                    count = tie.count + excluded.count,
                    firstDate = LEAST(tie.firstDate, excluded.firstDate),
                    lastDate = GREATEST(tie.lastDate, excluded.lastDate)
                """, [.text(JSONRow.array(rows))])
            pendingTies.removeAll()
        }
        try PostgresSpellings.refreshNames(session, people: spelled)
        spelled.removeAll()
    }

    /// An event of the document waiting to be inserted, with its merged participants.
    private struct NewEvent {
        var index: Int
        var localID: String
        var event: Event
        var participants: [DocumentWriter.Merged]
    }

    /// Writes `item` and returns what happened with the shared events it adds to ties.
    mutating func write(_ item: IngestItem) throws -> (DocumentWriter.Outcome, [TiePair: TieDelta]) {
        let hash = item.contentHash.trimmingCharacters(in: .whitespaces)
        guard !hash.isEmpty else { throw DocumentProblem(description: "no content hash given") }
        let document = item.document
        let eventIDs = try DocumentWriter.localIDs(of: document)
        var outcome = DocumentWriter.Outcome.added
        var documentID: Int64?
        // Twice at most: when another ingest stores this path or content between our look-up and
        // our insert, the insert waits for it, does nothing, and the second look-up finds it.
        for _ in 0..<2 {
            let stored = try session.row("SELECT id, contentHash FROM document WHERE path = ?", [.text(item.path)])
            if let stored, stored.text(1) == hash { return (.unchanged, [:]) }
            if let stored, let id = stored.id(0) {
                try deleteDocument(id)
                outcome = .replaced
            }
            if let elsewhere = try session.row("SELECT id FROM document WHERE contentHash = ?", [.text(hash)])?.id(0) {
                try moveDocument(elsewhere, to: item)
                return (outcome == .replaced ? .replaced : .moved, [:])
            }
            documentID = try session.row("""
                INSERT INTO document (contentHash, path, name, source, published, script)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
                """, [.text(hash), .text(item.path), .text(document.document), SQLValue(document.source),
                      SQLValue(document.published?.description), .text(document.script.rawValue)])?.id(0)
            if documentID != nil { break }
        }
        guard let documentID else {
            throw DocumentProblem(description: "another ingest stored this path or content meanwhile; run the ingest again")
        }
        let publishedKey = DateKey.make(document.published)
        let large = document.events.reduce(0) { $0 + $1.participants.count } >= Ties.largeDocument
        var ties: [TiePair: TieDelta] = [:]

        let merged = try document.events.map {
            try DocumentWriter.merge($0.participants, in: $0, identity: identity, nameKey: nameKey)
        }
        let candidates = try reprintCandidates(of: document.events, participants: merged, documentID: documentID)
        var newEvents: [NewEvent] = []
        var foldedInto = Set<Int64>()
        for (index, event) in document.events.enumerated() {
            let participants = merged[index]
            if let target = reprintTarget(of: event, participants: participants, among: candidates[index] ?? [],
                                          skipping: foldedInto) {
                try fold(participants, into: target, documentID: documentID,
                         titleDate: DateKey.make(event.date) ?? publishedKey, ties: &ties)
                foldedInto.insert(target)
                folded += 1
                continue
            }
            newEvents.append(NewEvent(index: index, localID: eventIDs[index], event: event, participants: participants))
        }
        guard !newEvents.isEmpty else { return (outcome, ties) }

        // Events, in document order.
        let keys = try eventKeys(name: document.document, path: item.path, localIDs: newEvents.map(\.localID), hash: hash)
        let eventRows = newEvents.map { new in
            JSONRow(["lid": new.localID, "ekey": keys[new.localID], "kind": new.event.kind.rawValue, "name": new.event.name,
                     "dk": DateKey.make(new.event.date), "tod": new.event.timeOfDay, "place": new.event.place,
                     "form": new.event.form?.rawValue, "ord": new.index])
        }
        var storedEvents: [String: Int64] = [:]
        for row in try session.rows("""
            INSERT INTO event (documentId, localId, eventKey, kind, name, dateKey, timeOfDay, place, form)
            SELECT ?, lid, ekey, kind, name, dk, tod, place, form
            FROM jsonb_to_recordset(?::jsonb) AS r(lid text, ekey text, kind text, name text, dk integer,
                                                   tod text, place text, form text, ord integer)
            ORDER BY ord
            RETURNING id, localId
            """, [.int(documentID), .text(JSONRow.array(eventRows))]) {
            if let id = row.id(0), let local = row.text(1) { storedEvents[local] = id }
        }

        // People, in order of first appearance.
        try storePeople(newEvents.flatMap(\.participants))

        var participations: [JSONRow] = []
        var evidence: [JSONRow] = []
        var titles: [JSONRow] = []
        var spellings: [SpellingKey: (count: Int, first: Int64)] = [:]
        for new in newEvents {
            guard let eventID = storedEvents[new.localID] else { continue }
            let dateKey = DateKey.make(new.event.date)
            let titleDate = dateKey ?? publishedKey
            var peopleOfEvent: [Int64] = []
            for (position, participant) in new.participants.enumerated() {
                guard let personID = people[participant.key] else { continue }
                peopleOfEvent.append(personID)
                participations.append(JSONRow(["p": personID, "e": eventID, "pos": position,
                                               "roles": Int(participant.roles.rawValue),
                                               "titles": TitleList.join(participant.titles), "written": participant.writtenName]))
                let spelling = SpellingKey(person: personID, spelling: participant.name)
                let tally = spellings[spelling] ?? (count: 0, first: eventID)
                spellings[spelling] = (count: tally.count + 1, first: min(tally.first, eventID))
                spelled.insert(personID)
                for (ordinal, proof) in participant.evidence.enumerated() {
                    evidence.append(Self.evidenceRow(proof, person: personID, event: eventID, ordinal: ordinal))
                }
                for title in participant.titles {
                    titles.append(JSONRow(["p": personID, "e": eventID, "t": title, "d": documentID, "dk": titleDate]))
                }
            }
            for person in peopleOfEvent where !large {
                for other in peopleOfEvent where other != person {
                    ties[TiePair(person: person, other: other), default: TieDelta()].add(date: dateKey)
                }
            }
        }
        try insertParticipations(participations)
        try insertEvidence(evidence)
        try insertTitles(titles)
        try PostgresSpellings.count(session, spellings)
        if large { try session.execute(PostgresTies.addDocument, [.int(documentID)]) }
        return (outcome, ties)
    }

    /// A person and a spelling, for counting spellings.
    struct SpellingKey: Hashable {
        var person: Int64
        var spelling: String
    }

    /// Stores the people of `participants` that are new, and learns every one's ID.
    private mutating func storePeople(_ participants: [DocumentWriter.Merged]) throws {
        var keys: [String] = []
        var names: [String] = []
        var seen = Set<String>()
        for participant in participants where people[participant.key] == nil && seen.insert(participant.key).inserted {
            keys.append(participant.key)
            names.append(participant.name)
        }
        guard !keys.isEmpty else { return }
        try session.execute("""
            INSERT INTO person (personKey, name)
            SELECT key, name FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS u(key, name, ord) ORDER BY ord
            ON CONFLICT (personKey) DO NOTHING
            """, [.texts(keys), .texts(names)])
        for row in try session.rows("SELECT personKey, id FROM person WHERE personKey = ANY(?::text[])", [.texts(keys)]) {
            if let key = row.text(0), let id = row.id(1) { people[key] = id }
        }
    }

    /// The ID of the person `participant` names, stored first if new.
    mutating func person(_ participant: DocumentWriter.Merged) throws -> Int64 {
        if let id = people[participant.key] { return id }
        try storePeople([participant])
        guard let id = people[participant.key] else {
            throw DocumentProblem(description: "\(participant.name) could not be stored")
        }
        return id
    }

    private func insertParticipations(_ rows: [JSONRow]) throws {
        guard !rows.isEmpty else { return }
        try session.execute("""
            INSERT INTO participation (personId, eventId, position, roles, titles, writtenName)
            SELECT p, e, pos, roles, titles, written
            FROM jsonb_to_recordset(?::jsonb) AS r(p bigint, e bigint, pos integer, roles integer, titles text, written text)
            """, [.text(JSONRow.array(rows))])
    }

    static func evidenceRow(_ evidence: Evidence, person: Int64, event: Int64, ordinal: Int) -> JSONRow {
        JSONRow(["p": person, "e": event, "o": ordinal, "doc": evidence.document, "s": evidence.sentence,
                 "so": evidence.start, "eo": evidence.end, "ms": evidence.mentionStart, "me": evidence.mentionEnd])
    }

    func insertEvidence(_ rows: [JSONRow]) throws {
        guard !rows.isEmpty else { return }
        try session.execute("""
            INSERT INTO evidence (personId, eventId, ordinal, document, sentence, startOffset, endOffset,
                                  mentionStart, mentionEnd)
            SELECT p, e, o, doc, s, so, eo, ms, me
            FROM jsonb_to_recordset(?::jsonb) AS r(p bigint, e bigint, o integer, doc text, s text, so integer,
                                                   eo integer, ms integer, me integer)
            """, [.text(JSONRow.array(rows))])
    }

    func insertTitles(_ rows: [JSONRow]) throws {
        guard !rows.isEmpty else { return }
        try session.execute("""
            INSERT INTO personTitle (personId, eventId, title, documentId, dateKey)
            SELECT p, e, t, d, dk FROM jsonb_to_recordset(?::jsonb) AS r(p bigint, e bigint, t text, d bigint, dk integer)
            ON CONFLICT DO NOTHING
            """, [.text(JSONRow.array(rows))])
    }

    /// Free keys for events of one document: `name#e1`; else `path#e1`; else `path#e1@hash`.
    private func eventKeys(name: String, path: String, localIDs: [String], hash: String) throws -> [String: String] {
        let candidates = localIDs.map { local in
            [name + "#" + local, path + "#" + local, path + "#" + local + "@" + hash.prefix(12)]
        }
        let taken = Set(try session.rows("SELECT eventKey FROM event WHERE eventKey = ANY(?::text[])",
                                         [.texts(candidates.flatMap { $0 })]).compactMap { $0.text(0) })
        var keys: [String: String] = [:]
        for (local, options) in zip(localIDs, candidates) {
            guard let key = options.first(where: { !taken.contains($0) }) else {
                throw DocumentProblem(description: "event key \(path)#\(local) is already stored")
            }
            keys[local] = key
        }
        return keys
    }

    /// Moves the stored document `id` to `item`'s path and name, as ``DocumentWriter`` does.
    private mutating func moveDocument(_ id: Int64, to item: IngestItem) throws {
        let old = try session.row("SELECT name, contentHash FROM document WHERE id = ?", [.int(id)])
        let oldName = old?.text(0) ?? ""
        let hash = old?.text(1) ?? ""
        try session.execute("UPDATE document SET path = ?, name = ?, source = ? WHERE id = ?",
                            [.text(item.path), .text(item.document.document), SQLValue(item.document.source), .int(id)])
        let events = try session.rows("SELECT id, localId FROM event WHERE documentId = ? ORDER BY id", [.int(id)])
        try session.execute("UPDATE event SET eventKey = 'moving:' || id WHERE documentId = ?", [.int(id)])
        let locals = events.compactMap { $0.text(1) }
        let keys = try eventKeys(name: item.document.document, path: item.path, localIDs: locals, hash: hash)
        for event in events {
            guard let eventID = event.id(0), let local = event.text(1), let key = keys[local] else { continue }
            try session.execute("UPDATE event SET eventKey = ? WHERE id = ?", [.text(key), .int(eventID)])
        }
        try session.execute("""
            UPDATE evidence SET document = ? WHERE document = ? AND eventId IN (
                SELECT id FROM event WHERE documentId = ? UNION SELECT eventId FROM eventSource WHERE documentId = ?)
            """, [.text(item.document.document), .text(oldName), .int(id), .int(id)])
    }

    /// Deletes a stored document with its events, participations and evidence, recounts the ties
    /// and spellings of everyone who took part, and deletes the people left with no participation.
    mutating func deleteDocument(_ id: Int64) throws {
        let name = try session.row("SELECT name FROM document WHERE id = ?", [.int(id)])?.text(0) ?? ""
        let refolded = try unfold(document: id, named: name)
        // Events passed on to another document by unfold are no longer this document's.
        let present = try session.rows("""
            SELECT DISTINCT participation.personId FROM event JOIN participation ON participation.eventId = event.id
            WHERE event.documentId = ?
            """, [.int(id)]).compactMap { $0.id(0) }
        try session.execute("DELETE FROM document WHERE id = ?", [.int(id)])
        let affected = refolded.union(present)
        try PostgresTies.rebuild(session, people: affected)
        try session.execute("""
            DELETE FROM person WHERE id = ANY(?::bigint[])
            AND NOT EXISTS (SELECT 1 FROM participation WHERE participation.personId = person.id)
            """, [.ints(Array(affected))])
        try PostgresSpellings.recount(session, people: affected, identity: identity)
        people.removeAll()
    }

    // MARK: Reprints

    /// A stored event that an event being ingested may reprint, summarised for ``Reprints/same(_:_:)``.
    struct Candidate {
        var id: Int64
        var summary: Reprints.Summary
    }

    /// For each event of the document read from a text (index in `events`), the stored events of
    /// other documents on the same month-day and kind (or, undated, with the same name), in
    /// storage order: one statement for the whole document.
    func reprintCandidates(of events: [Event], participants: [[DocumentWriter.Merged]],
                           documentID: Int64) throws -> [Int: [Candidate]] {
        var wanted: [JSONRow] = []
        for (index, event) in events.enumerated() where participants[index].allSatisfy({ !$0.evidence.isEmpty }) {
            wanted.append(JSONRow(["ord": index, "kind": event.kind.rawValue, "name": event.name,
                                   "md": event.date.map { $0.month * 100 + $0.day }]))
        }
        guard !wanted.isEmpty else { return [:] }
        let rows = try session.rows("""
            WITH wanted AS (
                SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(ord integer, kind text, name text, md integer))
            SELECT wanted.ord, found.id, found.name, found.dateKey,
                   array_to_string(ARRAY(SELECT (SELECT personKey FROM person WHERE person.id = participation.personId)
                                         FROM participation WHERE participation.eventId = found.id), chr(31)),
                   EXISTS (SELECT 1 FROM participation WHERE participation.eventId = found.id AND NOT EXISTS (
                       SELECT 1 FROM evidence WHERE evidence.eventId = participation.eventId
                       AND evidence.personId = participation.personId))
            FROM wanted CROSS JOIN LATERAL (
                SELECT event.id, event.name, event.dateKey FROM event
                WHERE wanted.md IS NOT NULL AND event.kind = wanted.kind AND event.dateKey % 10000 = wanted.md
                  AND event.documentId <> ?
                UNION ALL
                SELECT event.id, event.name, event.dateKey FROM event
                WHERE wanted.md IS NULL AND event.dateKey IS NULL AND event.name = wanted.name AND event.kind = wanted.kind
                  AND event.documentId <> ?) AS found
            ORDER BY wanted.ord, found.id
            """, [.text(JSONRow.array(wanted)), .int(documentID), .int(documentID)])
        var candidates: [Int: [Candidate]] = [:]
        for row in rows {
            guard let index = row.int(0), let id = row.id(1) else { continue }
            let withoutEvidence = (try? row.cells[5].decode(Bool.self)) ?? false
            let summary = Reprints.Summary(kind: events[index].kind, name: row.text(2) ?? "", date: DateKey.date(row.int(3)),
                                           people: Set(TitleList.split(row.text(4) ?? "")), fromText: !withoutEvidence)
            candidates[index, default: []].append(Candidate(id: id, summary: summary))
        }
        return candidates
    }

    /// The stored event that `event` reprints, as ``DocumentWriter/reprintTarget(of:participants:documentID:)``:
    /// the first candidate the rule accepts that no event of this document was folded into yet.
    func reprintTarget(of event: Event, participants: [DocumentWriter.Merged], among candidates: [Candidate],
                       skipping foldedInto: Set<Int64>) -> Int64? {
        let summary = Reprints.Summary(kind: event.kind, name: event.name, date: event.date,
                                       people: Set(participants.map(\.key)),
                                       fromText: participants.allSatisfy { !$0.evidence.isEmpty })
        guard summary.fromText else { return nil }
        return candidates.first { !foldedInto.contains($0.id) && Reprints.same(summary, $0.summary) }?.id
    }

    /// Folds `participants` of a reprinted event into the stored event `eventID`, as ``DocumentWriter`` does.
    mutating func fold(_ participants: [DocumentWriter.Merged], into eventID: Int64, documentID: Int64, titleDate: Int?,
                       ties: inout [TiePair: TieDelta]) throws {
        try session.execute("INSERT INTO eventSource (eventId, documentId) VALUES (?, ?)", [.int(eventID), .int(documentID)])
        let dateKey = try session.row("SELECT dateKey FROM event WHERE id = ?", [.int(eventID)])?.int(0)
        let stored = try session.rows("""
            SELECT personId, position, roles, titles FROM participation WHERE eventId = ? ORDER BY position
            """, [.int(eventID)])
        var present = stored.compactMap { $0.id(0) }
        var position = (stored.compactMap { $0.int(1) }.max() ?? -1) + 1
        var spellings: [SpellingKey: (count: Int, first: Int64)] = [:]
        for participant in participants {
            let personID = try person(participant)
            if let kept = stored.first(where: { $0.id(0) == personID }) {
                var titles = TitleList.split(kept.text(3) ?? "")
                for title in participant.titles where !titles.contains(title) { titles.append(title) }
                try session.execute("""
                    UPDATE participation SET roles = roles | ?, titles = ? WHERE personId = ? AND eventId = ?
                    """, [.int(Int64(participant.roles.rawValue)), .text(TitleList.join(titles)), .int(personID), .int(eventID)])
                let evidence = try session.rows("""
                    SELECT ordinal, document, startOffset FROM evidence WHERE personId = ? AND eventId = ?
                    """, [.int(personID), .int(eventID)])
                var ordinal = (evidence.compactMap { $0.int(0) }.max() ?? -1) + 1
                var rows: [JSONRow] = []
                for proof in participant.evidence
                where !evidence.contains(where: { $0.text(1) == proof.document && $0.int(2) == proof.start }) {
                    rows.append(Self.evidenceRow(proof, person: personID, event: eventID, ordinal: ordinal))
                    ordinal += 1
                }
                try insertEvidence(rows)
            } else if !present.contains(personID) {
                try session.execute("""
                    INSERT INTO participation (personId, eventId, position, roles, titles, writtenName)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, [.int(personID), .int(eventID), .int(Int64(position)), .int(Int64(participant.roles.rawValue)),
                          .text(TitleList.join(participant.titles)), .text(participant.writtenName)])
                position += 1
                try insertEvidence(participant.evidence.enumerated().map {
                    Self.evidenceRow($0.element, person: personID, event: eventID, ordinal: $0.offset)
                })
                let key = SpellingKey(person: personID, spelling: participant.name)
                let tally = spellings[key] ?? (count: 0, first: eventID)
                spellings[key] = (count: tally.count + 1, first: min(tally.first, eventID))
                spelled.insert(personID)
                for other in present {
                    ties[TiePair(person: personID, other: other), default: TieDelta()].add(date: dateKey)
                    ties[TiePair(person: other, other: personID), default: TieDelta()].add(date: dateKey)
                }
                present.append(personID)
            }
            try insertTitles(participant.titles.map {
                JSONRow(["p": personID, "e": eventID, "t": $0, "d": documentID, "dk": titleDate])
            })
        }
        try PostgresSpellings.count(session, spellings)
    }

    /// Before document `id` is deleted: its share of folded events goes, the events themselves
    /// stay with their other documents. Returns the people whose ties must be counted again.
    func unfold(document id: Int64, named name: String) throws -> Set<Int64> {
        var people = Set<Int64>()
        let owned = try session.rows("""
            SELECT DISTINCT event.id FROM event JOIN eventSource ON eventSource.eventId = event.id WHERE event.documentId = ?
            """, [.int(id)]).compactMap { $0.id(0) }
        for event in owned {
            guard let next = try session.row("SELECT min(documentId) FROM eventSource WHERE eventId = ?",
                                             [.int(event)])?.id(0) else { continue }
            try session.execute("UPDATE event SET documentId = ? WHERE id = ?", [.int(next), .int(event)])
            try session.execute("DELETE FROM eventSource WHERE eventId = ? AND documentId = ?", [.int(event), .int(next)])
        }
        let foldedInto = try session.rows("SELECT eventId FROM eventSource WHERE documentId = ?", [.int(id)])
            .compactMap { $0.id(0) }
        for event in owned + foldedInto {
            people.formUnion(try session.rows("SELECT personId FROM participation WHERE eventId = ?", [.int(event)])
                .compactMap { $0.id(0) })
            try session.execute("DELETE FROM evidence WHERE eventId = ? AND document = ?", [.int(event), .text(name)])
            try session.execute("""
                DELETE FROM participation WHERE eventId = ?
                AND NOT EXISTS (SELECT 1 FROM evidence WHERE evidence.eventId = participation.eventId
                                AND evidence.personId = participation.personId)
                """, [.int(event)])
            try session.execute("DELETE FROM personTitle WHERE eventId = ? AND documentId = ?", [.int(event), .int(id)])
        }
        return people
    }
}

/// One row for `jsonb_to_recordset`: keys are the record's column names; nil values are left out (NULL).
struct JSONRow {
    var fields: [String: Any]

    init(_ fields: [String: Any?]) {
        self.fields = fields.compactMapValues { $0 }
    }

    /// The rows as one JSON array.
    static func array(_ rows: [JSONRow]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: rows.map(\.fields))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The `tie` table's SQL in PostgreSQL's dialect (see ``Ties``).
enum PostgresTies {
    /// Adds the shared events of document `?` to the ties, in one statement.
    static let addDocument = """
        INSERT INTO tie (personId, otherId, count, firstDate, lastDate)
        SELECT mine.personId, other.personId, COUNT(*), MIN(event.dateKey), MAX(event.dateKey)
        FROM event
        JOIN participation AS mine ON mine.eventId = event.id
        JOIN participation AS other ON other.eventId = event.id AND other.personId <> mine.personId
        WHERE event.documentId = ?
        GROUP BY mine.personId, other.personId
        ORDER BY mine.personId, other.personId
        ON CONFLICT (personId, otherId) DO UPDATE SET
            count = tie.count + excluded.count,
            firstDate = LEAST(tie.firstDate, excluded.firstDate),
            lastDate = GREATEST(tie.lastDate, excluded.lastDate)
        """

    /// Recomputes every tie of `people`, in both directions.
    static func rebuild(_ session: PostgresSession, people: Set<Int64>) throws {
        guard !people.isEmpty else { return }
        let list = SQLValue.ints(people.sorted())
        try session.execute("DELETE FROM tie WHERE personId = ANY(?::bigint[]) OR otherId = ANY(?::bigint[])", [list, list])
        let shared = """
            FROM participation AS mine
            JOIN participation AS other ON other.eventId = mine.eventId AND other.personId <> mine.personId
            JOIN event ON event.id = mine.eventId
            WHERE mine.personId = ANY(?::bigint[])
            """
        try session.execute("""
            INSERT INTO tie (personId, otherId, count, firstDate, lastDate)
            SELECT mine.personId, other.personId, COUNT(*), MIN(event.dateKey), MAX(event.dateKey) \(shared)
            GROUP BY mine.personId, other.personId
            """, [list])
        try session.execute("""
            INSERT INTO tie (personId, otherId, count, firstDate, lastDate)
            SELECT other.personId, mine.personId, COUNT(*), MIN(event.dateKey), MAX(event.dateKey) \(shared)
            AND NOT other.personId = ANY(?::bigint[])
            GROUP BY other.personId, mine.personId
            """, [list, list])
    }
}

/// The `personSpelling` table's SQL in PostgreSQL's dialect (see ``Spellings``).
enum PostgresSpellings {
    /// Adds counted spellings: `count` participations of the person written so, the first at event `first`.
    static func count(_ session: PostgresSession,
                      _ spellings: [PostgresDocumentWriter.SpellingKey: (count: Int, first: Int64)]) throws {
        guard !spellings.isEmpty else { return }
        let rows = spellings.sorted { ($0.key.person, $0.key.spelling) < ($1.key.person, $1.key.spelling) }.map {
            JSONRow(["p": $0.key.person, "s": $0.key.spelling, "c": $0.value.count, "f": $0.value.first])
        }
        try session.execute("""
            INSERT INTO personSpelling (personId, spelling, count, firstEventId)
            SELECT p, s, c, f FROM jsonb_to_recordset(?::jsonb) AS r(p bigint, s text, c integer, f bigint)
            ON CONFLICT (personId, spelling) DO UPDATE SET
                count = personSpelling.count + excluded.count,
                firstEventId = LEAST(personSpelling.firstEventId, excluded.firstEventId)
            """, [.text(JSONRow.array(rows))])
    }

    /// Counts the spellings of `people` again from their participations, through `identity`'s aliases.
    static func recount(_ session: PostgresSession, people: Set<Int64>, identity: PersonIdentity) throws {
        guard !people.isEmpty else { return }
        let list = SQLValue.ints(people.sorted())
        try session.execute("DELETE FROM personSpelling WHERE personId = ANY(?::bigint[])", [list])
        var tally: [PostgresDocumentWriter.SpellingKey: (count: Int, first: Int64)] = [:]
        for row in try session.rows("""
            SELECT personId, writtenName, COUNT(*), MIN(eventId) FROM participation
            WHERE personId = ANY(?::bigint[]) GROUP BY personId, writtenName
            """, [list]) {
            guard let person = row.id(0), let written = row.text(1), let count = row.int(2), let first = row.id(3) else {
                continue
            }
            let key = PostgresDocumentWriter.SpellingKey(person: person,
                                                         spelling: (try? identity.canonicalName(written)) ?? written)
            let entry = tally[key] ?? (count: 0, first: Int64.max)
            tally[key] = (count: entry.count + count, first: min(entry.first, first))
        }
        try count(session, tally)
        try refreshNames(session, people: people)
    }

    /// Sets the shown name of `people` to their most used spelling.
    static func refreshNames(_ session: PostgresSession, people: Set<Int64>) throws {
        guard !people.isEmpty else { return }
        try session.execute("""
            UPDATE person SET name = coalesce((
                SELECT spelling FROM personSpelling WHERE personId = person.id
                ORDER BY count DESC, firstEventId LIMIT 1), name)
            WHERE id = ANY(?::bigint[])
            """, [.ints(people.sorted())])
    }
}
