/// Identifies a person in one ``AttendanceGraph``: an index into ``AttendanceGraph/people``.
///
/// Distinct from ``EventID`` so that the two sides of the bipartite graph cannot be mixed up.
public struct PersonID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The index, stored in 32 bits to keep graphs of millions of attendances small.
    public let rawValue: Int32
    /// The ID of the person at `index` in ``AttendanceGraph/people``.
    public init(_ index: Int) { rawValue = Int32(index) }
    /// The index into ``AttendanceGraph/people``.
    public var index: Int { Int(rawValue) }
    /// Orders by index, which is the order people were added in.
    public static func < (lhs: PersonID, rhs: PersonID) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `p` and the index (`p12`), for debugging output.
    public var description: String { "p\(rawValue)" }
}

/// Identifies an event in one ``AttendanceGraph``: an index into ``AttendanceGraph/events``.
public struct EventID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The index, stored in 32 bits to keep graphs of millions of attendances small.
    public let rawValue: Int32
    /// The ID of the event at `index` in ``AttendanceGraph/events``.
    public init(_ index: Int) { rawValue = Int32(index) }
    /// The index into ``AttendanceGraph/events``.
    public var index: Int { Int(rawValue) }
    /// Orders by index, which is the order events were added in.
    public static func < (lhs: EventID, rhs: EventID) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `e` and the index (`e12`), for debugging output.
    public var description: String { "e\(rawValue)" }
}

/// The bipartite person–event graph: people on one side, events on the other, and an edge
/// (an ``AttendanceGraph/Attendance``) for each participation, carrying roles, titles and evidence.
///
/// People are identified by ``identity``: two names with the same key are one person, shown
/// with the spelling most of their participations use.
public struct AttendanceGraph: Sendable {
    /// A person node.
    public struct Person: Sendable, Hashable {
        /// The name as written.
        public var name: String
        /// Every distinct title the person was given, in order of first appearance.
        public var titles: [String]
        /// A person called `name` with `titles`.
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
        /// The name as written (`市政府常务会议`).
        public var name: String
        /// Part of the day when given: 上午, 中午, 下午, 晚.
        public var timeOfDay: String?
        /// Where it took place, when written.
        public var place: String?
        // The small fields last, so that they share one word (an event node is 88 bytes).
        /// The day it took place, when known.
        public var date: EventDate?
        /// Meeting, visit or other.
        public var kind: EventKind
        /// `.video` when held by video link.
        public var form: EventForm?

        /// An event node with every field given.
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
        /// Who took part.
        public var person: PersonID
        /// Where they took part.
        public var event: EventID
        /// What they did there (chair, speaker, attendee; possibly several).
        public var roles: Roles
        /// Titles as written in that event's text.
        public var titles: [String]
        /// The sentences that prove it.
        public var evidence: [Evidence]

        /// A participation with every field given.
        public init(person: PersonID, event: EventID, roles: Roles, titles: [String] = [], evidence: [Evidence] = []) {
            self.person = person
            self.event = event
            self.roles = roles
            self.titles = titles
            self.evidence = evidence
        }
    }

    /// Every person, indexed by ``PersonID``.
    public private(set) var people: [Person] = []
    /// Every event, indexed by ``EventID``.
    public private(set) var events: [EventNode] = []
    /// Every participation, in the order they were added.
    public private(set) var attendances: [Attendance] = []
    /// The rule that decides which names are one person.
    public let identity: PersonIdentity

    // The lookups below hold indices, and the per-person and per-event lists are threaded through
    // the attendances (a linked list per node), so that each attendance costs its 32 bytes in
    // `attendances` plus 8 for the lists, with no allocation per node.
    private var personByName = IndexTable()
    /// Each person's key under ``identity``, indexed by ``PersonID``.
    private var personKeys: [String] = []
    private var spellings = SpellingTally()
    /// Events by ``Reprints/bucket(_:)``, for finding the event a reprint repeats.
    private var reprintBuckets: [String: [Int32]] = [:]
    /// Publication dates of the documents added, for folding reprints of undated events.
    private var publishedDates: [String: EventDate] = [:]
    /// Keys of reprinted events (`b.txt#e1`) → the event they were folded into.
    var reprintKeys: [String: Int32] = [:]
    /// For each event with reprints, the documents folded into it, in order.
    public internal(set) var reprintDocuments: [EventID: [String]] = [:]

