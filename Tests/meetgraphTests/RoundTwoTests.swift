import Foundation
import Testing

/// Issue 18, hardening round two: each test reproduces one finding of the adversarial pass.
@Suite struct RoundTwoTests {
    /// Two different invented reports, to be saved under the same file name in two folders.
    static let countyReport = """
        本报讯 3月2日,县政府召开第12次常务会议。县长韩立平主持会议并讲话。副县长朱文静、钱卫东、宋雅琴参加会议。
        """
    static let partyReport = """
        本报讯 3月5日,县委常委会召开会议。县委书记高振宇主持会议。县委副书记邓海川,县委常委林小雨、周明等参加会议。
        """

    /// A folder with `x/a.txt` (the county report) and `y/a.txt` (the party report).
    static func sameNameFolders() throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        for (sub, text) in [("x", countyReport), ("y", partyReport)] {
            let url = folder.appendingPathComponent("in/\(sub)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url.appendingPathComponent("a.txt"))
        }
        return folder
    }

    /// The value of `label` in analyze's summary (`events          2`).
    static func summaryValue(_ label: String, in output: String) -> Int? {
        for line in output.split(separator: "\n") where line.hasPrefix(label + " ") {
            return Int(line.dropFirst(label.count).split(separator: " ").first ?? "")
        }
        return nil
    }

    /// Runs the binary with stdout or stderr redirected by the shell (`>/dev/full`, `>&-`).
    static func run(_ arguments: [String], redirect: String, in directory: URL? = nil) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments, in: directory, launcher: ["/bin/sh", "-c", "exec \"$0\" \"$@\" \(redirect)"])
    }

    // MARK: 1. Documents with the same file name

    @Test(arguments: [["in"], ["in/x/a.txt", "in/y/a.txt"]])
    func sameFileNameInTwoFoldersStaysTwoDocuments(inputs: [String]) throws {
        let folder = try Self.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["analyze"] + inputs + ["--out", "out"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        // Four people at each meeting: 2 events and 6 + 6 pairs, not one event of eight people (28 pairs).
        #expect(Self.summaryValue("events", in: result.stdout) == 2)
        #expect(Self.summaryValue("co-attendances", in: result.stdout) == 12)
        let json = try String(contentsOf: folder.appendingPathComponent("out/extraction.json"), encoding: .utf8)
        let names = inputs.count == 1 ? ["x/a.txt", "y/a.txt"] : ["in/x/a.txt", "in/y/a.txt"]
        for name in names { #expect(json.contains("\"document\" : \"\(name)\"")) }
    }

    @Test func sameFileNameInTwoFoldersAgreesBetweenAnalyzeAndIngest() throws {
        let folder = try Self.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ingest = try CLIRunner.run(["ingest", "in", "--db", "s.sqlite"], in: folder)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let events = try CLIRunner.run(["query", "events", "--db", "s.sqlite", "--format", "csv"], in: folder)
        #expect(events.stdout.contains("x/a.txt") && events.stdout.contains("y/a.txt"))
        #expect(events.stdout.split(whereSeparator: \.isNewline).count == 3, "\(events.stdout)")
    }

    // MARK: 2. A closed or full stdout or stderr

    @Test(arguments: [">/dev/full", ">&-"])
    func unwritableStdoutEndsWithAMessageNotACrash(redirect: String) throws {
        let folder = try Self.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["extract", "in"], redirect: redirect, in: folder)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write the output to stdout"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func unwritableStderrDoesNotCrash() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0, 1, 2, 0, 0xFF, 0x00]).write(to: folder.appendingPathComponent("bad.bin"))
        let result = try Self.run(["extract", "bad.bin"], redirect: "2>/dev/full", in: folder)
        #expect(result.status == 2)
        let closed = try Self.run(["query", "top", "--from", "bad.bin"], redirect: "2>&-", in: folder)
        #expect(closed.status == 2)
    }

    @Test func queryToAClosedStdoutFails() throws {
        let folder = try Self.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["query", "top", "--from", "in"], redirect: ">&-", in: folder)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    // MARK: 3. Symbolic links and devices as outputs

    @Test func renderThroughASymbolicLinkKeepsTheLink() throws {
        let folder = try Self.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("pictures"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: folder.appendingPathComponent("pictures/people.dot"))
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("link.dot").path,
                                       withDestinationPath: "pictures/people.dot")
        let result = try CLIRunner.run(["render", "--from", "in", "-o", "link.dot"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try manager.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.dot").path)
            == "pictures/people.dot")
        let written = try String(contentsOf: folder.appendingPathComponent("pictures/people.dot"), encoding: .utf8)
        #expect(written.contains("graph") && written.contains("韩立平"))
    }

    @Test func renderToADeviceWritesIntoIt() throws {
        let folder = try Self.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A FIFO with a reader: written in place, not replaced by a file.
        let fifo = folder.appendingPathComponent("picture.dot").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Opened for reading first (without blocking), so that the writer does not wait for a reader;
        // a small DOT fits the pipe's buffer.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let result = try CLIRunner.run(["render", "--from", "in", "-o", "picture.dot"], in: folder)
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while case let count = read(reader, &buffer, buffer.count), count > 0 { received += buffer[..<count] }
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        #expect(String(decoding: received, as: UTF8.self).contains("韩立平"))

        // A character device of our own (a copy of /dev/null), where the container allows making one.
        let device = folder.appendingPathComponent("null.svg").path
        if mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 {
            let null = try CLIRunner.run(["render", "--from", "in", "-o", "null.svg"], in: folder)
            #expect(null.status == 0, "\(null.stderr)")
            #expect(lstat(device, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "the device was replaced")
        }
    }
}

