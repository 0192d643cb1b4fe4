import Foundation
import Testing

/// Issue 19, "Rough": pictures and output options — `--out`/`-o` everywhere, the format from the
/// extension, an honest "wrote" line, large attendance pictures pruned, filters applied or refused,
/// tooltips in one language, `--quiet`.
@Suite struct PictureOptionTests {
    static func texts() throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        let texts = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Fixtures.write(["a": Fixtures.standingMeeting, "b": Fixtures.partyMeeting], to: texts)
        return folder
    }

    /// The person nodes of a DOT file (their identifiers start with `person:`).
    static func peopleDrawn(_ dot: String) -> Int {
        dot.split(separator: "\n").filter { $0.hasPrefix("  \"person:") && !$0.contains(" -- ") }.count
    }

    @Test(arguments: [["analyze", "in"], ["export", "--from", "in"]], ["--out", "-o"])
    func folderCommandsTakeOutAndO(command: [String], option: String) throws {
        let folder = try Self.texts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(command + [option, "written"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try !FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("written").path).isEmpty)
    }

    @Test(arguments: ["--out", "-o", "--output"])
    func renderTakesOutAndO(option: String) throws {
        let folder = try Self.texts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["render", "--from", "in", option, "p.dot"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("p.dot").path))
    }

    @Test(arguments: [["-o", "x.jpg"], ["--format", "png", "-o", "y.svg"], ["--format", "svg", "-o", "z.PDF"]])
    func renderRefusesAnUnknownOrMismatchedExtension(arguments: [String]) throws {
        let folder = try Self.texts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["render", "--from", "in"] + arguments, in: folder)
        #expect(result.status == 64, "\(result.stderr)")
        let file = try #require(arguments.last)
        #expect(result.stderr.contains(file), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path))
    }

    @Test func renderWritesTheFormatOfTheExtension() throws {
        let folder = try Self.texts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["render", "--from", "in", "--format", "png", "-o", "p.png"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("p.png")).starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func wroteLineSaysWhatThePictureHolds() throws {
        let folder = try Self.texts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let everybody = try CLIRunner.run(["render", "--from", "in", "-o", "all.dot"], in: folder)
        let top = try CLIRunner.run(["render", "--from", "in", "--top", "2", "-o", "top.dot"], in: folder)
        for (result, file) in [(everybody, "all.dot"), (top, "top.dot")] {
            #expect(result.status == 0, "\(result.stderr)")
            let dot = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(result.stderr.contains("\(Self.peopleDrawn(dot)) people"), "\(result.stderr)")
        }
        #expect(top.stderr.contains("2 people"))
        #expect(!everybody.stderr.contains("2 people"))
    }

    /// A store imported from a table of invented people, `people` of them, `perEvent` at each event.
    static func largeStore(people: Int, perEvent: Int, in folder: URL) throws -> String {
        var table = "person,event,date\n"
        for index in 0..<people {
            for event in Set([index / perEvent, (index * 7 + 3) % (people / perEvent)]) {
                table += "成员\(index),会议\(event),2023-01-\(String(format: "%02d", event % 28 + 1))\n"
            }
        }
        let file = folder.appendingPathComponent("large.csv")
        try table.write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("large.sqlite").path
        let result = try CLIRunner.run(["import", file.path, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    @Test func aLargeAttendancePictureIsPrunedAndSaysSo() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.largeStore(people: 600, perEvent: 20, in: folder)
        let pruned = try CLIRunner.run(["render", "--view", "attendance", "--db", db, "-o", "pruned.dot"], in: folder)
        #expect(pruned.status == 0, "\(pruned.stderr)")
        #expect(pruned.stderr.contains("--all"), "\(pruned.stderr)")
        let prunedDOT = try String(contentsOf: folder.appendingPathComponent("pruned.dot"), encoding: .utf8)
        #expect(Self.peopleDrawn(prunedDOT) < 600)
        let all = try CLIRunner.run(["render", "--view", "attendance", "--all", "--db", db, "-o", "all.dot"], in: folder)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(!all.stderr.contains("--all"))
        #expect(Self.peopleDrawn(try String(contentsOf: folder.appendingPathComponent("all.dot"), encoding: .utf8)) == 600)
    }

    @Test(arguments: [
        ["--view", "attendance", "--min-weight", "2"], ["--view", "coattendance", "--person", "韩立平"],
        ["--view", "coattendance", "--depth", "2"], ["--view", "coattendance", "--all"],
        ["--view", "attendance", "--all", "--top", "3"],
    ])
    func aFilterAViewIgnoresIsRefused(arguments: [String]) throws {
        let folder = try Self.texts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["render", "--from", "in", "-o", "p.dot"] + arguments, in: folder)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(arguments[2]), "\(result.stderr)")
    }

    @Test func aFilterAViewTakesChangesThePicture() throws {
        let folder = try Self.texts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = try CLIRunner.run(["render", "--from", "in", "-o", "all.dot"], in: folder)
        let heavy = try CLIRunner.run(["render", "--from", "in", "--min-weight", "2", "-o", "heavy.dot"], in: folder)
        #expect(all.status == 0 && heavy.status == 0, "\(heavy.stderr)")
        let count = { (file: String) in Self.peopleDrawn(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) }
        #expect(try count("heavy.dot") < count("all.dot"))
    }

    @Test func svgTooltipsAreInOneLanguage() throws {
        let folder = try Self.texts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["render", "--from", "in", "-o", "p.svg"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: folder.appendingPathComponent("p.svg"), encoding: .utf8)
        // The English phrase of a tooltip ends its line: names and event labels are on their own.
        let phrases = svg.components(separatedBy: "xlink:title=\"").dropFirst().map { $0.prefix(while: { $0 != "\"" }) }
        let counted = phrases.flatMap { $0.components(separatedBy: "&#10;") }.filter { $0.contains("event") }
        #expect(!counted.isEmpty)
        for line in counted {
            #expect(line.hasSuffix(" event") || line.hasSuffix(" events"), "\(line)")
        }
    }

    /// Invented three-character names: a surname and two given characters, `count` of them.
    static func inventedNames(_ count: Int) -> [String] {
        let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
        let given = Array("文建国海明立春秋华振玉")
        var names: [String] = []
        for surname in surnames {
            for first in given {
                for second in given where second != first {
                    names.append(String([surname, first, second]))
                    if names.count == count { return names }
                }
            }
        }
        return names
    }

    @Test func analyzeSaysWhatItDrawsOnALargeGraphUnlessQuiet() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        let names = Self.inventedNames(360)
        var documents: [String: String] = [:]
        for meeting in 0..<30 {
            let people = names[(meeting * 12)..<(meeting * 12 + 12)]
            documents["m\(meeting)"] = "本报讯 3月\(meeting % 28 + 1)日,县政府召开第\(meeting + 1)次常务会议。县长\(people.first!)主持会议。"
                + "副县长" + people.dropFirst().joined(separator: "、") + "参加会议。"
        }
        try Fixtures.write(documents, to: texts)
        let loud = try CLIRunner.run(["analyze", "in", "-o", "out"], in: folder)
        #expect(loud.status == 0, "\(loud.stderr)")
        #expect(loud.stderr.contains("drawing attendance.svg"), "\(loud.stderr)")
        let quiet = try CLIRunner.run(["analyze", "in", "-o", "out", "--quiet"], in: folder)
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    @Test(arguments: [["analyze", "in", "-o", "out"], ["extract", "in"], ["ingest", "in", "--db", "q.sqlite"],
                      ["export", "--from", "in", "-o", "ex"], ["render", "--from", "in", "-o", "q.svg"]])
    func quietCommandsWriteNothingButErrors(command: [String]) throws {
        let folder = try Self.texts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loud = try CLIRunner.run(command, in: folder)
        #expect(loud.status == 0, "\(loud.stderr)")
        let quiet = try CLIRunner.run(command + ["--quiet"], in: folder)
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    }
}
