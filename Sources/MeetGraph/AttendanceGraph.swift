/// Identifies a person in one ``AttendanceGraph``: an index into ``AttendanceGraph/people``.
///
/// Distinct from ``EventID`` so that the two sides of the bipartite graph cannot be mixed up.
public struct PersonID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(_ index: Int) { rawValue = Int32(index) }
    public var index: Int { Int(rawValue) }
    public static func < (lhs: PersonID, rhs: PersonID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "p\(rawValue)" }
}

/// Identifies an event in one ``AttendanceGraph``: an index into ``AttendanceGraph/events``.
public struct EventID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(_ index: Int) { rawValue = Int32(index) }
    public var index: Int { Int(rawValue) }
    public static func < (lhs: EventID, rhs: EventID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "e\(rawValue)" }
}

/// The bipartite person–event graph: people on one side, events on the other, and an edge
/// (an ``AttendanceGraph/Attendance``) for each participation, carrying roles, titles and evidence.
///
/// People are identified by name: the same name is the same person (merge spellings before adding).
public struct AttendanceGraph: Sendable {
    /// A person node.
    public struct Person: Sendable, Hashable {
        /// The name as written.
        public var name: String
        /// Every distinct title the person was given, in order of first appearance.
        public var titles: [String]
        public init(name: String, titles: [String] = []) {
            self.name = name
            self.titles = titles
        }
    }

    /// An event node: an ``Event`` of some document, without its participant list.
    public struct EventNode: Sendable, Hashable {
        /// Unique key in the graph: `document#id` (`a.txt#e1`).
        public var key: String
        /// The file the event was read from.
        public var document: String
        public var kind: EventKind
        public var name: String
        public var date: EventDate?
        public var timeOfDay: String?
        public var place: String?
        public var form: EventForm?

        public init(key: String, document: String, kind: EventKind, name: String, date: EventDate? = nil,
                    timeOfDay: String? = nil, place: String? = nil, form: EventForm? = nil) {
            self.key = key
            self.document = document
            self.kind = kind
            self.name = name
            self.date = date
            self.timeOfDay = timeOfDay
            self.place = place
            self.form = form
        }

        /// The node for `event` of `document`.
        public init(_ event: Event, in document: String) {
            self.init(key: document + "#" + event.id, document: document, kind: event.kind, name: event.name,
                      date: event.date, timeOfDay: event.timeOfDay, place: event.place, form: event.form)
        }

        /// `name (date)`, the label used in pictures and tables.
        public var label: String {
            guard let date else { return name }
            return "\(name) (\(date))"
        }
    }

    /// An edge: one person's participation in one event.
    public struct Attendance: Sendable, Hashable {
        public var person: PersonID
        public var event: EventID
        public var roles: Roles
        /// Titles as written in that event's text.
        public var titles: [String]
        /// The sentences that prove it.
        public var evidence: [Evidence]

        public init(person: PersonID, event: EventID, roles: Roles, titles: [String] = [], evidence: [Evidence] = []) {
            self.person = person
            self.event = event
            self.roles = roles
            self.titles = titles
            self.evidence = evidence
        }
    }

    public private(set) var people: [Person] = []
    public private(set) var events: [EventNode] = []
    public private(set) var attendances: [Attendance] = []

    private var personByName: [String: PersonID] = [:]
    private var eventByKey: [String: EventID] = [:]
    private var attendanceIndex: [PersonEvent: Int] = [:]
    private var eventsOfPerson: [[Int]] = []
    private var peopleOfEvent: [[Int]] = []

    private struct PersonEvent: Hashable {
        var person: PersonID
        var event: EventID
    }

    /// An empty graph.
    public init() {}

    /// The graph of every event and participant in `documents`, in document order.
    public init<S: Sequence>(documents: S) where S.Element == Document {
        for document in documents { add(document) }
    }

    /// Adds every event of `document` and its participants.
    public mutating func add(_ document: Document) {
        for event in document.events {
            let eventID = addEvent(EventNode(event, in: document.document))
            for participant in event.participants {
                let personID = addPerson(named: participant.name, titles: participant.titles)
                attend(person: personID, event: eventID, roles: participant.roles,
                       titles: participant.titles, evidence: participant.evidence)
            }
        }
    }

    /// The person called `name`, added if new; `titles` are merged into the person's titles.
    @discardableResult
    public mutating func addPerson(named name: String, titles: [String] = []) -> PersonID {
        let id: PersonID
        if let existing = personByName[name] {
            id = existing
        } else {
            id = PersonID(people.count)
            people.append(Person(name: name))
            eventsOfPerson.append([])
            personByName[name] = id
        }
        for title in titles where !people[id.index].titles.contains(title) {
            people[id.index].titles.append(title)
        }
        return id
    }