    /// How many events were folded into an event read earlier from another document.
    public var foldedReprints: Int { reprintKeys.count }
    private var eventByKey = IndexTable()
    private var personLists = Threads()
    private var eventLists = Threads()

    /// One linked list of attendance indices per node, in the order the attendances were added.
    private struct Threads: Sendable {
        var first: [Int32] = []
        var last: [Int32] = []
        var count: [Int32] = []
        /// For each attendance, the next attendance of the same node, or -1.
        var next: [Int32] = []

        mutating func reserveCapacity(nodes: Int, attendances: Int) {
            first.reserveCapacity(nodes)
            last.reserveCapacity(nodes)
            count.reserveCapacity(nodes)
            next.reserveCapacity(attendances)
        }

        mutating func addNode() {
            first.append(-1)
            last.append(-1)
            count.append(0)
        }

        mutating func append(_ attendance: Int, to node: Int) {
            next.append(-1)
            if last[node] < 0 { first[node] = Int32(attendance) } else { next[Int(last[node])] = Int32(attendance) }
            last[node] = Int32(attendance)
            count[node] += 1
        }

        func forEach(of node: Int, _ body: (Int) -> Void) {
            var index = Int(first[node])
            while index >= 0 {
                body(index)
                index = Int(next[index])
            }
        }
    }

    /// An empty graph whose people are identified by `identity`.
    public init(identity: PersonIdentity = .exact) {
        self.identity = identity
    }

    /// The graph of every event and participant in `documents`, in document order, its people
    /// identified by `identity`.
    public init<S: Sequence>(documents: S, identity: PersonIdentity = .exact) where S.Element == Document {
        self.identity = identity
        for document in documents { add(document) }
    }

    /// Adds every event of `document` and its participants.
    ///
    /// Each participation counts one mention of the name as written (after aliases) towards the
    /// spelling the person is shown with; two spellings of one person at one event count once.
    public mutating func add(_ document: Document) {
        if let published = document.published { publishedDates[document.document] = published }
        for event in document.events {
            let eventID = addEvent(event, of: document.document)
            for participant in event.participants {
                let spelling = (try? identity.canonicalName(participant.name)) ?? participant.name
                let personID = addPerson(named: spelling, titles: participant.titles, counting: false)
                if attendanceIndex(of: personID, at: eventID) == nil {
                    people[personID.index].name = spellings.count(spelling, of: personID.index,
                                                                  shown: people[personID.index].name)
                }
                attend(person: personID, event: eventID, roles: participant.roles,
                       titles: participant.titles, evidence: participant.evidence)
            }
        }
    }

    /// Makes room for this many people, events and attendances in all, so that loading a large
    /// corpus (from a store, say) does not copy the arrays as they grow.
    public mutating func reserveCapacity(people: Int, events: Int, attendances: Int) {
        self.people.reserveCapacity(people)
        self.events.reserveCapacity(events)
        self.attendances.reserveCapacity(attendances)
        personLists.reserveCapacity(nodes: people, attendances: attendances)
        eventLists.reserveCapacity(nodes: events, attendances: attendances)
    }

    /// The person `name` identifies, added if new; `titles` are merged into the person's titles.
    ///
    /// Counts one mention of `name` towards the spelling the person is shown with.
    @discardableResult
    public mutating func addPerson(named name: String, titles: [String] = []) -> PersonID {
        addPerson(named: name, titles: titles, counting: true)
    }

