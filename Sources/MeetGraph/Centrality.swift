import Dispatch
import Synchronization

/// A score for each person of a projection, such as a centrality.
public struct PersonScores: Sendable, Hashable {
    /// One person's score, as listed by ``ranked()``.
    public struct Entry: Sendable, Hashable {
        /// The person.
        public var person: PersonID
        /// The person's score.
        public var score: Double
    }

    /// The people scored: the projection's ``CoAttendance/attendees``, in ID order.
    public let people: [PersonID]
    /// Scores indexed by ``PersonID/index``; 0 for people of the graph outside the projection.
    public let values: [Double]

    /// Scores `values` (indexed by person index) for `people`.
    public init(people: [PersonID], values: [Double]) {
        self.people = people
        self.values = values
    }

    /// The score of `person`; 0 for someone not scored.
    public subscript(person: PersonID) -> Double {
        values.indices.contains(person.index) ? values[person.index] : 0
    }

    /// The people scored, highest score first; equal scores in ID order.
    public func ranked() -> [Entry] {
        people.map { Entry(person: $0, score: values[$0.index]) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.person < $1.person }
    }
}

/// Who is central in a co-attendance projection, by four measures that NetworkX also computes.
public enum Centrality {
    /// The number of people each person has met (their degree in the projection).
    public static func degree(in projection: CoAttendance) -> PersonScores {
        var values = [Double](repeating: 0, count: projection.graph.people.count)
        for person in projection.attendees { values[person.index] = Double(projection.tieCount(of: person)) }
        return PersonScores(people: projection.attendees, values: values)
    }

    /// The sum of each person's tie weights: shared events, or Newman's weight when the projection
    /// uses ``CoAttendance/Weighting/collaboration`` (NetworkX's `degree(weight="weight")`).
    public static func weightedDegree(in projection: CoAttendance) -> PersonScores {
        var values = [Double](repeating: 0, count: projection.graph.people.count)
        for tie in projection.ties {
            values[tie.a.index] += tie.weight
            values[tie.b.index] += tie.weight
        }
        return PersonScores(people: projection.attendees, values: values)
    }

    /// Betweenness centrality: for each person, the share of shortest chains between two other
    /// people that pass through them. Hops are unweighted.
    ///
    /// Brandes' algorithm, O(people × ties), spread over the machine's cores. With `normalized` (the default) the sums are divided
    /// by (n−1)(n−2) for n people, as NetworkX's `betweenness_centrality` does for undirected
    /// graphs with its defaults (`normalized=True, endpoints=False`); without it, each unordered
    /// pair counts once (NetworkX's `normalized=False`).
    public static func betweenness(in projection: CoAttendance, normalized: Bool = true) -> PersonScores {
        let adjacency = projection.adjacency()
        let sources = projection.attendees.map(\.rawValue)
        // Sources are split into interleaved parts run on all cores; the parts' sums are added in
        // part order afterwards, so the result does not depend on scheduling.
        let partCount = min(16, max(1, sources.count / 64))
        let parts = Mutex([[Double]?](repeating: nil, count: partCount))
        DispatchQueue.concurrentPerform(iterations: partCount) { part in
            let sums = dependencySums(adjacency, sources: stride(from: part, to: sources.count, by: partCount).map { sources[$0] })
            parts.withLock { $0[part] = sums }
        }
        var total = [Double](repeating: 0, count: adjacency.slotCount)
        for sums in parts.withLock({ $0 }) {
            for (index, value) in sums!.enumerated() { total[index] += value }
        }
        // Every unordered pair was counted from both ends.
        let n = Double(projection.attendees.count)
        let scale = normalized ? (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) : 0.5
        return PersonScores(people: projection.attendees, values: total.map { $0 * scale })
    }