/// Item 4: a document is its path and its content.
@Suite struct StoreFollowsFilesTests {
    static let harbourReport = """
        本报讯 4月8日,市港务局召开安全生产会议。局长欧阳振华主持会议。副局长司马立新、贾文涛参加会议。
        """

    /// Ingests `folder/in` into `folder/s.sqlite`; the summary's numbers by label.
    static func ingest(_ folder: URL, _ extra: [String] = []) throws -> [String: Int] {
        let result = try CLIRunner.run(["ingest", "in", "--db", "s.sqlite"] + extra, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        var numbers: [String: Int] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count >= 2, let value = Int(parts[1]) { numbers[String(parts[0])] = value }
        }
        return numbers
    }

    /// The documents `query person NAME` cites, or nil when the store knows no such person.
    static func documents(citing name: String, in folder: URL) throws -> Set<String>? {
        let result = try CLIRunner.run(["query", "person", name, "--db", "s.sqlite", "--format", "json"], in: folder)
        guard result.status == 0 else { return nil }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let events = object["events"] as? [[String: Any]] ?? []
        return Set(events.compactMap { ($0["event"] as? [String: Any])?["document"] as? String })
    }

    /// The documents the evidence of `first` meeting `second` names.
    static func evidenceDocuments(_ first: String, _ second: String, in folder: URL) throws -> Set<String> {
        let result = try CLIRunner.run(["query", "met", first, second, "--db", "s.sqlite", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var names = Set<String>()
        for event in object["events"] as? [[String: Any]] ?? [] {
            for part in event["participants"] as? [[String: Any]] ?? [] {
                for evidence in part["evidence"] as? [[String: Any]] ?? [] {
                    if let document = evidence["document"] as? String { names.insert(document) }
                }
            }
        }
        return names
    }

    static func folder(_ texts: [String: String]) throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
        try write(texts, in: folder)
        return folder
    }

    static func write(_ texts: [String: String], in folder: URL) throws {
        for (name, text) in texts { try Data(text.utf8).write(to: folder.appendingPathComponent("in/\(name)")) }
    }

    @Test func overwrittenFileReplacesItsOldVersion() throws {
        let folder = try Self.folder(["A.txt": RoundTwoTests.countyReport, "B.txt": RoundTwoTests.partyReport])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.ingest(folder)["added"] == 2)
        try Self.write(["A.txt": Self.harbourReport], in: folder)
        let second = try Self.ingest(folder)
        #expect(second["replaced"] == 1 && second["unchanged"] == 1)
        #expect(try Self.documents(citing: "钱卫东", in: folder) == nil, "the county report is in no file any more")
        #expect(try Self.documents(citing: "欧阳振华", in: folder) == ["A.txt"])
    }

    @Test func fileGivenAnotherFilesContentIsNotUnchanged() throws {
        let folder = try Self.folder(["A.txt": RoundTwoTests.countyReport, "B.txt": RoundTwoTests.partyReport])
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.ingest(folder)
        try Self.write(["A.txt": RoundTwoTests.partyReport], in: folder)
        let second = try Self.ingest(folder)
        #expect(second["unchanged"] != 2)
        #expect(try Self.documents(citing: "钱卫东", in: folder) == nil, "no file holds the county report")
        let third = try Self.ingest(folder)
        #expect(third["unchanged"] == 1 && third["copies"] == 1, "stable once both files are read")
    }

