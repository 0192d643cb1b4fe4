import Foundation
import Testing

/// Issue 19: every help fits 100 columns and shows an example, and every example of the helps and
/// the README runs against `seeds/` and succeeds, so a copied example never fails.
@Suite(.serialized) struct HelpExampleTests {
    /// Every command's path, the root first.
    static let commands: [[String]] = [[], ["analyze"], ["extract"], ["ingest"], ["correct"], ["import"], ["export"],
                                       ["render"], ["eval"], ["serve"], ["query"]]
        + ["who-met", "met", "path", "top", "person", "events", "communities"].map { ["query", $0] }

    /// The `meetgraph …` lines of the Example part of a help text, without the program name.
    static func examples(inHelp help: String) -> [[String]] {
        var examples: [[String]] = []
        var inExample = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("Example") { inExample = true; continue }
            if text.isEmpty { inExample = false; continue }
            if inExample && text.hasPrefix("meetgraph ") { examples.append(words(text)) }
        }
        return examples
    }

    /// The `meetgraph …` lines of the README's code blocks (`make demo` makes the store they query).
    static func readmeExamples() throws -> [[String]] {
        let readme = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var examples: [[String]] = []
        var inBlock = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix(".build/debug/") { text.removeFirst(".build/debug/".count) }
            if inBlock && text.hasPrefix("meetgraph ") { examples.append(words(text)) }
        }
        return examples
    }

    /// The words of a command line, a `#` comment dropped (no example quotes its arguments).
    static func words(_ line: String) -> [String] {
        let command = line.split(separator: "#", maxSplits: 1).first.map(String.init) ?? line
        return command.split(separator: " ").map(String.init)
    }

    static func help(_ command: [String]) throws -> String {
        let result = try CLIRunner.run(command + ["--help"])
        #expect(result.status == 0, "\(command) --help: \(result.stderr)")
        return result.stdout
    }

    /// Display width, a Chinese character taking two columns.
    static func width(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.properties.isIdeographic ? 2 : 1) }
    }

    @Test func everyHelpFitsOneHundredColumnsAndShowsAnExample() throws {
        for command in Self.commands {
            let help = try Self.help(command)
            for line in help.split(separator: "\n") {
                #expect(Self.width(line) <= 100, "\(command) --help: \(line)")
            }
            #expect(!Self.examples(inHelp: help).isEmpty, "\(command) --help shows no example")
        }
    }

    /// A folder holding a copy of `seeds/` and, as `make demo` leaves it, `meetgraph.sqlite`.
    static func demoFolder() throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("seeds"),
                                         to: folder.appendingPathComponent("seeds"))
        let ingest = try CLIRunner.run(["ingest", "seeds", "--db", "meetgraph.sqlite"], in: folder)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return folder
    }

    /// Runs one example in `folder`; `serve` is started, asked for its page and stopped.
    static func run(_ example: [String], in folder: URL) throws {
        let arguments = Array(example.dropFirst())
        guard arguments.first == "serve" else {
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(result.status == 0, "\(example.joined(separator: " ")): \(result.stderr)")
            #expect(!result.stdout.isEmpty || !result.stderr.isEmpty, "\(example.joined(separator: " ")) said nothing")
            return
        }
        // The example's port may be taken on a shared machine: the same command on a free one.
        let port = String(Int.random(in: 20_000..<40_000))
        let adjusted = arguments.map { $0 == "8080" ? port : $0 }
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = adjusted
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let said = ServeCommandTests.waitForLine(err, containing: "serving")
        #expect(said.contains("serving"), "\(example.joined(separator: " ")): \(said)")
    }

    @Test func everyHelpExampleRunsOnSeeds() throws {
        let folder = try Self.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var examples: [[String]] = []
        for command in Self.commands { examples += Self.examples(inHelp: try Self.help(command)) }
        #expect(examples.count >= Self.commands.count)
        for example in examples { try Self.run(example, in: folder) }
    }

    @Test func everyReadmeExampleRunsOnSeeds() throws {
        let folder = try Self.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let examples = try Self.readmeExamples()
        #expect(examples.count >= 5)
        for example in examples { try Self.run(example, in: folder) }
    }
}
