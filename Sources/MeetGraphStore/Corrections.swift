import Foundation
import GRDB
import MeetGraph

/// One human decision about the store, read from a corrections file (see README, "Corrections").
///
/// Corrections are kept in the store and applied again at the end of every ingest, so that
/// extracting a text again never undoes them.
public struct Correction: Sendable, Hashable {
    /// What the correction does.
    public enum Action: String, Sendable, CaseIterable {
        /// `merge,A,B`: the person written A is the person B (an alias kept with the corrections).
        case merge
        /// `rename,A,B`: the person A is called B from now on (a merge into a name that may be new).
        case rename
        /// `display,A,S`: show the person A as S, one of their spellings, instead of the most frequent one.
        case display
        /// `drop,A,,EVENT`: A was not at the event.
        case drop
        /// `add,A,ROLES,EVENT`: A was at the event (roles optional, attendee by default).
        case add
        /// `role,A,ROLES,EVENT`: A had these roles at the event.
        case role
        /// `not-role,A,ROLES,EVENT`: A did not have these roles at the event.
        case notRole = "not-role"

        /// Whether the action names an event (fourth column).
        var needsEvent: Bool { ![.merge, .rename, .display].contains(self) }
    }

    /// What the correction does.
    public var action: Action
    /// The person, as written or shown.
    public var person: String
    /// The other name (merge, rename, display) or the roles (add, role, not-role); empty otherwise.
    public var value: String
    /// The event key (`report.txt#e1`, as `query person --format json` shows it); empty for person corrections.
    public var event: String
    /// Where the correction came from, `file:line`, for messages.
    public var source: String

    /// A correction; `source` names its file and line.
    public init(action: Action, person: String, value: String = "", event: String = "", source: String = "") {
        self.action = action
        self.person = person
        self.value = value
        self.event = event
        self.source = source
    }
}

/// Why a corrections file cannot be applied, naming the file and line, with what to do.
public enum CorrectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line is not `action,person,value,event` as README describes (a usage error: exit 64).
    case malformed(source: String, reason: String)
    /// The line names a person or event the store does not hold, or a participation that is not
    /// there: nothing was applied.
    case notApplicable(source: String, reason: String)

    /// Whether the file itself is wrong (rather than the store lacking what it names).
    public var isMalformed: Bool {
        if case .malformed = self { return true }
        return false
    }

    /// `file:line: what is wrong; what to do`.
    public var description: String {
        switch self {
        case .malformed(let source, let reason):
            "\(source): \(reason); each line is action,person,value,event (see README, Corrections)"
        case .notApplicable(let source, let reason):
            "\(source): \(reason); nothing was applied, fix this line and run the command again"
        }
    }
}

/// Reads corrections files: CSV lines `action,person,value,event`.
public enum CorrectionsFile {
    /// The corrections in `text`, read from `file`. Blank lines, lines starting with `#` and a
    /// header line starting with `action` are skipped; fields may be quoted with `"`.
    /// - Throws: ``CorrectionError/malformed(source:reason:)`` naming the first bad line.
    public static func parse(_ text: String, file: String) throws(CorrectionError) -> [Correction] {
        var corrections: [Correction] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let source = "\(file):\(index + 1)"
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let fields = splitFields(line) else {
                throw .malformed(source: source, reason: "a quoted field is not closed")
            }
            let trimmed = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if corrections.isEmpty && trimmed[0].lowercased() == "action" { continue }
            guard trimmed.count <= 4 else {
                throw .malformed(source: source, reason: "\(trimmed.count) fields, at most 4 expected")
            }
            let padded = trimmed + Array(repeating: "", count: 4 - trimmed.count)
            guard let action = Correction.Action(rawValue: padded[0].lowercased()) else {
                let known = Correction.Action.allCases.map(\.rawValue).joined(separator: ", ")
                throw .malformed(source: source, reason: "unknown action \"\(padded[0])\" (known: \(known))")
            }
            let correction = Correction(action: action, person: padded[1], value: padded[2], event: padded[3],
                                        source: source)
            try check(correction)
            corrections.append(correction)
        }
        return corrections
    }

    /// Checks that the fields `correction.action` needs are there and well formed.
    static func check(_ correction: Correction) throws(CorrectionError) {
        let source = correction.source, action = correction.action.rawValue
        guard !correction.person.isEmpty else { throw .malformed(source: source, reason: "\(action) needs a person") }
        switch correction.action {
        case .merge, .rename, .display:
            guard !correction.value.isEmpty else {
                throw .malformed(source: source, reason: "\(action) needs a name in the third field")
            }
            guard correction.event.isEmpty else {
                throw .malformed(source: source, reason: "\(action) takes no event; leave the fourth field empty")
            }
        case .drop, .add, .role, .notRole:
            guard !correction.event.isEmpty else {
                throw .malformed(source: source, reason: "\(action) needs an event key (report.txt#e1) in the fourth field")
            }
            if correction.action == .drop && !correction.value.isEmpty {
                throw .malformed(source: source, reason: "drop takes no value; leave the third field empty")
            }
            if (correction.action == .role || correction.action == .notRole) && correction.value.isEmpty {
                throw .malformed(source: source, reason: "\(action) needs roles (chair, speaker, attendee) in the third field")
            }
            if !correction.value.isEmpty && Roles(parsing: correction.value) == nil {
                throw .malformed(source: source,
                                 reason: "unknown role in \"\(correction.value)\" (use chair, speaker, attendee; separate with ;)")
            }
        }
    }

    /// The comma-separated fields of `line`, `"` quoting a field (`""` inside it); nil when a quote is not closed.
    static func splitFields(_ line: String) -> [String]? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = line.makeIterator()
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                field = ""
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        if quoted { return nil }
        fields.append(field)
        return fields
    }
}

