import Foundation
import MeetGraph
import Testing
@testable import MeetGraphExport

@Suite struct GraphMLTests {
    let graph = Fixtures.graph()

    @Test func graphMLRoundTripKeepsNodesEdgesAndAttributes() throws {
        for exported in [ExportedGraph.bipartite(graph), .coAttendance(CoAttendance(graph))] {
            let text = GraphML.document(for: exported)
            let back = try GraphML.graph(from: Data(text.utf8), file: "x.graphml")
            // Control characters other than tab, LF and CR cannot be carried; the fixtures have none.
            #expect(back == exported)
        }
    }

    @Test func bipartiteGraphMarksTheTwoSides() throws {
        let exported = ExportedGraph.bipartite(graph)
        #expect(exported.nodes.count == graph.people.count + graph.events.count)
        #expect(exported.edges.count == graph.attendances.count)
        let people = exported.nodes.filter { $0.attributes["bipartite"] == .integer(0) }
        #expect(people.map { $0.attributes["label"]?.string } == graph.people.map(\.name))
        #expect(people.allSatisfy { $0.attributes["type"] == .string("person") })
        #expect(exported.edges.first?.attributes["roles"] == .string("chair;speaker"))
    }

    @Test func keysAreDeclaredWithTypes() {
        let text = GraphML.document(for: .coAttendance(CoAttendance(graph)))
        #expect(text.contains("<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"))
        #expect(text.contains("<key id=\"e_count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>"))
        #expect(text.contains("<key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"))
    }

    @Test func markupAndLineBreaksAreEscaped() {
        #expect(GraphML.escape("<&>\"'") == "&lt;&amp;&gt;&quot;&apos;")
        #expect(GraphML.escape("a\r\nb\tc") == "a&#13;&#10;b&#9;c")
        #expect(GraphML.escape("x\u{0}y\u{1F}z\u{FFFE}") == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
    }

    @Test func controlCharactersBecomeReplacementCharactersAndStillParse() throws {
        var small = AttendanceGraph()
        let person = small.addPerson(named: "蒲\u{7}月\u{0}")
        let event = small.addEvent(.init(key: "t#e1", document: "t", kind: .meeting, name: "会"))
        small.attend(person: person, event: event, roles: .attendee)
        let back = try GraphML.graph(from: Data(GraphML.document(for: .bipartite(small)).utf8), file: "t")
        #expect(back.nodes.first?.attributes["label"] == .string("蒲\u{FFFD}月\u{FFFD}"))
    }

    @Test func brokenXMLIsAnErrorNamingTheFile() {
        #expect {
            try GraphML.graph(from: Data("<graphml><graph><node id=\"a\"></graph>".utf8), file: "bad.graphml")
        } throws: { error in
            guard case let ExportError.malformed(file, _, _) = error else { return false }
            return file == "bad.graphml"
        }
    }

    @Test(.enabled(if: Python.hasNetworkX, "python3 with networkx is not installed"))
    func networkXReadsBothGraphMLFilesWithAttributes() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let urls = try Exporter().write(try Exporter().files(for: graph, format: .graphml), to: folder)
        let script = """
            import json, sys, networkx as nx
            out = []
            for path in sys.argv[1:]:
                g = nx.read_graphml(path)
                out.append({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                            "labels": sorted(d.get("label", "") for _, d in g.nodes(data=True) if d.get("type", "person") == "person"),
                            "bipartite": sorted({d["bipartite"] for _, d in g.nodes(data=True) if "bipartite" in d}),
                            "weights": sorted(d["weight"] for _, _, d in g.edges(data=True) if "weight" in d),
                            "roles": sorted(d["roles"] for _, _, d in g.edges(data=True) if "roles" in d),
                            "weight_is_float": all(isinstance(d["weight"], float) for _, _, d in g.edges(data=True) if "weight" in d),
                            "directed": g.is_directed()})
            print(json.dumps(out))
            """
        let (status, output) = try Python.run(script, arguments: urls.map(\.path))
        #expect(status == 0, "\(output)")
        let results = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [[String: Any]]
        let bipartite = results[0]
        #expect(bipartite["nodes"] as? Int == graph.people.count + graph.events.count)
        #expect(bipartite["edges"] as? Int == graph.attendances.count)
        #expect(bipartite["labels"] as? [String] == graph.people.map(\.name).sorted(by: Self.pythonOrder))
        #expect(bipartite["bipartite"] as? [Int] == [0, 1])
        #expect(bipartite["roles"] as? [String] == graph.attendances.map(\.roles.description).sorted(by: Self.pythonOrder))
        #expect(bipartite["directed"] as? Bool == false)
        let ties = CoAttendance(graph).ties
        let coattendance = results[1]
        #expect(coattendance["nodes"] as? Int == graph.people.count)
        #expect(coattendance["edges"] as? Int == ties.count)
        #expect(coattendance["weights"] as? [Double] == ties.map(\.weight).sorted())
        #expect(coattendance["weight_is_float"] as? Bool == true)
    }

    /// Python sorts strings by code point.
    static func pythonOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}

@Suite struct NodeLinkJSONTests {
    let graph = Fixtures.graph()

