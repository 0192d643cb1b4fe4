import Foundation
import GRDB
import MeetGraph

/// A MeetGraph database: one SQLite file holding documents, events, people, participations with
/// their evidence, titles over time, aliases, and the co-attendance ties who-met reads.
///
/// The file is opened in WAL mode through a `DatabasePool`, so queries keep working, from this
/// process or another, while an ingest writes (a second writer waits up to 30 s for the first).
///
/// Crash safety: every write is one SQLite transaction (an ingest batch, an alias change), and
/// everything derived (ties, titles over time, orphan people) is written in the same transaction
/// as what it derives from. A process killed at any point (SIGKILL included) leaves the last
/// committed batch; SQLite rolls the unfinished one back from the WAL when the file is next
/// opened. Because a document's content hash is checked inside the transaction that stores it,
/// running the same ingest again skips what was committed and adds the rest, without duplicates.
/// A CLI test can check this for real: start `meetgraph ingest` on many files with a small batch,
/// `kill -9` it after its first commits, run the same command again, and compare ``counts()``
/// and ``loadGraph(filter:)`` with a clean run's.
public final class MeetGraphStore: Sendable {
    /// The default file name, `meetgraph.sqlite`.
    public static let defaultFileName = "meetgraph.sqlite"

    /// The database file.
    public let path: String
    /// Whether the store was opened read-only.
    public let isReadOnly: Bool
    /// A `DatabasePool` (WAL); a `DatabaseQueue` on an immutable file when the store is read-only in
    /// a folder where SQLite cannot make the WAL's shared-memory file.
    let pool: any DatabaseWriter
    let nameKey: @Sendable (String) -> String
    let interruption: (@Sendable (_ path: String, _ eventIndex: Int) throws -> Void)?

    /// Opens the MeetGraph database at `path`, creating it (and its schema) when the file is absent or empty.
    ///
    /// - Parameters:
    ///   - readOnly: open without writing anything; the file must exist.
    ///   - nameKey: maps a name to the key that identifies a person, applied after aliases. Pass a
    ///     traditional-to-simplified converter so that 張三 and 张三 are one person. Pass the same
    ///     converter every time the file is opened (or call ``reconcilePeople()`` after changing it).
    /// - Throws: ``StoreError`` naming the file: not SQLite, another program's database, newer
    ///   schema, read-only, cannot open.
    public convenience init(path: String, readOnly: Bool = false,
                            nameKey: @escaping @Sendable (String) -> String = { $0 }) throws {
        try self.init(path: path, readOnly: readOnly, nameKey: nameKey, interruption: nil)
    }

    /// Opens the store; `interruption` is called after each event an ingest writes (tests use it to
    /// interrupt an ingest half-way through a document).
    init(path: String, readOnly: Bool, nameKey: @escaping @Sendable (String) -> String,
         interruption: (@Sendable (_ path: String, _ eventIndex: Int) throws -> Void)?) throws {
        self.path = path
        self.isReadOnly = readOnly
        self.nameKey = nameKey
        self.interruption = interruption
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && readOnly { throw StoreError.notFound(file: path) }
        if exists { try Self.checkExistingFile(at: path) }

        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(30)
        configuration.label = "MeetGraphStore"
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync: a commit is atomic and survives a killed process; only a power
            // loss may drop the last commits, never leave a half-written one.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            // Page caches big enough for the participation indices of a million attendances: ingest
            // inserts in person order, so a small cache rereads pages for every row (measured: 6k rows/s
            // with SQLite's default 2 MB, see StoreBenchmark). Readers (read-only connections) get less.
            let kibibytes = db.configuration.readonly ? 32 * 1024 : 128 * 1024
            try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        var opened: (any DatabaseWriter)?
        do {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                opened = pool
                _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            } catch let error as DatabaseError where readOnly && Self.isReadOnlyFolderError(error) {
                try? opened?.close()
                // A WAL database in a folder we cannot write (an archive on a read-only mount):
                // SQLite cannot make the -shm file, so read the file as immutable, without locks.
                opened = try Self.immutableQueue(path: path, configuration: configuration)
            }
            let pool = opened!
            let migrator = Schema.migrator
            let complete = try pool.read { db in try migrator.hasCompletedMigrations(db) }
            if !complete {
                if readOnly {
                    let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
                    if applied.isEmpty { throw StoreError.emptyStore(file: path) }
                    throw StoreError.olderSchema(file: path, missingMigrations: migrator.migrations.filter { !applied.contains($0) })
                }
                try migrator.migrate(pool)
            }
            self.pool = pool
        } catch {
            try? opened?.close()
            // A store this call created and could not set up is removed with its WAL files.
            if !exists && !readOnly {
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            throw StoreError.from(error, file: path)
        }
    }