    private mutating func addPerson(named name: String, titles: [String], counting: Bool) -> PersonID {
        let id: PersonID
        let key = identity.key(of: name)
        if let existing = person(withKey: key) {
            id = existing
            if counting { people[id.index].name = spellings.count(name, of: id.index, shown: people[id.index].name) }
        } else {
            id = PersonID(people.count)
            people.append(Person(name: name))
            personKeys.append(key)
            spellings.addPerson()
            if counting { _ = spellings.count(name, of: id.index, shown: name) }
            personLists.addNode()
            personByName.insert(id.index, hash: key.hashValue)
        }
        for title in titles where !people[id.index].titles.contains(title) {
            people[id.index].titles.append(title)
        }
        return id
    }

    /// The event `event` of `document`: an event of another document that it reprints
    /// (``Reprints/same(_:_:)``, the first one added), else a new event.
    private mutating func addEvent(_ event: Event, of document: String) -> EventID {
        let node = EventNode(event, in: document)
        if let existing = self.event(withKey: node.key) { return existing }
        let summary = Reprints.Summary(kind: event.kind, name: event.name, date: event.date,
                                       people: Set(event.participants.map { identity.key(of: $0.name) }),
                                       fromText: event.participants.allSatisfy { !$0.evidence.isEmpty },
                                       published: publishedDates[document])
        let bucket = Reprints.bucket(summary)
        for candidate in reprintBuckets[bucket] ?? [] {
            let stored = events[Int(candidate)]
            guard stored.document != document, !(reprintDocuments[EventID(Int(candidate))] ?? []).contains(document)
            else { continue }
            let people = Set(self.people(at: EventID(Int(candidate))).map { personKeys[$0.index] })
            let fromText = attendances(at: EventID(Int(candidate))).allSatisfy { !$0.evidence.isEmpty }
            let other = Reprints.Summary(kind: stored.kind, name: stored.name, date: stored.date, people: people,
                                         fromText: fromText, published: publishedDates[stored.document])
            guard Reprints.same(summary, other) else { continue }
            reprintKeys[node.key] = candidate
            reprintDocuments[EventID(Int(candidate)), default: []].append(document)
            return EventID(Int(candidate))
        }
        let id = addEvent(node)
        reprintBuckets[bucket, default: []].append(id.rawValue)
        return id
    }

    /// The event with `node.key`, added if new.
    @discardableResult
    public mutating func addEvent(_ node: EventNode) -> EventID {
        if let existing = event(withKey: node.key) { return existing }
        let id = EventID(events.count)
        events.append(node)
        eventLists.addNode()
        eventByKey.insert(id.index, hash: node.key.hashValue)
        return id
    }

    /// Records that `person` took part in `event`; a second call for the same pair merges roles,
    /// titles and evidence into the first.
    public mutating func attend(person: PersonID, event: EventID, roles: Roles,
                                titles: [String] = [], evidence: [Evidence] = []) {
        if let index = attendanceIndex(of: person, at: event) {
            attendances[index].roles.formUnion(roles)
            for title in titles where !attendances[index].titles.contains(title) {
                attendances[index].titles.append(title)
            }
            attendances[index].evidence.append(contentsOf: evidence.filter { !attendances[index].evidence.contains($0) })
            return
        }
        let index = attendances.count
        attendances.append(Attendance(person: person, event: event, roles: roles, titles: titles, evidence: evidence))
        personLists.append(index, to: person.index)
        eventLists.append(index, to: event.index)
    }

    /// The index into ``attendances`` of the participation of `person` at `event`, if any.
    ///
    /// Walks the shorter of the person's and the event's lists: events are small, and the
    /// participations of one event were usually added together, so they sit side by side in memory.
    func attendanceIndex(of person: PersonID, at event: EventID) -> Int? {
        var found: Int?
        if personLists.count[person.index] < eventLists.count[event.index] {
            personLists.forEach(of: person.index) { if attendances[$0].event == event { found = $0 } }
        } else {
            eventLists.forEach(of: event.index) { if attendances[$0].person == person { found = $0 } }
        }
        return found
    }

