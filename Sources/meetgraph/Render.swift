import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExport
import MeetGraphRender

extension Layout: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// `meetgraph render`: draws a picture of the graph through Graphviz, in-process.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the attendance, co-attendance or ego graph as SVG, PNG, PDF or DOT.",
        discussion: """
            Pictures are laid out by the Graphviz library inside meetgraph, with labels in a CJK \
            font (Noto Sans CJK). People are sized by their number of events and coloured by the \
            body their titles name (party, government, people's congress, CPPCC, other); events \
            are boxes labelled with name and date; chairs are linked in bold, speakers dashed; \
            co-attendance lines grow with the number of shared events, and SVG tooltips list them. \
            Above a few hundred nodes the layout defaults to sfdp; --min-weight, --top and the date \
            filters prune big graphs. The file is written to a temporary name and renamed; a symbolic link is \
            followed, and a device or FIFO (/dev/null, a named pipe) is written directly.

            Example:
              meetgraph render --view coattendance --format png -o people.png
              meetgraph render --view ego --person 韩立平 --depth 2 --from seeds -o ego.svg
              meetgraph render --view attendance --layout dot --since 2022-05-10 -o week.pdf
            """)

    enum ViewName: String, ExpressibleByArgument, CaseIterable {
        case attendance, coattendance, ego
    }

    @Option(help: "What to draw: attendance (people and events), coattendance (people) or ego (one person's circle).")
    var view: ViewName = .coattendance

    @Option(help: "The person at the centre of an ego view.")
    var person: String?

    @Option(help: "How many co-attendance steps an ego view reaches.")
    var depth: Int = 1

    @Option(help: "Layout engine: automatic, dot, neato, fdp, sfdp, circo, twopi.")
    var layout: Layout = .automatic

    @Option(help: "svg, png, pdf or dot (default: from the output file's extension, else svg).")
    var format: OutputFormat?

    @Option(name: [.short, .customLong("output")], help: "The file to write; - or nothing for stdout.")
    var output: String?

    @Option(help: "Leave out co-attendance ties lighter than this.")
    var minWeight: Double?

    @Option(help: "Keep only the K people with the largest weighted degree.")
    var top: Int?

    @Option(help: "A title drawn above the legend.")
    var title: String?

    @OptionGroup var source: GraphSourceOptions
    @OptionGroup var filters: FilterOptions

    func validate() throws {
        if view == .ego && person == nil { throw ValidationError("--view ego needs --person NAME") }
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    var resolvedFormat: OutputFormat {
        if let format { return format }
        if let output, let byExtension = OutputFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) {
            return byExtension
        }
        return .svg
    }

    func run() throws {
        let store = try source.openStore()
        try filters.noteUndated(in: store)
        let graph = try store.loadGraph(filter: filters.filter)
        let renderView: RenderOptions.View
        switch view {
        case .attendance: renderView = .attendance
        case .coattendance: renderView = .coattendance
        case .ego: renderView = .ego(person: try store.canonicalName(of: person!), depth: depth)
        }
        let options = RenderOptions(view: renderView, layout: layout, minWeight: minWeight, top: top, title: title)
        let dot = try DOT.picture(of: graph, options: options)
        let bytes: [UInt8]
        if resolvedFormat == .dot && layout == .automatic {
            bytes = Array(dot.utf8)
        } else {
            let rendered = try GraphvizRenderer().render(dot: dot, layout: layout, format: resolvedFormat)
            for warning in rendered.warnings { Console.error("graphviz: \(warning)") }
            bytes = rendered.bytes
        }
        guard let output, output != "-" else {
            Console.output(bytes: bytes)
            return
        }
        try Exporter().write(Data(bytes), toFile: URL(fileURLWithPath: output))
        Console.error("wrote \(output) (\(bytes.count) bytes, \(graph.people.count) people, \(graph.events.count) events)")
    }
}
