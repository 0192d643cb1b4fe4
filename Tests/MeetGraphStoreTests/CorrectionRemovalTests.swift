import Foundation
import MeetGraph
@testable import MeetGraphStore
import Testing

/// Listing and removing stored corrections (issue 14): what a removal can undo from the store is
/// undone at once, and the corrections left still apply.
@Suite struct CorrectionRemovalTests {
    /// Each person with the people they met and how often, as `query who-met` would list them.
    static func answers(_ store: MeetGraphStore) throws -> [String] {
        try store.loadGraph().people.map(\.name).sorted().map { name in
            name + ": " + (try store.coAttendees(of: name).map { "\($0.person) \($0.count)" }.sorted().joined(separator: ", "))
        }
    }

    @Test func removingAMergeSplitsThePeopleAgainAndKeepsTheOtherCorrections() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        _ = try store.ingest([Sample.item(Sample.flood),
                              Sample.item(CorrectionTests.document("c.txt", [("e1", ["苗新和", "柯望舒"])]))])
        let before = try Self.answers(store)
        try store.addCorrections([
            Correction(action: .merge, person: "苗新和", value: "苗新禾", source: "fix.csv:1"),
            Correction(action: .add, person: "付清岚", value: "speaker", event: "c.txt#e1", source: "fix.csv:2"),
        ])
        let stored = try store.storedCorrections()
        #expect(stored.map(\.correction.action) == [.merge, .add])
        #expect(Set(stored.map(\.id)).count == 2)
        #expect(try store.counts().people == 4)

        let removal = try store.removeCorrections(ids: [stored[0].id, 999])
        #expect(removal.removed.map(\.id) == [stored[0].id])
        #expect(removal.unknown == [999])
        #expect(try store.counts().people == 5)
        #expect(try store.canonicalName(of: "苗新和") == "苗新和")
        #expect(try store.coAttendees(of: "苗新和").map(\.person).sorted() == ["付清岚", "柯望舒"].sorted())
        #expect(try CorrectionTests.roles(store, "付清岚", at: "c.txt#e1") == .speaker)
        #expect(try store.storedCorrections().map(\.id) == [stored[1].id])
        #expect(try tiesAgreeWithParticipations(store))

        // The add removed too: the participation it made goes, and the store is as ingested.
        let last = try store.removeCorrections(ids: [stored[1].id])
        #expect(last.keptUntilReextracted.isEmpty)
        #expect(try CorrectionTests.roles(store, "付清岚", at: "c.txt#e1") == nil)
        #expect(try store.storedCorrections().isEmpty)
        #expect(try Self.answers(store) == before)
    }

    @Test func removingADropSaysItHoldsUntilTheTextIsReadAgain() throws {
        let folder = try TemporaryFolder()
        let store = try MeetGraphStore(path: folder.path())
        _ = try store.ingest([Sample.item(Sample.flood)])
        try store.addCorrections([Correction(action: .drop, person: "谭远帆", event: "a.txt#e1", source: "fix.csv:1")])
        let id = try #require(try store.storedCorrections().first?.id)
        let removal = try store.removeCorrections(ids: [id])
        #expect(removal.keptUntilReextracted.map(\.id) == [id])
        #expect(try CorrectionTests.roles(store, "谭远帆", at: "a.txt#e1") == nil)
        // The text extracted again (changed): the participation is back, no correction removes it.
        var flood = Sample.flood
        flood.source = "test, extracted again"
        _ = try store.ingest([Sample.item(flood)])
        #expect(try CorrectionTests.roles(store, "谭远帆", at: "a.txt#e1") != nil)
    }
}
