import MeetGraph

/// A Graphviz layout engine.
public enum Layout: String, Sendable, Hashable, CaseIterable, Codable {
    /// `sfdp` above ``DOT/largeGraphThreshold`` nodes, otherwise the engine that suits the view
    /// (`neato` for attendance and co-attendance, `twopi` around the person of an ego picture).
    case automatic
    /// Layered drawing; makes very wide pictures of bipartite graphs.
    case dot
    /// Spring model; good for up to a few hundred nodes.
    case neato
    /// Force-directed, with clusters.
    case fdp
    /// Multiscale force-directed: the engine for thousands of nodes.
    case sfdp
    /// Circular.
    case circo
    /// Radial, around a root node.
    case twopi

    /// The engine's name as Graphviz knows it; nil for ``automatic``.
    public var engine: String? { self == .automatic ? nil : rawValue }
}

/// A file format Graphviz can draw to.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// Scalable vector graphics, UTF-8 XML with tooltips: the format for browsers and journals.
    case svg
    /// A bitmap through Cairo, with the CJK font named in the DOT.
    case png
    /// A vector document through Cairo.
    case pdf
    /// The DOT text with positions added by the layout.
    case dot

    /// The file name extension.
    public var fileExtension: String { rawValue }

    /// The name passed to `gvRenderData`: Cairo's renderer for bitmaps and PDF, so that text is
    /// drawn with the named font (the GD renderer shows boxes for Chinese).
    var graphvizName: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .dot: "dot"
        }
    }
}

/// What to draw and how: the view, the layout engine and the pruning of large graphs.
public struct RenderOptions: Sendable, Hashable {
    /// Which graph the picture shows.
    public enum View: Sendable, Hashable {
        /// People and events (the bipartite graph), edges styled by role.
        case attendance
        /// People only, joined when they attended the same events.
        case coattendance
        /// The co-attendance neighbourhood of the person called `person`, up to `depth` steps away.
        case ego(person: String, depth: Int)
    }

    /// Which graph the picture shows.
    public var view: View
    /// The layout engine written into the DOT's `layout` attribute.
    public var layout: Layout
    /// Co-attendance ties lighter than this are left out (co-attendance and ego views), and
    /// people left with no tie with them. Nil keeps every tie.
    public var minWeight: Double?
    /// Keep only this many people, those with the largest weighted degree in the co-attendance
    /// graph (ties broken by name). Nil keeps everybody.
    public var top: Int?
    /// Which events, dates and roles to look at.
    public var filter: AttendanceFilter
    /// How co-attendance ties are weighted.
    public var weighting: CoAttendance.Weighting
    /// A title drawn above the legend.
    public var title: String?
    /// The font for every label; it must have Chinese glyphs or PNG and PDF show boxes.
    public var fontName: String

    /// Options for `view`; everything else keeps everything.
    public init(view: View = .coattendance, layout: Layout = .automatic, minWeight: Double? = nil, top: Int? = nil,
                filter: AttendanceFilter = .everything, weighting: CoAttendance.Weighting = .count,
                title: String? = nil, fontName: String = "Noto Sans CJK SC") {
        self.view = view
        self.layout = layout
        self.minWeight = minWeight
        self.top = top
        self.filter = filter
        self.weighting = weighting
        self.title = title
        self.fontName = fontName
    }
}
