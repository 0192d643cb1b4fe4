import ArgumentParser
import Foundation
import MeetGraphStore

/// `--corrections FILE`: a corrections file (README, Corrections) applied to texts read for one
/// command, so that `analyze` and the `--from` paths give the answers a corrected store gives.
struct CorrectionsOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A corrections file (CSV: action,person,value,event) to apply to the texts read.",
        discussion: "Lines naming people or events the texts lack are listed on stderr and skipped."))
    var corrections: String?

    /// The corrections in `--corrections`, or none; a file that cannot be read exits 2, a
    /// malformed line exits 64, naming the file and line.
    func read() throws -> [Correction] {
        guard let file = corrections else { return [] }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            Console.error("Error: \(file): cannot read the corrections file (\(error.localizedDescription)); check the path")
            throw ExitCode(2)
        }
        do {
            return try CorrectionsFile.parse(text, file: file)
        } catch {
            Console.error("Error: \(String(describing: error))")
            throw ExitCode(64)
        }
    }

    /// Applies the corrections to `store`, a temporary store of the texts read, saying on stderr
    /// which of them name what the texts lack.
    func apply(to store: MeetGraphStore) throws {
        let corrections = try read()
        guard !corrections.isEmpty else { return }
        let report = try store.addCorrections(corrections, strict: false)
        for line in report.waiting { Console.error("not applied: \(line)") }
    }
}
