/// The shortest chain of co-attendances from one person to another: who met whom, at which
/// events, to get from the first to the last in the fewest hops.
///
/// Hops are unweighted (a tie of one shared event counts as much as one of twenty). Among chains
/// of the same length the one whose sequence of person IDs is smallest, compared element by
/// element, is returned, so the answer does not depend on the order ties are explored in.
public struct ShortestChain: Sendable, Hashable {
    /// One hop of a chain: two people who met, and the events where they met.
    public struct Step: Sendable, Hashable {
        /// The person the hop starts from.
        public var from: PersonID
        /// The person the hop reaches.
        public var to: PersonID
        /// The events both took part in (those the projection's filter keeps), in event-ID order;
        /// never empty.
        public var events: [EventID]

        /// A hop from `from` to `to` through `events`.
        public init(from: PersonID, to: PersonID, events: [EventID]) {
            self.from = from
            self.to = to
            self.events = events
        }
    }

    /// The people along the chain, first to last; one person when the chain starts where it ends.
    public var people: [PersonID]
    /// The hops, one fewer than ``people``.
    public var steps: [Step]

    /// Number of hops.
    public var length: Int { steps.count }

    /// The shortest chain from `source` to `target` in `projection`, or nil when no chain of
    /// co-attendances joins them (or either is not a person of the graph).
    ///
    /// Breadth-first search from `target` until `source` is reached, then a walk from `source`
    /// that always takes the neighbour with the smallest ID one hop closer: O(people + ties).
    public init?(from source: PersonID, to target: PersonID, in projection: CoAttendance) {
        let count = projection.graph.people.count
        guard (0..<count).contains(source.index), (0..<count).contains(target.index) else { return nil }
        guard source != target else {
            self.people = [source]
            self.steps = []
            return
        }
        var distance = [Int32](repeating: -1, count: count)
        distance[target.index] = 0
        var queue: [Int32] = [target.rawValue]
        var head = 0
        search: while head < queue.count {
            let node = Int(queue[head])
            head += 1
            for slot in projection.neighbourSlots(of: node) {
                let next = projection.neighbour(at: slot, of: node)
                guard distance[next] < 0 else { continue }
                distance[next] = distance[node] + 1
                if next == source.index { break search }
                queue.append(Int32(next))
            }
        }
        guard distance[source.index] > 0 else { return nil }
        // Every node closer to the target than the source is final once the source is reached.
        var people = [source]
        var steps: [Step] = []
        var current = source.index
        while current != target.index {
            var next = -1
            for slot in projection.neighbourSlots(of: current) {
                let candidate = projection.neighbour(at: slot, of: current)
                if distance[candidate] >= 0, distance[candidate] == distance[current] - 1 {
                    next = candidate
                    break
                }
            }
            let from = PersonID(current), to = PersonID(next)
            steps.append(Step(from: from, to: to, events: projection.sharedEvents(from, to)))
            people.append(to)
            current = next
        }
        self.people = people
        self.steps = steps
    }
}

extension CoAttendance {
    /// The shortest chain of co-attendances from `source` to `target`, or nil when none joins them.
    ///
    /// See ``ShortestChain`` for how equally short chains are chosen between.
    public func shortestChain(from source: PersonID, to target: PersonID) -> ShortestChain? {
        ShortestChain(from: source, to: target, in: self)
    }
}
