import Foundation
import GRDB
import MeetGraph
@testable import MeetGraphStore
import Testing

/// Corrections (issue 14): stored with the store and applied again after every ingest.
@Suite struct CorrectionTests {
    /// A document named `name` whose events (id, participants) are plain meetings, invented names only.
    static func document(_ name: String, _ events: [(String, [String])], note: String = "") -> Document {
        Document(document: name, source: "test" + note, events: events.map { id, people in
            Event(id: id, kind: .meeting, name: "专题会议" + name + id, date: EventDate("2024-05-0\(id.count)"),
                  participants: people.map {
                      Sample.participant($0, .attendee, document: name, sentence: "\($0)参加会议。", start: 0)
                  })
        })
    }

    static func roles(_ store: MeetGraphStore, _ name: String, at event: String) throws -> Roles? {
        try store.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT participation.roles FROM participation JOIN person ON person.id = participation.personId
                JOIN event ON event.id = participation.eventId WHERE person.name = ? AND event.eventKey = ?
                """, arguments: [name, event]).map { Roles(rawValue: UInt8($0)) }
        }
    }

    @Test func aFileIsReadWithItsHeaderCommentsAndQuotes() throws {
        let text = """
            action,person,value,event
            # a comment
            merge,苗新和,苗新禾,

            drop,谭远帆,,"a.txt#e1"
            role,苗新禾,chair;speaker,b.txt#e1
            """
        let corrections = try CorrectionsFile.parse(text, file: "fix.csv")
        #expect(corrections.map(\.action) == [.merge, .drop, .role])
        #expect(corrections[1].event == "a.txt#e1")
        #expect(corrections[1].source == "fix.csv:5")
    }

    @Test func aMalformedLineIsNamedWithItsFileAndLine() {
        let cases: [(String, String)] = [
            ("merge,苗新和,苗新禾\nswap,苗新禾,柯望舒", "fix.csv:2: unknown action \"swap\""),
            ("drop,谭远帆,,", "fix.csv:1: drop needs an event key"),
            ("role,谭远帆,boss,a.txt#e1", "fix.csv:1: unknown role in \"boss\""),
            ("drop,谭远帆,,\"a.txt#e1", "fix.csv:1: a quoted field is not closed"),
            ("merge,a,b,c,d", "fix.csv:1: 5 fields"),
        ]
        for (text, message) in cases {
            #expect {
                _ = try CorrectionsFile.parse(text, file: "fix.csv")
            } throws: { error in
                guard let error = error as? CorrectionError else { return false }
                return error.isMalformed && error.description.hasPrefix(message)
            }
        }
    }

    @Test func participationCorrectionsHoldAfterTheTextsAreIngestedAgain() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        _ = try store.ingest([Sample.item(Sample.flood), Sample.item(Sample.committee)])
        try store.addCorrections([
            Correction(action: .drop, person: "谭远帆", event: "a.txt#e1", source: "fix.csv:1"),
            Correction(action: .add, person: "付清岚", value: "speaker", event: "b.txt#e1", source: "fix.csv:2"),
            Correction(action: .role, person: "苗新禾", value: "chair", event: "b.txt#e1", source: "fix.csv:3"),
            Correction(action: .notRole, person: "柯望舒", value: "speaker", event: "a.txt#e1", source: "fix.csv:4"),
            Correction(action: .add, person: "易南星", event: "b.txt#e1", source: "fix.csv:5"),
        ])
        func check() throws {
            #expect(try Self.roles(store, "谭远帆", at: "a.txt#e1") == nil)
            #expect(try Self.roles(store, "付清岚", at: "b.txt#e1") == .speaker)
            #expect(try Self.roles(store, "苗新禾", at: "b.txt#e1") == [.chair, .attendee])
            #expect(try Self.roles(store, "柯望舒", at: "a.txt#e1") == .chair)
            #expect(try Self.roles(store, "易南星", at: "b.txt#e1") == .attendee)
            #expect(try tiesAgreeWithParticipations(store))
            #expect(try isConsistent(store))
        }
        try check()
        let corrected = try snapshot(store)
        // The same files again: nothing changes.
        _ = try store.ingest([Sample.item(Sample.flood), Sample.item(Sample.committee)])
        #expect(try snapshot(store) == corrected)
        // Changed files (extracted again): their events are replaced, the corrections apply again.
        var flood = Sample.flood
        flood.source = "test, extracted again"
        var committee = Sample.committee
        committee.source = "test, extracted again"
        let summary = try store.ingest([Sample.item(flood), Sample.item(committee)])
        #expect(summary.replaced.count == 2)
        #expect(summary.corrections == 5 && summary.waitingCorrections.isEmpty)
        try check()
        #expect(try store.coAttendees(of: "易南星").map(\.person).sorted() == ["柯望舒", "苗新禾", "谭远帆", "付清岚"].sorted())
    }

    @Test func aCorrectionThatDoesNotApplyLeavesTheStoreUnchanged() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        _ = try store.ingest([Sample.item(Sample.flood)])
        let before = try snapshot(store)
        #expect {
            try store.addCorrections([
                Correction(action: .drop, person: "谭远帆", event: "a.txt#e1", source: "fix.csv:1"),
                Correction(action: .drop, person: "谭远帆", event: "a.txt#e9", source: "fix.csv:2"),
            ])
        } throws: { error in
            (error as? CorrectionError)?.description.hasPrefix("fix.csv:2: no event a.txt#e9") == true
        }
        #expect(try snapshot(store) == before)
        #expect(try store.corrections().isEmpty)
    }

    @Test func mergesAndRenamesLastAndFindThePerson() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        _ = try store.ingest([Sample.item(Sample.flood),
                              Sample.item(Self.document("c.txt", [("e1", ["苗新和", "柯望舒"])]))])
        #expect(try store.counts().people == 5)
        try store.addCorrections([
            Correction(action: .merge, person: "苗新和", value: "苗新禾", source: "fix.csv:1"),
            Correction(action: .rename, person: "付清岚", value: "付晴岚", source: "fix.csv:2"),
        ])
        #expect(try store.counts().people == 4)
        #expect(try store.canonicalName(of: "苗新和") == "苗新禾")
        #expect(try store.canonicalName(of: "付清岚") == "付晴岚")
        #expect(try store.canonicalName(of: "付晴岚") == "付晴岚")
        // A new text with the misspelling: merged as it is stored; an alias change keeps the merges.
        _ = try store.ingest([Sample.item(Self.document("d.txt", [("e22", ["苗新和", "付清岚"])]))])
        try store.setAliases([:])
        #expect(try store.counts().people == 4)
        #expect(try store.coAttendees(of: "付晴岚").map(\.person).sorted() == ["苗新禾"])
        #expect(try store.loadGraph().people.map(\.name).sorted() == ["付晴岚", "柯望舒", "苗新禾", "谭远帆"].sorted())
        #expect(try tiesAgreeWithParticipations(store))
    }

    @Test func theShownNameIsTheMostFrequentSpellingUnlessCorrected() throws {
        let folder = try TemporaryFolder()
        let fold: @Sendable (String) -> String = { $0.replacingOccurrences(of: "譚", with: "谭").replacingOccurrences(of: "遠", with: "远") }
        let store = try MeetGraphStore(path: folder.path(), nameKey: fold)
        _ = try store.ingest([Sample.item(Self.document("t.txt", [("e1", ["谭远帆", "柯望舒"]), ("e22", ["譚遠帆"]),
                                                                  ("e333", ["譚遠帆", "柯望舒"])]))])
        #expect(try store.canonicalName(of: "谭远帆") == "譚遠帆")
        try store.addCorrections([Correction(action: .display, person: "譚遠帆", value: "谭远帆", source: "fix.csv:1")])
        #expect(try store.canonicalName(of: "譚遠帆") == "谭远帆")
        // More texts with the other spelling do not undo the decision.
        _ = try store.ingest([Sample.item(Self.document("u.txt", [("e1", ["譚遠帆"]), ("e22", ["譚遠帆"])]))])
        #expect(try store.canonicalName(of: "譚遠帆") == "谭远帆")
        // A display name that is not a spelling of the person is refused.
        #expect(throws: CorrectionError.self) {
            try store.addCorrections([Correction(action: .display, person: "柯望舒", value: "柯望", source: "fix.csv:2")])
        }
    }
}
