/// The co-attendance projection of an ``AttendanceGraph``: people only, with a tie between two
/// people for every event they both took part in.
///
/// The plain weight is the number of shared events (NetworkX's `weighted_projected_graph`);
/// ``Weighting/collaboration`` gives Newman's weight, Σ 1/(n−1) over shared events with n
/// participants (NetworkX's `collaboration_weighted_projected_graph`).
///
/// A projection can look at part of the graph only (an ``AttendanceFilter`` on kinds, dates and
/// roles); person and event IDs stay those of ``graph``, and n counts the participations the
/// filter keeps, as if the filtered bipartite graph had been projected.
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

        /// A tie between `a` and `b`, which are put in ID order.
        public init(a: PersonID, b: PersonID, count: Int, weight: Double) {
            self.a = min(a, b)
            self.b = max(a, b)
            self.count = count
            self.weight = weight
        }
    }

    /// The graph this projection was made from.
    public let graph: AttendanceGraph
    /// How tie weights were computed.
    public let weighting: Weighting
    /// Which events and participations were counted.
    public let filter: AttendanceFilter
    /// Every tie, ordered by (a, b).
    public let ties: [Tie]
    /// The people of the projection, in ID order: those with at least one participation the
    /// filter keeps (including people whose events had nobody else, who have no ties).
    ///
    /// These are the nodes NetworkX's projection would have; centrality normalisation counts them.
    public let attendees: [PersonID]

    /// `tieOrder[tieStarts[p]..<tieStarts[p + 1]]` are the indices into `ties` of person p's ties,
    /// ordered by the other person's ID (compressed sparse rows, 8 bytes per tie).
    private let tieStarts: [Int]
    private let tieOrder: [Int32]

    /// Projects `graph` onto its people, counting only what `filter` keeps.
    ///
    /// Runs in time proportional to Σ n² over events with n kept participants: each person's
    /// co-attendees are gathered with a marker array rather than a dictionary of pairs.
    public init(_ graph: AttendanceGraph, filter: AttendanceFilter = .everything, weighting: Weighting = .count) {
        self.graph = graph
        self.weighting = weighting
        self.filter = filter
        let incidence = Incidence(graph, filter: filter)
        let personCount = graph.people.count

        var ties: [Tie] = []
        var lastSeenBy = [Int32](repeating: -1, count: personCount)
        var sharedCount = [Int32](repeating: 0, count: personCount)
        var sharedWeight = [Double](repeating: 0, count: weighting == .collaboration ? personCount : 0)
        var touched: [Int32] = []
        for person in 0..<personCount {
            touched.removeAll(keepingCapacity: true)
            let me = Int32(person)
            for slot in incidence.personStarts[person]..<incidence.personStarts[person + 1] {
                let event = Int(incidence.personEvents[slot])
                let start = incidence.eventStarts[event], end = incidence.eventStarts[event + 1]
                let share = end - start > 1 ? 1 / Double(end - start - 1) : 0
                // Each event's people are sorted: skip to those after `person`, so each pair is seen once.
                var index = end
                while index > start, incidence.eventPeople[index - 1] > me { index -= 1 }
                while index < end {
                    let other = Int(incidence.eventPeople[index])
                    if lastSeenBy[other] != me {
                        lastSeenBy[other] = me
                        sharedCount[other] = 0
                        if weighting == .collaboration { sharedWeight[other] = 0 }
                        touched.append(Int32(other))
                    }
                    sharedCount[other] += 1
                    if weighting == .collaboration { sharedWeight[other] += share }
                    index += 1
                }
            }
            touched.sort()
            for other in touched {
                let count = Int(sharedCount[Int(other)])
                let weight = weighting == .collaboration ? sharedWeight[Int(other)] : Double(count)
                ties.append(Tie(a: PersonID(person), b: PersonID(Int(other)), count: count, weight: weight))
            }
        }
        precondition(ties.count < Int(Int32.max), "more than 2³¹ ties do not fit the tie index")

        var starts = [Int](repeating: 0, count: personCount + 1)
        for tie in ties {
            starts[tie.a.index + 1] += 1
            starts[tie.b.index + 1] += 1
        }
        for person in 0..<personCount { starts[person + 1] += starts[person] }
        var cursor = starts
        var order = [Int32](repeating: 0, count: ties.count * 2)
        // Ties come in (a, b) order, so each person's list fills in order of the other's ID.
        for (index, tie) in ties.enumerated() {
            order[cursor[tie.a.index]] = Int32(index)
            cursor[tie.a.index] += 1
            order[cursor[tie.b.index]] = Int32(index)
            cursor[tie.b.index] += 1
        }
        self.ties = ties
        self.tieStarts = starts
        self.tieOrder = order
        self.attendees = (0..<personCount).filter { incidence.personStarts[$0 + 1] > incidence.personStarts[$0] }
            .map(PersonID.init)
    }

    /// The tie between `x` and `y`, if they shared an event.
    public func tie(between x: PersonID, and y: PersonID) -> Tie? {
        guard x != y, x.index < graph.people.count, y.index < graph.people.count else { return nil }
        var low = tieStarts[x.index], high = tieStarts[x.index + 1]
        while low < high {
            let middle = (low + high) / 2
            let other = Self.other(ties[Int(tieOrder[middle])], from: x)
            if other == y { return ties[Int(tieOrder[middle])] }
            if other < y { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The ties of `person`, ordered by the other person's ID.
    public func ties(of person: PersonID) -> [Tie] {
        tieOrder[tieStarts[person.index]..<tieStarts[person.index + 1]].map { ties[Int($0)] }
    }

    /// How many people `person` has a tie with (the person's degree in the projection).
    public func tieCount(of person: PersonID) -> Int {
        tieStarts[person.index + 1] - tieStarts[person.index]
    }

    /// The events both people of `tie` took part in, in event-ID order.
    ///
    /// Computed on demand from the bipartite graph, so ties stay small on large graphs.
    public func sharedEvents(_ tie: Tie) -> [EventID] {
        sharedEvents(tie.a, tie.b)
    }

    /// The events both `x` and `y` took part in that the filter keeps, in event-ID order.
    func sharedEvents(_ x: PersonID, _ y: PersonID) -> [EventID] {
        // Walk the person with fewer participations and look the other up at each event.
        let (walker, other) = graph.attendanceCount(of: x) <= graph.attendanceCount(of: y) ? (x, y) : (y, x)
        var result: [EventID] = []
        graph.forEachAttendance(of: walker) { index in
            let attendance = graph.attendances[index]
            guard keeps(attendance), let match = graph.attendanceIndex(of: other, at: attendance.event),
                  keeps(graph.attendances[match]) else { return }
            result.append(attendance.event)
        }
        return result.sorted()
    }

    /// Whether the filter keeps `attendance` (its event and its roles).
    func keeps(_ attendance: AttendanceGraph.Attendance) -> Bool {
        filter.keepsEverything || (filter.keeps(attendance.roles) && filter.keeps(graph.events[attendance.event.index]))
    }

    /// The other end of `tie` as seen from `person`.
    public static func other(_ tie: Tie, from person: PersonID) -> PersonID {
        tie.a == person ? tie.b : tie.a
    }

    /// The positions of `person`'s ties in the neighbour table, for ``neighbour(at:of:)``.
    func neighbourSlots(of person: Int) -> Range<Int> { tieStarts[person]..<tieStarts[person + 1] }

    /// The person at `slot` of `person`'s neighbour list; lists are in increasing ID order.
    func neighbour(at slot: Int, of person: Int) -> Int {
        let tie = ties[Int(tieOrder[slot])]
        return tie.a.index == person ? tie.b.index : tie.a.index
    }

    /// The projection as compressed adjacency rows over person indices, for the algorithms.
    func adjacency() -> Adjacency {
        var neighbours = [Int32](repeating: 0, count: tieOrder.count)
        var weights = [Double](repeating: 0, count: tieOrder.count)
        for person in 0..<graph.people.count {
            for slot in tieStarts[person]..<tieStarts[person + 1] {
                let tie = ties[Int(tieOrder[slot])]
                neighbours[slot] = tie.a.index == person ? tie.b.rawValue : tie.a.rawValue
                weights[slot] = tie.weight
            }
        }
        return Adjacency(starts: tieStarts, neighbours: neighbours, weights: weights,
                         nodes: attendees.map(\.rawValue))
    }
}

/// An undirected weighted graph over person indices in compressed sparse rows: the neighbours of
/// node u are `neighbours[starts[u]..<starts[u + 1]]`, in increasing order.
///
/// Internal: the shape the centrality, chain and community algorithms walk.
struct Adjacency: Sendable {
    var starts: [Int]
    var neighbours: [Int32]
    var weights: [Double]
    /// The nodes that count (the projection's attendees), in increasing order.
    var nodes: [Int32]

    /// Number of node slots (people in the graph, attendees or not).
    var slotCount: Int { starts.count - 1 }
}

/// The kept participations of a graph as two compressed sparse row tables (events of each
/// person, people of each event), with Int32 entries: 8 bytes per attendance.
struct Incidence {
    var personStarts: [Int]
    var personEvents: [Int32]
    var eventStarts: [Int]
    /// The people of each event, sorted by ID.
    var eventPeople: [Int32]

    init(_ graph: AttendanceGraph, filter: AttendanceFilter) {
        let personCount = graph.people.count, eventCount = graph.events.count
        let keptEvent = filter.kinds == nil && filter.since == nil && filter.until == nil
            ? [Bool](repeating: true, count: eventCount) : graph.events.map(filter.keeps)
        personStarts = [Int](repeating: 0, count: personCount + 1)
        eventStarts = [Int](repeating: 0, count: eventCount + 1)
        for attendance in graph.attendances where keptEvent[attendance.event.index] && filter.keeps(attendance.roles) {
            personStarts[attendance.person.index + 1] += 1
            eventStarts[attendance.event.index + 1] += 1
        }
        for person in 0..<personCount { personStarts[person + 1] += personStarts[person] }
        for event in 0..<eventCount { eventStarts[event + 1] += eventStarts[event] }
        var personCursor = personStarts, eventCursor = eventStarts
        personEvents = [Int32](repeating: 0, count: personStarts[personCount])
        eventPeople = [Int32](repeating: 0, count: eventStarts[eventCount])
        for attendance in graph.attendances where keptEvent[attendance.event.index] && filter.keeps(attendance.roles) {
            personEvents[personCursor[attendance.person.index]] = attendance.event.rawValue
            personCursor[attendance.person.index] += 1
            eventPeople[eventCursor[attendance.event.index]] = attendance.person.rawValue
            eventCursor[attendance.event.index] += 1
        }
        for event in 0..<eventCount where eventStarts[event + 1] - eventStarts[event] > 1 {
            let start = eventStarts[event], end = eventStarts[event + 1]
            if end - start > 32 {
                eventPeople[start..<end].sort()
                continue
            }
            // Insertion sort: most events have a handful of people.
            for index in start + 1..<end {
                let person = eventPeople[index]
                var slot = index
                while slot > start, eventPeople[slot - 1] > person {
                    eventPeople[slot] = eventPeople[slot - 1]
                    slot -= 1
                }
                eventPeople[slot] = person
            }
        }
    }
}
