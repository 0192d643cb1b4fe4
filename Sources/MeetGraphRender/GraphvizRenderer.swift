import CGraphviz
import Foundation

/// Lays out and draws DOT text with Graphviz, linked into the process (libgvc, libcgraph).
///
/// The only type in MeetGraph that touches Graphviz's C objects: it owns one `GVC_t` context, freed
/// in `deinit`, and frees every graph and rendering before a call returns. Graphviz is not
/// thread-safe (concurrent layouts crash it, even with one context per thread), so every call
/// from every renderer in the process goes through one lock: renders may be started from many
/// tasks at once, and they run one after the other.
public final class GraphvizRenderer: @unchecked Sendable {
    // @unchecked Sendable: `context` is only used while `graphvizLock` is held.

    /// What Graphviz produced, and what it warned about while doing so.
    public struct Output: Sendable, Hashable {
        /// The file's bytes (SVG and DOT are UTF-8 text).
        public var bytes: [UInt8]
        /// Graphviz's warnings, one line each, without the leading "Warning: ".
        public var warnings: [String]

        /// The bytes as UTF-8 text, for SVG and DOT output; nil when they are not valid UTF-8.
        public var text: String? { String(validating: bytes, as: UTF8.self) }
    }

    /// The renderer most callers share: one Graphviz context for the whole process, started on first use.
    ///
    /// - Throws: ``RenderError/graphvizUnavailable`` when Graphviz cannot start.
    public static var shared: GraphvizRenderer {
        get throws(RenderError) { try sharedRenderer.get() }
    }

    private static let sharedRenderer = Result { () throws(RenderError) -> GraphvizRenderer in try GraphvizRenderer() }

    private let context: OpaquePointer

    /// Starts a Graphviz context with the plugins the system's Graphviz installed.
    ///
    /// - Throws: ``RenderError/graphvizUnavailable`` when Graphviz cannot start.
    public init() throws(RenderError) {
        let started: OpaquePointer? = graphvizLock.withLock { gvContext() }
        guard let started else { throw .graphvizUnavailable }
        context = started
    }

    deinit {
        graphvizLock.withLock { _ = gvFreeContext(context) }
    }

    /// Lays out `dot` with `layout` and draws it as `format`.
    ///
    /// - Parameters:
    ///   - dot: a DOT graph, as ``DOT`` writes it.
    ///   - layout: the engine; ``Layout/automatic`` uses the graph's own `layout` attribute, else `dot`.
    ///   - format: the file format to produce.
    /// - Returns: the drawing's bytes and Graphviz's warnings.
    /// - Throws: ``RenderError/invalidDOT(messages:)`` when Graphviz cannot read the text,
    ///   ``RenderError/layoutFailed(engine:messages:)`` or ``RenderError/drawingFailed(format:messages:)``
    ///   when Graphviz reports an error, each carrying Graphviz's own messages.
    public func render(dot: String, layout: Layout = .automatic, format: OutputFormat) throws(RenderError) -> Output {
        graphvizLock.lock()
        defer { graphvizLock.unlock() }
        return try renderLocked(dot: dot, layout: layout, format: format)
    }

    /// The body of ``render(dot:layout:format:)``; the caller holds `graphvizLock`.
    private func renderLocked(dot: String, layout: Layout, format: OutputFormat) throws(RenderError) -> Output {
        let messages = GraphvizMessages()
        defer { messages.finish() }

        // The parser's line counter is global, and the scanner keeps what it read past the closing
        // brace (the final line break) for the next graph: restart the count and give it no
        // trailing white space, so that "syntax error in line N" counts lines of this text.
        agreadline(1)
        var text = Substring(dot)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        guard let graph = agmemread(String(text)) else {
            let said = messages.errors.isEmpty ? messages.all : messages.errors
            throw .invalidDOT(messages: said.isEmpty ? ["the text holds no graph"] : said)
        }
        defer { agclose(graph) }
        if !messages.errors.isEmpty { throw .invalidDOT(messages: messages.errors) }

        let engine: String
        if let chosen = layout.engine {
            engine = chosen
            // The graph's own `layout` attribute would override the engine passed to gvLayout.
            _ = meetgraph_set_graph_attribute(graph, "layout", chosen)
        } else {
            engine = Layout.dot.engine!
        }
        let laidOut = gvLayout(context, graph, engine)
        // gvLayout succeeds on a graph it could only partly read (a bad HTML label): check the messages too.
        guard laidOut == 0, messages.errors.isEmpty else {
            if laidOut == 0 { _ = gvFreeLayout(context, graph) }
            throw .layoutFailed(engine: layout.engine ?? "as the graph says", messages: messages.errors)
        }
        defer { _ = gvFreeLayout(context, graph) }

        var result: UnsafeMutablePointer<CChar>?
        var length = 0
        let drawn = meetgraph_render_data(context, graph, format.graphvizName, &result, &length)
        defer { if let result { gvFreeRenderData(result) } }
        guard drawn == 0, let result, messages.errors.isEmpty else {
            throw .drawingFailed(format: format.rawValue, messages: messages.errors)
        }
        let bytes = result.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
        return Output(bytes: bytes, warnings: messages.warnings)
    }
}

/// The one lock every Graphviz call in the process goes through.
private let graphvizLock = NSLock()

/// What Graphviz's error function has received during the current render, in pieces as it sent them.
///
/// Only touched while `graphvizLock` is held.
nonisolated(unsafe) private var receivedText = ""

/// Graphviz's messages for one render: installs the error function on creation and removes it in
/// ``finish()``. Graphviz sends each message in pieces ("Warning", ": ", "text\n").
private struct GraphvizMessages {
    init() {
        receivedText = ""
        _ = agreseterrors()
        _ = agseterr(AGWARN)
        _ = agseterrf { piece in
            if let piece { receivedText += String(cString: piece) }
            return 0
        }
    }

    /// Restores Graphviz's own error output and clears the text.
    func finish() {
        _ = agseterrf(nil)
        receivedText = ""
    }

    /// Every message received so far, one line each, as Graphviz wrote it.
    var all: [String] {
        receivedText.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The error messages, without "Error: ". Lines that continue an error (no level of their own)
    /// belong to it.
    var errors: [String] { lines(of: "Error") }

    /// The warning messages, without "Warning: ".
    var warnings: [String] { lines(of: "Warning") }

    /// Lines of one level; a line with no level of its own continues the message before it
    /// (Graphviz's `AGPREV`), and leading lines with no level count as warnings.
    private func lines(of level: String) -> [String] {
        var found: [String] = []
        var currentLevel = "Warning"
        for line in all {
            var text = line
            for candidate in ["Error", "Warning"] where line.hasPrefix(candidate + ":") {
                currentLevel = candidate
                text = String(line.dropFirst(candidate.count + 1)).trimmingCharacters(in: .whitespaces)
            }
            if currentLevel == level, !text.isEmpty { found.append(text) }
        }
        return found
    }
}
