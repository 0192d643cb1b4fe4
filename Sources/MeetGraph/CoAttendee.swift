/// Someone a person met, summed up for "who met X": how often, when first and last, and where.
public struct CoAttendee: Sendable, Hashable {
    /// The other person.
    public var person: PersonID
    /// Number of shared events.
    public var count: Int
    /// The tie's weight in the projection (shared events, or Newman's weight).
    public var weight: Double
    /// The earliest date among the shared events that have one.
    public var firstDate: EventDate?
    /// The latest date among the shared events that have one.
    public var lastDate: EventDate?
    /// The shared events, earliest first; events without a date last, then by event ID.
    public var events: [EventID]

    /// A summary with the given fields.
    public init(person: PersonID, count: Int, weight: Double, firstDate: EventDate?, lastDate: EventDate?, events: [EventID]) {
        self.person = person
        self.count = count
        self.weight = weight
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.events = events
    }
}

extension CoAttendance {
    /// Everyone `person` met, most shared events first; equal counts by name, then by ID.
    ///
    /// Reads the bipartite graph around `person` only: O(Σ n) over the person's events.
    public func coAttendees(of person: PersonID) -> [CoAttendee] {
        guard graph.people.indices.contains(person.index) else { return [] }
        var eventsWith: [PersonID: [EventID]] = [:]
        graph.forEachAttendance(of: person) { index in
            let attendance = graph.attendances[index]
            guard keeps(attendance) else { return }
            graph.forEachAttendance(at: attendance.event) { otherIndex in
                let other = graph.attendances[otherIndex]
                guard other.person != person, keeps(other) else { return }
                eventsWith[other.person, default: []].append(attendance.event)
            }
        }
        return eventsWith.map { other, events in summary(of: person, with: other, events: events) }
            .sorted { x, y in
                if x.count != y.count { return x.count > y.count }
                let xName = graph.people[x.person.index].name, yName = graph.people[y.person.index].name
                return xName != yName ? xName < yName : x.person < y.person
            }
    }

    /// What `person` and `other` shared, or nil when they never met (within the filter).
    public func coAttendee(_ other: PersonID, of person: PersonID) -> CoAttendee? {
        guard let tie = tie(between: person, and: other) else { return nil }
        return summary(of: person, with: other, events: sharedEvents(tie), weight: tie.weight)
    }

    private func summary(of person: PersonID, with other: PersonID, events: [EventID], weight: Double? = nil) -> CoAttendee {
        let dated = events.compactMap { event in graph.events[event.index].date.map { (event, $0) } }
        let ordered = dated.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
            + events.filter { graph.events[$0.index].date == nil }.sorted()
        let weight = weight ?? tie(between: person, and: other)?.weight ?? Double(events.count)
        return CoAttendee(person: other, count: events.count, weight: weight,
                          firstDate: dated.map(\.1).min(), lastDate: dated.map(\.1).max(), events: ordered)
    }
}
