import Foundation
import MeetGraphStore
import Testing

/// Exports and extractions are byte for byte what MeetGraph wrote before import, export and
/// `extract` were made to stream (issue #15): a Davis-shaped table with invented names (plus
/// cells that need quotes and the formula guard) against files kept in `Golden/`, and the dev
/// corpus against the SHA-256 of each file (`Golden/dev-corpus.sha256`) when it is present.
@Suite struct GoldenOutputTests {
    static let golden = CLIRunner.packageRoot.appendingPathComponent("Tests/meetgraphTests/Golden")
    static let devCorpus = CLIRunner.packageRoot.appendingPathComponent("../shared/corpus/dev").standardizedFileURL

    @Test func davisTableExportsAsBefore() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("davis.sqlite").path
        let imported = try CLIRunner.run(["import", Self.golden.appendingPathComponent("davis.csv").path, "--db", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        for (format, extra, name) in [("csv", [], "davis-csv"), ("csv", ["--excel"], "davis-csv-excel"),
                                      ("gephi", [], "davis-gephi"), ("neo4j", [], "davis-neo4j")] {
            let out = folder.appendingPathComponent(name)
            let result = try CLIRunner.run(["export", "--format", format, "--db", store, "--out", out.path] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let expected = Self.golden.appendingPathComponent(name)
            for file in try FileManager.default.contentsOfDirectory(atPath: expected.path) {
                let written = try Data(contentsOf: out.appendingPathComponent(file))
                #expect(written == (try Data(contentsOf: expected.appendingPathComponent(file))), "\(name)/\(file)")
            }
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: devCorpus.path)))
    func devCorpusExportsAndExtractsAsBefore() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("dev.sqlite").path
        // Relative paths, as the digests were made: evidence and keys name the files as given.
        let ingested = try CLIRunner.run(["ingest", ".", "--db", store, "--jobs", "1"], in: Self.devCorpus)
        #expect(ingested.status == 0, "\(ingested.stderr)")
        for format in ["csv", "gephi", "graphml", "json", "neo4j"] {
            let result = try CLIRunner.run(["export", "--format", format, "--db", store,
                                            "--out", folder.appendingPathComponent(format).path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        for format in ["json", "jsonl"] {
            let result = try CLIRunner.run(["extract", ".", "--format", format, "--jobs", "1"], in: Self.devCorpus)
            #expect(result.status == 0, "\(result.stderr)")
            // `source` is the file's absolute path, which differs from machine to machine.
            let portable = result.stdout.replacingOccurrences(of: Self.devCorpus.path + "/", with: "DEV/")
            try Data(portable.utf8).write(to: folder.appendingPathComponent("extract.\(format)"))
        }
        let digests = try String(contentsOf: Self.golden.appendingPathComponent("dev-corpus.sha256"), encoding: .utf8)
        for line in digests.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let file = String(fields[1])
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect(ContentHash.sha256(of: data) == String(fields[0]), "\(file) differs from the output before #15")
        }
    }
}
