import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExport
import MeetGraphStore

/// `meetgraph query`: questions about who met whom, answered from the store or from texts.
struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask who met whom, how two people are linked, who is central.",
        discussion: """
            Every query reads the store given by --db (default meetgraph.sqlite), or texts given \
            with --from, and takes the filters --kind, --since, --until, --role, --format \
            table|json|csv and --limit N (at most N result rows, the same in every format). A \
            negative or empty answer keeps its format (a CSV header, JSON false or []) and exits 0.

            Example:
              meetgraph query who-met 柯望川 --from seeds
            """,
        subcommands: [WhoMet.self, Met.self, Path.self, Top.self, PersonTimeline.self, Events.self, CommunitiesQuery.self])

    /// Options every query takes.
    struct Common: ParsableArguments {
        @OptionGroup var source: GraphSourceOptions
        @OptionGroup var filters: FilterOptions
        @OptionGroup var output: ResultOptions

        /// The store to query, after saying how many events the date range leaves out undated.
        func openStore() throws -> any GraphStore {
            let store = try source.openStore()
            try filters.noteUndated(in: store)
            return store
        }
    }

    struct WhoMet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "who-met",
            abstract: "List the people who attended events with PERSON: counts, dates, events.",
            usage: "meetgraph query who-met <person> [<options>]",
            discussion: """
                The table shows the first \(WhoMet.eventsShown) shared events of each person and \
                "… and N more"; CSV and JSON list them all.

                Example:
                  meetgraph query who-met 柯望川 --from seeds --format csv
                """)

        /// Shared events named in one row of the table; CSV and JSON name every one.
        static let eventsShown = 5

        @Argument(help: "The person's name.") var person: String
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let rows = try store.coAttendees(of: person, filter: common.filters.filter, includingEvents: true,
                                             limit: common.output.limit)
            let events = try eventNodes(store, rows.flatMap(\.eventKeys))
            let reference = { (key: String) in events[key].map { Answer.EventReference($0) } ?? Answer.EventReference(id: key) }
            var table = ResultTable(header: ["person", "shared events", "first", "last", "events"], numericColumns: [1])
            for row in rows {
                let labels = row.eventKeys.map { events[$0]?.label ?? $0 }
                var shown = labels.prefix(common.output.format == .table ? Self.eventsShown : labels.count).joined(separator: "; ")
                if labels.count > Self.eventsShown && common.output.format == .table {
                    shown += " … and \(labels.count - Self.eventsShown) more"
                }
                table.rows.append([row.person, String(row.count), row.first?.description ?? "", row.last?.description ?? "", shown])
            }
            struct Row: Encodable {
                var person: String; var sharedEvents: Int; var first: String?; var last: String?
                var events: [Answer.EventReference]
            }
            try common.output.print(table, json: rows.map {
                Row(person: $0.person, sharedEvents: $0.count, first: $0.first?.description, last: $0.last?.description,
                    events: $0.eventKeys.map(reference))
            })
        }
    }

    struct Met: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say whether A and B attended an event together, naming each event and the sentences that say so.",
            discussion: "Example:\n  meetgraph query met 温景澜 贺明舟 --from seeds")

        @Argument(help: "The first person's name.") var first: String
        @Argument(help: "The second person's name.") var second: String
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let all = try store.sharedEvents(first, second, filter: common.filters.filter)
            let shared = common.output.limited(all)
            if common.output.format == .table {
                var out = all.isEmpty
                    ? "no: \(first) and \(second) attended no event together\n"
                    : "yes: \(first) and \(second) attended \(all.count) event\(all.count == 1 ? "" : "s") together"
                        + (shared.count < all.count ? " (the first \(shared.count) shown)\n" : "\n")
                for item in shared {
                    out += "\n\(item.event.label)  [\(item.event.kind.rawValue)]  \(item.event.document)\n"
                    for (part, other) in [(item.first, item.second), (item.second, item.first)] {
                        out += "  \(part.person) (\(part.roles)): \(part.evidence.bestProof(sharedWith: other.evidence)?.sentence ?? "")\n"
                    }
                }
                Console.output(out)
                return
            }
            var table = ResultTable(header: ["event_id", "event", "date", "kind", "document", "person", "roles", "sentence",
                                             "start", "end"], numericColumns: [8, 9])
            for item in shared {
                for (part, other) in [(item.first, item.second), (item.second, item.first)] {
                    let evidence = part.evidence.bestProof(sharedWith: other.evidence)
                    table.rows.append([item.event.key, item.event.name, item.event.date?.description ?? "", item.event.kind.rawValue,
                                       item.event.document, part.person, part.roles.description, evidence?.sentence ?? "",
                                       evidence.map { String($0.start) } ?? "", evidence.map { String($0.end) } ?? ""])
                }
            }
            struct Part: Encodable { var person: String; var roles: Roles; var titles: [String]; var evidence: [Evidence] }
            struct Row: Encodable { var event: Answer.EventDetail; var participants: [Part] }
            struct Met: Encodable { var first: String; var second: String; var met: Bool; var sharedEvents: Int; var events: [Row] }
            try common.output.print(table, json: Met(
                first: first, second: second, met: !all.isEmpty, sharedEvents: all.count, events: shared.map { item in
                    Row(event: Answer.EventDetail(item.event), participants: [item.first, item.second].map {
                        Part(person: $0.person, roles: $0.roles, titles: $0.titles, evidence: $0.evidence)
                    })
                }))
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the shortest chain of co-attendance from A to B, with the events of each step.",
            discussion: """
                A chain is shown whole: --limit does not apply. When there is none the answer is \
                "no chain" in the table, a CSV header alone, or "connected": false in JSON.

                Example:
                  meetgraph query path 柯望川 蒋秋萍 --from seeds
                """)

        @Argument(help: "Where the chain starts.") var first: String
        @Argument(help: "Where the chain ends.") var second: String
        @OptionGroup var common: Common

        func validate() throws {
            if common.output.limit != nil {
                throw ValidationError("--limit does not apply to path: a chain is shown whole, never cut")
            }
        }

        func run() throws {
            let store = try common.openStore()
            let graph = try store.loadGraph(filter: common.filters.filter)
            let projection = CoAttendance(graph)
            let from = try person(first, in: graph, store: store)
            let to = try person(second, in: graph, store: store)
            let steps = projection.shortestChain(from: from, to: to)?.steps
            if steps == nil && common.output.format == .table {
                Console.output("no chain: \(first) and \(second) are not connected by co-attendance\n")
                return
            }
            var table = ResultTable(header: ["step", "from", "to", "events"], numericColumns: [0])
            for (number, step) in (steps ?? []).enumerated() {
                table.rows.append([String(number + 1), graph[step.from].name, graph[step.to].name,
                                   step.events.map { graph[$0].label }.joined(separator: "; ")])
            }
            struct Step: Encodable { var step: Int; var from: String; var to: String; var events: [Answer.EventReference] }
            struct Chain: Encodable { var from: String; var to: String; var connected: Bool; var steps: [Step] }
            try common.output.print(table, json: Chain(
                from: graph[from].name, to: graph[to].name, connected: steps != nil,
                steps: (steps ?? []).enumerated().map { number, step in
                    Step(step: number + 1, from: graph[step.from].name, to: graph[step.to].name,
                         events: step.events.map { Answer.EventReference(graph[$0]) })
                }))
        }
    }

    struct Top: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank people by degree, weighted degree, betweenness (Brandes) or eigenvector centrality.",
            discussion: """
                Degrees are always shown; betweenness and eigenvector centrality, which take far longer on \
                a large store, only when --by names them or with --all.

                Example:
                  meetgraph query top --by betweenness --limit 10 --from seeds
                """)

        enum Measure: String, ExpressibleByArgument, CaseIterable {
            case degree, weighted, betweenness, eigenvector
        }

        @Option(help: "Sort by: degree, weighted, betweenness or eigenvector.") var by: Measure = .weighted
        @Flag(help: "Compute every measure; otherwise betweenness and eigenvector only when --by names them.")
        var all = false
        @Option(help: "Tie weight: count (shared events) or collaboration (Newman's Σ 1/(n−1)).")
        var weighting: CoAttendance.Weighting = .count
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let graph = try store.loadGraph(filter: common.filters.filter)
            let projection = CoAttendance(graph, weighting: weighting)
            let degree = Centrality.degree(in: projection)
            let weighted = Centrality.weightedDegree(in: projection)
            // Betweenness and eigenvector centrality cost far more than degrees (minutes on a
            // large store): computed only when asked for, by --by or --all.
            let betweenness = by == .betweenness || all ? Centrality.betweenness(in: projection) : nil
            var eigenvector: PersonScores?
            if by == .eigenvector || all {
                do {
                    eigenvector = try Centrality.eigenvector(in: projection)
                } catch {
                    Console.error("eigenvector centrality: \(error)")
                }
            }
            let order: PersonScores
            switch by {
            case .degree: order = degree
            case .weighted: order = weighted
            case .betweenness: order = betweenness ?? weighted
            case .eigenvector: order = eigenvector ?? weighted
            }
            struct Row: Encodable {
                var person: String; var degree: Double; var weightedDegree: Double; var betweenness: Double?; var eigenvector: Double?
            }
            let rows = common.output.limited(order.ranked()).map { entry in
                Row(person: graph[entry.person].name, degree: degree.values[entry.person.index],
                    weightedDegree: weighted.values[entry.person.index], betweenness: betweenness?.values[entry.person.index],
                    eigenvector: eigenvector?.values[entry.person.index])
            }
            var table = ResultTable(header: ["person", "degree", "weighted", "betweenness", "eigenvector"], numericColumns: [1, 2, 3, 4])
            table.rows = rows.map {
                [$0.person, format($0.degree), format($0.weightedDegree), $0.betweenness.map(format) ?? "",
                 $0.eigenvector.map(format) ?? ""]
            }
            try common.output.print(table, json: rows)
        }
    }

    struct PersonTimeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "person",
            abstract: "Show a person's events in date order, with roles and the titles held.",
            usage: "meetgraph query person <person> [--pick <n>] [<options>]",
            discussion: """
                --limit counts events. --titles shows the title history instead: each title with the \
                first and last date it is written with (JSON gives both). A name borne by people of different places \
                (namesakes, told apart by the places their titles name) lists the candidates with \
                their titles, places, dates and event counts; pick one by its qualified name \
                (NAME（PLACE）) or by its number with --pick.

                Examples:
                  meetgraph query person 温景澜 --from seeds
                  meetgraph query person 温景澜 --titles --from seeds
                """)

        @Argument(help: "The person's name, or a namesake's qualified name (NAME（PLACE）).") var person: String
        @Option(help: "When the name is borne by namesakes, the number of the candidate to show.") var pick: Int?
        @Flag(help: "Show the titles held, each with its first and last date, instead of the events.") var titles = false
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            var person = self.person
            let candidates = try store.namesakes(of: person)
            let qualified = Namesakes.bareName(Namesakes.qualifierBrackets(person)) != Namesakes.qualifierBrackets(person)
            if candidates.count > 1 && !qualified {
                guard let pick else { return try listCandidates(candidates) }
                guard candidates.indices.contains(pick - 1) else {
                    throw ValidationError("--pick \(pick): \(person) has \(candidates.count) candidates, numbered from 1")
                }
                person = candidates[pick - 1].name
            }
            let timeline = try store.timeline(of: person, filter: common.filters.filter)
            let history = try store.titleHistory(of: person)
            var table = ResultTable(header: ["date", "time", "kind", "event", "roles", "titles", "document"])
            let entries = common.output.limited(timeline.entries)
            for entry in entries {
                table.rows.append([entry.event.date?.description ?? "", entry.event.timeOfDay ?? "", entry.event.kind.rawValue,
                                   entry.event.name, entry.participation.roles.description,
                                   entry.participation.titles.joined(separator: "、"), entry.event.document])
            }
            struct Entry: Encodable { var event: Answer.EventDetail; var roles: Roles; var titles: [String] }
            struct Title: Encodable { var title: String; var date: String?; var eventId: String; var document: String }
            struct Held: Encodable { var title: String; var first: String?; var last: String?; var events: Int }
            struct PersonAnswer: Encodable {
                var person: String; var events: [Entry]; var titles: [Title]; var titleHistory: [Held]
            }
            if titles {
                let shown = common.output.limited(history)
                var held = ResultTable(header: ["title", "first", "last", "events"], numericColumns: [3])
                held.rows = shown.map { [$0.title, $0.first?.description ?? "", $0.last?.description ?? "", String($0.events)] }
                return try common.output.print(held, json: shown.map {
                    Held(title: $0.title, first: $0.first?.description, last: $0.last?.description, events: $0.events)
                })
            }
            try common.output.print(table, json: PersonAnswer(
                person: timeline.person,
                events: entries.map {
                    Entry(event: Answer.EventDetail($0.event), roles: $0.participation.roles, titles: $0.participation.titles)
                },
                titles: timeline.titles.map {
                    Title(title: $0.title, date: $0.date?.description, eventId: $0.event, document: $0.document)
                },
                titleHistory: history.map {
                    Held(title: $0.title, first: $0.first?.description, last: $0.last?.description, events: $0.events)
                }))
        }

        /// The people the name may stand for, numbered for --pick.
        private func listCandidates(_ candidates: [NamesakeCandidate]) throws {
            var table = ResultTable(header: ["pick", "person", "titles", "places", "first", "last", "events"],
                                    numericColumns: [0, 6])
            table.rows = candidates.enumerated().map { index, candidate in
                [String(index + 1), candidate.name, candidate.titles.joined(separator: "、"), candidate.places.joined(separator: "、"),
                 candidate.first?.description ?? "", candidate.last?.description ?? "", String(candidate.events)]
            }
            Console.error("\(person) is borne by \(candidates.count) people (namesakes): pick one with --pick N or by the name shown")
            struct Candidate: Encodable {
                var pick: Int; var person: String; var titles: [String]; var places: [String]
                var first: String?; var last: String?; var events: Int
            }
            try common.output.print(table, json: candidates.enumerated().map { index, candidate in
                Candidate(pick: index + 1, person: candidate.name, titles: candidate.titles, places: candidate.places,
                          first: candidate.first?.description, last: candidate.last?.description, events: candidate.events)
            })
        }
    }

    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List events, filtered by kind, date, person and role.",
            usage: "meetgraph query events [--person <person>] [<options>]",
            discussion: "Example:\n  meetgraph query events --kind visit --person 温景澜 --from seeds")

        @Option(help: "Only events this person took part in.") var person: String?
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let events = common.output.limited(try store.events(filter: common.filters.filter, person: person))
            var table = ResultTable(header: ["date", "time", "kind", "event", "place", "document", "id"])
            table.rows = events.map {
                [$0.date?.description ?? "", $0.timeOfDay ?? "", $0.kind.rawValue, $0.name, $0.place ?? "", $0.document, $0.key]
            }
            try common.output.print(table, json: events.map(Answer.EventDetail.init))
        }
    }

    struct CommunitiesQuery: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "communities",
            abstract: "Group people into communities by Louvain modularity, with their members.",
            discussion: "--limit counts communities.\n\nExample:\n  meetgraph query communities --from seeds --format json")

        @Option(help: "Louvain resolution: above 1 gives more, smaller groups.") var resolution: Double = 1
        @Option(help: "Tie weight: count (shared events) or collaboration (Newman's Σ 1/(n−1)).")
        var weighting: CoAttendance.Weighting = .count
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let graph = try store.loadGraph(filter: common.filters.filter)
            let projection = CoAttendance(graph, weighting: weighting)
            let communities = Communities.louvain(projection, resolution: resolution)
            let all = communities.groups.filter { $0.count > 1 }.map { group in group.map { graph[$0].name } }
            let groups = common.output.limited(all)
            Console.error("modularity \(format(communities.modularity)), \(all.count) groups of two or more")
            var table = ResultTable(header: ["community", "size", "members"], numericColumns: [0, 1])
            table.rows = groups.enumerated().map { [String($0.offset + 1), String($0.element.count), $0.element.joined(separator: "、")] }
            struct Community: Encodable { var community: Int; var size: Int; var members: [String] }
            struct Grouping: Encodable { var modularity: Double; var communities: [Community] }
            try common.output.print(table, json: Grouping(modularity: communities.modularity, communities: groups.enumerated().map {
                Community(community: $0.offset + 1, size: $0.element.count, members: $0.element)
            }))
        }
    }
}

/// A score with four decimals, trailing zeros dropped.
private func format(_ value: Double) -> String {
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

/// The person called `name` in `graph`, after the store's aliases and spelling key.
private func person(_ name: String, in graph: AttendanceGraph, store: any GraphStore) throws -> PersonID {
    let canonical = try store.canonicalName(of: name)
    guard let id = graph.person(named: canonical) ?? graph.person(named: name) else {
        throw CommandError("\(name) takes part in no event that the filters keep")
    }
    return id
}

/// The events with `keys`, by key.
private func eventNodes(_ store: any GraphStore, _ keys: [String]) throws -> [String: AttendanceGraph.EventNode] {
    guard !keys.isEmpty else { return [:] }
    var nodes: [String: AttendanceGraph.EventNode] = [:]
    for event in try store.events(withKeys: Array(Set(keys))) { nodes[event.key] = event }
    return nodes
}
