import Foundation
import Testing

/// `meetgraph serve` through the built binary: it answers on loopback, and says plainly when the
/// port is taken.
@Suite(.serialized) struct ServeCommandTests {
    /// A store made with `meetgraph import` from a table of invented names.
    static func store(in folder: URL) throws -> String {
        let table = folder.appendingPathComponent("attendance.csv")
        try """
            person,event,role,date
            甲一,预算审议会,chair,2023-04-01
            乙二,预算审议会,attendee,2023-04-01
            """.write(to: table, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("t.sqlite").path
        #expect(try CLIRunner.run(["import", table.path, "--db", db]).status == 0)
        return db
    }

    /// Starts `meetgraph serve` and waits until it says it is serving (or has exited).
    static func start(_ arguments: [String]) throws -> (process: Process, stderr: Pipe) {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, err)
    }

    static func waitForLine(_ pipe: Pipe, containing text: String, seconds: Double = 20) -> String {
        var seen = ""
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if seen.contains(text) { break }
        }
        return seen
    }

    @Test func servesReadOnlyOnLoopbackAndRefusesATakenPort() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.store(in: folder)
        let port = String(Int.random(in: 20_000..<40_000))
        let first = try Self.start(["serve", "--db", db, "--port", port])
        defer { first.process.terminate(); first.process.waitUntilExit() }
        let said = Self.waitForLine(first.stderr, containing: "serving")
        #expect(said.contains("http://127.0.0.1:\(port)/"), "\(said)")
        #expect(said.contains("read-only"))

        let second = try CLIRunner.run(["serve", "--db", db, "--port", port])
        #expect(second.status != 0)
        #expect(second.stderr.contains("port \(port) on 127.0.0.1 is already in use"), "\(second.stderr)")
        #expect(second.stderr.contains("--port"))
    }

    @Test func missingStoreIsReportedBeforeListening() throws {
        let result = try CLIRunner.run(["serve", "--db", "/nonexistent/x.sqlite", "--port", "1"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no store at /nonexistent/x.sqlite"))
    }
}
