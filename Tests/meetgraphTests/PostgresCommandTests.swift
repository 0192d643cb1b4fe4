import Foundation
import MeetGraph
import MeetGraphStore
import PostgresTestSupport
import Testing

/// `meetgraph` on a PostgreSQL store (`--db postgres://…`), as a user runs it.
@Suite(.enabled(if: PostgresTestServer.isAvailable, "needs a PostgreSQL server (initdb and pg_ctl, or MEETGRAPH_TEST_POSTGRES)"),
       .serialized)
struct PostgresCommandTests {
    /// `count` county meeting reports about invented officials, each a different text; meetings
    /// share people, so ties and people are written by many documents.
    static func reports(_ count: Int) -> [String: String] {
        let family = Array("韩朱钱宋邓高孔包程林周吴郑冯陈褚卫蒋沈杨")
        let given = ["立平", "文静", "卫东", "雅琴", "海川", "振宇", "德明", "晓梅", "明远", "秋实", "若川", "清和"]
        func person(_ number: Int) -> String { String(family[number % family.count]) + given[number / family.count % given.count] }
        var texts: [String: String] = [:]
        for index in 0..<count {
            let chair = person(index % 37)
            let others = (1...3).map { person((index * 7 + $0 * 11) % 131) }.filter { $0 != chair }
            let month = 1 + index % 12, day = 1 + index % 28
            texts[String(format: "r%04d", index)] = """
                本报讯(记者 林小雨)\(month)月\(day)日,县政府召开第\(index + 1)次常务会议。县长\(chair)主持会议并讲话。\
                副县长\(others.joined(separator: "、"))参加会议。
                """
        }
        return texts
    }

    /// Everything a user can ask the store, as lines: counts, the graph, and who-met for everyone.
    static func contents(_ url: String) throws -> [String] {
        let store = try PostgresStore(url: url, readOnly: true)
        let counts = try store.counts()
        var lines = ["counts \(counts.documents) \(counts.events) \(counts.people) \(counts.participations)"]
        let graph = try store.loadGraph(filter: .everything)
        for attendance in graph.attendances {
            lines.append("attends \(graph[attendance.person].name) \(graph[attendance.event].key) \(attendance.roles)")
        }
        for person in graph.people {
            for row in try store.coAttendees(of: person.name, filter: .everything, includingEvents: false, limit: nil) {
                lines.append("tie \(person.name) \(row.person) \(row.count) \(row.first?.description ?? "-")")
            }
        }
        return lines.sorted()
    }

    @Test func twoIngestsStartedAtOnceStoreExactlyTheRowsOfOne() throws {
        let server = try PostgresTestServer.shared.get()
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = Self.reports(400)
        try Fixtures.write(texts, to: folder)

        let once = try server.makeDatabase()
        let single = try CLIRunner.run(["ingest", folder.path, "--db", once, "--batch-size", "16", "--quiet"])
        #expect(single.status == 0, "\(single.stderr)")

        let twice = try server.makeDatabase()
        // Create the tables first, so that both runs below race on documents, not on the schema.
        _ = try PostgresStore(url: twice)
        let lock = NSLock()
        nonisolated(unsafe) var results: [CLIRunner.Result?] = [nil, nil]
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = try? CLIRunner.run(["ingest", folder.path, "--db", twice, "--batch-size", "16", "--quiet"])
            lock.withLock { results[index] = result }
        }
        for result in results {
            #expect(result?.status == 0, "\(result?.stderr ?? "did not run")")
        }
        // Each report was added by exactly one of the two runs; the other found it stored.
        let added = results.compactMap { $0?.stdout }.map(Self.addedCount).reduce(0, +)
        #expect(added == texts.count)

        let counts = try PostgresStore(url: once, readOnly: true).counts()
        #expect(counts.documents == texts.count && counts.participations > texts.count)
        let expected = try Self.contents(once)
        #expect(try Self.contents(twice) == expected)
    }

    @Test func queriesOnPostgresAnswerAsOnSQLite() throws {
        let server = try PostgresTestServer.shared.get()
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Fixtures.write(["a": Fixtures.standingMeeting, "b": Fixtures.partyMeeting, "c": Fixtures.farAwayMeeting], to: texts)
        let file = folder.appendingPathComponent("store.sqlite").path
        let url = try server.makeDatabase()
        for db in [file, url] {
            let result = try CLIRunner.run(["ingest", texts.path, "--db", db, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let questions: [[String]] = [
            ["query", "who-met", "韩立平", "--format", "json"],
            ["query", "who-met", "韩立平", "--kind", "meeting", "--format", "csv"],
            ["query", "met", "韩立平", "朱文静", "--format", "json"],
            ["query", "path", "高振宇", "钱卫东", "--format", "json"],
            ["query", "path", "高振宇", "孔德明"],
            ["query", "top", "--by", "betweenness", "--format", "csv"],
            ["query", "person", "朱文静", "--format", "json"],
            ["query", "events", "--format", "csv"],
            ["query", "who-met", "韩力平"],
            ["export", "--format", "csv", "--out", "OUT"],
        ]
        for question in questions {
            var answers: [String] = []
            for (number, db) in [file, url].enumerated() {
                let out = folder.appendingPathComponent("export\(number)").path
                let result = try CLIRunner.run(question.map { $0 == "OUT" ? out : $0 } + ["--db", db])
                var answer = "\(result.status)\n\(result.stdout)\(result.stderr)".replacingOccurrences(of: out, with: "OUT")
                if question.first == "export" {
                    let files = (try? FileManager.default.contentsOfDirectory(atPath: out).sorted()) ?? []
                    answer += files.map { (try? String(contentsOfFile: out + "/" + $0, encoding: .utf8)) ?? "" }
                        .joined(separator: "\n")
                }
                answers.append(answer.replacingOccurrences(of: db, with: "DB"))
            }
            #expect(answers[0] == answers[1], "\(question.joined(separator: " "))")
        }
    }

    /// The `added N` line of an ingest summary.
    static func addedCount(_ summary: String) -> Int {
        for line in summary.split(separator: "\n") where line.hasPrefix("added") {
            return Int(line.split(separator: " ").last ?? "") ?? 0
        }
        return 0
    }
}
