import Foundation
import Testing

/// Bad input the CLI meets in archives: legacy encodings, damaged bytes, entries that are not
/// readable files, and very long lines. Every problem names the file; the other files go on.
@Suite struct HardeningTests {
    /// An invented report: a meeting with a chair, a speaker and two attendees.
    static let report = """
        本报讯（记者 贾文涛）3月12日上午，市委常委会召开会议，市委书记欧阳振华主持会议并讲话。
        市长司马立新，市委常委、常务副市长周德胜出席会议。

        """

    /// The names `extract --format jsonl` printed, per document file name.
    static func participants(in output: String) throws -> [String: [String]] {
        var names: [String: [String]] = [:]
        for line in output.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = try #require(object["document"] as? String)
            let events = object["events"] as? [[String: Any]] ?? []
            names[file] = events.flatMap { ($0["participants"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
        }
        return names
    }

    /// `text` in GB18030, converted by the system's iconv (glibc), independent of MeetGraph's decoder.
    static func gb18030(_ text: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return data
    }

    @Test func gb18030FileWithoutEncodingOptionGivesTheSamePeopleAsUTF8() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gb18030 = try Self.gb18030(Self.report)
        #expect(String(data: gb18030, encoding: .utf8) == nil, "the GB18030 bytes must not also be valid UTF-8")
        try gb18030.write(to: folder.appendingPathComponent("legacy.txt"))
        try Data(Self.report.utf8).write(to: folder.appendingPathComponent("modern.txt"))

        let result = try CLIRunner.run(["extract", "--format", "jsonl", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try Self.participants(in: result.stdout)
        let legacy = try #require(names["legacy.txt"])
        #expect(legacy.contains("欧阳振华") && legacy.contains("周德胜"))
        #expect(legacy == names["modern.txt"])
    }

    @Test func damagedUTF8IsNamedWithTheOffsetAndOthersStillProcessed() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var damaged = Array(Self.report.utf8)
        let offset = Array("本报讯（记者 贾文涛".utf8).count  // before ）, between two characters
        damaged.insert(0xFF, at: offset)
        try Data(damaged).write(to: folder.appendingPathComponent("damaged.txt"))
        try Data(Self.report.utf8).write(to: folder.appendingPathComponent("good.txt"))

        let result = try CLIRunner.run(["extract", "--format", "jsonl", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("damaged.txt"))
        #expect(result.stderr.contains("UTF-8") && result.stderr.contains("offset \(offset)"))
        #expect(try Self.participants(in: result.stdout)["good.txt"]?.contains("欧阳振华") == true)
    }

    @Test func folderWithEntriesThatCannotBeReadNamesThemAndProcessesTheOthers() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try Data(Self.report.utf8).write(to: folder.appendingPathComponent("good.txt"))
        // A link to a file that is gone, and a folder whose name ends in .txt.
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("gone.txt").path,
                                       withDestinationPath: folder.appendingPathComponent("deleted.txt").path)
        try manager.createDirectory(at: folder.appendingPathComponent("notes.txt"), withIntermediateDirectories: false)
        // A file without read permission: only a test when permissions bind (not for root).
        let locked = folder.appendingPathComponent("locked.txt")
        try Data(Self.report.utf8).write(to: locked)
        try manager.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        let permissionsBind = !manager.isReadableFile(atPath: locked.path)

        let result = try CLIRunner.run(["extract", "--format", "jsonl", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("gone.txt"))
        #expect(result.stderr.contains("notes.txt"))
        if permissionsBind { #expect(result.stderr.contains("locked.txt")) }
        let names = try Self.participants(in: result.stdout)
        #expect(names["good.txt"]?.contains("欧阳振华") == true)
        #expect(names.keys.contains("gone.txt") == false && names.keys.contains("notes.txt") == false)
    }

    /// A long text without any line break (a PDF dump, a scraped page) is read whole. Kept at
    /// 40 KB so the debug build runs it in about a second; the 200 MB measurement is in Fuzz/README.md.
    @Test func oneLongLineIsReadWhole() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = String(repeating: Self.report.replacingOccurrences(of: "\n", with: ""), count: 200)
        let file = folder.appendingPathComponent("one-line.txt")
        try Data(line.utf8).write(to: file)
        #expect(try file.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0 > 40_000)

        let result = try CLIRunner.run(["extract", "--format", "jsonl", file.path])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        let names = try #require(try Self.participants(in: result.stdout)["one-line.txt"])
        #expect(names.contains("欧阳振华") && names.contains("周德胜"))
    }
}
