import Foundation
import MeetGraph
import MeetGraphExport
import MeetGraphExtraction
@testable import MeetGraphStore
import PostgresTestSupport
import Testing

/// The two stores a test can run on.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// A new, empty store of this kind; `folder` holds the SQLite file.
    func makeStore(_ folder: TemporaryFolder) throws -> any GraphStore {
        switch self {
        case .sqlite:
            return try MeetGraphStore(path: folder.path(), nameKey: NameForms.simplifiedKey)
        case .postgres:
            let server = try PostgresTestServer.shared.get()
            return try PostgresStore(url: try server.makeDatabase(), nameKey: NameForms.simplifiedKey)
        }
    }
}

/// What the package's own data gives: the dev corpus (when present beside the project), the seeds,
/// and the Davis table, as ingest items.
enum Corpora {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The texts of `folder`, extracted, in file-name order; empty when the folder is absent.
    static func texts(in folder: URL, label: String) -> [IngestItem] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        let extractor = Extractor()
        return names.compactMap { name in
            let url = folder.appendingPathComponent(name)
            guard let source = try? SourceText.read(contentsOf: url) else { return nil }
            let hash = ContentHash.sha256(of: source.text)
            let document = extractor.document(from: SourceText(name: label + "/" + name, text: source.text,
                                                               encoding: source.encoding))
            return IngestItem(document: document, contentHash: hash, path: label + "/" + name)
        }
    }

    static var dev: [IngestItem] {
        texts(in: packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev"), label: "dev")
    }

    static var seeds: [IngestItem] { texts(in: packageRoot.appendingPathComponent("seeds"), label: "seeds") }

    static var davis: [AttendanceRow] {
        let url = packageRoot.appendingPathComponent("Tests/meetgraphTests/Golden/davis.csv")
        return (try? AttendanceTable.read(contentsOf: url).rows) ?? []
    }
}

/// Every answer a store gives about its contents, written as lines, so that two stores can be
/// compared line by line: counts, the whole graph, who-met (with and without filters and
/// limits), met for each pair who met, timelines, event lists and undated counts.
func answers(of store: any GraphStore) throws -> [String] {
    var lines: [String] = []
    let counts = try store.counts()
    lines.append("counts \(counts.documents) \(counts.events) \(counts.people) \(counts.participations)")
    let graph = try store.loadGraph(filter: .everything)
    lines += MeetGraphStoreTests.lines(graph).map { "graph " + $0 }
    let filters: [AttendanceFilter] = [.everything, AttendanceFilter(kinds: [.meeting]),
                                       AttendanceFilter(since: EventDate("2020-01-01")), AttendanceFilter(roles: .chair)]
    for (number, filter) in filters.enumerated() {
        lines += MeetGraphStoreTests.lines(try store.loadGraph(filter: filter)).map { "graph\(number) " + $0 }
        lines += try store.events(filter: filter, person: nil).map { "events\(number) \($0.key) \($0.label)" }
        let undated = try store.undatedEvents(filter: filter)
        lines.append("undated\(number) \(undated.withoutDate) \(undated.withoutYear)")
    }
    let people = graph.people.map(\.name).sorted()
    for name in people {
        lines.append("name \(name) \(try store.canonicalName(of: name))")
        for (number, filter) in filters.enumerated() {
            for row in try store.coAttendees(of: name, filter: filter, includingEvents: true, limit: nil) {
                lines.append("who-met\(number) \(name) \(row.person) \(row.count) \(row.first?.description ?? "-") "
                    + "\(row.last?.description ?? "-") \(row.eventKeys.joined(separator: ","))")
            }
        }
        for row in try store.coAttendees(of: name, filter: .everything, includingEvents: false, limit: 3) {
            lines.append("who-met-top3 \(name) \(row.person) \(row.count)")
        }
        let timeline = try store.timeline(of: name, filter: .everything)
        lines += timeline.entries.map { "timeline \(name) \($0.event.key) \($0.participation.roles) \($0.participation.evidence.count)" }
        lines += timeline.titles.map { "title \(name) \($0.title) \($0.date?.description ?? "-") \($0.event)" }
        lines += try store.titleHistory(of: name).map {
            "held \(name) \($0.title) \($0.first?.description ?? "-") \($0.last?.description ?? "-") \($0.events)"
        }
    }
    // Met, for the first co-attendees of a spread of people (every pair would be quadratic).
    for name in people.enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) {
        for other in try store.coAttendees(of: name, filter: .everything, includingEvents: false, limit: 4) {
            for shared in try store.sharedEvents(name, other.person, filter: .everything) {
                lines.append("met \(name) \(other.person) \(shared.event.key) \(shared.first.roles) \(shared.second.roles) "
                    + "\(shared.first.evidence.map(\.sentence).joined(separator: "|"))")
            }
        }
    }
    return lines
}

