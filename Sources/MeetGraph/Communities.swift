/// Groups of people who meet each other more than chance would have them meet: a partition of a
/// projection's attendees, and its modularity.
public struct Communities: Sendable, Hashable {
    /// The groups, largest first (equal sizes by smallest member ID); members in ID order.
    public let groups: [[PersonID]]
    /// Newman's modularity of the partition on the weighted projection, at ``resolution``.
    public let modularity: Double
    /// The resolution γ modularity was computed at (1 is Newman's; larger gives smaller groups).
    public let resolution: Double

    /// Number of groups.
    public var count: Int { groups.count }

    /// The groups `groups` of `projection`, sorted as ``groups`` documents, with their modularity.
    public init(_ groups: [[PersonID]], in projection: CoAttendance, resolution: Double = 1) {
        let nonEmpty: [[PersonID]] = groups.filter { !$0.isEmpty }.map { $0.sorted() }
        let sorted = nonEmpty.sorted { (x: [PersonID], y: [PersonID]) -> Bool in
            x.count != y.count ? x.count > y.count : x[0] < y[0]
        }
        self.groups = sorted
        self.resolution = resolution
        self.modularity = Self.modularity(of: sorted, in: projection, resolution: resolution)
    }

    /// The position in ``groups`` of the group holding `person`, if any.
    public func group(of person: PersonID) -> Int? {
        groups.firstIndex { $0.contains(person) }
    }

    /// Newman's modularity of `groups` on the weighted projection (NetworkX's `modularity` with
    /// `weight="weight"`): Σ over groups of L_c/m − γ (d_c / 2m)², where L_c is the weight of ties
    /// inside the group, d_c the group's weighted degree and m the total tie weight. 0 without ties.
    public static func modularity(of groups: [[PersonID]], in projection: CoAttendance, resolution: Double = 1) -> Double {
        var group = [Int](repeating: -1, count: projection.graph.people.count)
        for (index, members) in groups.enumerated() {
            for person in members where group.indices.contains(person.index) { group[person.index] = index }
        }
        var inside = [Double](repeating: 0, count: groups.count)
        var degree = [Double](repeating: 0, count: groups.count)
        var total = 0.0
        for tie in projection.ties {
            total += tie.weight
            let a = group[tie.a.index], b = group[tie.b.index]
            if a >= 0 { degree[a] += tie.weight }
            if b >= 0 { degree[b] += tie.weight }
            if a >= 0, a == b { inside[a] += tie.weight }
        }
        guard total > 0 else { return 0 }
        var result = 0.0
        for index in groups.indices {
            result += inside[index] / total - resolution * (degree[index] / (2 * total)) * (degree[index] / (2 * total))
        }
        return result
    }

    /// Communities found by the Louvain method (Blondel et al. 2008) as NetworkX's
    /// `louvain_communities` runs it: move each node to the neighbouring group that raises
    /// modularity most, until no move helps; merge groups into nodes; repeat while a pass raises
    /// modularity by more than `threshold`.
    ///
    /// Deterministic: nodes are visited in ID order, or in an order shuffled by `seed` (the same
    /// seed gives the same groups on every machine). Different orders can give different
    /// partitions of similar modularity. People with no tie stay alone in their own group.
    public static func louvain(_ projection: CoAttendance, resolution: Double = 1, threshold: Double = 1e-7,
                               seed: UInt64? = nil) -> Communities {
        let adjacency = projection.adjacency()
        var level = LouvainLevel(adjacency)
        let total = level.totalWeight
        // members[c]: original people in node c of the current level.
        var members = adjacency.nodes.map { [$0] }
        guard total > 0 else {
            return Communities(members.map { $0.map { PersonID(Int($0)) } }, in: projection, resolution: resolution)
        }
        var random = seed.map { SplitMix64(seed: $0) }
        var modularity = level.modularity(of: Array(0..<level.nodeCount), resolution: resolution, total: total)
        while true {
            var order = Array(0..<level.nodeCount)
            if var generator = random {
                // Fisher–Yates written out, so the order does not depend on the standard library's shuffle.
                for index in stride(from: order.count - 1, to: 0, by: -1) {
                    order.swapAt(index, Int(generator.next() % UInt64(index + 1)))
                }
                random = generator
            }
            let (assignment, moved) = level.moveNodes(order: order, resolution: resolution, total: total)
            guard moved else { break }
            let newModularity = level.modularity(of: assignment, resolution: resolution, total: total)
            let (aggregated, groupCount) = level.aggregate(assignment)
            var merged = [[Int32]](repeating: [], count: groupCount)
            for (node, group) in assignment.enumerated() { merged[group].append(contentsOf: members[node]) }
            members = merged
            level = aggregated
            if newModularity - modularity <= threshold { break }
            modularity = newModularity
        }
        return Communities(members.map { $0.map { PersonID(Int($0)) } }, in: projection, resolution: resolution)
    }
}

/// One level of the Louvain method: a weighted graph whose nodes are groups of the level below.
private struct LouvainLevel {
    var starts: [Int]
    var neighbours: [Int]
    var weights: [Double]
    /// Weight of the tie from a node to itself (ties inside the group it stands for).
    var selfWeights: [Double]
    /// Weighted degree, a self tie counted twice as NetworkX's `degree` does.
    var degrees: [Double]
    /// Total tie weight m of the original graph.
    var totalWeight: Double

    var nodeCount: Int { degrees.count }

