import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExport
import MeetGraphExtraction

/// `meetgraph eval`: scores the extractor against hand-annotated gold files.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against gold annotations (X.txt beside X.gold.json).",
        usage: "meetgraph eval <gold-folder> [<options>]",
        discussion: """
            Extracts each X.txt that has an X.gold.json beside it and reports precision, recall and \
            F1 for names, people, attend, roles, pairs and events, title accuracy, and the documents \
            with the lowest attend F1 — the metrics of the corpus' score.py. A gold file's \
            `published` date is given to the extractor as --date would be.

            --min-attend X exits 1 below the threshold; --summary prints only the aggregate \
            figures (for a frozen test split).

            Example:
              meetgraph eval seeds --summary
            """)

    @Argument(help: "A folder of X.gold.json files with X.txt beside them.")
    var goldFolder: String

    @Option(help: "Fail (exit 1) when attend F1 is below this value.")
    var minAttend: Double?

    @Flag(help: "Print only the aggregate figures, naming no document (for a frozen test split).")
    var summary = false

    @Option(help: "Write the predicted documents as a JSON array to this file.")
    var predictions: String?

    @Option(help: "The files' encoding: utf8, gb18030, big5 or utf16 (default: detected per file).")
    var encoding: TextEncoding?

    func run() throws {
        let folder = URL(fileURLWithPath: goldFolder)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".gold.json") }.sorted()
        } catch {
            throw ValidationError("\(goldFolder): cannot read the folder (\(error.localizedDescription))")
        }
        guard !names.isEmpty else {
            throw ValidationError("\(goldFolder): no *.gold.json files; put X.gold.json beside each X.txt")
        }
        let extractor = Extractor()
        var gold: [Document] = []
        var predicted: [Document] = []
        var failures: [InputFailure] = []
        let progress = Progress(total: names.count, label: "evaluating")
        for (index, name) in names.enumerated() {
            let goldURL = folder.appendingPathComponent(name)
            do {
                let goldDocument = try JSONDecoder().decode(Document.self, from: Data(contentsOf: goldURL))
                let textURL = folder.appendingPathComponent(String(name.dropLast(".gold.json".count)) + ".txt")
                let source = try SourceText.read(contentsOf: textURL, encoding: encoding)
                gold.append(goldDocument)
                predicted.append(extractor.document(from: source, published: goldDocument.published, sourceLabel: nil))
            } catch let error as ExtractionError {
                failures.append(InputFailure(file: name, message: error.description))
            } catch {
                failures.append(InputFailure(file: goldURL.path, message: "\(goldURL.path): not a gold file (\(error))"))
            }
            progress.update(index + 1, item: name)
        }
        progress.finish()
        for failure in failures { Console.error(failure.message) }
        if let predictions {
            try Exporter().write(JSON.encode(predicted), toFile: URL(fileURLWithPath: predictions))
        }
        let evaluation = Evaluation(gold: gold, predicted: predicted)
        Console.output((summary ? evaluation.summary : evaluation.report) + "\n")
        if let minAttend, evaluation.attend.f1 < minAttend {
            Console.error("attend F1 \(evaluation.attend.f1) is below --min-attend \(minAttend)")
            throw ExitCode(1)
        }
        try Exit.afterFailures(failures, processed: predicted.count)
    }
}
