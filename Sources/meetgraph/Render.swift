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
            Above a few hundred nodes the layout defaults to sfdp. An attendance view of more than \
            \(AttendancePruning.nodeLimit) people and events draws only the \(AttendancePruning.keptPeople) \
            people with the most co-attendance (and says so); --all draws everything, --top N \
            chooses. --min-weight applies to the co-attendance and ego views, --person and --depth \
            to the ego view; elsewhere they are refused. The format is the extension of --out \
            (.svg, .png, .pdf, .dot); --format must agree with it. The file is written to a \
            temporary name and renamed; a device or FIFO (/dev/null) is written directly.

            Example:
              meetgraph render --view ego --person 温景澜 --from seeds -o ego.svg
            """)

    enum ViewName: String, ExpressibleByArgument, CaseIterable {
        case attendance, coattendance, ego
    }

    @Option(help: "What to draw: attendance (people and events), coattendance (people) or ego (one person's circle).")
    var view: ViewName = .coattendance

    @Option(help: "The person at the centre of an ego view.")
    var person: String?

    @Option(help: "How many co-attendance steps an ego view reaches (default 1).")
    var depth: Int?

    @Option(help: "Layout engine: automatic, dot, neato, fdp, sfdp, circo, twopi.")
    var layout: Layout = .automatic

    @Option(help: "svg, png, pdf or dot (default: the extension of --out, else svg).")
    var format: OutputFormat?

    @Option(name: [.short, .customLong("out"), .customLong("output")],
            help: "The file to write, .svg, .png, .pdf or .dot; - or nothing for stdout.")
    var out: String?

    @Option(help: "Leave out co-attendance ties lighter than this.")
    var minWeight: Double?

    @Option(help: "Keep only the K people with the largest weighted degree.")
    var top: Int?

    @Flag(help: "Draw every person and event of a large attendance view (pruned by default).")
    var all = false

    @Option(help: "A title drawn above the legend.")
    var title: String?

    @OptionGroup var source: GraphSourceOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var quiet: QuietOption

    func validate() throws {
        if view == .ego && person == nil { throw ValidationError("--view ego needs --person NAME") }
        if view != .ego && person != nil { throw ValidationError("--person is for --view ego only") }
        if view != .ego && depth != nil { throw ValidationError("--depth is for --view ego only") }
        if let depth, depth < 1 { throw ValidationError("--depth must be at least 1") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if view == .attendance && minWeight != nil {
            throw ValidationError("--min-weight does not apply to --view attendance, which draws no ties; "
                + "use --top, or --view coattendance")
        }
        if all && view != .attendance { throw ValidationError("--all is for --view attendance only") }
        if all && top != nil { throw ValidationError("--all and --top cannot be combined") }
        _ = try resolvedFormat()
    }

    /// The format: the extension of `--out`, which `--format` must agree with; else `--format`, else SVG.
    func resolvedFormat() throws -> OutputFormat {
        guard let out, out != "-" else { return format ?? .svg }
        let pathExtension = URL(fileURLWithPath: out).pathExtension.lowercased()
        // A device or FIFO (/dev/null) has no extension: --format says what to write.
        guard !pathExtension.isEmpty else { return format ?? .svg }
        guard let byExtension = OutputFormat(rawValue: pathExtension) else {
            throw ValidationError("\(out): .\(pathExtension) is not a format render writes; "
                + "end the file name in .svg, .png, .pdf or .dot")
        }
        if let format, format != byExtension {
            throw ValidationError("--format \(format.rawValue) does not match \(out); "
                + "name the file .\(format.fileExtension) or drop --format")
        }
        return byExtension
    }

    func run() throws {
        let store = try source.openStore()
        try filters.noteUndated(in: store)
        let graph = try store.loadGraph(filter: filters.filter)
        quiet.apply()
        let format = try resolvedFormat()
        let renderView: RenderOptions.View
        var top = top
        switch view {
        case .attendance:
            renderView = .attendance
            let pruning = AttendancePruning(graph: graph, top: top, all: all)
            top = pruning.top
            if let note = pruning.note { Console.note(note) }
        case .coattendance: renderView = .coattendance
        case .ego: renderView = .ego(person: try store.canonicalName(of: person!), depth: depth ?? 1)
        }
        let options = RenderOptions(view: renderView, layout: layout, minWeight: minWeight, top: top, title: title)
        let drawing = try DOT.drawing(of: graph, options: options)
        let bytes: [UInt8]
        if format == .dot && layout == .automatic {
            bytes = Array(drawing.dot.utf8)
        } else {
            let rendered = try GraphvizRenderer().render(dot: drawing.dot, layout: layout, format: format)
            for warning in rendered.warnings { Console.error("graphviz: \(warning)") }
            bytes = rendered.bytes
        }
        guard let out, out != "-" else {
            Console.output(bytes: bytes)
            return
        }
        try Exporter().write(Data(bytes), toFile: URL(fileURLWithPath: out))
        Console.note("wrote \(out): \(AttendancePruning.describe(drawing)) (\(bytes.count) bytes)")
    }
}