    /// The first level: one node per attendee.
    init(_ adjacency: Adjacency) {
        var index = [Int](repeating: -1, count: adjacency.slotCount)
        for (position, node) in adjacency.nodes.enumerated() { index[Int(node)] = position }
        starts = [0]
        neighbours = []
        weights = []
        degrees = []
        totalWeight = 0
        for node in adjacency.nodes {
            var degree = 0.0
            for slot in adjacency.starts[Int(node)]..<adjacency.starts[Int(node) + 1] {
                neighbours.append(index[Int(adjacency.neighbours[slot])])
                weights.append(adjacency.weights[slot])
                degree += adjacency.weights[slot]
            }
            starts.append(neighbours.count)
            degrees.append(degree)
            totalWeight += degree
        }
        totalWeight /= 2
        selfWeights = [Double](repeating: 0, count: degrees.count)
    }

    init(starts: [Int], neighbours: [Int], weights: [Double], selfWeights: [Double], degrees: [Double], totalWeight: Double) {
        self.starts = starts
        self.neighbours = neighbours
        self.weights = weights
        self.selfWeights = selfWeights
        self.degrees = degrees
        self.totalWeight = totalWeight
    }

    /// Local moving: returns each node's group (numbered by the node first holding it) and
    /// whether any node moved.
    func moveNodes(order: [Int], resolution: Double, total: Double) -> (assignment: [Int], moved: Bool) {
        var group = Array(0..<nodeCount)
        var groupDegree = degrees
        var weightTo = [Double](repeating: 0, count: nodeCount)
        var seen = [Bool](repeating: false, count: nodeCount)
        var touched: [Int] = []
        var moved = false
        var movesInPass = 1
        while movesInPass > 0 {
            movesInPass = 0
            for node in order {
                // Weights from the node to each neighbouring group, in order of first appearance.
                for slot in starts[node]..<starts[node + 1] {
                    let other = group[neighbours[slot]]
                    if !seen[other] {
                        seen[other] = true
                        weightTo[other] = 0
                        touched.append(other)
                    }
                    weightTo[other] += weights[slot]
                }
                let current = group[node]
                let degree = degrees[node]
                groupDegree[current] -= degree
                let removeCost = -(seen[current] ? weightTo[current] : 0) / total
                    + resolution * groupDegree[current] * degree / (2 * total * total)
                var bestGain = 0.0
                var best = current
                for candidate in touched {
                    let gain = removeCost + weightTo[candidate] / total
                        - resolution * groupDegree[candidate] * degree / (2 * total * total)
                    if gain > bestGain {
                        bestGain = gain
                        best = candidate
                    }
                }
                groupDegree[best] += degree
                if best != current {
                    group[node] = best
                    moved = true
                    movesInPass += 1
                }
                for other in touched { seen[other] = false }
                touched.removeAll(keepingCapacity: true)
            }
        }
        // Renumber groups 0..<k in order of their first node.
        var number = [Int](repeating: -1, count: nodeCount)
        var next = 0
        let assignment = group.map { old -> Int in
            if number[old] < 0 {
                number[old] = next
                next += 1
            }
            return number[old]
        }
        return (assignment, moved)
    }

    /// Modularity of the partition `assignment` of this level's nodes.
    func modularity(of assignment: [Int], resolution: Double, total: Double) -> Double {
        let groupCount = (assignment.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: groupCount)
        var degree = [Double](repeating: 0, count: groupCount)
        for node in 0..<nodeCount {
            let group = assignment[node]
            degree[group] += degrees[node]
            inside[group] += selfWeights[node]
            for slot in starts[node]..<starts[node + 1] where neighbours[slot] > node && assignment[neighbours[slot]] == group {
                inside[group] += weights[slot]
            }
        }
        var result = 0.0
        for group in 0..<groupCount {
            let share = degree[group] / (2 * total)
            result += inside[group] / total - resolution * share * share
        }
        return result
    }

    /// The next level: one node per group of `assignment`, with summed tie weights.
    func aggregate(_ assignment: [Int]) -> (LouvainLevel, Int) {
        let groupCount = (assignment.max() ?? -1) + 1
        var selfWeights = [Double](repeating: 0, count: groupCount)
        var degrees = [Double](repeating: 0, count: groupCount)
        var nodesOf = [[Int]](repeating: [], count: groupCount)
        for node in 0..<nodeCount {
            nodesOf[assignment[node]].append(node)
            degrees[assignment[node]] += self.degrees[node]
            selfWeights[assignment[node]] += self.selfWeights[node]
        }
        var starts = [0]
        var neighbours: [Int] = []
        var weights: [Double] = []
        var weightTo = [Double](repeating: 0, count: groupCount)
        var seen = [Bool](repeating: false, count: groupCount)
        var touched: [Int] = []
        for group in 0..<groupCount {
            for node in nodesOf[group] {
                for slot in slots(of: node) {
                    let other = assignment[self.neighbours[slot]]
                    if other == group {
                        // Each inside tie is seen from both ends.
                        selfWeights[group] += self.weights[slot] / 2
                        continue
                    }
                    if !seen[other] {
                        seen[other] = true
                        weightTo[other] = 0
                        touched.append(other)
                    }
                    weightTo[other] += self.weights[slot]
                }
            }
            touched.sort()
            for other in touched {
                neighbours.append(other)
                weights.append(weightTo[other])
                seen[other] = false
            }
            touched.removeAll(keepingCapacity: true)
            starts.append(neighbours.count)
        }
        let level = LouvainLevel(starts: starts, neighbours: neighbours, weights: weights, selfWeights: selfWeights,
                                 degrees: degrees, totalWeight: totalWeight)
        return (level, groupCount)
    }

    private func slots(of node: Int) -> Range<Int> { starts[node]..<starts[node + 1] }
}