    @Test func jsonRoundTripKeepsNodesEdgesAndAttributes() throws {
        for exported in [ExportedGraph.bipartite(graph), .coAttendance(CoAttendance(graph))] {
            let back = try NodeLinkJSON.graph(from: Data(NodeLinkJSON.document(for: exported).utf8), file: "x.json")
            #expect(back == exported)
        }
    }

    @Test func documentIsValidJSONWithTheNodeLinkKeys() throws {
        let data = Data(NodeLinkJSON.document(for: .bipartite(graph)).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["directed"] as? Bool == false)
        #expect(object["multigraph"] as? Bool == false)
        #expect((object["nodes"] as? [[String: Any]])?.count == graph.people.count + graph.events.count)
        #expect((object["edges"] as? [[String: Any]])?.count == graph.attendances.count)
        let labels = (object["nodes"] as! [[String: Any]]).compactMap { $0["label"] as? String }
        #expect(labels.prefix(graph.people.count).elementsEqual(graph.people.map(\.name)))
    }

    @Test func olderLinksKeyIsRead() throws {
        let text = #"{"directed": false, "graph": {}, "nodes": [{"id": 1}, {"id": "b"}], "links": [{"source": 1, "target": "b", "weight": 2}]}"#
        let graph = try NodeLinkJSON.graph(from: Data(text.utf8), file: "old.json")
        #expect(graph.nodes.map(\.id) == ["1", "b"])
        #expect(graph.edges.first?.attributes["weight"] == .double(2))
    }

    @Test func notJSONIsAnErrorNamingTheFile() {
        #expect(throws: ExportError.self) { try NodeLinkJSON.graph(from: Data("{nodes".utf8), file: "x.json") }
    }

    @Test(.enabled(if: Python.hasNetworkX, "python3 with networkx is not installed"))
    func networkXLoadsTheNodeLinkJSON() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let urls = try Exporter().write(try Exporter().files(for: graph, format: .json), to: folder)
        let script = """
            import json, sys
            from networkx.readwrite import json_graph
            out = []
            for path in sys.argv[1:]:
                with open(path, encoding="utf-8") as f:
                    g = json_graph.node_link_graph(json.load(f))
                out.append({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                            "multigraph": g.is_multigraph(),
                            "labels": [d["label"] for _, d in g.nodes(data=True)],
                            "weights": sorted(d["weight"] for _, _, d in g.edges(data=True) if "weight" in d)})
            print(json.dumps(out))
            """
        let (status, output) = try Python.run(script, arguments: urls.map(\.path))
        #expect(status == 0, "\(output)")
        let results = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [[String: Any]]
        #expect(results[0]["nodes"] as? Int == graph.people.count + graph.events.count)
        #expect(results[0]["edges"] as? Int == graph.attendances.count)
        #expect(results[0]["multigraph"] as? Bool == false)
        #expect(results[0]["labels"] as? [String] == graph.people.map(\.name) + graph.events.map(\.name))
        #expect(results[1]["edges"] as? Int == CoAttendance(graph).ties.count)
        #expect(results[1]["weights"] as? [Double] == CoAttendance(graph).ties.map(\.weight).sorted())
    }
}

@Suite struct ThirdPartyFilesTests {
    /// NetworkX's GraphML writer leaves CR unescaped, and XML parsers turn it into LF, so names
    /// with CR cannot survive a trip through it; every other hostile name is kept.
    let graph = Fixtures.graph(names: Fixtures.hostileNames.filter { !$0.unicodeScalars.contains("\r") })

    /// Edges as undirected pairs with their attributes, for comparing graphs whose edge order differs.
    private func edgeSet(_ graph: ExportedGraph) -> Set<ExportedGraph.Edge> {
        Set(graph.edges.map { edge in
            let (a, b) = edge.source < edge.target ? (edge.source, edge.target) : (edge.target, edge.source)
            return ExportedGraph.Edge(source: a, target: b, attributes: edge.attributes)
        })
    }

    @Test(.enabled(if: Python.hasNetworkX, "python3 with networkx is not installed"))
    func filesWrittenByNetworkXReadBackToTheSameGraph() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try Exporter().write(try Exporter().files(for: graph, format: .graphml), to: folder)[0]
        let graphML = folder.appendingPathComponent("networkx.graphml")
        let json = folder.appendingPathComponent("networkx.json")
        let script = """
            import json, sys, networkx as nx
            from networkx.readwrite import json_graph
            g = nx.read_graphml(sys.argv[1])
            nx.write_graphml(g, sys.argv[2])
            with open(sys.argv[3], "w", encoding="utf-8") as f:
                json.dump(json_graph.node_link_data(g), f, ensure_ascii=False)
            """
        let (status, output) = try Python.run(script, arguments: [source.path, graphML.path, json.path])
        #expect(status == 0, "\(output)")
        let original = ExportedGraph.bipartite(graph)
        for back in [try GraphML.graph(contentsOf: graphML), try NodeLinkJSON.graph(contentsOf: json)] {
            #expect(back.nodes == original.nodes)
            #expect(edgeSet(back) == edgeSet(original))
        }
    }
}
