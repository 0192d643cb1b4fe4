import Foundation
import Testing

/// Issue 19, "Broken": `--limit` means result rows in every format, a chain is never cut, every
/// format stays its format for empty and negative answers, and JSON has one snake_case schema.
@Suite struct QueryAnswerTests {
    /// A store of the fixture meetings plus a meeting of two people who met nobody else.
    static func store() throws -> (folder: URL, db: String) {
        let folder = try CLIRunner.temporaryFolder()
        let texts = folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Fixtures.write(["a": Fixtures.standingMeeting, "b": Fixtures.partyMeeting, "c": Fixtures.farAwayMeeting],
                           to: texts)
        let db = folder.appendingPathComponent("s.sqlite").path
        let ingest = try CLIRunner.run(["ingest", texts.path, "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (folder, db)
    }

    static func json(_ arguments: [String]) throws -> Any {
        let result = try CLIRunner.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// The most connected person and the person who shared most events with them, from the store.
    static func pair(_ db: String) throws -> (String, String) {
        let top = try #require(try json(["query", "top", "--db", db]) as? [[String: Any]])
        let first = try #require(top.first?["person"] as? String)
        let met = try #require(try json(["query", "who-met", first, "--db", db]) as? [[String: Any]])
        let second = try #require(met.first?["person"] as? String)
        return (first, second)
    }

    /// How many results each query gives as JSON: the rows `--limit` counts.
    static func resultCount(_ arguments: [String]) throws -> Int {
        let value = try json(arguments)
        if let rows = value as? [Any] { return rows.count }
        let object = try #require(value as? [String: Any])
        let list = object["events"] ?? object["communities"]
        return try #require(list as? [Any]).count
    }

    @Test func limitCountsResultRowsInEveryFormat() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try Self.pair(db)
        let queries: [[String]] = [
            ["query", "top"], ["query", "events"], ["query", "who-met", first], ["query", "person", first],
            ["query", "communities"], ["query", "met", first, second],
        ]
        for query in queries {
            let all = try Self.resultCount(query + ["--db", db])
            #expect(all >= 2, "\(query) needs two results for the test to say anything")
            #expect(try Self.resultCount(query + ["--db", db, "--limit", "1"]) == 1, "\(query) json")
            let csv = try CLIRunner.run(query + ["--db", db, "--limit", "1", "--format", "csv"])
            let lines = csv.stdout.split(separator: "\r\n").dropFirst()
            if query[1] == "met" {
                // One row per participant: both rows of the one event.
                #expect(Set(lines.map { $0.prefix(while: { $0 != "," }) }).count == 1, "\(query) csv")
            } else {
                #expect(lines.count == 1, "\(query) csv: \(csv.stdout)")
            }
            if query[1] != "met" {
                let table = try CLIRunner.run(query + ["--db", db, "--limit", "1"])
                #expect(table.stdout.split(separator: "\n").count == 3, "\(query) table: \(table.stdout)")
            }
        }
    }

    @Test func aChainIsNeverCutByLimit() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cut = try CLIRunner.run(["query", "path", "高振宇", "宋雅琴", "--db", db, "--limit", "1"])
        #expect(cut.status == 64)
        #expect(cut.stderr.contains("--limit"), "\(cut.stderr)")
        let whole = try #require(try Self.json(["query", "path", "高振宇", "宋雅琴", "--db", db]) as? [String: Any])
        let steps = try #require(whole["steps"] as? [[String: Any]])
        #expect(steps.count == 2)
        #expect(steps.first?["from"] as? String == "高振宇" && steps.last?["to"] as? String == "宋雅琴")
    }

    @Test func negativeAnswersKeepTheirFormat() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let far = ["query", "path", "高振宇", Fixtures.farAwayPeople[0], "--db", db]
        let json = try #require(try Self.json(far) as? [String: Any])
        #expect(json["connected"] as? Bool == false)
        #expect((json["steps"] as? [Any])?.isEmpty == true)
        let csv = try CLIRunner.run(far + ["--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout == "step,from,to,events\r\n", "\(csv.stdout)")
        let table = try CLIRunner.run(far)
        #expect(table.status == 0 && table.stdout.hasPrefix("no chain"))

        let met = ["query", "met", "高振宇", Fixtures.farAwayPeople[0], "--db", db]
        let metJSON = try #require(try Self.json(met) as? [String: Any])
        #expect(metJSON["met"] as? Bool == false)
        let metCSV = try CLIRunner.run(met + ["--format", "csv"])
        #expect(metCSV.stdout.split(separator: "\r\n").count == 1, "\(metCSV.stdout)")
        let nobody = try #require(try Self.json(["query", "events", "--db", db, "--kind", "visit"]) as? [Any])
        #expect(nobody.isEmpty)
    }

    /// Every key of `value`, recursively, with the objects that hold an event id.
    static func keys(of value: Any, into keys: inout Set<String>, events: inout [[String: Any]]) {
        if let object = value as? [String: Any] {
            keys.formUnion(object.keys)
            if object["id"] != nil { events.append(object) }
            for child in object.values { Self.keys(of: child, into: &keys, events: &events) }
        } else if let array = value as? [Any] {
            for child in array { Self.keys(of: child, into: &keys, events: &events) }
        }
    }

    @Test func everyAnswerUsesOneSnakeCaseSchemaWithEventIds() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try Self.pair(db)
        let known = try #require(try Self.json(["query", "events", "--db", db]) as? [[String: Any]])
        let ids = Set(known.compactMap { $0["id"] as? String })
        #expect(!ids.isEmpty)
        let queries: [[String]] = [
            ["query", "who-met", first], ["query", "met", first, second], ["query", "path", "高振宇", "宋雅琴"],
            ["query", "person", first], ["query", "top", "--all"], ["query", "communities"], ["query", "events"],
        ]
        for query in queries {
            var keys = Set<String>()
            var events: [[String: Any]] = []
            Self.keys(of: try Self.json(query + ["--db", db]), into: &keys, events: &events)
            for key in keys {
                #expect(key.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(query): key \(key)")
            }
            if query[1] != "top" && query[1] != "communities" {
                #expect(!events.isEmpty, "\(query) names no event by id")
            }
            for event in events {
                #expect(ids.contains(event["id"] as? String ?? ""), "\(query): \(event)")
                #expect(event["name"] is String, "\(query): an event id without its name")
            }
        }
    }
}
