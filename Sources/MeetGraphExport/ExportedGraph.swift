import MeetGraph

/// The value of a node or edge attribute in GraphML and node-link JSON.
///
/// Integers and doubles compare by value (`.integer(2) == .double(2)`), because JSON does not
/// keep the difference: a weight of 2.0 may come back from another tool as `2`.
public enum AttributeValue: Sendable, Hashable, CustomStringConvertible {
    /// Text (GraphML `string`).
    case string(String)
    /// A whole number (GraphML `int`).
    case integer(Int)
    /// A number (GraphML `double`).
    case double(Double)
    /// GraphML `boolean`.
    case boolean(Bool)

    /// The GraphML `attr.type` of the value.
    public var graphMLType: String {
        switch self {
        case .string: "string"
        case .integer: "int"
        case .double: "double"
        case .boolean: "boolean"
        }
    }

    /// The value as a number, when it is one.
    public var number: Double? {
        switch self {
        case let .integer(value): Double(value)
        case let .double(value): value
        case .string, .boolean: nil
        }
    }

    /// The text of a string value.
    public var string: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    /// The value as GraphML writes it.
    public var description: String {
        switch self {
        case let .string(text): text
        case let .integer(value): String(value)
        case let .double(value): String(value)
        case let .boolean(value): value ? "true" : "false"
        }
    }

    /// Equal strings or booleans, or numerically equal numbers.
    public static func == (lhs: AttributeValue, rhs: AttributeValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(x), .string(y)): x == y
        case let (.boolean(x), .boolean(y)): x == y
        default: lhs.number != nil && lhs.number == rhs.number
        }
    }

    /// Hashes numbers by value, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case let .string(text): hasher.combine(0); hasher.combine(text)
        case let .boolean(value): hasher.combine(1); hasher.combine(value)
        case .integer, .double: hasher.combine(2); hasher.combine(number)
        }
    }
}

/// A graph as GraphML and node-link JSON hold it: string node IDs and attribute dictionaries.
///
/// The exporters build one from an ``AttendanceGraph`` and serialise it; the readers give one back,
/// so a round trip can be checked by comparing two values.
public struct ExportedGraph: Sendable, Hashable {
    /// A node and its attributes.
    public struct Node: Sendable, Hashable {
        /// The node's ID (`p0`, `e0`).
        public var id: String
        /// Attribute values by name.
        public var attributes: [String: AttributeValue]

        /// A node.
        public init(id: String, attributes: [String: AttributeValue] = [:]) {
            self.id = id
            self.attributes = attributes
        }
    }

    /// An edge between two node IDs and its attributes.
    public struct Edge: Sendable, Hashable {
        /// The ID of one end.
        public var source: String
        /// The ID of the other end.
        public var target: String
        /// Attribute values by name.
        public var attributes: [String: AttributeValue]

        /// An edge.
        public init(source: String, target: String, attributes: [String: AttributeValue] = [:]) {
            self.source = source
            self.target = target
            self.attributes = attributes
        }
    }

    /// The graph's name (`attendance`, `coattendance`), written as the GraphML graph id.
    public var name: String
    /// False for every MeetGraph export.
    public var directed: Bool
    /// Nodes in export order.
    public var nodes: [Node]
    /// Edges in export order.
    public var edges: [Edge]

    /// A graph.
    public init(name: String, directed: Bool = false, nodes: [Node] = [], edges: [Edge] = []) {
        self.name = name
        self.directed = directed
        self.nodes = nodes
        self.edges = edges
    }

    /// The bipartite person–event graph.
    ///
    /// People are `p0`, `p1` … with `type` "person" and `bipartite` 0; events are `e0`, `e1` … with
    /// `type` "event" and `bipartite` 1 (NetworkX's convention for bipartite sets). Every node has a
    /// `label`, which Gephi shows. Edges carry `roles` (`chair;speaker`), `titles`, and the first
    /// `evidence` sentence with its `start` and `end` offsets.
    public static func bipartite(_ graph: AttendanceGraph) -> ExportedGraph {
        var result = ExportedGraph(name: "attendance")
        result.nodes.reserveCapacity(graph.people.count + graph.events.count)
        for id in graph.personIDs {
            let person = graph[id]
            let summary = PersonSummary(id, in: graph)
            var attributes: [String: AttributeValue] = [
                "label": .string(person.name), "type": .string("person"), "bipartite": .integer(0),
                "events": .integer(summary.events),
            ]
            if !person.titles.isEmpty { attributes["titles"] = .string(ListCell.join(person.titles)) }
            result.nodes.append(Node(id: id.description, attributes: attributes))
        }
        for id in graph.eventIDs {
            let event = graph[id]
            var attributes: [String: AttributeValue] = [
                "label": .string(event.name), "type": .string("event"), "bipartite": .integer(1),
                "key": .string(event.key), "document": .string(event.document), "kind": .string(event.kind.rawValue),
                "participants": .integer(graph.attendances(at: id).count),
            ]
            if let date = event.date { attributes["date"] = .string(date.description) }
            if let time = event.timeOfDay { attributes["time_of_day"] = .string(time) }
            if let place = event.place { attributes["place"] = .string(place) }
            if let form = event.form { attributes["form"] = .string(form.rawValue) }
            result.nodes.append(Node(id: id.description, attributes: attributes))
        }
        result.edges.reserveCapacity(graph.attendances.count)
        for attendance in graph.attendances {
            var attributes: [String: AttributeValue] = ["roles": .string(attendance.roles.description)]
            if !attendance.titles.isEmpty { attributes["titles"] = .string(ListCell.join(attendance.titles)) }
            if let evidence = attendance.evidence.first {
                attributes["evidence"] = .string(evidence.sentence)
                attributes["start"] = .integer(evidence.start)
                attributes["end"] = .integer(evidence.end)
            }
            result.edges.append(Edge(source: attendance.person.description, target: attendance.event.description,
                                     attributes: attributes))
        }
        return result
    }

    /// The co-attendance graph: people (`p0` …, with `label`, `titles`, `events`) joined by the
    /// given ties, each with `weight` (double), `count` of shared events, `first_date`,
    /// `last_date` and `events` (shared event IDs joined by `;`).
    ///
    /// People whose ties were all dropped (by a minimum weight) stay, as isolated nodes.
    public static func coAttendance(_ projection: CoAttendance, ties: [CoAttendance.Tie]? = nil) -> ExportedGraph {
        let graph = projection.graph
        var result = ExportedGraph(name: "coattendance")
        for id in graph.personIDs {
            let person = graph[id]
            var attributes: [String: AttributeValue] = [
                "label": .string(person.name), "events": .integer(graph.attendances(of: id).count),
            ]
            if !person.titles.isEmpty { attributes["titles"] = .string(ListCell.join(person.titles)) }
            result.nodes.append(Node(id: id.description, attributes: attributes))
        }
        var sharedEvents = SharedEventsCursor(projection)
        for tie in ties ?? projection.ties {
            let shared = sharedEvents.events(of: tie)
            let span = PersonSummary(dates: shared.map { graph[$0].date })
            var attributes: [String: AttributeValue] = [
                "weight": .double(tie.weight), "count": .integer(tie.count),
                "events": .string(ListCell.join(shared.map(\.description))),
            ]
            if let first = span.first { attributes["first_date"] = .string(first.description) }
            if let last = span.last { attributes["last_date"] = .string(last.description) }
            result.edges.append(Edge(source: tie.a.description, target: tie.b.description, attributes: attributes))
        }
        return result
    }
}