    @Test func swappedContentsPointEvidenceAtTheRightFile() throws {
        let folder = try Self.folder(["A.txt": RoundTwoTests.countyReport, "B.txt": RoundTwoTests.partyReport])
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.ingest(folder)
        #expect(try Self.evidenceDocuments("韩立平", "朱文静", in: folder) == ["A.txt"])
        try Self.write(["A.txt": RoundTwoTests.partyReport, "B.txt": RoundTwoTests.countyReport], in: folder)
        _ = try Self.ingest(folder)
        #expect(try Self.documents(citing: "韩立平", in: folder) == ["B.txt"])
        #expect(try Self.evidenceDocuments("韩立平", "朱文静", in: folder) == ["B.txt"])
        #expect(try Self.evidenceDocuments("高振宇", "邓海川", in: folder) == ["A.txt"])
    }

    @Test func removedFileIsPrunedOnRequest() throws {
        let folder = try Self.folder(["A.txt": RoundTwoTests.countyReport, "B.txt": RoundTwoTests.partyReport])
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.ingest(folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("in/B.txt"))
        #expect(try Self.ingest(folder)["unchanged"] == 1)
        #expect(try Self.documents(citing: "高振宇", in: folder) == ["B.txt"], "kept without --prune")
        #expect(try Self.ingest(folder, ["--prune"])["pruned"] == 1)
        #expect(try Self.documents(citing: "高振宇", in: folder) == nil)
        #expect(try Self.documents(citing: "韩立平", in: folder) == ["A.txt"])
    }
}