    /// Brandes' accumulation from each of `sources`: for every node, the summed dependency of
    /// the sources on it.
    private static func dependencySums(_ adjacency: Adjacency, sources: [Int32]) -> [Double] {
        let slots = adjacency.slotCount
        var total = [Double](repeating: 0, count: slots)
        var distance = [Int32](repeating: -1, count: slots)
        var paths = [Double](repeating: 0, count: slots)
        var dependency = [Double](repeating: 0, count: slots)
        var order: [Int32] = []
        order.reserveCapacity(slots)
        for source in sources {
            // Breadth-first from the source, counting shortest paths; `order` is the visiting order.
            order.removeAll(keepingCapacity: true)
            distance[Int(source)] = 0
            paths[Int(source)] = 1
            order.append(source)
            var head = 0
            while head < order.count {
                let node = Int(order[head])
                head += 1
                let next = distance[node] + 1
                for slot in adjacency.starts[node]..<adjacency.starts[node + 1] {
                    let neighbour = Int(adjacency.neighbours[slot])
                    if distance[neighbour] < 0 {
                        distance[neighbour] = next
                        order.append(Int32(neighbour))
                    }
                    if distance[neighbour] == next { paths[neighbour] += paths[node] }
                }
            }
            // Back from the farthest, pass each node's dependency to its predecessors.
            for position in stride(from: order.count - 1, through: 1, by: -1) {
                let node = Int(order[position])
                let share = (1 + dependency[node]) / paths[node]
                let previous = distance[node] - 1
                for slot in adjacency.starts[node]..<adjacency.starts[node + 1] {
                    let neighbour = Int(adjacency.neighbours[slot])
                    if distance[neighbour] == previous { dependency[neighbour] += paths[neighbour] * share }
                }
                total[node] += dependency[node]
            }
            for node in order {
                distance[Int(node)] = -1
                paths[Int(node)] = 0
                dependency[Int(node)] = 0
            }
        }
        return total
    }

    /// Eigenvector centrality: a person is central when the people they meet are central.
    ///
    /// Power iteration as NetworkX's `eigenvector_centrality` runs it: start from 1/n for each of
    /// the n people, multiply by (A + I) where A holds the tie weights (all 1 when `weighted` is
    /// false), scale to unit Euclidean length, and stop when the scores moved less than n × `tolerance`
    /// in total (sum of absolute changes). Adding I keeps the iteration from oscillating on
    /// bipartite-like parts of the graph; it converges to the leading eigenvector at a rate set by
    /// the ratio of the two largest eigenvalues of A + I, so graphs with several parts of similar
    /// weight converge slowly. In a graph of several unconnected parts the scores of all but the
    /// part with the largest eigenvalue decay towards 0.
    ///
    /// - Throws: ``GraphError/notConverged(method:iterations:tolerance:)`` after `maximumIterations`
    ///   multiplications without settling (NetworkX raises `PowerIterationFailedConvergence`).
    public static func eigenvector(in projection: CoAttendance, weighted: Bool = true,
                                   maximumIterations: Int = 100, tolerance: Double = 1e-6) throws -> PersonScores {
        let nodes = projection.attendees
        let slots = projection.graph.people.count
        guard !nodes.isEmpty else { return PersonScores(people: [], values: [Double](repeating: 0, count: slots)) }
        let adjacency = projection.adjacency()
        var scores = [Double](repeating: 0, count: slots)
        for node in nodes { scores[node.index] = 1 / Double(nodes.count) }
        var previous = scores
        for _ in 0..<maximumIterations {
            swap(&scores, &previous)
            for node in nodes { scores[node.index] = previous[node.index] }
            for node in nodes {
                let from = previous[node.index]
                for slot in adjacency.starts[node.index]..<adjacency.starts[node.index + 1] {
                    scores[Int(adjacency.neighbours[slot])] += from * (weighted ? adjacency.weights[slot] : 1)
                }
            }
            var norm = 0.0
            for node in nodes { norm += scores[node.index] * scores[node.index] }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            var change = 0.0
            for node in nodes {
                scores[node.index] /= norm
                change += abs(scores[node.index] - previous[node.index])
            }
            if change < Double(nodes.count) * tolerance { return PersonScores(people: nodes, values: scores) }
        }
        throw GraphError.notConverged(method: "eigenvector centrality", iterations: maximumIterations, tolerance: tolerance)
    }
}
