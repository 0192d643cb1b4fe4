import Foundation
import GRDB
import MeetGraph
@testable import MeetGraphStore
import Testing

/// Everything stored, as text, to check that an operation changed nothing.
func snapshot(_ store: MeetGraphStore) throws -> [String] {
    try store.pool.read { db throws in
        var lines: [String] = []
        for table in ["document", "event", "person", "participation", "evidence", "personTitle", "alias", "tie"] {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") { lines.append("\(table) \(row)") }
        }
        return lines.sorted()
    }
}

/// Whether SQLite finds the file sound and every foreign key satisfied.
func isConsistent(_ store: MeetGraphStore) throws -> Bool {
    try store.pool.read { db throws in
        try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok"
            && (try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")).isEmpty
    }
}

/// An error like a failing disk's, which stops a whole ingest.
let diskFailure = DatabaseError(resultCode: .SQLITE_IOERR, message: "simulated I/O failure")

@Suite struct IngestTests {
    @Test func ingestingTheSameContentTwiceChangesNothing() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        let items = [Sample.item(Sample.flood), Sample.item(Sample.committee)]
        let first = try store.ingest(items)
        #expect(first.added == ["/corpus/a.txt", "/corpus/b.txt"])
        let before = try snapshot(store)
        let second = try store.ingest(items)
        #expect(second.added.isEmpty && second.replaced.isEmpty && second.failed.isEmpty)
        #expect(second.unchanged == ["/corpus/a.txt", "/corpus/b.txt"])
        #expect(!second.changedAnything)
        #expect(try snapshot(store) == before)
    }

    @Test func theSameContentAtAnotherPathIsNotStoredTwice() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        _ = try store.ingest([Sample.item(Sample.flood)])
        let copy = try store.ingest([Sample.item(Sample.flood, path: "/elsewhere/a-copy.txt")])
        // The content is stored once; it now names the path that was ingested last (issue 18, item 4).
        #expect(copy.moved == ["/elsewhere/a-copy.txt"])
        #expect(try store.counts().documents == 1)
        let again = try store.ingest([Sample.item(Sample.flood, path: "/elsewhere/a-copy.txt")])
        #expect(again.unchanged == ["/elsewhere/a-copy.txt"])
    }

    @Test func changedContentAtTheSamePathReplacesTheOldVersion() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        _ = try store.ingest([Sample.item(Sample.flood), Sample.item(Sample.committee)])
        // The corrected a.txt drops the visit, so 付清岚 (only on the visit) must leave the store.
        var corrected = Sample.flood
        corrected.events.removeLast()
        let summary = try store.ingest([Sample.item(corrected)])
        #expect(summary.replaced == ["/corpus/a.txt"])
        #expect(try store.counts() == MeetGraphStore.Counts(documents: 2, events: 2, people: 3, participations: 6))
        #expect(throws: StoreError.self) { try store.timeline(of: "付清岚") }
        #expect(try isConsistent(store))
        #expect(try tiesAgreeWithParticipations(store))
        // And the result is what ingesting the corrected file alone would give.
        let fresh = try MeetGraphStore(path: folder.path("fresh.sqlite"))
        _ = try fresh.ingest([Sample.item(Sample.committee), Sample.item(corrected)])
        #expect(lines(try store.loadGraph()) == lines(try fresh.loadGraph()))
    }

    @Test func replacingADocumentMovesTheFirstDateTwoPeopleMet() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        _ = try store.ingest([Sample.item(Sample.flood), Sample.item(Sample.committee)])
        #expect(try store.coAttendees(of: "柯望舒").first { $0.person == "苗新禾" }?.first == EventDate("2024-03-05"))
        var withoutMeeting = Sample.flood
        withoutMeeting.events.removeFirst()
        _ = try store.ingest([Sample.item(withoutMeeting)])
        let row = try store.coAttendees(of: "柯望舒").first { $0.person == "苗新禾" }
        #expect(row?.count == 1 && row?.first == EventDate("2024-04-10") && row?.last == EventDate("2024-04-10"))
        #expect(try store.coAttendees(of: "付清岚").map(\.person) == ["苗新禾"])
        #expect(try tiesAgreeWithParticipations(store))
    }

    @Test func twoVersionsOfAFileInOneBatchLeaveTheSecond() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        var second = Sample.flood
        second.events.removeFirst()
        let summary = try store.ingest([Sample.item(Sample.flood), Sample.item(Sample.committee), Sample.item(second)])
        #expect(summary.added == ["/corpus/a.txt", "/corpus/b.txt"] && summary.replaced == ["/corpus/a.txt"])
        #expect(try tiesAgreeWithParticipations(store))
        let fresh = try MeetGraphStore(path: folder.path("fresh.sqlite"))
        _ = try fresh.ingest([Sample.item(Sample.committee), Sample.item(second)])
        #expect(lines(try store.loadGraph()) == lines(try fresh.loadGraph()))
        #expect(try store.coAttendees(of: "苗新禾") == fresh.coAttendees(of: "苗新禾"))
    }

    @Test func aBadDocumentFailsAloneWithItsReason() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        var twice = Sample.committee
        twice.events.append(twice.events[0])
        let summary = try store.ingest([Sample.item(Sample.flood), Sample.item(twice), Sample.item(Sample.threeEvents)])
        #expect(summary.added == ["/corpus/a.txt", "/corpus/c.txt"])
        #expect(summary.failed.count == 1)
        #expect(summary.failed.first?.path == "/corpus/b.txt")
        #expect(summary.failed.first?.reason.contains("e1 appears twice") == true)
        #expect(try store.counts().documents == 2)
    }

    @Test func aDocumentInterruptedHalfWayIsRolledBackWholeAndTheRestGoesOn() throws {
        let folder = try TemporaryFolder()
        struct Interrupted: Error {}
        let interrupting = try MeetGraphStore(path: folder.path(), readOnly: false, nameKey: { $0 }) { path, event in
            if path.hasSuffix("c.txt") && event == 1 { throw Interrupted() }
        }
        let summary = try interrupting.ingest([Sample.item(Sample.flood), Sample.item(Sample.threeEvents)])
        #expect(summary.added == ["/corpus/a.txt"])
        #expect(summary.failed.map(\.path) == ["/corpus/c.txt"])
        // None of c.txt: neither its first two events nor the people only it names.
        #expect(try interrupting.counts() == MeetGraphStore.Counts(documents: 1, events: 2, people: 4, participations: 5))
        #expect(throws: StoreError.self) { try interrupting.timeline(of: "葛青蔓") }
        #expect(try isConsistent(interrupting))
        #expect(try tiesAgreeWithParticipations(interrupting))

        let store = try MeetGraphStore(path: folder.path())
        let rerun = try store.ingest([Sample.item(Sample.flood), Sample.item(Sample.threeEvents)])
        #expect(rerun.unchanged == ["/corpus/a.txt"] && rerun.added == ["/corpus/c.txt"])
        #expect(try store.counts() == MeetGraphStore.Counts(documents: 2, events: 5, people: 6, participations: 10))
        #expect(try tiesAgreeWithParticipations(store))
    }

    @Test(arguments: [1, 64])
    func aCrashMidBatchKeepsCommittedBatchesAndARerunCompletesWithoutDuplicates(batchSize: Int) throws {
        let folder = try TemporaryFolder()
        let items = [Sample.item(Sample.flood), Sample.item(Sample.committee), Sample.item(Sample.threeEvents)]
        let crashing = try MeetGraphStore(path: folder.path(), readOnly: false, nameKey: { $0 }) { path, event in
            if path.hasSuffix("c.txt") && event == 1 { throw diskFailure }
        }
        #expect(throws: (any Error).self) { try crashing.ingest(items, batchSize: batchSize) }
        // One document per transaction keeps a and b; one batch for all keeps nothing.
        #expect(try crashing.counts().documents == (batchSize == 1 ? 2 : 0))
        #expect(try isConsistent(crashing))

        let store = try MeetGraphStore(path: folder.path())
        let rerun = try store.ingest(items, batchSize: batchSize)
        #expect(rerun.added.count + rerun.unchanged.count == 3 && rerun.failed.isEmpty)
        let clean = try MeetGraphStore(path: folder.path("clean.sqlite"))
        _ = try clean.ingest(items)
        #expect(try store.counts() == clean.counts())
        #expect(try tiesAgreeWithParticipations(store))
        #expect(lines(try store.loadGraph()) == lines(try clean.loadGraph()))
    }

    @Test func aFullDiskIsReportedAndLeavesAConsistentDatabaseThatARerunCompletes() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        let store = try MeetGraphStore(path: path)
        _ = try store.ingest([Sample.item(Sample.flood)])
        // Documents with long evidence, far more than the few pages allowed below.
        let big = (0..<40).map { index in
            var document = Sample.committee
            document.document = "big\(index).txt"
            // Another day each: the same meeting on one day would be a reprint, folded into one event.
            document.events[0].date = EventDate(year: 2020, month: 1 + index % 12, day: 1 + index / 12)
            document.events[0].participants = document.events[0].participants.map { participant in
                var participant = participant
                participant.evidence[0].sentence = String(repeating: participant.evidence[0].sentence, count: 40)
                return participant
            }
            return Sample.item(document)
        }
        let pages = try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 40)") }
        #expect(throws: StoreError.diskFull(file: path)) { try store.ingest(big, batchSize: 4) }
        #expect(StoreError.diskFull(file: path).description.contains(path))
        #expect(try isConsistent(store))
        let stored = try store.counts().documents
        #expect(stored >= 1 && stored < 41)
        #expect((stored - 1) % 4 == 0, "only whole batches are committed")

        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        let rerun = try store.ingest(big, batchSize: 4)
        #expect(rerun.unchanged.count == stored - 1 && rerun.added.count == 41 - stored)
        #expect(try store.counts().documents == 41)
    }

    @Test func writingThroughAReadOnlyStoreIsAClearErrorAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        let writer = try MeetGraphStore(path: path)
        _ = try writer.ingest([Sample.item(Sample.flood)])
        let reader = try MeetGraphStore(path: path, readOnly: true)
        #expect(try reader.counts().documents == 1)
        #expect(throws: StoreError.readOnly(file: path)) { try reader.ingest([Sample.item(Sample.committee)]) }
        #expect(throws: StoreError.readOnly(file: path)) { try reader.setAliases(["苗欣禾": "苗新禾"]) }
        #expect(try writer.counts().documents == 1)
        #expect(try isConsistent(writer))
    }

    @Test func readersKeepWorkingWhileAWriteIsUnderWay() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        let writer = try MeetGraphStore(path: path)
        _ = try writer.ingest([Sample.item(Sample.flood)])
        #expect(throws: CancellationError.self) {
            try writer.pool.write { db throws in
                // Half-way through a write transaction, another store on the same file reads the last commit.
                try db.execute(sql: "DELETE FROM document")
                #expect(try DocumentRecord.fetchCount(db) == 0)
                let reader = try MeetGraphStore(path: path)
                #expect(try reader.counts().documents == 1)
                #expect(try reader.coAttendees(of: "苗新禾").map(\.person).sorted() == ["付清岚", "柯望舒", "谭远帆"])
                throw CancellationError()  // roll the deletion back
            }
        }
        #expect(try writer.counts().documents == 1)
    }
}
