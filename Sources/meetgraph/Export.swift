import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExport

extension ExportFormat: ExpressibleByArgument {}
extension CoAttendance.Weighting: ExpressibleByArgument {}

/// `meetgraph export`: writes the graph in formats analysts' tools open.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the graph as CSV, Gephi, GraphML, node-link JSON or Neo4j import files.",
        discussion: """
            Formats:
              csv      people.csv, events.csv, participations.csv (roles, titles, evidence), coattendance.csv
              gephi    nodes.csv and edges.csv for Gephi's spreadsheet import
              graphml  attendance.graphml and coattendance.graphml (NetworkX, Gephi, yEd)
              json     node-link JSON of both graphs (edges under "edges": see README)
              neo4j    CSV files with neo4j-admin import headers
            CSV is RFC 4180 UTF-8; --excel adds a byte-order mark so Excel shows Chinese; text cells \
            starting with =, +, -, @, tab or CR get a leading ' so spreadsheets do not run them as \
            formulas. Each file is written to a temporary name and renamed.

            Example:
              meetgraph export --format graphml --from seeds --out exports
            """)

    @Option(help: "csv, gephi, graphml, json or neo4j.")
    var format: ExportFormat = .csv

    @Option(name: [.short, .long], help: "The folder to write into (created if missing).")
    var out: String = "exports"

    @Flag(help: "Start CSV files with a byte-order mark so that Excel shows Chinese.")
    var excel = false

    @Option(help: "Leave out co-attendance ties lighter than this.")
    var minWeight: Double?

    @Option(help: "Tie weight: count (shared events) or collaboration (Newman's Σ 1/(n−1)).")
    var weighting: CoAttendance.Weighting = .count

    @OptionGroup var source: GraphSourceOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var quiet: QuietOption

    func run() throws {
        quiet.apply()
        let store = try source.openStore()
        try filters.noteUndated(in: store)
        let graph = try store.loadGraph(filter: filters.filter)
        let options = ExportOptions(excel: excel, minWeight: minWeight, weighting: weighting)
        let urls = try Exporter().stream(graph, format: format, options: options, to: URL(fileURLWithPath: out))
        for url in urls { Console.output(url.path + "\n") }
        Console.note("exported \(graph.people.count) people, \(graph.events.count) events, \(graph.attendances.count) participations")
    }
}
