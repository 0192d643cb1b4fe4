import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// GraphML writing and reading (http://graphml.graphdrawing.org), as NetworkX's `read_graphml`
/// and Gephi load it: every attribute declared by a `<key>` with `attr.name` and `attr.type`.
///
/// XML 1.0 cannot carry most control characters (U+0000–U+001F other than tab, LF and CR) nor
/// U+FFFE and U+FFFF, even as character references; the writer replaces them with U+FFFD.
/// CR, LF and tab are written as character references so that XML parsers keep them.
public enum GraphML {
    /// The GraphML text of `graph`: keys sorted by domain then name, nodes and edges in order,
    /// each element's data sorted by attribute name.
    public static func document(for graph: ExportedGraph) -> String {
        var keys: [KeyID: String] = [:]
        for node in graph.nodes { declare(node.attributes, for: "node", in: &keys) }
        for edge in graph.edges { declare(edge.attributes, for: "edge", in: &keys) }
        let sortedKeys = keys.keys.sorted { ($0.domain, $0.name) < ($1.domain, $1.name) }

        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
            http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for key in sortedKeys {
            out += "  <key id=\"\(escape(key.id))\" for=\"\(key.domain)\" attr.name=\"\(escape(key.name))\" "
            out += "attr.type=\"\(keys[key]!)\"/>\n"
        }
        out += "  <graph id=\"\(escape(graph.name))\" edgedefault=\"\(graph.directed ? "directed" : "undirected")\">\n"
        for node in graph.nodes {
            out += "    <node id=\"\(escape(node.id))\">"
            appendData(node.attributes, domain: "node", to: &out)
            out += "</node>\n"
        }
        for edge in graph.edges {
            out += "    <edge source=\"\(escape(edge.source))\" target=\"\(escape(edge.target))\">"
            appendData(edge.attributes, domain: "edge", to: &out)
            out += "</edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// Reads GraphML `data` (written here, by NetworkX or by Gephi) into an ``ExportedGraph``,
    /// converting values by their key's `attr.type`.
    /// - Parameter file: the name used in error messages.
    public static func graph(from data: Data, file: String) throws -> ExportedGraph {
        let parser = XMLParser(data: data)
        let reader = GraphMLReader(file: file, parser: parser)
        parser.delegate = reader
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure = reader.failure { throw failure }
        guard parsed else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            throw ExportError.malformed(file: file, line: parser.lineNumber, problem: "XML: \(reason)")
        }
        guard reader.sawGraph else { throw ExportError.malformed(file: file, line: 1, problem: "no <graph> element") }
        return reader.graph
    }

    /// Reads the GraphML file at `url`.
    public static func graph(contentsOf url: URL) throws -> ExportedGraph {
        try graph(from: TextFile.contents(of: url), file: url.path)
    }

    struct KeyID: Hashable {
        var domain: String
        var name: String
        /// `n_label`, `e_weight`: a readable id, distinct for a node and an edge attribute of one name.
        var id: String { (domain == "node" ? "n_" : "e_") + name }
    }

    private static func declare(_ attributes: [String: AttributeValue], for domain: String, in keys: inout [KeyID: String]) {
        for (name, value) in attributes {
            let key = KeyID(domain: domain, name: name)
            let type = value.graphMLType
            if let existing = keys[key], existing != type {
                // Mixed integers and doubles under one name: declare the wider type.
                keys[key] = (existing == "int" && type == "double") || (existing == "double" && type == "int")
                    ? "double" : "string"
            } else {
                keys[key] = type
            }
        }
    }

    private static func appendData(_ attributes: [String: AttributeValue], domain: String, to out: inout String) {
        for name in attributes.keys.sorted() {
            let key = KeyID(domain: domain, name: name)
            out += "<data key=\"\(escape(key.id))\">\(escape(attributes[name]!.description))</data>"
        }
    }

    /// `text` made safe for XML 1.0 content and attribute values.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t": out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n": out.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

/// The XMLParser delegate behind ``GraphML/graph(from:file:)``: owns the parse state for one parse.
private final class GraphMLReader: NSObject, XMLParserDelegate {
    let file: String
    unowned let parser: XMLParser
    var graph = ExportedGraph(name: "")
    var sawGraph = false
    var failure: ExportError?

    private struct Key {
        var name: String
        var domain: String
        var type: String
        var defaultValue: String?
    }

    private var keys: [String: Key] = [:]
    private var currentKeyID: String?
    private var dataKey: String?
    private var text = ""
    private var inDefault = false
    private var element: Element?

    private enum Element {
        case node(ExportedGraph.Node)
        case edge(ExportedGraph.Edge)
    }

    init(file: String, parser: XMLParser) {
        self.file = file
        self.parser = parser
    }

    private func fail(_ problem: String) {
        guard failure == nil else { return }
        failure = .malformed(file: file, line: parser.lineNumber, problem: problem)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch localName(elementName) {
        case "key":
            guard let id = attributes["id"] else { return fail("<key> without an id") }
            keys[id] = Key(name: attributes["attr.name"] ?? id, domain: attributes["for"] ?? "all",
                           type: attributes["attr.type"] ?? "string")
            currentKeyID = id
        case "default":
            inDefault = true
            text = ""
        case "graph":
            if sawGraph { return }  // nested graphs are not read
            sawGraph = true
            graph.name = attributes["id"] ?? ""
            graph.directed = attributes["edgedefault"] == "directed"
        case "node":
            guard let id = attributes["id"] else { return fail("<node> without an id") }
            element = .node(ExportedGraph.Node(id: id))
        case "edge":
            guard let source = attributes["source"], let target = attributes["target"] else {
                return fail("<edge> without source or target")
            }
            element = .edge(ExportedGraph.Edge(source: source, target: target))
        case "data":
            guard let key = attributes["key"] else { return fail("<data> without a key") }
            dataKey = key
            text = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if dataKey != nil || inDefault { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(elementName) {
        case "key":
            currentKeyID = nil
        case "default":
            inDefault = false
            if let id = currentKeyID { keys[id]?.defaultValue = text }
        case "data":
            guard let id = dataKey else { return }
            dataKey = nil
            guard let key = keys[id] else { return fail("<data key=\"\(id)\"> has no <key> declaration") }
            guard let value = value(text, type: key.type) else {
                return fail("\"\(text)\" is not a value of type \(key.type) for \(key.name)")
            }
            switch element {
            case var .node(node):
                node.attributes[key.name] = value
                element = .node(node)
            case var .edge(edge):
                edge.attributes[key.name] = value
                element = .edge(edge)
            case nil:
                break  // graph-level data is not kept
            }
        case "node":
            if case var .node(node) = element {
                applyDefaults(to: &node.attributes, domain: "node")
                graph.nodes.append(node)
            }
            element = nil
        case "edge":
            if case var .edge(edge) = element {
                applyDefaults(to: &edge.attributes, domain: "edge")
                graph.edges.append(edge)
            }
            element = nil
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        fail("XML: \((parseError as NSError).localizedDescription)")
    }

    private func applyDefaults(to attributes: inout [String: AttributeValue], domain: String) {
        for key in keys.values where (key.domain == domain || key.domain == "all") && attributes[key.name] == nil {
            guard let text = key.defaultValue, let value = value(text, type: key.type) else { continue }
            attributes[key.name] = value
        }
    }

    private func localName(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }

    private func value(_ text: String, type: String) -> AttributeValue? {
        switch type {
        case "int", "long":
            return Int(text.trimmingCharacters(in: .whitespaces)).map(AttributeValue.integer)
        case "double", "float":
            return Double(text.trimmingCharacters(in: .whitespaces)).map(AttributeValue.double)
        case "boolean":
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1": return .boolean(true)
            case "false", "0": return .boolean(false)
            default: return nil
            }
        default:
            return .string(text)
        }
    }
}