    /// The event with `node.key`, added if new.
    @discardableResult
    public mutating func addEvent(_ node: EventNode) -> EventID {
        if let existing = eventByKey[node.key] { return existing }
        let id = EventID(events.count)
        events.append(node)
        peopleOfEvent.append([])
        eventByKey[node.key] = id
        return id
    }

    /// Records that `person` took part in `event`; a second call for the same pair merges roles,
    /// titles and evidence into the first.
    public mutating func attend(person: PersonID, event: EventID, roles: Roles,
                                titles: [String] = [], evidence: [Evidence] = []) {
        let pair = PersonEvent(person: person, event: event)
        if let index = attendanceIndex[pair] {
            attendances[index].roles.formUnion(roles)
            for title in titles where !attendances[index].titles.contains(title) {
                attendances[index].titles.append(title)
            }
            attendances[index].evidence.append(contentsOf: evidence.filter { !attendances[index].evidence.contains($0) })
            return
        }
        let index = attendances.count
        attendances.append(Attendance(person: person, event: event, roles: roles, titles: titles, evidence: evidence))
        attendanceIndex[pair] = index
        eventsOfPerson[person.index].append(index)
        peopleOfEvent[event.index].append(index)
    }

    /// The person called `name`, if the graph has one.
    public func person(named name: String) -> PersonID? { personByName[name] }

    /// The event with `key` (`document#id`), if the graph has one.
    public func event(withKey key: String) -> EventID? { eventByKey[key] }

    /// The person node for `id`.
    public subscript(id: PersonID) -> Person { people[id.index] }

    /// The event node for `id`.
    public subscript(id: EventID) -> EventNode { events[id.index] }

    /// Every person ID, in insertion order.
    public var personIDs: [PersonID] { (0..<people.count).map(PersonID.init) }

    /// Every event ID, in insertion order.
    public var eventIDs: [EventID] { (0..<events.count).map(EventID.init) }

    /// The participations of `person`, in the order they were added.
    public func attendances(of person: PersonID) -> [Attendance] {
        eventsOfPerson[person.index].map { attendances[$0] }
    }

    /// The participations at `event`, in the order they were added.
    public func attendances(at event: EventID) -> [Attendance] {
        peopleOfEvent[event.index].map { attendances[$0] }
    }

    /// The participation of `person` at `event`, if any.
    public func attendance(of person: PersonID, at event: EventID) -> Attendance? {
        attendanceIndex[PersonEvent(person: person, event: event)].map { attendances[$0] }
    }

    /// The graph restricted to what `filter` keeps; people left with no event are dropped.
    public func filtered(by filter: AttendanceFilter) -> AttendanceGraph {
        guard !filter.keepsEverything else { return self }
        var result = AttendanceGraph()
        var newEvent: [EventID: EventID] = [:]
        for attendance in attendances {
            let node = events[attendance.event.index]
            guard filter.keeps(node), filter.keeps(attendance.roles) else { continue }
            let eventID = newEvent[attendance.event] ?? result.addEvent(node)
            newEvent[attendance.event] = eventID
            let person = people[attendance.person.index]
            let personID = result.addPerson(named: person.name, titles: person.titles)
            result.attend(person: personID, event: eventID, roles: attendance.roles,
                          titles: attendance.titles, evidence: attendance.evidence)
        }
        if filter.roles == nil {
            // Events nobody attends still count as events of the graph.
            for (index, node) in events.enumerated() where newEvent[EventID(index)] == nil && filter.keeps(node) {
                result.addEvent(node)
            }
        }
        return result
    }
}

/// Which events and participations a query, picture or export looks at.
public struct AttendanceFilter: Sendable, Hashable {
    /// Keep only these kinds; nil keeps all.
    public var kinds: Set<EventKind>?
    /// Keep events on or after this date (events without a date are dropped when a range is set).
    public var since: EventDate?
    /// Keep events on or before this date.
    public var until: EventDate?
    /// Keep participations holding at least one of these roles; nil keeps all.
    public var roles: Roles?

    public init(kinds: Set<EventKind>? = nil, since: EventDate? = nil, until: EventDate? = nil, roles: Roles? = nil) {
        self.kinds = kinds
        self.since = since
        self.until = until
        self.roles = roles
    }

    /// The filter that keeps everything.
    public static let everything = AttendanceFilter()

    /// True when nothing is filtered out.
    public var keepsEverything: Bool { kinds == nil && since == nil && until == nil && roles == nil }

    /// Whether the event passes the kind and date conditions.
    public func keeps(_ event: AttendanceGraph.EventNode) -> Bool {
        if let kinds, !kinds.contains(event.kind) { return false }
        if since != nil || until != nil {
            guard let date = event.date else { return false }
            if let since, date < since { return false }
            if let until, until < date { return false }
        }
        return true
    }

    /// Whether a participation with `roles` passes the role condition.
    public func keeps(_ roles: Roles) -> Bool {
        guard let wanted = self.roles else { return true }
        return !wanted.isDisjoint(with: roles)
    }
}
