import Foundation
import GRDB
import MeetGraph

/// One document to ingest: what was extracted from a file, the file's content hash and its path.
public struct IngestItem: Sendable, Hashable {
    /// What the extractor read from the file.
    public var document: Document
    /// The identity of the file's content, e.g. ``ContentHash/sha256(of:)-(Bytes)`` of its bytes.
    public var contentHash: String
    /// Where the file was read from; a new content hash at a known path replaces the old version.
    public var path: String

    /// An item for `document`, read from `path` whose bytes hash to `contentHash`.
    public init(document: Document, contentHash: String, path: String) {
        self.document = document
        self.contentHash = contentHash
        self.path = path
    }
}

/// What an ingest did with each document, by path.
public struct IngestSummary: Sendable, Hashable {
    /// A document that could not be stored, and why.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        /// The document's path.
        public var path: String
        /// What was wrong, in words a user can act on.
        public var reason: String
        /// `path: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    /// Documents stored for the first time.
    public var added: [String] = []
    /// Documents stored at this path with this content: nothing changed.
    public var unchanged: [String] = []
    /// Documents whose path was stored with other content: the old version was replaced.
    public var replaced: [String] = []
    /// Documents whose content was stored under another path that no longer holds it (a file
    /// renamed, moved, or given another file's content): the stored document now names this path.
    public var moved: [String] = []
    /// Documents left out; the rest of the ingest went on.
    public var failed: [Failure] = []
    /// Events found already stored from another document (reprints) and folded into it.
    public var foldedEvents = 0
    /// Stored corrections, applied again after the ingest.
    public var corrections = 0
    /// Stored corrections that name a person or event the store does not hold now, `file:line: why`.
    public var waitingCorrections: [String] = []

    /// An empty summary.
    public init() {}

    /// Whether the store changed.
    public var changedAnything: Bool { !added.isEmpty || !replaced.isEmpty || !moved.isEmpty }

    /// Adds `other`'s lists to these.
    public mutating func append(_ other: IngestSummary) {
        added += other.added
        unchanged += other.unchanged
        replaced += other.replaced
        moved += other.moved
        failed += other.failed
        foldedEvents += other.foldedEvents
        // Every batch applies all corrections: the last batch says where they stand.
        corrections = other.corrections
        waitingCorrections = other.waitingCorrections
    }
}

/// A problem with one document's content that keeps it out of the store.
struct DocumentProblem: Error, CustomStringConvertible {
    var description: String
}

extension MeetGraphStore {
    /// Stores `items`: a document is its path and its content.
    ///
    /// - The same path with the same content hash: unchanged.
    /// - A known path with new content: the old version is deleted (events, participations, evidence,
    ///   ties) and the new one stored (`replaced`).
    /// - Content stored under another path: that document moves to this path, its evidence
    ///   renamed (`moved`), so that evidence always names a file that holds it. Give each content
    ///   once per ingest (the CLI skips later copies of a text within one run), or it moves back
    ///   and forth between its copies.
    ///
    /// Each batch of `batchSize` documents is one transaction, and each document inside it a
    /// savepoint: a document that fails is rolled back alone and listed in ``IngestSummary/failed``;
    /// a process killed mid-batch leaves the batches committed before it, and running the same
    /// ingest again adds the rest without duplicates (content hashes are checked in the transaction).
    /// - Throws: ``StoreError/diskFull(file:)``, ``StoreError/readOnly(file:)`` and other errors
    ///   of the file itself, after rolling back the current batch.
    public func ingest(_ items: [IngestItem], batchSize: Int = 64) throws -> IngestSummary {
        var summary = IngestSummary()
        var start = items.startIndex
        let size = max(1, batchSize)
        while start < items.endIndex {
            let end = min(start + size, items.endIndex)
            let batch = items[start..<end]
            summary.append(try write { db in try ingestBatch(batch, db) })
            start = end
        }
        return summary
    }