/// The `correction` table: every correction applied to the store, in order.
enum CorrectionSchema {
    static func create(_ db: Database) throws {
        try db.create(table: "correction") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("action", .text).notNull()
            table.column("person", .text).notNull()
            table.column("value", .text).notNull()
            table.column("event", .text).notNull()
            table.column("source", .text).notNull()
            table.uniqueKey(["action", "person", "value", "event"])
        }
    }
}

/// What applying the stored corrections did.
public struct CorrectionReport: Sendable, Hashable {
    /// Corrections newly stored (a line already stored is not stored twice).
    public var added = 0
    /// Corrections stored in all.
    public var stored = 0
    /// Stored corrections whose person or event the store does not hold now (their documents
    /// are gone): kept, and applied again if they come back.
    public var waiting: [String] = []
}

extension MeetGraphStore {
    /// The stored corrections, in the order they are applied.
    public func corrections() throws -> [Correction] {
        try read { db in try storedCorrections(db).map(\.correction) }
    }

    /// Stores `corrections` after those already stored and applies them all, in one transaction:
    /// on any error nothing is stored or changed.
    ///
    /// The corrections are applied again at the end of every ingest, prune and alias change.
    /// - Throws: ``CorrectionError/notApplicable(source:reason:)`` when a new correction names a
    ///   person or event the store lacks, or changes a participation that is not there;
    ///   ``CorrectionError/malformed(source:reason:)`` for a correction missing a field;
    ///   ``StoreError`` for the file itself or an alias cycle.
    ///
    /// With `strict` false (texts read for one command, which a corrections file for a whole
    /// archive may cover only in part), corrections that do not apply wait, listed in the report.
    @discardableResult
    public func addCorrections(_ corrections: [Correction], strict: Bool = true) throws -> CorrectionReport {
        for correction in corrections { try CorrectionsFile.check(correction) }
        return try write { db in
            var added: Set<Int64> = []
            var merged = false
            for correction in corrections {
                if strict && (correction.action == .merge || correction.action == .rename) {
                    // The person must exist before the merge (as written or as an earlier merge's target).
                    _ = try strictPerson(correction, db)
                }
                try db.execute(sql: """
                    INSERT OR IGNORE INTO correction (action, person, value, event, source) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [correction.action.rawValue, correction.person, correction.value,
                                     correction.event, correction.source])
                if db.changesCount > 0 {
                    added.insert(db.lastInsertedRowID)
                    if correction.action == .merge || correction.action == .rename { merged = true }
                }
                if merged { try reconcileAfterMerges(db); merged = false }
            }
            var report = try applyCorrections(db, strict: strict ? added : [])
            report.added = added.count
            return report
        }
    }

    /// The merges (and renames) make an alias table of their own; the people move at once.
    func reconcileAfterMerges(_ db: Database) throws {
        let identity = try identity(db)
        for name in identity.aliases.keys.sorted() { _ = try identity.storeCanonicalName(name) }
        try movePeopleToTheirKeys(db)
        try separateNamesakes(db, baseKeys: nil)
    }

    /// The stored corrections with their row ids, in order.
    func storedCorrections(_ db: Database) throws -> [(id: Int64, correction: Correction)] {
        try Row.fetchAll(db, sql: "SELECT id, action, person, value, event, source FROM correction ORDER BY id")
            .compactMap { row in
                guard let action = Correction.Action(rawValue: row[1]) else { return nil }
                return (row[0], Correction(action: action, person: row[2], value: row[3], event: row[4], source: row[5]))
            }
    }

    /// The person `correction` names, or an error naming its line.
    private func strictPerson(_ correction: Correction, _ db: Database) throws -> Int64 {
        do {
            return try personID(named: correction.person, db)
        } catch let error as StoreError {
            throw CorrectionError.notApplicable(source: correction.source, reason: error.description)
        }
    }

    /// Applies every stored correction but the merges (which are part of the identity rule), in
    /// order, inside the current transaction. Corrections whose row ids are in `strict` (just
    /// added) throw when they do not apply; the others wait for their person or event to come back.
    func applyCorrections(_ db: Database, strict strictIDs: Set<Int64> = []) throws -> CorrectionReport {
        var report = CorrectionReport()
        let corrections = try storedCorrections(db)
        report.stored = corrections.count
        guard !corrections.isEmpty else { return report }
        var touched = Set<Int64>()
        var displays: [(person: Int64, name: String)] = []
        for (id, correction) in corrections where correction.action != .merge && correction.action != .rename {
            let strict = strictIDs.contains(id)
            func waiting(_ reason: String) throws {
                if strict { throw CorrectionError.notApplicable(source: correction.source, reason: reason) }
                report.waiting.append("\(correction.source): \(reason)")
            }
            let person = try? personID(named: correction.person, db)
            if correction.action == .display {
                guard let person else { try waiting("no person named \(correction.person)"); continue }
                let key = try String.fetchOne(db, sql: "SELECT personKey FROM person WHERE id = ?", arguments: [person])
                let isSpelling = try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM personSpelling WHERE personId = ? AND spelling = ?
                    """, arguments: [person, correction.value]) == true
                guard isSpelling || nameKey(correction.value) == key else {
                    try waiting("\(correction.value) is not a spelling of \(correction.person); use rename to give a new name")
                    continue
                }
                displays.append((person, correction.value))
                continue
            }
            guard let eventRow = try Row.fetchOne(db, sql: "SELECT id FROM event WHERE eventKey = ?",
                                                  arguments: [correction.event]) else {
                try waiting("no event \(correction.event) in the store (`meetgraph query person NAME --format json` shows event ids)")
                continue
            }
            let event: Int64 = eventRow[0]
            let roles = Roles(parsing: correction.value) ?? []
            let current = try person.flatMap {
                try Int.fetchOne(db, sql: "SELECT roles FROM participation WHERE personId = ? AND eventId = ?",
                                 arguments: [$0, event])
            }
            switch correction.action {
            case .drop:
                guard let person, current != nil else {
                    if strict { try waiting("\(correction.person) is not at \(correction.event)") }
                    continue
                }
                let others = try Int64.fetchAll(db, sql: "SELECT personId FROM participation WHERE eventId = ?",
                                                arguments: [event])
                try db.execute(sql: "DELETE FROM participation WHERE personId = ? AND eventId = ?",
                               arguments: [person, event])
                touched.formUnion(others)
            case .add:
                let wanted = roles.isEmpty ? Roles.attendee : roles
                if let person, let current {
                    let merged = Int(UInt8(current) | wanted.rawValue)
                    if merged != current {
                        try db.execute(sql: "UPDATE participation SET roles = ? WHERE personId = ? AND eventId = ?",
                                       arguments: [merged, person, event])
                    }
                    continue
                }
                let id = try person ?? insertPerson(named: correction.person, db)
                let position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position) + 1, 0) FROM participation WHERE eventId = ?",
                                                arguments: [event]) ?? 0
                try db.execute(sql: """
                    INSERT INTO participation (personId, eventId, position, roles, titles, writtenName)
                    VALUES (?, ?, ?, ?, '', ?)
                    """, arguments: [id, event, position, Int(wanted.rawValue), correction.person])
                touched.formUnion(try Int64.fetchAll(db, sql: "SELECT personId FROM participation WHERE eventId = ?",
                                                     arguments: [event]))
            case .role, .notRole:
                guard let person, let current else {
                    try waiting("\(correction.person) is not at \(correction.event); add the participation first")
                    continue
                }
                var updated = Roles(rawValue: UInt8(current))
                if correction.action == .role { updated.formUnion(roles) } else { updated.subtract(roles) }
                // Denying every role leaves a participant present; `drop` removes them.
                if updated.isEmpty { updated = .attendee }
                if Int(updated.rawValue) != current {
                    try db.execute(sql: "UPDATE participation SET roles = ? WHERE personId = ? AND eventId = ?",
                                   arguments: [Int(updated.rawValue), person, event])
                }
            case .merge, .rename, .display:
                continue
            }
        }
        if !touched.isEmpty { try refresh(people: touched, db) }
        for (person, name) in displays {
            try db.execute(sql: "UPDATE person SET name = ? WHERE id = ?", arguments: [name, person])
        }
        return report
    }

    /// Stores a new person for `name` (after aliases and merges).
    /// After corrections changed the participations of `people`: their ties and spellings are
    /// recounted, and those left with no participation are deleted.
    func refresh(people: Set<Int64>, _ db: Database) throws {
        try Ties.rebuild(db, people: people)
        try Spellings.recount(db, people: people, identity: try identity(db))
        for person in people {
            try db.execute(sql: """
                DELETE FROM person WHERE id = ? AND NOT EXISTS (SELECT 1 FROM participation WHERE personId = ?)
                """, arguments: [person, person])
        }
    }

    private func insertPerson(named name: String, _ db: Database) throws -> Int64 {
        let canonical = try identity(db).storeCanonicalName(name)
        var record = PersonRecord(id: nil, personKey: nameKey(canonical), name: canonical)
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE personKey = ?", arguments: [record.personKey]) {
            return id
        }
        try record.insert(db)
        return record.id!
    }
}
