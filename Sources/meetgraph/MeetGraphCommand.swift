import ArgumentParser
import Foundation
import MeetGraphExport
import MeetGraphStore

@main
struct MeetGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetgraph",
        abstract: "Reads Chinese news reports of official meetings and builds a graph of who met whom.",
        discussion: """
            Start with `meetgraph analyze FOLDER --out DIR`: it extracts every .txt file and writes the \
            pictures, tables and JSON of the whole graph. For an archive, `meetgraph ingest` keeps a \
            SQLite store that `query`, `render` and `export` read.

            Exit codes: 0 success; 1 some inputs failed (the others were processed); 2 nothing could \
            be read; 3 the output (a file, stdout or the store) could not be written; 64 a usage error.

            Every command writes files with --out (or -o), prints results in --format table, json \
            or csv where it has a choice, and takes --quiet when it may run long. JSON keys are \
            snake_case; README.md documents every answer.

            Example:
              meetgraph analyze seeds --out output
            """,
        version: "0.1.0",
        subcommands: [Analyze.self, Extract.self, Ingest.self, Correct.self, Import.self, Query.self, Render.self, Export.self, Evaluate.self, Serve.self])

    /// Installs the signal handling, runs the command, and maps failures to exit codes.
    static func main() {
        Signals.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExportError {
            // Writing failed: 1 and 2 are kept for inputs that could not be read.
            Console.error("Error: \(error.description)")
            Glibc.exit(Console.outputFailureStatus)
        } catch let error as StoreError where error.isWriteFailure {
            Console.error("Error: \(error.description)")
            Glibc.exit(Console.outputFailureStatus)
        } catch {
            exit(withError: error)
        }
    }
}

extension StoreError {
    /// Whether the store could not be written (disk full, read-only): an output failure, not an input one.
    var isWriteFailure: Bool {
        switch self {
        case .diskFull, .readOnly: true
        default: false
        }
    }
}

/// What the CLI does on signals: removes the temporary files of outputs being written, then dies
/// of the signal as it would have; a full file-size limit or a closed pipe become write errors.
enum Signals {
    static func install() {
        TemporaryFiles.prepare()
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number) { number in
                TemporaryFiles.removeAll()
                signal(number, SIG_DFL)
                raise(number)
            }
            sigaddset(&unblocked, number)
        }
        // A parent may start us with these blocked (Foundation's Process does): they must arrive.
        sigprocmask(SIG_UNBLOCK, &unblocked, nil)
    }
}
