import Foundation
import GRDB
import MeetGraph
@testable import MeetGraphStore
import Testing

/// A table large enough that its ties are added by one SQL statement (``Ties/largeDocument``)
/// leaves the store as consistent as a small one: who-met from the tie table agrees with the
/// participations after adding, adding beside other tables, and replacing.
@Suite struct LargeImportTests {
    /// `events` meetings of 2 to 12 people drawn from `people` invented names, some dated.
    static func rows(events: Int, people: Int, seed: UInt64, prefix: String = "会议") -> [AttendanceRow] {
        var random = SplitMix64(seed: seed)
        var rows: [AttendanceRow] = []
        for event in 0..<events {
            let size = 2 + Int(random.next() % 11)
            let date = event % 3 == 0 ? nil : EventDate(year: 2020 + event % 4, month: 1 + event % 12, day: 1 + event % 28)
            var chosen = Set<Int>()
            while chosen.count < size { chosen.insert(Int(random.next() % UInt64(people))) }
            for person in chosen.sorted() {
                rows.append(AttendanceRow(person: "成员\(person)", event: "\(prefix)\(event)", date: date))
            }
        }
        return rows
    }

    @Test func largeTablesKeepTiesEqualToTheParticipations() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        let first = Self.rows(events: 1_000, people: 150, seed: 1)
        #expect(first.count >= Ties.largeDocument)
        #expect(try store.importAttendance(rows: first, source: "first.csv").added == ["first.csv"])
        #expect(try tiesAgreeWithParticipations(store))

        // A second table sharing people adds to existing ties; a small one goes the other way.
        _ = try store.importAttendance(rows: Self.rows(events: 900, people: 150, seed: 2, prefix: "座谈会"), source: "second.csv")
        _ = try store.importAttendance(rows: Self.rows(events: 20, people: 150, seed: 3, prefix: "调研"), source: "small.csv")
        #expect(try tiesAgreeWithParticipations(store))

        // Replacing the first table takes its ties out again.
        let replaced = try store.importAttendance(rows: Self.rows(events: 950, people: 150, seed: 4), source: "first.csv")
        #expect(replaced.replaced == ["first.csv"])
        #expect(try tiesAgreeWithParticipations(store))
        #expect(try isConsistent(store))

        // The same result as a fresh store given the final tables.
        let fresh = try MeetGraphStore(path: folder.path("fresh.sqlite"))
        _ = try fresh.importAttendance(rows: Self.rows(events: 900, people: 150, seed: 2, prefix: "座谈会"), source: "second.csv")
        _ = try fresh.importAttendance(rows: Self.rows(events: 20, people: 150, seed: 3, prefix: "调研"), source: "small.csv")
        _ = try fresh.importAttendance(rows: Self.rows(events: 950, people: 150, seed: 4), source: "first.csv")
        for name in ["成员0", "成员7", "成员149"] {
            #expect(try store.coAttendees(of: name) == fresh.coAttendees(of: name))
        }
    }
}