    /// Whether opening read-only failed because the WAL's -shm file cannot be made.
    private static func isReadOnlyFolderError(_ error: DatabaseError) -> Bool {
        [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM].contains(error.resultCode.primaryResultCode)
    }

    /// `path` opened read-only, as an immutable file when SQLite cannot make the WAL's -shm file.
    private static func readableQueue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            do {
                _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
                return queue
            } catch {
                try? queue.close()
                throw error
            }
        } catch let error as DatabaseError where isReadOnlyFolderError(error) {
            return try immutableQueue(path: path, configuration: configuration)
        }
    }

    /// `path` opened read-only as an immutable file (`?immutable=1`): no locks, no -shm file.
    private static func immutableQueue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        var components = URLComponents()
        components.scheme = "file"
        components.path = URL(fileURLWithPath: path).standardizedFileURL.path
        components.queryItems = [URLQueryItem(name: "immutable", value: "1")]
        return try DatabaseQueue(path: components.string ?? path, configuration: configuration)
    }

    /// Checks, without writing a byte, that an existing file is a MeetGraph database this version can read.
    private static func checkExistingFile(at path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try readableQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if objects == 0 { return }  // an empty SQLite file: ours to initialise
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard applicationID == Schema.applicationID else {
                    throw StoreError.notMeetGraphDatabase(file: path)
                }
                let migrator = Schema.migrator
                if try migrator.hasBeenSuperseded(db) {
                    let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
                    throw StoreError.newerSchema(file: path, unknownMigrations: unknown.sorted())
                }
            }
        } catch {
            throw StoreError.from(error, file: path)
        }
    }

    /// Runs `body` in a read transaction, turning SQLite errors into ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw StoreError.from(error, file: path) }
    }

    /// Runs `body` in a write transaction, turning SQLite errors into ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw StoreError.from(error, file: path) }
    }

    // MARK: Counts

    /// How many rows each table of the store holds.
    public struct Counts: Sendable, Hashable {
        /// Stored documents (files and imported tables).
        public var documents: Int
        /// Stored events.
        public var events: Int
        /// Distinct people, after aliases.
        public var people: Int
        /// Person-at-event pairs.
        public var participations: Int
    }

    /// The number of documents, events, people and participations stored.
    public func counts() throws -> Counts {
        try read { db in
            Counts(documents: try DocumentRecord.fetchCount(db), events: try EventRecord.fetchCount(db),
                   people: try PersonRecord.fetchCount(db), participations: try ParticipationRecord.fetchCount(db))
        }
    }

    /// Closes the database; the store cannot be used afterwards. SQLite removes the WAL files.
    public func close() throws {
        do { try pool.close() } catch { throw StoreError.from(error, file: path) }
    }

    /// Copies every committed change from the WAL file into the database file.
    ///
    /// Not needed for correctness; useful before copying the `.sqlite` file alone.
    public func checkpoint() throws {
        do {
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            throw StoreError.from(error, file: path)
        }
    }

    // MARK: Aliases and identity

    /// Every alias: a spelling and the canonical name it stands for.
    public func aliases() throws -> [String: String] {
        try read { db in
            Dictionary(try AliasRecord.fetchAll(db).map { ($0.name, $0.canonical) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Replaces every alias with `aliases` (spelling → canonical name) and merges the people they
    /// name: participations stored under a spelling move to its canonical person.
    ///
    /// Applied from now on when ingesting and when looking names up. People merged by an alias
    /// split again when the alias is removed, except where both spellings were merged into one
    /// participation at the same event.
    /// - Throws: ``StoreError/aliasCycle(name:)`` when aliases lead back to a name.
    public func setAliases(_ aliases: [String: String]) throws {
        let cleaned = aliases.filter { $0.key != $0.value }
        let rule = PersonIdentity(aliases: cleaned, nameKey: nameKey)
        for name in cleaned.keys.sorted() { _ = try rule.storeCanonicalName(name) }
        try write { db in
            try AliasRecord.deleteAll(db)
            for (name, canonical) in cleaned.sorted(by: { $0.key < $1.key }) {
                try AliasRecord(name: name, canonical: canonical).insert(db)
            }
            try reconcilePeople(db)
        }
    }

    /// Moves every participation to the person its written name identifies under the current
    /// aliases and name-key converter, merging and deleting people as needed.
    ///
    /// Call it after opening the store with a different `nameKey` converter.
    public func reconcilePeople() throws {
        try write { db in try reconcilePeople(db) }
    }

    func identity(_ db: Database) throws -> Identity {
        let aliases = Dictionary(try AliasRecord.fetchAll(db).map { ($0.name, $0.canonical) },
                                 uniquingKeysWith: { first, _ in first })
        var rule = Identity(aliases: aliases, nameKey: nameKey)
        // Merges and renames from the corrections are aliases that win over the alias table.
        for row in try Row.fetchAll(db, sql: """
            SELECT person, value FROM correction WHERE action IN ('merge', 'rename') ORDER BY id
            """) {
            let name: String = row[0], canonical: String = row[1]
            rule.aliases[name] = canonical
        }
        return rule
    }

    /// Moves people to their keys, then applies the stored corrections again.
    private func reconcilePeople(_ db: Database) throws {
        try movePeopleToTheirKeys(db)
        try separateNamesakes(db, baseKeys: nil)
        _ = try applyCorrections(db)
    }

    /// Moves every participation to the person its written name identifies now.
    func movePeopleToTheirKeys(_ db: Database) throws {
        let identity = try identity(db)
        var personIDs = Dictionary(
            try Row.fetchAll(db, sql: "SELECT personKey, id FROM person").map { ($0[0] as String, $0[1] as Int64) },
            uniquingKeysWith: { first, _ in first })
        let rows = try Row.fetchAll(db, sql: """
            SELECT participation.personId, participation.eventId, participation.writtenName, person.personKey
            FROM participation JOIN person ON person.id = participation.personId
            """)
        var touched = Set<Int64>()
        var targets = Set<Int64>()
        for row in rows {
            let personId: Int64 = row[0], eventId: Int64 = row[1], written: String = row[2], key: String = row[3]
            let canonical = try identity.storeCanonicalName(written)
            let targetKey = nameKey(canonical)
            // A namesake's key is the name's key and a qualifier: separateNamesakes places it.
            guard targetKey != key, Namesakes.bareName(key) != targetKey else { continue }
            let target: Int64
            if let existing = personIDs[targetKey] {
                target = existing
            } else {
                var person = PersonRecord(id: nil, personKey: targetKey, name: canonical)
                try person.insert(db)
                target = person.id!
                personIDs[targetKey] = target
            }
            try moveParticipation(person: personId, event: eventId, to: target, db)
            touched.insert(personId)
            targets.insert(target)
        }
        try Ties.rebuild(db, people: touched.union(targets))
        try Spellings.recount(db, people: touched.union(targets), identity: identity)
        for person in touched {
            try db.execute(sql: """
                DELETE FROM person WHERE id = ? AND NOT EXISTS (SELECT 1 FROM participation WHERE personId = ?)
                """, arguments: [person, person])
        }
    }

    /// Moves one participation to `target`, merging with the target's own participation at that event.
    func moveParticipation(person: Int64, event: Int64, to target: Int64, _ db: Database) throws {
        guard let moving = try ParticipationRecord.fetchOne(db, key: ["personId": person, "eventId": event]) else { return }
        guard var kept = try ParticipationRecord.fetchOne(db, key: ["personId": target, "eventId": event]) else {
            // Evidence and titles follow through ON UPDATE CASCADE.
            try db.execute(sql: "UPDATE participation SET personId = ? WHERE personId = ? AND eventId = ?",
                           arguments: [target, person, event])
            return
        }
        kept.roles |= moving.roles
        var titles = TitleList.split(kept.titles)
        for title in TitleList.split(moving.titles) where !titles.contains(title) { titles.append(title) }
        kept.titles = TitleList.join(titles)
        kept.position = min(kept.position, moving.position)
        try kept.update(db)
        let keptEvidence = try EvidenceRecord.filter(Column("personId") == target && Column("eventId") == event)
            .fetchAll(db)
        var ordinal = (keptEvidence.map(\.ordinal).max() ?? -1) + 1
        for var evidence in try EvidenceRecord.filter(Column("personId") == person && Column("eventId") == event)
            .order(Column("ordinal")).fetchAll(db)
        where !keptEvidence.contains(where: { $0.sentence == evidence.sentence && $0.startOffset == evidence.startOffset }) {
            evidence.personId = target
            evidence.ordinal = ordinal
            ordinal += 1
            try evidence.insert(db)
        }
        try db.execute(sql: """
            INSERT OR IGNORE INTO personTitle (personId, eventId, title, documentId, dateKey)
            SELECT ?, eventId, title, documentId, dateKey FROM personTitle WHERE personId = ? AND eventId = ?
            """, arguments: [target, person, event])
        try moving.delete(db)
    }

    // MARK: Looking people up

    /// The stored ID of the person `name` identifies, or ``StoreError/unknownPerson(name:suggestions:)``.
    /// A namesake is named with its qualifier (`张三（甲市）`, ASCII brackets allowed); a name whose
    /// people are all namesakes names the only one, or suggests them all.
    func personID(named name: String, _ db: Database) throws -> Int64 {
        let written = Namesakes.qualifierBrackets(name)
        let key = nameKey(try canonicalName(written, db))
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE personKey = ?", arguments: [key]) {
            return id
        }
        let family = try Self.namesakeFamily(db, baseKey: key)
        if family.count == 1 { return family[0].id }
        let namesakes = try family.compactMap { try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [$0.id]) }
        throw StoreError.unknownPerson(name: name, suggestions: namesakes.isEmpty ? try suggestions(for: name, db) : namesakes)
    }

    /// Follows aliases from `name` (as written, then as keyed) with one indexed lookup per step,
    /// as ``PersonIdentity/canonicalName(_:)`` does over the whole table.
    func canonicalName(_ name: String, _ db: Database) throws -> String {
        let lookup = try db.cachedStatement(sql: """
            SELECT canonical FROM (
                SELECT person AS name, value AS canonical, 0 AS rank, id AS seq FROM correction
                WHERE action IN ('merge', 'rename')
                UNION ALL SELECT name, canonical, 1, 0 FROM alias)
            WHERE name IN (?1, ?2) ORDER BY name = ?1 DESC, rank, seq DESC LIMIT 1
            """)
        var current = name
        var seen: Set<String> = [name]
        while let next = try String.fetchOne(lookup, arguments: [current, nameKey(current)]), next != current {
            if nameKey(next) == nameKey(current) { return next }
            guard seen.insert(next).inserted else { throw StoreError.aliasCycle(name: name) }
            current = next
        }
        return current
    }

    /// Up to five stored names sharing the most characters with `name`, for an unknown-name error.
    private func suggestions(for name: String, _ db: Database) throws -> [String] {
        var characters: [String] = []
        for character in name.map(String.init) where !characters.contains(character) { characters.append(character) }
        characters = Array(characters.prefix(8))
        guard !characters.isEmpty else { return [] }
        let score = characters.map { _ in "(instr(name, ?) > 0)" }.joined(separator: " + ")
        let sql = """
            SELECT name FROM (SELECT name, \(score) AS score FROM person)
            WHERE score > 0 ORDER BY score DESC, abs(length(name) - ?), name LIMIT 5
            """
        return try String.fetchAll(db, sql: sql, arguments: StatementArguments(characters) + [name.count])
    }

    /// The name the store shows for `name` after aliases, or ``StoreError/unknownPerson(name:suggestions:)``.
    public func canonicalName(of name: String) throws -> String {
        try read { db in
            let id = try personID(named: name, db)
            return try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [id]) ?? name
        }
    }
}

/// Aliases plus the name-key converter: the model's who-is-who rule, applied by the store.
typealias Identity = PersonIdentity

extension PersonIdentity {
    /// ``canonicalName(_:)``, its error as the store's.
    func storeCanonicalName(_ name: String) throws -> String {
        do { return try canonicalName(name) } catch { throw StoreError.aliasCycle(name: name) }
    }
}
