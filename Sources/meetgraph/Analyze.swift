import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExport
import MeetGraphExtraction
import MeetGraphRender
import MeetGraphStore

/// `meetgraph analyze`: the main job, from a folder of texts to pictures, tables and JSON.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract every text and write the graph's pictures, tables and JSON into a folder.",
        usage: "meetgraph analyze <paths> ... [--out <dir>] [<options>]",
        discussion: """
            Writes into the output folder:
              attendance.dot / .svg      people and events, edges styled by role
              coattendance.dot / .svg / .png   people only, edge width = shared events
              people.csv events.csv participations.csv coattendance.csv
              extraction.json            every document's events and participants, with evidence
            and prints a summary. Every file is first written to a hidden temporary name and the set \
            renamed into place once all are written, so an interrupted run or a full disk leaves the \
            previous run's files whole. Documents are named by their paths inside the folders given \
            (x/a.txt and y/a.txt are two documents); a text found twice is counted once. Unreadable inputs are reported on stderr and \
            skipped; the exit code is then 1 (2 when nothing could be read). Progress goes to \
            stderr (--quiet for none). A large attendance picture is pruned as `render` prunes it \
            (--all draws everything).

            Example:
              meetgraph analyze seeds --out output
            """)

    @Argument(help: "Text files or folders (searched for *.txt).")
    var paths: [String]

    @Option(name: [.short, .long], help: "The folder to write into (created if missing).")
    var out: String = "output"

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var filters: FilterOptions

    @Flag(help: "Start the CSV files with a byte-order mark so that Excel shows Chinese.")
    var excel = false

    @Flag(help: "Draw every person and event in attendance.svg, however large.")
    var all = false

    @OptionGroup var quiet: QuietOption
    @OptionGroup var corrections: CorrectionsOption

    func run() throws {
        quiet.apply()
        let (items, failures) = reading.reader().read(InputFiles(paths: paths))
        for failure in failures { Console.error(failure.message) }
        guard !items.isEmpty else {
            Console.error("nothing to analyze: no input could be read")
            throw ExitCode(2)
        }
        var copies = DuplicateTexts()
        let firstCopies = copies.firstCopies(of: items)
        let documents = firstCopies.map(\.document)
        for note in copies.notes { Console.error(note) }
        let unfiltered = try corrections.corrections == nil
            ? AttendanceGraph(documents: documents, identity: .acrossScripts).separatingNamesakes()
            : correctedGraph(firstCopies)
        filters.noteUndated(filters.filter.undated(in: unfiltered))
        let graph = unfiltered.filtered(by: filters.filter)
        let folder = URL(fileURLWithPath: out)

        var files: [ExportFile] = []
        files.append(ExportFile(name: "extraction.json", data: try JSON.encode(documents)))
        files += try Exporter().files(for: graph, format: .csv, options: ExportOptions(excel: excel))
        let renderer = try GraphvizRenderer()
        let pruning = AttendancePruning(graph: graph, top: nil, all: all)
        if let note = pruning.note { Console.note(note) }
        // A large graph takes seconds to minutes to lay out: say what is being drawn meanwhile.
        let slow = graph.people.count + graph.events.count > DOT.largeGraphThreshold
        let pictures: [(name: String, options: RenderOptions, formats: [OutputFormat])] = [
            ("attendance", RenderOptions(view: .attendance, top: pruning.top), [.svg]),
            ("coattendance", RenderOptions(view: .coattendance), [.svg, .png]),
        ]
        for picture in pictures {
            let drawing = try DOT.drawing(of: graph, options: picture.options)
            let dot = drawing.dot
            files.append(ExportFile(name: picture.name + ".dot", data: Data(dot.utf8)))
            for format in picture.formats {
                if slow { Console.note("drawing \(picture.name).\(format.fileExtension): \(AttendancePruning.describe(drawing))") }
                let output = try renderer.render(dot: dot, format: format)
                for warning in output.warnings { Console.error("graphviz: \(picture.name).\(format.fileExtension): \(warning)") }
                files.append(ExportFile(name: picture.name + "." + format.fileExtension, data: Data(output.bytes)))
            }
        }
        if slow { Console.note("writing \(files.count) files to \(folder.path)") }
        try Exporter().write(files, to: folder)

        let projection = CoAttendance(graph)
        Console.output("""
            documents       \(documents.count)\(failures.isEmpty ? "" : " (\(failures.count) failed)")\
            \(copies.notes.isEmpty ? "" : " (\(copies.notes.count) copies counted once)")
            events          \(graph.events.count)\
            \(unfiltered.foldedReprints == 0 ? "" : " (\(unfiltered.foldedReprints) reprinted events folded)")
            people          \(graph.people.count)
            participations  \(graph.attendances.count)
            co-attendances  \(projection.ties.count) pairs
            wrote \(files.count) files to \(folder.path)

            """)
        try Exit.afterFailures(failures, processed: items.count)
    }

    /// The graph of `items` with `--corrections` applied: built through a temporary store, where
    /// corrections are applied, so that it is the graph a corrected store gives.
    private func correctedGraph(_ items: [DocumentReader.Item]) throws -> AttendanceGraph {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("meetgraph-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        TemporaryFolders.removeAtExit(folder)
        let store = try MeetGraphStore(path: folder.appendingPathComponent("analyze.sqlite").path,
                                       nameKey: NameForms.simplifiedKey)
        _ = try store.ingest(items.map(\.ingestItem))
        try corrections.apply(to: store)
        return try store.loadGraph()
    }
}