/// The same documents in a SQLite store and a PostgreSQL store give the same answer to every query.
@Suite(.enabled(if: PostgresTestServer.isAvailable, "needs a PostgreSQL server (initdb and pg_ctl, or MEETGRAPH_TEST_POSTGRES)"),
       .serialized)
struct BackendAgreementTests {
    /// Ingests `items` (in batches) and imports `tables` into a new store of `backend`.
    static func filled(_ backend: Backend, _ folder: TemporaryFolder, items: [IngestItem],
                       tables: [(String, [AttendanceRow])] = [], batchSize: Int = 16) throws -> any GraphStore {
        let store = try backend.makeStore(folder)
        _ = try store.ingest(items, batchSize: batchSize)
        for (source, rows) in tables { _ = try store.importAttendance(rows: rows, source: source) }
        return store
    }

    @Test func devCorpusSeedsAndDavisGiveTheSameAnswers() throws {
        let items = Corpora.dev + Corpora.seeds
        let davis = Corpora.davis
        #expect(!items.isEmpty && !davis.isEmpty, "the seeds and the Davis table are part of the package")
        let folder = try TemporaryFolder()
        let sqlite = try Self.filled(.sqlite, folder, items: items, tables: [("davis.csv", davis)])
        let postgres = try Self.filled(.postgres, folder, items: items, tables: [("davis.csv", davis)])
        let expected = try answers(of: sqlite)
        let got = try answers(of: postgres)
        #expect(expected.count > 1_000)
        #expect(got.count == expected.count)
        let missing = Set(expected).subtracting(got).sorted().prefix(10)
        let extra = Set(got).subtracting(expected).sorted().prefix(10)
        #expect(missing.isEmpty && extra.isEmpty, "only SQLite: \(missing)\nonly PostgreSQL: \(extra)")
        #expect(got == expected)
    }

    @Test func ingestingAgainChangesNothingOnEitherBackend() throws {
        let items = Corpora.seeds
        let folder = try TemporaryFolder()
        for backend in Backend.allCases {
            let store = try Self.filled(backend, folder, items: items)
            let before = try answers(of: store)
            let again = try store.ingest(items, batchSize: 5)
            #expect(again.unchanged.count == items.count && again.added.isEmpty, "\(backend)")
            #expect(try answers(of: store) == before, "\(backend)")
        }
    }

    @Test func replacedMovedAndPrunedDocumentsGiveTheSameAnswers() throws {
        let folder = try TemporaryFolder()
        var results: [[String]] = []
        var summaries: [[String]] = []
        for backend in Backend.allCases {
            let store = try backend.makeStore(folder)
            _ = try store.ingest([Sample.item(Sample.flood), Sample.item(Sample.committee), Sample.item(Sample.threeEvents)],
                                 batchSize: 2)
            // b.txt's path now holds the three-event text's content changed; c.txt moved to d.txt.
            var changed = Sample.committee
            changed.events[0].participants.removeLast()
            let summary = try store.ingest([Sample.item(changed, path: "/corpus/b.txt"),
                                            Sample.item(Sample.threeEvents, path: "/corpus/d.txt")], batchSize: 64)
            summaries.append([summary.replaced, summary.moved].map { $0.joined(separator: ",") })
            let pruned = try store.prune(keeping: ["/corpus/b.txt", "/corpus/d.txt"])
            results.append(try answers(of: store) + ["pruned " + pruned.joined(separator: ",")])
        }
        #expect(summaries[0] == ["/corpus/b.txt", "/corpus/d.txt"])
        #expect(summaries[1] == summaries[0])
        #expect(results[1] == results[0])
    }

    @Test func unknownPeopleGetTheSameSuggestions() throws {
        let folder = try TemporaryFolder()
        var messages: [String] = []
        for backend in Backend.allCases {
            let store = try Self.filled(backend, folder, items: [Sample.item(Sample.flood), Sample.item(Sample.committee)])
            do {
                _ = try store.coAttendees(of: "苗新", filter: .everything, includingEvents: false, limit: nil)
                Issue.record("an unknown name was answered on \(backend)")
            } catch let error as StoreError {
                messages.append(error.description)
            }
        }
        #expect(messages.count == 2 && messages[0] == messages[1])
        #expect(messages.first?.contains("苗新禾") == true)
    }
}
