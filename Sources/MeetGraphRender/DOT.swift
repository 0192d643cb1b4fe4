import MeetGraph

/// Writes DOT text for Graphviz from MeetGraph's graphs, in pure Swift.
///
/// The text is deterministic: people are written in name order, events in key order, edges in the
/// order of their ends; every identifier and label is quoted and escaped, so any name (quotes,
/// backslashes, `<b>`, `\N`, line breaks) is shown exactly as written. The graph is named after the
/// view, carries `charset="UTF-8"`, names a CJK font, and holds its `layout` attribute, so that
/// `sfdp -Tsvg file.dot` and ``GraphvizRenderer`` draw the same picture.
public enum DOT {
    /// Above this many nodes, ``Layout/automatic`` picks `sfdp` and the picture drops edge labels.
    public static let largeGraphThreshold = 300

    /// Most shared events listed in one tie's tooltip.
    static let tooltipEventLimit = 12

    /// The DOT for `options.view` of `graph`.
    ///
    /// - Throws: ``RenderError/unknownPerson(_:)`` or ``RenderError/invalidDepth(_:)`` for an ego
    ///   view that names nobody in the graph or a depth below 1.
    public static func picture(of graph: AttendanceGraph, options: RenderOptions) throws(RenderError) -> String {
        try drawing(of: graph, options: options).dot
    }

    /// The DOT for `options.view` of `graph`, with how many people, events and lines it draws
    /// (after `top`, `minWeight` and the filter), so that a caller can say what the picture holds.
    public static func drawing(of graph: AttendanceGraph, options: RenderOptions) throws(RenderError) -> Drawing {
        switch options.view {
        case .attendance: attendanceDrawing(graph, options: options)
        case .coattendance:
            coattendanceDrawing(CoAttendance(graph.filtered(by: options.filter), weighting: options.weighting),
                                options: options)
        case .ego(let person, let depth): try egoDrawing(graph, person: person, depth: depth, options: options)
        }
    }

    /// People and events: events are rounded boxes labelled with name and date, edges are styled by
    /// role (chair bold red, speaker dashed blue, attendee plain grey).
    ///
    /// `options.top` keeps the people with the largest weighted co-attendance degree and the events
    /// they attended; `options.minWeight` does not apply to this view.
    public static func attendance(_ graph: AttendanceGraph, options: RenderOptions = RenderOptions(view: .attendance)) -> String {
        attendanceDrawing(graph, options: options).dot
    }

    static func attendanceDrawing(_ graph: AttendanceGraph, options: RenderOptions) -> Drawing {
        let filtered = graph.filtered(by: options.filter)
        let projection = CoAttendance(filtered, weighting: options.weighting)
        let people = topPeople(projection, top: options.top, keeping: [])
        let keptEvents: [EventID]
        if options.top == nil {
            keptEvents = filtered.eventIDs
        } else {
            keptEvents = filtered.eventIDs.filter { event in
                filtered.attendances(at: event).contains { people.contains($0.person) }
            }
        }
        let personOrder = people.sorted { filtered[$0].name < filtered[$1].name }
        let eventOrder = keptEvents.sorted { filtered[$0].key < filtered[$1].key }
        let large = personOrder.count + eventOrder.count > largeGraphThreshold
        let layout = resolvedLayout(options.layout, large: large, small: .neato)

        var writer = Writer(name: "MeetGraph attendance", view: .attendance, options: options, layout: layout, large: large)
        var organisations = Set<Organisation>()
        for person in personOrder {
            organisations.insert(writer.person(person, in: filtered))
        }
        var kinds = Set<EventKind>()
        for event in eventOrder {
            kinds.insert(filtered[event].kind)
            writer.event(event, in: filtered)
        }
        var roles = Roles()
        var edges: [(person: String, event: String, attendance: AttendanceGraph.Attendance)] = []
        for person in personOrder {
            for attendance in filtered.attendances(of: person) {
                edges.append((filtered[person].name, filtered[attendance.event].key, attendance))
            }
        }
        edges.sort { ($0.person, $0.event) < ($1.person, $1.event) }
        for edge in edges {
            roles.formUnion(edge.attendance.roles)
            writer.attendanceEdge(edge.attendance, in: filtered)
        }
        writer.legend(organisations: organisations, eventKinds: kinds, roles: roles, tieNote: nil, ego: nil)
        return writer.drawing()
    }

    /// People only, joined by co-attendance ties: line width grows with the tie's weight, the
    /// `weight` attribute holds the number of shared events, and the tooltip lists them.
    public static func coattendance(_ graph: AttendanceGraph, options: RenderOptions = RenderOptions()) -> String {
        coattendance(CoAttendance(graph.filtered(by: options.filter), weighting: options.weighting), options: options)
    }

    /// The co-attendance picture of an existing projection; `options.filter`, when it filters
    /// anything, projects the filtered graph again with the projection's weighting.
    public static func coattendance(_ projection: CoAttendance, options: RenderOptions = RenderOptions()) -> String {
        coattendanceDrawing(projection, options: options).dot
    }

    static func coattendanceDrawing(_ projection: CoAttendance, options: RenderOptions) -> Drawing {
        let projection = options.filter.keepsEverything
            ? projection
            : CoAttendance(projection.graph.filtered(by: options.filter), weighting: projection.weighting)
        let people = topPeople(projection, top: options.top, keeping: [])
        return tiesPicture(projection, people: people, ego: nil, name: "MeetGraph coattendance", view: .coattendance,
                           options: options)
    }