/// Items 6–8: computing only what is asked, and output folders after signals and full disks.
@Suite struct OutputFolderTests {
    /// The hidden temporary files in `folder`.
    static func hiddenFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
    }

    /// Every file's bytes in `folder`, by name.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func topByDegreeDoesNotComputeBetweenness() throws {
        let folder = try RoundTwoTests.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["query", "top", "--by", "degree", "--from", "in", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 8)
        #expect(rows.allSatisfy { $0["betweenness"] == nil && $0["eigenvector"] == nil && $0["degree"] != nil })
        let all = try CLIRunner.run(["query", "top", "--by", "betweenness", "--from", "in", "--format", "json"], in: folder)
        let ranked = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(ranked.allSatisfy { $0["betweenness"] != nil })
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func interruptedAnalyzeLeavesNoTemporaryFiles(signal number: Int32) throws {
        let folder = try RoundTwoTests.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A FIFO without a reader among the outputs: analyze waits there, its other files written
        // to temporary names, until the signal comes.
        #expect(mkfifo(out.appendingPathComponent("coattendance.png").path, 0o644) == 0)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["analyze", "in", "--out", "out"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while try Self.hiddenFiles(in: out).count < 9 && process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(try Self.hiddenFiles(in: out).count == 9, "analyze should wait at the FIFO with nine files written")
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == number)
        #expect(try Self.hiddenFiles(in: out) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["coattendance.png"])
    }

    @Test func fullDiskDuringAnalyzeLeavesTheEarlierRunWhole() throws {
        let folder = try RoundTwoTests.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try CLIRunner.run(["analyze", "in/x", "--out", "out"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let out = folder.appendingPathComponent("out")
        let before = try Self.contents(of: out)
        #expect(before.count == 10)
        #expect(before["coattendance.png"].map { $0.count > 20_000 } == true)
        // Files of at most 20,000 bytes: the new PNG does not fit, the smaller files do.
        let second = try CLIRunner.run(["analyze", "in", "--out", "out"], in: folder,
                                       launcher: ["/usr/bin/prlimit", "--fsize=20000"])
        #expect(second.status == 3, "\(second.stderr)")
        #expect(second.stderr.contains("coattendance.png"))
        #expect(try Self.contents(of: out) == before, "every file is still the first run's")
    }
}

/// Items 9–11 at the command line: inputs that are not files, exit codes, messages, dates, stores.
@Suite struct InputAndMessageTests {
    // MARK: 9. Devices and FIFOs as inputs

    @Test func deviceIsRefusedBeforeAByteIsRead() throws {
        let start = Date()
        let result = try CLIRunner.run(["extract", "/dev/zero"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/dev/zero") && result.stderr.contains("character device"))
        #expect(Date().timeIntervalSince(start) < 30, "read before it was refused")
    }

    @Test func fifoInsideAFolderIsReportedNotOpened() throws {
        let folder = try RoundTwoTests.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("in/x/pipe.txt").path, 0o644) == 0)
        // Without a writer, opening the FIFO would wait for ever: give up after a minute.
        let result = try CLIRunner.run(["extract", "--format", "jsonl", "in"], in: folder,
                                       launcher: ["/usr/bin/timeout", "60"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("in/x/pipe.txt") && result.stderr.contains("FIFO"))
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    @Test func fifoNamedOnTheCommandLineIsRead() throws {
        let result = try CLIRunner.run(["extract", "--format", "jsonl", "/dev/stdin"],
                                       launcher: ["/bin/sh", "-c", "printf '%s' '\(RoundTwoTests.countyReport)' | \"$0\" \"$@\""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("韩立平"))
    }

    // MARK: 10. Exit codes and messages

    @Test func unreadableSubfolderFailsTheRun() throws {
        let folder = try RoundTwoTests.sameNameFolders()
        defer {
            chmod(folder.appendingPathComponent("in/y").path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        chmod(folder.appendingPathComponent("in/y").path, 0)
        // As nobody, so that the permissions bind (root reads every folder).
        let result = try CLIRunner.run(["extract", "--format", "jsonl", folder.appendingPathComponent("in").path],
                                       launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
        #expect(result.stderr.contains("in/y") && result.stderr.contains("cannot read the folder"), "\(result.stderr)")
        #expect(result.status == 1)
        #expect(result.stdout.contains("韩立平"))
    }

    @Test func pathLongerThanPathMaxFailsTheRun() throws {
        let folder = try RoundTwoTests.sameNameFolders()
        defer { _ = try? Self.shell("rm -rf \"$1\"", folder.path) }
        // Twenty folders of 250 characters, a path over 4,096 bytes, made one folder at a time
        // relative to the last (mkdirat/openat), with a report at the bottom.
        var descriptor = open(folder.appendingPathComponent("in").path, O_RDONLY | O_DIRECTORY)
        let name = String(repeating: "d", count: 250)
        for _ in 0..<20 {
            #expect(mkdirat(descriptor, name, 0o755) == 0)
            let next = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        let file = openat(descriptor, "deep.txt", O_WRONLY | O_CREAT, 0o644)
        let bytes = Array(RoundTwoTests.partyReport.utf8)
        #expect(write(file, bytes, bytes.count) == bytes.count)
        close(file)
        close(descriptor)
        let result = try CLIRunner.run(["extract", "--format", "jsonl", "in"], in: folder)
        #expect(result.status == 1, "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("File name too long"))
    }

    @Test func messagesNameThePathAndShowControlCharacters() throws {
        let folder = try RoundTwoTests.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["in/x/empty.txt", "in/y/empty.txt", "in/red\u{1B}[31m.txt"] {
            try Data().write(to: folder.appendingPathComponent(path))
        }
        let result = try CLIRunner.run(["extract", "--format", "jsonl", "in"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("in/x/empty.txt") && result.stderr.contains("in/y/empty.txt"))
        #expect(!result.stderr.contains("\u{1B}"), "an escape code reached the terminal")
        #expect(result.stderr.contains("red\\u{1B}[31m.txt"))
    }

    @Test func fileNameThatIsNotUTF8IsRead() throws {
        let folder = try RoundTwoTests.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        // "b\xFF.txt": a Latin-1 name that is not UTF-8.
        let path = Array(folder.appendingPathComponent("in/x").path.utf8) + Array("/b".utf8) + [0xFF] + Array(".txt".utf8)
        let descriptor = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(descriptor >= 0)
        let bytes = Array(RoundTwoTests.partyReport.utf8)
        #expect(write(descriptor, bytes, bytes.count) == bytes.count)
        close(descriptor)
        let result = try CLIRunner.run(["extract", "--format", "jsonl", "in"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 3)
        #expect(result.stdout.contains("x/b\\\\xFF.txt"), "the name shown with the bad byte escaped")
        // Named on the command line (through the shell: Process takes only UTF-8 arguments).
        let named = try CLIRunner.run(["extract", "--format", "jsonl"], in: folder,
                                      launcher: ["/bin/sh", "-c", "exec \"$0\" \"$@\" \"$(printf 'in/x/b\\377.txt')\""])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.contains("高振宇") && named.stdout.contains("b\\\\xFF.txt"))
    }

    @Test func utf16WithoutAByteOrderMarkHintsAtTheEncoding() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = RoundTwoTests.countyReport + "\n"
        try Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: folder.appendingPathComponent("wide.txt"))
        let result = try CLIRunner.run(["extract", "wide.txt"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--encoding utf16"), "\(result.stderr)")
        let forced = try CLIRunner.run(["extract", "wide.txt", "--encoding", "utf16"], in: folder)
        #expect(forced.status == 0 && forced.stdout.contains("韩立平"))
    }

    // MARK: 11. Stores that cannot be read as they are

    @Test func emptyStoreFileSaysItIsEmpty() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("s.sqlite"))
        let result = try CLIRunner.run(["query", "events", "--db", "s.sqlite"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("empty") && !result.stderr.contains("read-only"), "\(result.stderr)")
    }

    @Test func olderStoreSaysHowToUpgradeIt() throws {
        let folder = try RoundTwoTests.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLIRunner.run(["ingest", "in", "--db", "s.sqlite"], in: folder).status == 0)
        // Back to the first schema, as an early MeetGraph left it.
        #expect(try Self.shell("sqlite3 s.sqlite \"DROP TABLE tie; DELETE FROM grdb_migrations WHERE identifier LIKE 'v2 %'\"",
                               "", in: folder) == 0)
        let result = try CLIRunner.run(["query", "events", "--db", "s.sqlite"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("older MeetGraph") && !result.stderr.contains("read-only"), "\(result.stderr)")
        #expect(try CLIRunner.run(["ingest", "in", "--db", "s.sqlite"], in: folder).status == 0)
        #expect(try CLIRunner.run(["query", "events", "--db", "s.sqlite"], in: folder).status == 0)
    }

    @Test func storeInAReadOnlyFolderCanBeQueried() throws {
        let folder = try RoundTwoTests.sameNameFolders()
        let archive = folder.appendingPathComponent("archive")
        defer {
            chmod(archive.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        #expect(try CLIRunner.run(["ingest", "in", "--db", "archive/s.sqlite"], in: folder).status == 0)
        chmod(archive.appendingPathComponent("s.sqlite").path, 0o444)
        chmod(archive.path, 0o555)
        // As nobody, so that the folder's permissions bind.
        let result = try CLIRunner.run(["query", "events", "--db", archive.appendingPathComponent("s.sqlite").path],
                                       launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("县委常委会会议"))
    }

    @Test func storeThatStoredNothingIsNotLeftBehind() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0, 1, 2, 3]).write(to: folder.appendingPathComponent("bad.txt"))
        let result = try CLIRunner.run(["ingest", "bad.txt", "--db", "new.sqlite"], in: folder)
        #expect(result.status == 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("new.sqlite") }
        #expect(left == [])
    }

    @Test func veryLongNameIsCutInPictures() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = "韩" + String(repeating: "立", count: 200_000)
        try Data("person,event\n\(long),常务会议\n朱文静,常务会议\n".utf8).write(to: folder.appendingPathComponent("t.csv"))
        #expect(try CLIRunner.run(["import", "t.csv", "--db", "s.sqlite"], in: folder).status == 0)
        let start = Date()
        let result = try CLIRunner.run(["render", "--db", "s.sqlite", "--format", "dot", "--layout", "neato"], in: folder)
        #expect(result.status == 0, "\(result.stderr.prefix(300))")
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(result.stdout.count < 20_000, "the 200,000-character label went into the picture")
        #expect(result.stdout.contains("韩立立") && result.stdout.contains("…"))
    }

    /// Runs `script` in `/bin/sh` with `argument` as `$1`; its exit status.
    static func shell(_ script: String, _ argument: String, in directory: URL? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", argument]
        if let directory { process.currentDirectoryURL = directory }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func impossibleDateIsAUsageError() throws {
        let folder = try RoundTwoTests.sameNameFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["extract", "in", "--date", "2022-02-30"], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("2022-02-30"))
    }

    @Test func impossibleDateInATableIsARowProblem() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("person,event,date\n韩立平,常务会议,2022-02-30\n朱文静,常务会议,2022-03-01\n".utf8)
            .write(to: folder.appendingPathComponent("t.csv"))
        let result = try CLIRunner.run(["import", "t.csv", "--db", "s.sqlite"], in: folder)
        #expect(result.stderr.contains("2022-02-30"), "\(result.stderr)")
        #expect(result.status == 1)
    }
}
