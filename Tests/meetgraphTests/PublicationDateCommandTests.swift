import Foundation
import Testing

/// Publication dates from a manifest and file names fill the years of month-day dates; a date
/// range says how many events it left out undated.
@Suite struct PublicationDateCommandTests {
    static let traditionalMeeting = IdentityRouteTests.traditionalMeeting

    @Test func manifestAndFileNamesDateTheEventsAndRangesCountTheUndated() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        // 3月2日 in a file named for 2022; 3月5日 dated 2021 by the manifest; 3月9日 with no date at all.
        try Fixtures.write(["2022-03-04-a": Fixtures.standingMeeting, "b": Fixtures.partyMeeting,
                            "c": Self.traditionalMeeting], to: texts)
        let manifest = folder.appendingPathComponent("manifest.csv")
        try "file,date,url\nb.txt,2021-03-06,\n".write(to: manifest, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("test.sqlite").path
        let ingest = try CLIRunner.run(["ingest", texts.path, "--db", db, "--manifest", manifest.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let all = try CLIRunner.run(["query", "events", "--db", db, "--format", "csv"])
        let dates = all.stdout.split(separator: "\r\n").dropFirst().map { String($0.prefix(while: { $0 != "," })) }
        // Ordered by full date, the undated event first.
        #expect(dates == ["03-09", "2021-03-05", "2022-03-02"], "\(all.stdout)")

        let since = try CLIRunner.run(["query", "events", "--db", db, "--since", "2021-01-01", "--format", "csv"])
        #expect(since.status == 0, "\(since.stderr)")
        #expect(since.stdout.split(separator: "\r\n").count == 3)
        #expect(since.stderr.contains("left out 1 events"), "\(since.stderr)")

        let analyzed = try CLIRunner.run(["analyze", texts.path, "--manifest", manifest.path, "--since", "2022-01-01",
                                          "--out", folder.appendingPathComponent("out").path])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        #expect(analyzed.stderr.contains("left out 1 events"), "\(analyzed.stderr)")
        #expect(analyzed.stdout.contains("events          1"), "\(analyzed.stdout)")
    }

    @Test func aBadManifestIsAUsageErrorNamingTheFileAndLine() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["a": Fixtures.standingMeeting], to: folder)
        let manifest = folder.appendingPathComponent("manifest.csv")
        try "file,date\na.txt,May 17\n".write(to: manifest, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("test.sqlite").path
        let result = try CLIRunner.run(["ingest", folder.appendingPathComponent("a.txt").path, "--db", db,
                                        "--manifest", manifest.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("manifest.csv:2"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
