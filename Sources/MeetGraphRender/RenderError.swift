/// Why a picture could not be made, and what to do about it.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Graphviz's context could not be created.
    case graphvizUnavailable
    /// Graphviz could not read the DOT text; `messages` are Graphviz's own.
    case invalidDOT(messages: [String])
    /// Graphviz reported an error while laying the graph out.
    case layoutFailed(engine: String, messages: [String])
    /// Graphviz reported an error while drawing the laid-out graph.
    case drawingFailed(format: String, messages: [String])
    /// The ego view names somebody who is not in the graph (after filtering).
    case unknownPerson(String)
    /// The ego view's depth is below 1.
    case invalidDepth(Int)

    /// One line for a person: what went wrong and what to do.
    public var description: String {
        switch self {
        case .graphvizUnavailable:
            "Graphviz could not start (gvContext failed): install Debian's libgvc6/graphviz packages and run `dot -c` as root to register its plugins."
        case .invalidDOT(let messages):
            "Graphviz could not read the DOT text: \(Self.joined(messages)). Check the DOT file's quoting and brackets, or write it again with `meetgraph render`."
        case .layoutFailed(let engine, let messages):
            "Graphviz could not lay the graph out with \(engine): \(Self.joined(messages)). Fix the label it names, or try another layout (--layout sfdp)."
        case .drawingFailed(let format, let messages):
            "Graphviz could not draw \(format): \(Self.joined(messages)). Check that `dot -T\(format)` works on this machine, or choose another format."
        case .unknownPerson(let name):
            "No person named '\(name)' is in the graph (after filtering): check the spelling, or widen the date range and role filter."
        case .invalidDepth(let depth):
            "An ego picture needs a depth of 1 or more, not \(depth)."
        }
    }

    private static func joined(_ messages: [String]) -> String {
        messages.isEmpty ? "no message" : messages.joined(separator: " / ")
    }
}
