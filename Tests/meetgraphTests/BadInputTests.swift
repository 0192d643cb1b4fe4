import Foundation
import Testing

/// Missing, empty and binary inputs get a message naming the file; the other files are still processed.
@Suite struct BadInputTests {
    static let goodText = """
        本报讯(记者 林小雨)3月2日,县政府召开常务会议。县长韩立平主持会议并讲话。副县长朱文静、钱卫东参加会议。
        """

    @Test func missingFileIsNamedAndOthersStillProcessed() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.txt")
        try Self.goodText.write(to: good, atomically: true, encoding: .utf8)
        let missing = folder.appendingPathComponent("nowhere.txt").path
        let result = try CLIRunner.run(["extract", missing, good.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nowhere.txt"))
        #expect(result.stdout.contains("\"good.txt\""))
    }

    @Test func emptyFileIsNamed() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let result = try CLIRunner.run(["extract", empty.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("empty.txt"))
        #expect(result.stderr.contains("empty"))
    }

    @Test func binaryFileIsNamedAndOthersStillProcessed() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("picture.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]).write(to: binary)
        let good = folder.appendingPathComponent("good.txt")
        try Self.goodText.write(to: good, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["extract", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("picture.txt"))
        #expect(result.stdout.contains("韩立平"))
    }
}
