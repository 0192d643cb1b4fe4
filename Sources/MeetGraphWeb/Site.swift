import Foundation
import MeetGraph
import MeetGraphRender
import MeetGraphStore

/// What the web page reads: the store (opened read-only by the caller) and the renderer.
///
/// Every method is synchronous and may block on SQLite or Graphviz: the routes call them through
/// ``Blocking``. Result sizes are bounded here, whatever a request asks for.
public final class Site: Sendable {
    /// The store the pages read.
    public let store: MeetGraphStore
    private let pictures = AnswerCache<String>(capacity: 256)
    private let graphs = AnswerCache<GraphPage>(capacity: 64)

    /// Most people a search returns.
    static let maximumSuggestions = 50
    /// Most events a person page lists (the newest).
    static let maximumPersonEvents = 200
    /// Most co-attendees a person page lists.
    static let maximumMetMost = 30
    /// Most people around the person in an ego picture.
    static let maximumEgoPeople = 100
    /// Most shared events a tie lists.
    static let maximumTieEvents = 200

    /// Pages over `store`; open it read-only: the site never writes.
    public init(store: MeetGraphStore) {
        self.store = store
    }

    func search(_ text: String, limit: Int) throws -> SearchPage {
        SearchPage(query: text, people: try store.searchPeople(text, limit: min(max(limit, 1), Self.maximumSuggestions)))
    }

    func person(_ name: String) throws -> PersonPage {
        let overview = try store.overview(of: name, limit: Self.maximumPersonEvents)
        let met = try store.coAttendees(of: overview.person, limit: Self.maximumMetMost)
        return PersonPage(
            person: overview.person, eventCount: overview.eventCount,
            eventsTruncated: overview.eventCount > overview.entries.count,
            titles: overview.titles.map {
                .init(title: $0.title, first: $0.first?.description, last: $0.last?.description, count: $0.count)
            },
            events: overview.entries.map { .init(event: EventSummary($0.event), roles: $0.roles.sorted, titles: $0.titles) },
            metMost: met.map { .init(person: $0.person, count: $0.count, first: $0.first?.description, last: $0.last?.description) })
    }

    func event(_ key: String) throws -> EventPage? {
        guard let detail = try store.eventDetail(key: key) else { return nil }
        return EventPage(
            event: EventSummary(detail.event), source: detail.source, path: detail.path, published: detail.published,
            participants: detail.participants.map {
                .init(person: $0.person, writtenName: $0.writtenName, roles: $0.roles.sorted, titles: $0.titles,
                      evidence: $0.evidence)
            })
    }

    func tie(_ a: String, _ b: String) throws -> TiePage {
        let shared = try store.sharedEvents(a, b)
        return TiePage(
            a: try store.canonicalName(of: a), b: try store.canonicalName(of: b),
            events: shared.prefix(Self.maximumTieEvents).map { item in
                .init(event: EventSummary(item.event), rolesA: item.first.roles.sorted, rolesB: item.second.roles.sorted,
                      sentence: item.first.evidence.bestProof(sharedWith: item.second.evidence)?.sentence)
            })
    }

    /// The ego picture of `name` as SVG: the person and the `top` people who met them most.
    func egoPicture(_ name: String, top: Int) throws -> String {
        let canonical = try store.canonicalName(of: name)
        let top = min(max(top, 1), Self.maximumEgoPeople)
        return try pictures.value(for: "ego\u{1F}\(canonical)\u{1F}\(top)") {
            let graph = try store.egoGraph(of: canonical, top: top)
            let dot = try DOT.ego(graph, person: canonical, depth: 1, options: RenderOptions(view: .ego(person: canonical, depth: 1)))
            return try Self.svg(dot)
        }
    }

    /// The co-attendance graph under `filter`, with its top people, ties and communities.
    func graph(_ filter: GraphFilter) throws -> GraphPage {
        try graphs.value(for: Self.key(filter)) {
            let whole = try store.loadGraph(filter: filter.attendanceFilter)
            let projection = CoAttendance(whole)
            let degrees = projection.graph.personIDs.map { person in
                (person: person, degree: projection.ties(of: person).reduce(0) { $0 + $1.weight })
            }
            let kept = degrees.filter { $0.degree > 0 || whole.attendanceCount(of: $0.person) > 0 }
                .sorted { ($1.degree, whole[$0.person].name) < ($0.degree, whole[$1.person].name) }
                .prefix(filter.top)
            let keptSet = Set(kept.map(\.person))
            // Communities of the pruned graph: what is drawn is what is coloured.
            var pruned = AttendanceGraph()
            for event in whole.eventIDs {
                let people = whole.attendances(at: event).filter { keptSet.contains($0.person) }
                guard people.count >= 2 else { continue }
                let id = pruned.addEvent(whole[event])
                for attendance in people {
                    pruned.attend(person: pruned.addPerson(named: whole[attendance.person].name), event: id,
                                  roles: attendance.roles)
                }
            }
            let prunedProjection = CoAttendance(pruned)
            let communities = Communities.louvain(prunedProjection, seed: 1)
            // Largest community first, so that colours are stable for the big groups.
            let order = communities.groups.indices.sorted {
                (communities.groups[$1].count, $0) < (communities.groups[$0].count, $1)
            }
            var rank: [Int: Int] = [:]
            for (position, group) in order.enumerated() { rank[group] = position }
            let people = kept.map { entry -> GraphPage.Person in
                let name = whole[entry.person].name
                let community = pruned.person(named: name).flatMap { communities.group(of: $0) }.flatMap { rank[$0] } ?? -1
                return .init(name: name, events: whole.attendanceCount(of: entry.person), weightedDegree: entry.degree,
                             community: community)
            }
            let ties = projection.ties.filter { keptSet.contains($0.a) && keptSet.contains($0.b) }.map {
                GraphPage.Tie(a: whole[$0.a].name, b: whole[$0.b].name, count: $0.count)
            }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
            return GraphPage(filter: filter, peopleInFilter: whole.people.count,
                             people: people, ties: ties, communities: communities.count)
        }
    }

    /// The co-attendance picture under `filter` as SVG.
    func graphPicture(_ filter: GraphFilter) throws -> String {
        try pictures.value(for: "graph\u{1F}" + Self.key(filter)) {
            let graph = try store.loadGraph(filter: filter.attendanceFilter)
            let dot = DOT.coattendance(graph, options: RenderOptions(view: .coattendance, top: filter.top))
            return try Self.svg(dot)
        }
    }

    /// Lays out the default co-attendance picture ahead of the first visit (Graphviz takes a
    /// second or more on a few hundred people); later requests read it from the cache.
    public func warmUp() {
        // On a large archive the whole graph takes seconds to load: leave it to the first visitor
        // rather than load the machine at start.
        guard let counts = try? store.counts(), counts.participations <= 200_000,
              let filter = try? GraphFilter(QueryParameters(nil)) else { return }
        _ = try? graph(filter)
        _ = try? graphPicture(filter)
    }

    private static func key(_ filter: GraphFilter) -> String {
        filter.parameters.map { "\($0.0)=\($0.1 ?? "")" }.joined(separator: "&")
    }

    /// Lays `dot` out in-process and returns the `<svg>` element alone, ready to be put in a page.
    static func svg(_ dot: String) throws -> String {
        let output = try GraphvizRenderer.shared.render(dot: dot, format: .svg)
        guard let text = output.text else { throw WebError.badRequest("Graphviz returned no text") }
        guard let start = text.range(of: "<svg") else { return text }
        return String(text[start.lowerBound...])
    }
}
