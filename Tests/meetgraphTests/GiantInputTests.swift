import Foundation
import Testing

/// Inputs an archive throws at the CLI that no hand-made fixture has: one line of hundreds of
/// kilobytes (a dump without line breaks), and files that exist but cannot be read.
@Suite struct GiantInputTests {
    /// An invented report on one line: a meeting with a chair who speaks and two attendees.
    static let report = "本报讯（记者 贾文涛）3月12日上午，市委常委会召开会议，市委书记欧阳振华主持会议并讲话。"
        + "市长司马立新，市委常委、常务副市长周德胜出席会议。"
    /// Another invented report, for the good file beside the bad one.
    static let otherReport = """
        本报讯(记者 林小雨)3月2日,县政府召开第12次常务会议。县长韩立平主持会议并讲话。副县长朱文静、钱卫东参加会议。
        """

    /// The events `extract --format jsonl` printed, per document file name.
    static func events(in output: String) throws -> [String: [[String: Any]]] {
        var events: [String: [[String: Any]]] = [:]
        for line in output.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = try #require(object["document"] as? String)
            events[file] = object["events"] as? [[String: Any]] ?? []
        }
        return events
    }

    static func names(_ event: [String: Any]) -> [String] {
        (event["participants"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    /// The report repeated without any line break, longer than the extractor's window
    /// (100,000 scalars), so the line is read in several windows. The debug build reads it in
    /// seconds; files of 20 MB and 200 MB are measured on the release build, not in tests.
    @Test func oneLineLongerThanAWindowIsReadBesideAGoodFile() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repetitions = 110_000 / Self.report.unicodeScalars.count + 1
        let line = String(repeating: Self.report, count: repetitions)
        #expect(line.unicodeScalars.count > 110_000 && !line.contains("\n"))
        try Data(line.utf8).write(to: folder.appendingPathComponent("dump.txt"))
        try Data(Self.otherReport.utf8).write(to: folder.appendingPathComponent("good.txt"))

        let result = try CLIRunner.run(["extract", "--format", "jsonl", folder.path])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        let events = try Self.events(in: result.stdout)
        #expect(events["good.txt"].map { $0.flatMap(Self.names) } == ["韩立平", "朱文静", "钱卫东"])
        // Every repetition reports the same meeting: one event, its three people, each with one
        // piece of evidence per repetition, whichever window it was read in.
        let dump = try #require(events["dump.txt"])
        #expect(dump.count == 1)
        let event = try #require(dump.first)
        #expect(Self.names(event) == ["欧阳振华", "司马立新", "周德胜"])
        let chair = try #require((event["participants"] as? [[String: Any]])?.first)
        #expect((chair["evidence"] as? [Any])?.count == repetitions)
    }

    /// A file of 4 GiB is refused by its size before a byte is read (a sparse file: nothing is written).
    @Test func fileOfFourGibibytesIsRefusedByNameAndTheOthersProcessed() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = folder.appendingPathComponent("huge.txt")
        try Data(Self.report.utf8).write(to: huge)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 1 << 32)
        try handle.close()
        try Data(Self.otherReport.utf8).write(to: folder.appendingPathComponent("good.txt"))

        let result = try CLIRunner.run(["extract", "--format", "jsonl", folder.path])
        #expect(result.status == 1)
        let message = result.stderr.split(separator: "\n").first { $0.contains("huge.txt") }
        #expect(message?.contains("4 GiB") == true, "\(result.stderr)")
        let events = try Self.events(in: result.stdout)
        #expect(events["good.txt"].map { $0.flatMap(Self.names) } == ["韩立平", "朱文静", "钱卫东"])
        #expect(events["huge.txt"] == nil)
    }

    // MARK: Unreadable files

    /// How to run the binary so that file permissions bind: as is when not root, else as `nobody`
    /// through `setpriv` or `runuser`, if that user can run the binary at all. Nil when neither works.
    static let unprivilegedLauncher: [String]? = {
        guard geteuid() == 0 else { return [] }
        let manager = FileManager.default
        let candidates: [[String]] = [
            ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"],
            ["/usr/sbin/runuser", "-u", "nobody", "--"],
            ["/sbin/runuser", "-u", "nobody", "--"],
        ]
        for launcher in candidates where manager.isExecutableFile(atPath: launcher[0]) {
            // The binary's folders and its resources must be open to others: try it.
            if let result = try? CLIRunner.run(["--version"], launcher: launcher), result.status == 0 { return launcher }
        }
        return nil
    }()

    @Test(.enabled(if: unprivilegedLauncher != nil, "running as root without setpriv or runuser: permissions do not bind"))
    func fileWithoutReadPermissionIsNamedAndTheOthersProcessed() throws {
        let launcher = try #require(Self.unprivilegedLauncher)
        let manager = FileManager.default
        let folder = try CLIRunner.temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        // Open to the unprivileged user: the folder and the good file; the locked file to no one.
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let good = folder.appendingPathComponent("good.txt")
        try Data(Self.otherReport.utf8).write(to: good)
        try manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: good.path)
        let locked = folder.appendingPathComponent("locked.txt")
        try Data(Self.report.utf8).write(to: locked)
        try manager.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)

        let result = try CLIRunner.run(["extract", "--format", "jsonl", folder.path], launcher: launcher)
        #expect(result.status == 1, "\(result.stderr)")
        let message = result.stderr.split(separator: "\n").first { $0.contains("locked.txt") }
        #expect(message?.contains("cannot read") == true, "\(result.stderr)")
        let events = try Self.events(in: result.stdout)
        #expect(events["good.txt"].map { $0.flatMap(Self.names) } == ["韩立平", "朱文静", "钱卫东"])
        #expect(events["locked.txt"] == nil)
    }
}