    /// Stores `documents`, each with its content hash and path; see ``ingest(_:batchSize:)-(_,_)``.
    public func ingest(_ documents: [(Document, contentHash: String, path: String)],
                       batchSize: Int = 64) throws -> IngestSummary {
        try ingest(documents.map { IngestItem(document: $0.0, contentHash: $0.contentHash, path: $0.path) },
                   batchSize: batchSize)
    }

    /// Stores a table of who attended what (one row per person and event), read from `source`,
    /// as one document: importing the same rows again changes nothing, changed rows from the
    /// same source replace the earlier import.
    public func importAttendance(rows: [AttendanceRow], source: String) throws -> IngestSummary {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        let document = AttendanceRow.document(from: rows, named: name, source: source)
        return try ingest([IngestItem(document: document, contentHash: AttendanceRow.contentHash(of: rows), path: source)])
    }

    /// Deletes the text documents whose paths are not in `paths` (files gone from the folder),
    /// with their events, participations, evidence and ties; imported tables are kept.
    /// - Returns: the paths deleted, sorted.
    public func prune(keeping paths: Set<String>) throws -> [String] {
        try write { db in
            // Imported tables are the documents with participations but no evidence.
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, path FROM document
                WHERE EXISTS (SELECT 1 FROM event JOIN evidence ON evidence.eventId = event.id WHERE event.documentId = document.id)
                   OR NOT EXISTS (SELECT 1 FROM event JOIN participation ON participation.eventId = event.id
                                  WHERE event.documentId = document.id)
                ORDER BY path
                """)
            var writer = DocumentWriter(db: db, identity: try identity(db), nameKey: nameKey, interruption: nil)
            var deleted: [String] = []
            for row in rows where !paths.contains(row["path"]) {
                try writer.deleteDocument(row["id"])
                deleted.append(row["path"])
            }
            _ = try applyCorrections(db)
            return deleted
        }
    }

    private func ingestBatch(_ batch: ArraySlice<IngestItem>, _ db: Database) throws -> IngestSummary {
        var summary = IngestSummary()
        var writer = DocumentWriter(db: db, identity: try identity(db), nameKey: nameKey, interruption: interruption)
        for item in batch {
            do {
                // Replacing a document takes its events out of the ties: they must be up to date first.
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE path = ?", arguments: [item.path]) == true {
                    try writer.flushTies()
                }
                var outcome = DocumentWriter.Outcome.unchanged
                var ties: [TiePair: TieDelta] = [:]
                try db.inSavepoint {
                    (outcome, ties) = try writer.write(item)
                    return .commit
                }
                summary.foldedEvents += writer.takeFoldedCount()
                writer.addTies(ties)
                switch outcome {
                case .added: summary.added.append(item.path)
                case .replaced: summary.replaced.append(item.path)
                case .moved: summary.moved.append(item.path)
                case .unchanged: summary.unchanged.append(item.path)
                }
            } catch {
                if StoreError.isFatal(error) { throw error }
                writer.forgetPeople()  // people inserted by the rolled-back savepoint are gone
                _ = writer.takeFoldedCount()
                let reason = (error as? DatabaseError)?.message ?? String(describing: error)
                summary.failed.append(IngestSummary.Failure(path: item.path, reason: reason))
            }
        }
        try writer.flushTies()
        try separateNamesakes(db, baseKeys: writer.placedKeys)
        // Re-extraction never undoes a human decision: the corrections apply again, in this transaction.
        let corrections = try applyCorrections(db)
        summary.corrections = corrections.stored
        summary.waitingCorrections = corrections.waiting
        return summary
    }
}

/// An ordered pair of stored people.
struct TiePair: Hashable {
    var person: Int64
    var other: Int64
}

/// Shared events to add to a tie: how many, and the earliest and latest date among them.
struct TieDelta {
    var count = 0
    var first: Int?
    var last: Int?

    mutating func add(date: Int?) {
        count += 1
        guard let date else { return }
        first = Swift.min(first ?? date, date)
        last = Swift.max(last ?? date, date)
    }

    mutating func add(_ other: TieDelta) {
        count += other.count
        if let date = other.first { first = Swift.min(first ?? date, date) }
        if let date = other.last { last = Swift.max(last ?? date, date) }
    }
}

/// Writes one document's rows inside the current transaction.
struct DocumentWriter {
    enum Outcome { case added, replaced, moved, unchanged }

    let db: Database
    let identity: Identity
    let nameKey: @Sendable (String) -> String
    let interruption: (@Sendable (String, Int) throws -> Void)?
    /// Person IDs by key, for people already looked up in this batch.
    private var people: [String: Int64] = [:]
    /// Shared events of the batch's committed documents, not yet in the `tie` table: people who
    /// meet often are written once per batch instead of once per event.
    private var pendingTies: [TiePair: TieDelta] = [:]
    /// People whose spelling counts changed since their shown names were last chosen.
    private var spelled = Set<Int64>()
    /// Events of the current document folded into stored ones.
    private var folded = 0
    /// Keys of the people whose participations in this batch name a place (issue 14, namesakes).
    var placedKeys = Set<String>()

    init(db: Database, identity: Identity, nameKey: @escaping @Sendable (String) -> String,
         interruption: (@Sendable (String, Int) throws -> Void)?) {
        self.db = db
        self.identity = identity
        self.nameKey = nameKey
        self.interruption = interruption
    }

    mutating func forgetPeople() { people.removeAll() }

    mutating func notePersonSpelled(_ person: Int64) { spelled.insert(person) }

    /// How many events were folded since the last call.
    mutating func takeFoldedCount() -> Int {
        defer { folded = 0 }
        return folded
    }

    mutating func addTies(_ ties: [TiePair: TieDelta]) {
        for (pair, delta) in ties { pendingTies[pair, default: TieDelta()].add(delta) }
    }

    /// Writes the pending shared events into the `tie` table.
    mutating func flushTies() throws {
        let statement = try db.cachedStatement(sql: Ties.addEvents)
        for (pair, delta) in pendingTies {
            try statement.execute(arguments: [pair.person, pair.other, delta.count, delta.first, delta.last])
        }
        pendingTies.removeAll()
        try Spellings.refreshNames(db, people: spelled)
        spelled.removeAll()
    }

    /// A participant after merging the spellings of one person within an event.
    struct Merged {
        var key: String
        var name: String
        var writtenName: String
        var roles: Roles
        var titles: [String]
        var evidence: [Evidence]
    }

    /// Writes `item` and returns what happened with the shared events it adds to ties.
    mutating func write(_ item: IngestItem) throws -> (Outcome, [TiePair: TieDelta]) {
        let hash = item.contentHash.trimmingCharacters(in: .whitespaces)
        guard !hash.isEmpty else { throw DocumentProblem(description: "no content hash given") }
        let stored = try Row.fetchOne(db, sql: "SELECT id, contentHash FROM document WHERE path = ?", arguments: [item.path])
        if let stored, stored["contentHash"] as String == hash { return (.unchanged, [:]) }
        let document = item.document
        var ties: [TiePair: TieDelta] = [:]
        let eventIDs = try Self.localIDs(of: document)
        var outcome = Outcome.added
        if let stored {
            try deleteDocument(stored["id"])
            outcome = .replaced
        }
        if let elsewhere = try Int64.fetchOne(db, sql: "SELECT id FROM document WHERE contentHash = ?", arguments: [hash]) {
            try moveDocument(elsewhere, to: item)
            return (outcome == .replaced ? .replaced : .moved, [:])
        }
        var record = DocumentRecord(id: nil, contentHash: hash, path: item.path, name: document.document,
                                    source: document.source, published: document.published?.description,
                                    script: document.script.rawValue)
        try record.insert(db)
        let documentID = record.id!
        let publishedKey = DateKey.make(document.published)
        // A large document (an imported table) adds its ties in one SQL statement at the end
        // instead of through a dictionary of every pair, which would take gigabytes.
        let large = document.events.reduce(0) { $0 + $1.participants.count } >= Ties.largeDocument
        let insertEvent = try db.cachedStatement(sql: """
            INSERT INTO event (documentId, localId, eventKey, kind, name, dateKey, timeOfDay, place, form)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertParticipation = try db.cachedStatement(sql: """
            INSERT INTO participation (personId, eventId, position, roles, titles, writtenName)
            VALUES (?, ?, ?, ?, ?, ?)
            """)

        for (index, event) in document.events.enumerated() {
            let participants = try merge(event.participants, in: event)
            notePlaces(of: participants, in: event)
            if let target = try reprintTarget(of: event, participants: participants, documentID: documentID,
                                                 published: document.published) {
                try fold(participants, into: target, documentID: documentID,
                         titleDate: DateKey.make(event.date) ?? publishedKey, ties: &ties)
                folded += 1
                try interruption?(item.path, index)
                continue
            }
            let localID = eventIDs[index]
            let key = try eventKey(name: document.document, path: item.path, localID: localID, hash: hash)
            let eventRecord = EventRecord(
                id: nil, documentId: documentID, localId: localID, eventKey: key, kind: event.kind.rawValue,
                name: event.name, dateKey: DateKey.make(event.date), timeOfDay: event.timeOfDay,
                place: event.place, form: event.form?.rawValue)
            // A prepared statement rather than the record's generic insert: a table has many events.
            try insertEvent.execute(arguments: [
                documentID, localID, key, eventRecord.kind, eventRecord.name, eventRecord.dateKey,
                eventRecord.timeOfDay, eventRecord.place, eventRecord.form,
            ])
            let eventID = db.lastInsertedRowID
            let titleDate = eventRecord.dateKey ?? publishedKey

            var peopleOfEvent: [Int64] = []
            for (position, participant) in participants.enumerated() {
                let personID = try person(participant)
                peopleOfEvent.append(personID)
                try insertParticipation.execute(arguments: [personID, eventID, position, Int(participant.roles.rawValue),
                                                            TitleList.join(participant.titles), participant.writtenName])
                try Spellings.count(db, person: personID, spelling: participant.name, event: eventID)
                spelled.insert(personID)
                for (ordinal, evidence) in participant.evidence.enumerated() {
                    try db.cachedStatement(sql: """
                        INSERT INTO evidence (personId, eventId, ordinal, document, sentence, startOffset, endOffset,
                                              mentionStart, mentionEnd)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [personID, eventID, ordinal, evidence.document, evidence.sentence,
                                                 evidence.start, evidence.end, evidence.mentionStart, evidence.mentionEnd])
                }
                for title in participant.titles {
                    try db.cachedStatement(sql: """
                        INSERT OR IGNORE INTO personTitle (personId, eventId, title, documentId, dateKey)
                        VALUES (?, ?, ?, ?, ?)
                        """).execute(arguments: [personID, eventID, title, documentID, titleDate])
                }
            }
            for person in peopleOfEvent where !large {
                for other in peopleOfEvent where other != person {
                    ties[TiePair(person: person, other: other), default: TieDelta()].add(date: eventRecord.dateKey)
                }
            }
            try interruption?(item.path, index)
        }
        if large { try db.execute(sql: Ties.addDocument, arguments: [documentID]) }
        return (outcome, ties)
    }

    /// Each event's id within the document, `e1`, `e2`… where the extractor left it empty.
    static func localIDs(of document: Document) throws -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for (index, event) in document.events.enumerated() {
            let id = event.id.isEmpty ? "e\(index + 1)" : event.id
            guard seen.insert(id).inserted else {
                throw DocumentProblem(description: "event id \(id) appears twice; give each event of a document its own id")
            }
            result.append(id)
        }
        return result
    }

    private func eventKeyIsTaken(_ key: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM event WHERE eventKey = ?"), arguments: [key]) == true
    }

    /// A free key for an event: `name#e1`; else (a namesake file stored from another folder)
    /// `path#e1`; else `path#e1@hash`, the content hash's first 12 digits.
    private func eventKey(name: String, path: String, localID: String, hash: String) throws -> String {
        for key in [name + "#" + localID, path + "#" + localID, path + "#" + localID + "@" + hash.prefix(12)]
        where try !eventKeyIsTaken(key) {
            return key
        }
        throw DocumentProblem(description: "event key \(path)#\(localID) is already stored")
    }

    /// Moves the stored document `id` to `item`'s path and name: its events get keys of the new
    /// name and its evidence names the new file. Nothing else changes (the content is the same).
    private mutating func moveDocument(_ id: Int64, to item: IngestItem) throws {
        let oldName = try String.fetchOne(db, sql: "SELECT name FROM document WHERE id = ?", arguments: [id])
        try db.execute(sql: "UPDATE document SET path = ?, name = ?, source = ? WHERE id = ?",
                       arguments: [item.path, item.document.document, item.document.source, id])
        let hash = try String.fetchOne(db, sql: "SELECT contentHash FROM document WHERE id = ?", arguments: [id]) ?? ""
        let events = try Row.fetchAll(db, sql: "SELECT id, localId FROM event WHERE documentId = ? ORDER BY id", arguments: [id])
        // Free the old keys first (a key always holds a #), so that the new ones can take any of them.
        try db.execute(sql: "UPDATE event SET eventKey = 'moving:' || id WHERE documentId = ?", arguments: [id])
        for event in events {
            let key = try eventKey(name: item.document.document, path: item.path, localID: event["localId"], hash: hash)
            try db.execute(sql: "UPDATE event SET eventKey = ? WHERE id = ?", arguments: [key, event["id"] as Int64])
        }
        try db.execute(sql: """
            UPDATE evidence SET document = ?1 WHERE document = ?3 AND eventId IN (
                SELECT id FROM event WHERE documentId = ?2 UNION SELECT eventId FROM eventSource WHERE documentId = ?2)
            """, arguments: [item.document.document, id, oldName])
    }

    /// Participants of `event` with spellings of one person merged: roles joined, titles and evidence appended.
    func merge(_ participants: [Participant], in event: Event) throws -> [Merged] {
        try Self.merge(participants, in: event, identity: identity, nameKey: nameKey)
    }

    /// ``merge(_:in:)`` under `identity` and `nameKey` (the PostgreSQL store's writer uses it too).
    static func merge(_ participants: [Participant], in event: Event, identity: Identity,
                      nameKey: (String) -> String) throws -> [Merged] {
        var merged: [Merged] = []
        var indexByKey: [String: Int] = [:]
        for participant in participants {
            let written = Self.trimmed(participant.name)
            guard !written.isEmpty else {
                throw DocumentProblem(description: "event \(event.id) has a participant without a name")
            }
            let canonical = try identity.storeCanonicalName(written)
            let key = nameKey(canonical)
            if let index = indexByKey[key] {
                merged[index].roles.formUnion(participant.roles)
                for title in participant.titles where !merged[index].titles.contains(title) {
                    merged[index].titles.append(title)
                }
                for evidence in participant.evidence where !merged[index].evidence.contains(evidence) {
                    merged[index].evidence.append(evidence)
                }
            } else {
                indexByKey[key] = merged.count
                merged.append(Merged(key: key, name: canonical, writtenName: written, roles: participant.roles,
                                     titles: participant.titles, evidence: participant.evidence))
            }
        }
        return merged
    }

    /// `name` without spaces or line breaks at either end; the name itself when it has none,
    /// which is nearly always, without Foundation's bridging.
    private static func trimmed(_ name: String) -> String {
        let space = CharacterSet.whitespacesAndNewlines
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
              !space.contains(first), !space.contains(last) else {
            return name.trimmingCharacters(in: space)
        }
        return name
    }

    /// The ID of the person with `participant.key`, stored first if new.
    mutating func person(_ participant: Merged) throws -> Int64 {
        if let id = people[participant.key] { return id }
        let found = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM person WHERE personKey = ?"),
                                       arguments: [participant.key])
        let id: Int64
        if let found {
            id = found
        } else {
            var record = PersonRecord(id: nil, personKey: participant.key, name: participant.name)
            try record.insert(db)
            id = record.id!
        }
        people[participant.key] = id
        return id
    }

    /// Deletes a stored document with its events, participations and evidence, takes its events
    /// out of the ties, and deletes the people left with no participation.
    mutating func deleteDocument(_ id: Int64) throws {
        let name = try String.fetchOne(db, sql: "SELECT name FROM document WHERE id = ?", arguments: [id]) ?? ""
        let (keptEvents, refolded) = try unfold(document: id, named: name)
        var peopleByEvent: [Int64: (date: Int?, people: [Int64])] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT event.id, event.dateKey, participation.personId
            FROM event JOIN participation ON participation.eventId = event.id
            WHERE event.documentId = ?
            """, arguments: [id]) {
            guard !keptEvents.contains(row[0]) else { continue }
            peopleByEvent[row[0], default: (date: row[1], people: [])].people.append(row[2])
        }
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])

        var recompute = Set<[Int64]>()
        for (date, people) in peopleByEvent.values {
            for person in people {
                for other in people where other != person {
                    guard let tie = try Row.fetchOne(db, sql: """
                        SELECT count, firstDate, lastDate FROM tie WHERE personId = ? AND otherId = ?
                        """, arguments: [person, other]) else { continue }
                    if (tie[0] as Int) <= 1 {
                        try db.execute(sql: "DELETE FROM tie WHERE personId = ? AND otherId = ?", arguments: [person, other])
                        continue
                    }
                    try db.execute(sql: "UPDATE tie SET count = count - 1 WHERE personId = ? AND otherId = ?",
                                   arguments: [person, other])
                    // The first or last shared date may have gone with this event: count again.
                    if let date, date == tie[1] || date == tie[2] { recompute.insert([person, other]) }
                }
            }
        }
        for pair in recompute { try Ties.recompute(db, person: pair[0], other: pair[1]) }

        try Ties.rebuild(db, people: refolded)
        let affected = Set(peopleByEvent.values.flatMap(\.people)).union(refolded)
        for person in affected {
            try db.execute(sql: """
                DELETE FROM person WHERE id = ? AND NOT EXISTS (SELECT 1 FROM participation WHERE personId = ?)
                """, arguments: [person, person])
        }
        try Spellings.recount(db, people: affected, identity: identity)
        people.removeAll()
    }
}

extension AttendanceRow {
    /// The rows as one document named `name`: one event per distinct (event, date, kind), in order
    /// of first appearance (ids `e1`, `e2`…), its people in order of first appearance.
    ///
    /// `AttendanceGraph(documents: [document])` is the graph the store builds from an import of the rows.
    public static func document(from rows: [AttendanceRow], named name: String, source: String? = nil) -> Document {
        struct EventIdentity: Hashable {
            var name: String
            var date: EventDate?
            var kind: EventKind
        }
        var events: [Event] = []
        var eventIndex: [EventIdentity: Int] = [:]
        var participantIndex: [[String: Int]] = []
        for row in rows {
            let identity = EventIdentity(name: row.event, date: row.date, kind: row.kind)
            let index: Int
            if let existing = eventIndex[identity] {
                index = existing
            } else {
                index = events.count
                eventIndex[identity] = index
                events.append(Event(id: "e\(index + 1)", kind: row.kind, name: row.event, date: row.date))
                participantIndex.append([:])
            }
            let roles = row.roles.isEmpty ? .attendee : row.roles
            if let existing = participantIndex[index][row.person] {
                events[index].participants[existing].roles.formUnion(roles)
                for title in row.titles where !events[index].participants[existing].titles.contains(title) {
                    events[index].participants[existing].titles.append(title)
                }
            } else {
                participantIndex[index][row.person] = events[index].participants.count
                events[index].participants.append(Participant(name: row.person, roles: roles, titles: row.titles))
            }
        }
        return Document(document: name, source: source, events: events)
    }

    /// SHA-256 of the rows written one per line: the content hash of an import.
    /// A row's ``AttendanceRow/line`` is not part of it.
    public static func contentHash(of rows: [AttendanceRow]) -> String {
        var text = ""
        for row in rows {
            let fields = [row.person, row.event, row.roles.description, row.date?.description ?? "",
                          row.kind.rawValue, TitleList.join(row.titles)]
            text += fields.joined(separator: "\t") + "\n"
        }
        return ContentHash.sha256(of: text)
    }
}
