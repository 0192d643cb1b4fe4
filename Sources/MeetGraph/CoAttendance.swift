/// The co-attendance projection of an ``AttendanceGraph``: people only, with a tie between two
/// people for every event they both took part in.
///
/// The plain weight is the number of shared events (NetworkX's `weighted_projected_graph`);
/// ``Weighting/collaboration`` gives Newman's weight, Σ 1/(n−1) over shared events with n
/// participants (NetworkX's `collaboration_weighted_projected_graph`).
public struct CoAttendance: Sendable {
    /// How a tie's ``Tie/weight`` is computed.
    public enum Weighting: String, Sendable, CaseIterable, Codable {
        /// Number of shared events.
        case count
        /// Newman's collaboration weight: Σ 1/(n−1) over shared events with n participants.
        case collaboration
    }

    /// Two people who met, and where.
    public struct Tie: Sendable, Hashable {
        /// The person with the smaller ID.
        public var a: PersonID
        /// The person with the larger ID.
        public var b: PersonID
        /// Number of shared events.
        public var count: Int
        /// Number of shared events, or Newman's weight (see ``CoAttendance/weighting``).
        public var weight: Double
    }

    /// The graph this projection was made from.
    public let graph: AttendanceGraph
    public let weighting: Weighting
    /// Every tie, ordered by (a, b).
    public let ties: [Tie]
    private let tieIndex: [Pair: Int]
    private let neighbourTies: [[Int]]

    private struct Pair: Hashable {
        var a: Int32
        var b: Int32
    }

    /// Projects `graph` onto its people.
    public init(_ graph: AttendanceGraph, weighting: Weighting = .count) {
        self.graph = graph
        self.weighting = weighting
        var shared: [Pair: [EventID]] = [:]
        for event in graph.eventIDs {
            let people = graph.attendances(at: event).map(\.person).sorted()
            for i in people.indices {
                for j in people.index(after: i)..<people.endIndex {
                    shared[Pair(a: people[i].rawValue, b: people[j].rawValue), default: []].append(event)
                }
            }
        }
        let sortedPairs = shared.keys.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        var ties: [Tie] = []
        ties.reserveCapacity(sortedPairs.count)
        var index: [Pair: Int] = [:]
        var neighbours = Array(repeating: [Int](), count: graph.people.count)
        for pair in sortedPairs {
            let events = shared[pair]!
            let weight: Double
            switch weighting {
            case .count:
                weight = Double(events.count)
            case .collaboration:
                weight = events.reduce(0) { sum, event in
                    let n = graph.attendances(at: event).count
                    return sum + (n > 1 ? 1 / Double(n - 1) : 0)
                }
            }
            index[pair] = ties.count
            neighbours[Int(pair.a)].append(ties.count)
            neighbours[Int(pair.b)].append(ties.count)
            ties.append(Tie(a: PersonID(Int(pair.a)), b: PersonID(Int(pair.b)), count: events.count, weight: weight))
        }
        self.ties = ties
        self.tieIndex = index
        self.neighbourTies = neighbours
    }

    /// The tie between `x` and `y`, if they shared an event.
    public func tie(between x: PersonID, and y: PersonID) -> Tie? {
        let pair = x < y ? Pair(a: x.rawValue, b: y.rawValue) : Pair(a: y.rawValue, b: x.rawValue)
        return tieIndex[pair].map { ties[$0] }
    }

    /// The ties of `person`, ordered by the other person's ID.
    public func ties(of person: PersonID) -> [Tie] {
        neighbourTies[person.index].map { ties[$0] }
    }

    /// The events both people of `tie` took part in, in event-ID order.
    ///
    /// Computed on demand from the bipartite graph, so ties stay small on large graphs.
    public func sharedEvents(_ tie: Tie) -> [EventID] {
        let first = Set(graph.attendances(of: tie.a).map(\.event))
        return graph.attendances(of: tie.b).map(\.event).filter(first.contains).sorted()
    }

    /// The other end of `tie` as seen from `person`.
    public static func other(_ tie: Tie, from person: PersonID) -> PersonID {
        tie.a == person ? tie.b : tie.a
    }
}
