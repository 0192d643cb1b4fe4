import GRDB
import MeetGraph

/// A correction as the store keeps it, with the id that `meetgraph correct --remove` takes.
public struct StoredCorrection: Sendable, Hashable {
    /// The row id, stable for the life of the store.
    public var id: Int64
    /// The correction itself (`source` is the file and line it was read from).
    public var correction: Correction
}

/// What removing corrections did, for the command's summary.
public struct CorrectionRemoval: Sendable, Hashable {
    /// The corrections removed.
    public var removed: [StoredCorrection] = []
    /// Ids asked for that the store does not hold.
    public var unknown: [Int64] = []
    /// Removed participation corrections (drop, role, not-role) whose effect stays until the
    /// event's document is extracted again: the store does not keep what the text said before.
    public var keptUntilReextracted: [StoredCorrection] = []
}

extension MeetGraphStore {
    /// The stored corrections with their ids, in the order they are applied.
    public func storedCorrections() throws -> [StoredCorrection] {
        try read { db in try storedCorrections(db).map { StoredCorrection(id: $0.id, correction: $0.correction) } }
    }

    /// Removes the corrections with `ids`, in one transaction, and undoes what can be undone from
    /// the store alone: merges, renames and displayed spellings at once (people split again and
    /// show their most frequent spelling), an `add` by deleting the participation it created
    /// (one with no evidence). The corrections left are applied again.
    public func removeCorrections(ids: [Int64]) throws -> CorrectionRemoval {
        try write { db in
            var result = CorrectionRemoval()
            let stored = Dictionary(try storedCorrections(db).map { ($0.id, $0.correction) },
                                    uniquingKeysWith: { first, _ in first })
            for id in ids {
                guard let correction = stored[id] else { result.unknown.append(id); continue }
                let entry = StoredCorrection(id: id, correction: correction)
                if result.removed.contains(entry) { continue }
                result.removed.append(entry)
                try db.execute(sql: "DELETE FROM correction WHERE id = ?", arguments: [id])
            }
            var touched = Set<Int64>()
            for entry in result.removed {
                let correction = entry.correction
                switch correction.action {
                case .merge, .rename:
                    continue
                case .display:
                    if let person = try? personID(named: correction.person, db) { touched.insert(person) }
                case .add:
                    // A participation the add created has no evidence; one the text states stays.
                    guard let person = try? personID(named: correction.person, db),
                          let event = try Int64.fetchOne(db, sql: "SELECT id FROM event WHERE eventKey = ?",
                                                         arguments: [correction.event]) else { continue }
                    let hasEvidence = try Bool.fetchOne(db, sql: """
                        SELECT 1 FROM evidence WHERE personId = ? AND eventId = ? LIMIT 1
                        """, arguments: [person, event]) == true
                    guard !hasEvidence else { continue }
                    touched.formUnion(try Int64.fetchAll(db, sql: "SELECT personId FROM participation WHERE eventId = ?",
                                                         arguments: [event]))
                    try db.execute(sql: "DELETE FROM participation WHERE personId = ? AND eventId = ?",
                                   arguments: [person, event])
                case .drop, .role, .notRole:
                    result.keptUntilReextracted.append(entry)
                }
            }
            if result.removed.contains(where: { [.merge, .rename].contains($0.correction.action) }) {
                try reconcileAfterMerges(db)
            }
            if !touched.isEmpty { try refresh(people: touched, db) }
            _ = try applyCorrections(db)
            return result
        }
    }
}