    /// The co-attendance neighbourhood of `person`: everybody within `depth` ties of them (ties
    /// lighter than `options.minWeight` are not followed), and the ties among them. With
    /// `options.top`, the person is kept and the others with the largest weighted degree.
    ///
    /// - Throws: ``RenderError/unknownPerson(_:)`` when nobody in the filtered graph is called
    ///   `person`; ``RenderError/invalidDepth(_:)`` when `depth` is below 1.
    public static func ego(_ graph: AttendanceGraph, person: String, depth: Int,
                           options: RenderOptions = RenderOptions()) throws(RenderError) -> String {
        try egoDrawing(graph, person: person, depth: depth, options: options).dot
    }

    static func egoDrawing(_ graph: AttendanceGraph, person: String, depth: Int,
                           options: RenderOptions) throws(RenderError) -> Drawing {
        guard depth >= 1 else { throw .invalidDepth(depth) }
        let projection = CoAttendance(graph.filtered(by: options.filter), weighting: options.weighting)
        guard let centre = projection.graph.person(named: person) else { throw .unknownPerson(person) }
        var reached: Set<PersonID> = [centre]
        var frontier = [centre]
        for _ in 0..<depth where !frontier.isEmpty {
            var next: [PersonID] = []
            for member in frontier {
                for tie in projection.ties(of: member) where tie.weight >= (options.minWeight ?? -.infinity) {
                    let other = CoAttendance.other(tie, from: member)
                    if reached.insert(other).inserted { next.append(other) }
                }
            }
            frontier = next
        }
        var people = reached
        if let top = options.top {
            people = topPeople(projection, top: max(top, 1), keeping: [centre], among: reached)
        }
        return tiesPicture(projection, people: people, ego: centre, name: "MeetGraph ego " + person,
                           view: .ego(person: person, depth: depth), options: options)
    }

    // MARK: - Selection

    /// The people of `projection` (or of `candidates`) with the largest weighted degree, `top` of
    /// them including `keeping`; everybody when `top` is nil.
    static func topPeople(_ projection: CoAttendance, top: Int?, keeping: Set<PersonID>,
                          among candidates: Set<PersonID>? = nil) -> Set<PersonID> {
        let everybody = candidates.map(Array.init) ?? projection.graph.personIDs
        guard let top, top < everybody.count else { return Set(everybody) }
        let graph = projection.graph
        let ranked = everybody.filter { !keeping.contains($0) }.map { person in
            (person: person, degree: projection.ties(of: person).reduce(0) { $0 + $1.weight })
        }.sorted { ($1.degree, graph[$0.person].name) < ($0.degree, graph[$1.person].name) }
        return keeping.union(ranked.prefix(max(0, top - keeping.count)).map(\.person))
    }

    /// The picture of the ties among `people`, for the co-attendance and ego views.
    static func tiesPicture(_ projection: CoAttendance, people: Set<PersonID>, ego: PersonID?, name: String,
                            view: RenderOptions.View, options: RenderOptions) -> Drawing {
        let graph = projection.graph
        let minimum = options.minWeight ?? -.infinity
        var ties = projection.ties.filter { people.contains($0.a) && people.contains($0.b) && $0.weight >= minimum }
        var shown = people
        if options.minWeight != nil {
            // People whose every tie was pruned say nothing about who met whom: leave them out.
            shown = Set(ties.flatMap { [$0.a, $0.b] })
            if let ego { shown.insert(ego) }
        }
        let personOrder = shown.sorted { graph[$0].name < graph[$1].name }
        ties.sort { orderedNames($0, in: graph) < orderedNames($1, in: graph) }
        let large = personOrder.count > largeGraphThreshold
        let layout = resolvedLayout(options.layout, large: large, small: ego == nil ? .neato : .twopi)

        var writer = Writer(name: name, view: view, options: options, layout: layout, large: large)
        if let ego, layout == .twopi { writer.graphAttribute("root", DOTText.quoted(Writer.personID(graph[ego].name))) }
        var organisations = Set<Organisation>()
        for person in personOrder {
            organisations.insert(writer.person(person, in: graph, isEgo: person == ego))
        }
        let heaviest = ties.map(\.weight).max() ?? 1
        for tie in ties {
            writer.tieEdge(tie, in: projection, heaviest: heaviest)
        }
        let note = options.weighting == .count
            ? "thicker line: more shared events 线越粗，共同出席越多"
            : "thicker line: higher collaboration weight 线越粗，合作权重越高"
        writer.legend(organisations: organisations, eventKinds: [], roles: [], tieNote: note,
                      ego: ego.map { graph[$0].name })
        return writer.drawing()
    }

    private static func orderedNames(_ tie: CoAttendance.Tie, in graph: AttendanceGraph) -> (String, String) {
        let a = graph[tie.a].name, b = graph[tie.b].name
        return a < b ? (a, b) : (b, a)
    }

    private static func resolvedLayout(_ layout: Layout, large: Bool, small: Layout) -> Layout {
        guard layout == .automatic else { return layout }
        return large ? .sfdp : small
    }
}

/// A picture's DOT text and what it draws.
public struct Drawing: Sendable, Hashable {
    /// The DOT text.
    public var dot: String
    /// People drawn.
    public var people: Int
    /// Events drawn (attendance view only).
    public var events: Int
    /// Lines drawn: participations (attendance view) or co-attendance ties.
    public var lines: Int
}
