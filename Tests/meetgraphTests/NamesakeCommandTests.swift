import Foundation
import Testing

/// Namesakes on every route (issue 14): one name borne by an official of one city and of a county
/// elsewhere is two people in `analyze`, `export --from` and the store; `query person` lists them.
/// Names and places are invented.
@Suite struct NamesakeCommandTests {
    static let cityMeeting = """
        本报讯(记者 林小雨)2021年4月2日,青禾市政府召开常务会议。青禾市委书记苏念白主持会议。青禾市副市长柯远舟参加会议。
        """
    /// The same city later: 市长 with no place, at a meeting the city's name is on.
    static let cityCommittee = """
        本报讯(记者 周明)2021年9月1日,青禾市委召开常委会会议。市委书记苏念白主持会议。市长柯远舟参加会议。
        """
    static let countyMeeting = """
        本报讯(记者 周明)2023年6月12日,栖梧县政府召开专题会议。栖梧县委书记温叙然主持会议。县长柯远舟参加会议。
        """

    @Test func namesakesOfTwoPlacesAreTwoPeopleByEveryRoute() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = folder.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Fixtures.write(["a": Self.cityMeeting, "b": Self.countyMeeting, "c": Self.cityCommittee], to: texts)
        let db = folder.appendingPathComponent("test.sqlite").path
        for (arguments, name) in [(["analyze", texts.path], "analyze"),
                                  (["export", "--from", texts.path, "--format", "csv"], "from")] {
            let result = try CLIRunner.run(arguments + ["--out", folder.appendingPathComponent(name).path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try CLIRunner.run(["ingest", texts.path, "--db", db]).status == 0)
        let export = try CLIRunner.run(["export", "--db", db, "--format", "csv", "--out", folder.appendingPathComponent("store").path])
        #expect(export.status == 0, "\(export.stderr)")

        let analyze = try IdentityRouteTests.Tables(folder: folder.appendingPathComponent("analyze"))
        #expect(try IdentityRouteTests.Tables(folder: folder.appendingPathComponent("from")) == analyze)
        #expect(try IdentityRouteTests.Tables(folder: folder.appendingPathComponent("store")) == analyze)
        #expect(analyze.people == ["苏念白", "温叙然", "柯远舟（青禾市）", "柯远舟（栖梧县）"])
        #expect(analyze.ties[["苏念白", "柯远舟（青禾市）"]] == 2)
        #expect(analyze.ties[["温叙然", "柯远舟（栖梧县）"]] == 1)

        // The bare name lists the candidates; a qualified name or --pick shows one, with its title history.
        let list = try CLIRunner.run(["query", "person", "柯远舟", "--db", db, "--format", "json"])
        #expect(list.status == 0, "\(list.stderr)")
        struct Candidate: Decodable { var pick: Int; var person: String; var places: [String]; var events: Int; var first: String? }
        let candidates = try JSONDecoder().decode([Candidate].self, from: Data(list.stdout.utf8))
        #expect(candidates.map(\.person) == ["柯远舟（青禾市）", "柯远舟（栖梧县）"])
        #expect(candidates.map(\.places) == [["青禾市"], ["栖梧县"]])
        #expect(candidates.map(\.events) == [2, 1])
        #expect(candidates.map(\.first) == ["2021-04-02", "2023-06-12"])

        struct Held: Decodable { var title: String; var first: String?; var last: String?; var events: Int }
        struct Person: Decodable { var person: String; var titleHistory: [Held] }
        for arguments in [["柯远舟(青禾市)"], ["柯远舟", "--pick", "1"]] {
            let shown = try CLIRunner.run(["query", "person"] + arguments + ["--db", db, "--format", "json"])
            #expect(shown.status == 0, "\(shown.stderr)")
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let person = try decoder.decode(Person.self, from: Data(shown.stdout.utf8))
            #expect(person.person == "柯远舟（青禾市）")
            #expect(person.titleHistory.map(\.title) == ["青禾市副市长", "市长"])
            #expect(person.titleHistory.map(\.first) == ["2021-04-02", "2021-09-01"])
        }
        let titles = try CLIRunner.run(["query", "person", "柯远舟（栖梧县）", "--titles", "--db", db, "--format", "csv"])
        #expect(titles.stdout.split(separator: "\r\n").dropFirst() == ["县长,2023-06-12,2023-06-12,1"], "\(titles.stdout)")
        #expect(try CLIRunner.run(["query", "person", "柯远舟", "--pick", "3", "--db", db]).status == 64)
    }
}
