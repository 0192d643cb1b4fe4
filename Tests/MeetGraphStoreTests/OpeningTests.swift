import Foundation
import GRDB
import MeetGraph
@testable import MeetGraphStore
import Testing

@Suite struct OpeningTests {
    @Test func migrationsCreateTheSchemaInWALMode() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        try store.pool.read { db throws in
            for table in ["document", "event", "person", "participation", "evidence", "personTitle", "alias", "tie"] {
                #expect(try db.tableExists(table), "missing table \(table)")
            }
            #expect(try db.indexes(on: "participation").contains { $0.name == "participation_by_event" })
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID)
            #expect(try Schema.migrator.hasCompletedMigrations(db))
        }
        #expect(try store.counts() == MeetGraphStore.Counts(documents: 0, events: 0, people: 0, participations: 0))
    }

    @Test func reopeningKeepsTheData() throws {
        let folder = try TemporaryFolder()
        _ = try MeetGraphStore(path: folder.path()).ingest([Sample.item(Sample.flood)])
        let reopened = try MeetGraphStore(path: folder.path())
        #expect(try reopened.counts().participations == 5)
    }

    @Test func aVersionOneDatabaseIsUpgradedAndItsTiesFilledIn() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        _ = try MeetGraphStore(path: path).ingest([Sample.item(Sample.flood), Sample.item(Sample.committee)])
        // Take the database back to the first migration, as an early MeetGraph left it.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TABLE tie")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v2 %'")
        }
        try queue.close()
        let store = try MeetGraphStore(path: path)
        let graph = AttendanceGraph(documents: [Sample.flood, Sample.committee])
        let rows = try store.coAttendees(of: "苗新禾")
        #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.person, $0.count) }) == inMemoryCoAttendees(of: "苗新禾", in: graph))
        #expect(try tiesAgreeWithParticipations(store))
    }

    @Test func aFileOfRandomBytesIsRejectedAndLeftAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.sqlite")
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(file: path)) { try MeetGraphStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
        #expect(StoreError.notADatabase(file: path).description.contains(path))
    }

    @Test func anotherProgramsDatabaseIsRejectedWithoutChangingIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.sqlite")
        let other = try DatabaseQueue(path: path)
        try other.write { db throws in
            try db.execute(sql: "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)")
        }
        try other.close()
        #expect(throws: StoreError.notMeetGraphDatabase(file: path)) { try MeetGraphStore(path: path) }
        let reader = try DatabaseQueue(path: path)
        try reader.read { db throws in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete")
            #expect(try !db.tableExists("event"))
        }
    }

    @Test func anEmptyFileBecomesAStore() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        FileManager.default.createFile(atPath: path, contents: Data())
        let store = try MeetGraphStore(path: path)
        #expect(try store.ingest([Sample.item(Sample.flood)]).added == ["/corpus/a.txt"])
    }

    @Test func aDatabaseFromANewerVersionIsRejected() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        _ = try MeetGraphStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db throws in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9 speakers of the future')")
        }
        try queue.close()
        #expect(throws: StoreError.newerSchema(file: path, unknownMigrations: ["v9 speakers of the future"])) {
            try MeetGraphStore(path: path)
        }
    }

    @Test func readOnlyOpeningOfAMissingFileSaysSo() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("absent.sqlite")
        #expect(throws: StoreError.notFound(file: path)) { try MeetGraphStore(path: path, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aMissingFolderIsACannotOpenError() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("no-such-folder/meetgraph.sqlite")
        #expect {
            try MeetGraphStore(path: path)
        } throws: { error in
            guard case StoreError.cannotOpen(let file, _) = error else { return false }
            return file == path
        }
    }
}
