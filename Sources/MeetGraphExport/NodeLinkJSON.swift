import Foundation

/// NetworkX node-link JSON: what `networkx.readwrite.json_graph.node_link_data` writes and
/// `node_link_graph` reads.
///
/// NetworkX 3.6 names the edge list `edges` (earlier versions said `links`; 3.4 and 3.5 read
/// `edges` when asked with `edges="edges"`). The reader here accepts either.
///
/// ```json
/// {"directed": false, "multigraph": false, "graph": {"name": "attendance"},
///  "nodes": [{"id": "p0", "label": "…"}], "edges": [{"source": "p0", "target": "e0", "roles": "chair"}]}
/// ```
public enum NodeLinkJSON {
    /// The JSON text of `graph`, one node or edge per line, keys sorted.
    public static func document(for graph: ExportedGraph) -> String {
        var out = "{\"directed\": \(graph.directed), \"multigraph\": false, \"graph\": {\"name\": "
        out += quoted(graph.name) + "},\n\"nodes\": ["
        for (index, node) in graph.nodes.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += object(first: [("id", .string(node.id))], node.attributes)
        }
        out += "\n],\n\"edges\": ["
        for (index, edge) in graph.edges.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += object(first: [("source", .string(edge.source)), ("target", .string(edge.target))], edge.attributes)
        }
        out += "\n]}\n"
        return out
    }

    /// Reads node-link JSON `data` into an ``ExportedGraph``; numeric node IDs become their text.
    /// - Parameter file: the name used in error messages.
    public static func graph(from data: Data, file: String) throws -> ExportedGraph {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw ExportError.malformed(file: file, line: 1, problem: "not JSON: \(context.debugDescription)")
        } catch {
            throw ExportError.malformed(file: file, line: 1, problem: "not node-link JSON: \(error)")
        }
        var graph = ExportedGraph(name: document.graph?.name ?? "", directed: document.directed ?? false)
        for (index, fields) in document.nodes.enumerated() {
            guard let id = fields["id"]?.value else {
                throw ExportError.malformed(file: file, line: 1, problem: "node \(index) has no id")
            }
            graph.nodes.append(ExportedGraph.Node(id: id.description, attributes: compact(fields, without: ["id"])))
        }
        guard let edges = document.edges ?? document.links else {
            throw ExportError.malformed(file: file, line: 1, problem: "no \"edges\" (or \"links\") list")
        }
        for (index, fields) in edges.enumerated() {
            guard let source = fields["source"]?.value, let target = fields["target"]?.value else {
                throw ExportError.malformed(file: file, line: 1, problem: "edge \(index) lacks source or target")
            }
            graph.edges.append(ExportedGraph.Edge(source: source.description, target: target.description,
                                                  attributes: compact(fields, without: ["source", "target"])))
        }
        return graph
    }

    /// Reads the node-link JSON file at `url`.
    public static func graph(contentsOf url: URL) throws -> ExportedGraph {
        try graph(from: TextFile.contents(of: url), file: url.path)
    }

    private struct Document: Decodable {
        var directed: Bool?
        var graph: Header?
        var nodes: [[String: Scalar]]
        var edges: [[String: Scalar]]?
        var links: [[String: Scalar]]?
    }

    /// The `graph` object: only its `name` is read (NetworkX puts defaults and other objects there).
    private struct Header: Decodable {
        var name: String?

        enum CodingKeys: String, CodingKey { case name }

        init(from decoder: Decoder) throws {
            name = try? decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .name)
        }
    }

    /// A value in a node or edge object; lists, objects and null are skipped.
    private struct Scalar: Decodable {
        var value: AttributeValue?

        init(from decoder: Decoder) throws {
            value = try? AttributeValue(from: decoder)
        }
    }

    private static func compact(_ fields: [String: Scalar], without reserved: Set<String>) -> [String: AttributeValue] {
        fields.reduce(into: [:]) { result, field in
            if !reserved.contains(field.key), let value = field.value.value { result[field.key] = value }
        }
    }

    private static func object(first: [(String, AttributeValue)], _ attributes: [String: AttributeValue]) -> String {
        let fields = first + attributes.keys.sorted().map { ($0, attributes[$0]!) }
        return "{" + fields.map { quoted($0.0) + ": " + literal($0.1) }.joined(separator: ", ") + "}"
    }

    private static func literal(_ value: AttributeValue) -> String {
        switch value {
        case let .string(text): quoted(text)
        case let .integer(number): String(number)
        case let .double(number): number.isFinite ? String(number) : "null"
        case let .boolean(flag): flag ? "true" : "false"
        }
    }

    /// `text` as a JSON string (RFC 8259): quotes, backslashes and control characters escaped,
    /// everything else as UTF-8.
    static func quoted(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default: out.append(scalar)
            }
        }
        out.append("\"")
        return String(out)
    }
}

extension AttributeValue: Decodable {
    /// Decodes a JSON scalar: true/false, a whole number, another number, or a string.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a list or object where a value was expected")
        }
    }
}