    /// The person `name` identifies under ``identity`` (any of their spellings), if the graph has one.
    public func person(named name: String) -> PersonID? {
        person(withKey: identity.key(of: name))
    }

    private func person(withKey key: String) -> PersonID? {
        personByName.find(hash: key.hashValue) { personKeys[$0] == key }.map(PersonID.init)
    }

    /// The event with `key` (`document#id`), if the graph has one.
    public func event(withKey key: String) -> EventID? {
        eventByKey.find(hash: key.hashValue) { events[$0].key == key }.map(EventID.init)
            ?? reprintKeys[key].map { EventID(Int($0)) }
    }

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
        var result: [Attendance] = []
        result.reserveCapacity(attendanceCount(of: person))
        personLists.forEach(of: person.index) { result.append(attendances[$0]) }
        return result
    }

    /// The participations at `event`, in the order they were added.
    public func attendances(at event: EventID) -> [Attendance] {
        var result: [Attendance] = []
        result.reserveCapacity(attendanceCount(at: event))
        eventLists.forEach(of: event.index) { result.append(attendances[$0]) }
        return result
    }

    /// The events `person` took part in, in the order the participations were added.
    public func events(of person: PersonID) -> [EventID] {
        var result: [EventID] = []
        result.reserveCapacity(attendanceCount(of: person))
        personLists.forEach(of: person.index) { result.append(attendances[$0].event) }
        return result
    }

    /// The people who took part in `event`, in the order the participations were added.
    public func people(at event: EventID) -> [PersonID] {
        var result: [PersonID] = []
        result.reserveCapacity(attendanceCount(at: event))
        eventLists.forEach(of: event.index) { result.append(attendances[$0].person) }
        return result
    }

    /// How many events `person` took part in (the person's degree in the bipartite graph).
    public func attendanceCount(of person: PersonID) -> Int { Int(personLists.count[person.index]) }

    /// How many people took part in `event` (the event's degree in the bipartite graph).
    public func attendanceCount(at event: EventID) -> Int { Int(eventLists.count[event.index]) }

    /// Calls `body` with the index into ``attendances`` of each participation of `person`, in order.
    func forEachAttendance(of person: PersonID, _ body: (Int) -> Void) {
        personLists.forEach(of: person.index, body)
    }

    /// Calls `body` with the index into ``attendances`` of each participation at `event`, in order.
    func forEachAttendance(at event: EventID, _ body: (Int) -> Void) {
        eventLists.forEach(of: event.index, body)
    }

    /// The participation of `person` at `event`, if any.
    public func attendance(of person: PersonID, at event: EventID) -> Attendance? {
        attendanceIndex(of: person, at: event).map { attendances[$0] }
    }

    /// The graph restricted to what `filter` keeps; people left with no event are dropped.
    public func filtered(by filter: AttendanceFilter) -> AttendanceGraph {
        guard !filter.keepsEverything else { return self }
        var result = AttendanceGraph(identity: identity)
        let keptEvent = events.map(filter.keeps)
        var newEvent = [EventID?](repeating: nil, count: events.count)
        var newPerson = [PersonID?](repeating: nil, count: people.count)
        for attendance in attendances {
            guard keptEvent[attendance.event.index], filter.keeps(attendance.roles) else { continue }
            let eventID = newEvent[attendance.event.index] ?? result.addEvent(events[attendance.event.index])
            newEvent[attendance.event.index] = eventID
            let person = people[attendance.person.index]
            let personID = newPerson[attendance.person.index] ?? result.addPerson(named: person.name, titles: person.titles)
            newPerson[attendance.person.index] = personID
            result.attend(person: personID, event: eventID, roles: attendance.roles,
                          titles: attendance.titles, evidence: attendance.evidence)
        }
        if filter.roles == nil {
            // Events nobody attends still count as events of the graph.
            for (index, node) in events.enumerated() where newEvent[index] == nil && keptEvent[index] {
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

    /// A filter keeping `kinds` between `since` and `until` (inclusive) and participations with one of `roles`;
    /// nil keeps everything on that count.
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
