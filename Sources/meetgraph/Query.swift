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
            with --from, and takes the filters --kind, --since, --until, --role and --format \
            table|json|csv.

            Example:
              meetgraph query who-met 韩立平
              meetgraph query met 朱文静 钱卫东
              meetgraph query path 高振宇 宋雅琴 --from seeds
            """,
        subcommands: [WhoMet.self, Met.self, Path.self, Top.self, PersonTimeline.self, Events.self, CommunitiesQuery.self])

    /// Options every query takes.
    struct Common: ParsableArguments {
        @OptionGroup var source: GraphSourceOptions
        @OptionGroup var filters: FilterOptions
        @OptionGroup var output: ResultOptions

        /// The store to query, after saying how many events the date range leaves out undated.
        func openStore() throws -> MeetGraphStore {
            let store = try source.openStore()
            try filters.noteUndated(in: store)
            return store
        }
    }

    struct WhoMet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "who-met",
            abstract: "List the people who attended events with PERSON: counts, first and last date, events.",
            discussion: "Example:\n  meetgraph query who-met 韩立平 --since 2022-05-01 --format csv")

        @Argument(help: "The person's name.") var person: String
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let rows = try store.coAttendees(of: person, filter: common.filters.filter, includingEvents: true,
                                             limit: common.output.limit)
            let names = try eventNames(store, rows.flatMap(\.eventKeys))
            var table = ResultTable(header: ["person", "shared events", "first", "last", "events"], numericColumns: [1])
            for row in rows {
                table.rows.append([row.person, String(row.count), row.first?.description ?? "", row.last?.description ?? "",
                                   row.eventKeys.map { names[$0] ?? $0 }.joined(separator: "; ")])
            }
            struct Row: Encodable { var person: String; var count: Int; var first: String?; var last: String?; var events: [String] }
            try common.output.print(table, json: rows.map {
                Row(person: $0.person, count: $0.count, first: $0.first?.description, last: $0.last?.description, events: $0.eventKeys)
            })
        }
    }

    struct Met: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say whether A and B attended an event together, naming each event and the sentences that say so.",
            discussion: "Example:\n  meetgraph query met 朱文静 钱卫东")

        @Argument(help: "The first person's name.") var first: String
        @Argument(help: "The second person's name.") var second: String
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let shared = try store.sharedEvents(first, second, filter: common.filters.filter)
            if common.output.format == .table {
                var out = shared.isEmpty
                    ? "no: \(first) and \(second) attended no event together\n"
                    : "yes: \(first) and \(second) attended \(shared.count) event\(shared.count == 1 ? "" : "s") together\n"
                for item in shared {
                    out += "\n\(item.event.label)  [\(item.event.kind.rawValue)]  \(item.event.document)\n"
                    for (part, other) in [(item.first, item.second), (item.second, item.first)] {
                        out += "  \(part.person) (\(part.roles)): \(part.evidence.bestProof(sharedWith: other.evidence)?.sentence ?? "")\n"
                    }
                }
                Console.output(out)
                return
            }
            var table = ResultTable(header: ["event", "date", "kind", "document", "person", "roles", "sentence", "start", "end"],
                                    numericColumns: [7, 8])
            for item in shared {
                for (part, other) in [(item.first, item.second), (item.second, item.first)] {
                    let evidence = part.evidence.bestProof(sharedWith: other.evidence)
                    table.rows.append([item.event.name, item.event.date?.description ?? "", item.event.kind.rawValue,
                                       item.event.document, part.person, part.roles.description, evidence?.sentence ?? "",
                                       evidence.map { String($0.start) } ?? "", evidence.map { String($0.end) } ?? ""])
                }
            }
            struct Part: Encodable { var person: String; var roles: Roles; var titles: [String]; var evidence: [Evidence] }
            struct Row: Encodable { var event: String; var date: String?; var kind: String; var document: String; var participants: [Part] }
            let json = (met: !shared.isEmpty, events: shared.map { item in
                Row(event: item.event.name, date: item.event.date?.description, kind: item.event.kind.rawValue,
                    document: item.event.document, participants: [item.first, item.second].map {
                        Part(person: $0.person, roles: $0.roles, titles: $0.titles, evidence: $0.evidence)
                    })
            })
            struct Answer: Encodable { var met: Bool; var events: [Row] }
            try common.output.print(table, json: Answer(met: json.met, events: json.events))
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the shortest chain of co-attendance from A to B, with the events linking each step.",
            discussion: "Example:\n  meetgraph query path 高振宇 宋雅琴")

        @Argument(help: "Where the chain starts.") var first: String
        @Argument(help: "Where the chain ends.") var second: String
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let graph = try store.loadGraph(filter: common.filters.filter)
            let projection = CoAttendance(graph)
            let from = try person(first, in: graph, store: store)
            let to = try person(second, in: graph, store: store)
            guard let chain = projection.shortestChain(from: from, to: to) else {
                Console.output("no chain: \(first) and \(second) are not connected by co-attendance\n")
                throw ExitCode(1)
            }
            var table = ResultTable(header: ["step", "from", "to", "events"], numericColumns: [0])
            for (number, step) in chain.steps.enumerated() {
                table.rows.append([String(number + 1), graph[step.from].name, graph[step.to].name,
                                   step.events.map { graph[$0].label }.joined(separator: "; ")])
            }
            struct Step: Encodable { var from: String; var to: String; var events: [String] }
            try common.output.print(table, json: chain.steps.map {
                Step(from: graph[$0.from].name, to: graph[$0.to].name, events: $0.events.map { graph[$0].label })
            })
        }
    }

    struct Top: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank people by degree, weighted degree, betweenness (Brandes) or eigenvector centrality.",
            discussion: """
                Degrees are always shown; betweenness and eigenvector centrality, which take far longer on \
                a large store, only when --by names them or with --all.

                Example:
                  meetgraph query top --by betweenness --limit 10
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
            let rows = order.ranked().map { entry in
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
            discussion: "Example:\n  meetgraph query person 韩立平")

        @Argument(help: "The person's name.") var person: String
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let timeline = try store.timeline(of: person, filter: common.filters.filter)
            var table = ResultTable(header: ["date", "time", "kind", "event", "roles", "titles", "document"])
            for entry in timeline.entries {
                table.rows.append([entry.event.date?.description ?? "", entry.event.timeOfDay ?? "", entry.event.kind.rawValue,
                                   entry.event.name, entry.participation.roles.description,
                                   entry.participation.titles.joined(separator: "、"), entry.event.document])
            }
            struct Entry: Encodable {
                var date: String?; var timeOfDay: String?; var kind: String; var event: String; var roles: Roles; var titles: [String]; var document: String
            }
            struct Title: Encodable { var title: String; var date: String?; var document: String }
            struct Answer: Encodable { var person: String; var events: [Entry]; var titles: [Title] }
            try common.output.print(table, json: Answer(
                person: timeline.person,
                events: timeline.entries.map {
                    Entry(date: $0.event.date?.description, timeOfDay: $0.event.timeOfDay, kind: $0.event.kind.rawValue,
                          event: $0.event.name, roles: $0.participation.roles, titles: $0.participation.titles,
                          document: $0.event.document)
                },
                titles: timeline.titles.map { Title(title: $0.title, date: $0.date?.description, document: $0.document) }))
        }
    }

    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List events, filtered by kind, date, person and role.",
            discussion: "Example:\n  meetgraph query events --kind visit --person 韩立平 --since 2022-05-10")

        @Option(help: "Only events this person took part in.") var person: String?
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let events = try store.events(filter: common.filters.filter, person: person)
            var table = ResultTable(header: ["date", "time", "kind", "event", "place", "document"])
            table.rows = events.map {
                [$0.date?.description ?? "", $0.timeOfDay ?? "", $0.kind.rawValue, $0.name, $0.place ?? "", $0.document]
            }
            struct Row: Encodable {
                var key: String; var date: String?; var timeOfDay: String?; var kind: String; var name: String; var place: String?; var document: String
            }
            try common.output.print(table, json: events.map {
                Row(key: $0.key, date: $0.date?.description, timeOfDay: $0.timeOfDay, kind: $0.kind.rawValue,
                    name: $0.name, place: $0.place, document: $0.document)
            })
        }
    }

    struct CommunitiesQuery: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "communities",
            abstract: "Group people into communities by Louvain modularity, with their members.",
            discussion: "Example:\n  meetgraph query communities --format json")

        @Option(help: "Louvain resolution: above 1 gives more, smaller groups.") var resolution: Double = 1
        @Option(help: "Tie weight: count (shared events) or collaboration (Newman's Σ 1/(n−1)).")
        var weighting: CoAttendance.Weighting = .count
        @OptionGroup var common: Common

        func run() throws {
            let store = try common.openStore()
            let graph = try store.loadGraph(filter: common.filters.filter)
            let projection = CoAttendance(graph, weighting: weighting)
            let communities = Communities.louvain(projection, resolution: resolution)
            let groups = communities.groups.filter { $0.count > 1 }.map { group in group.map { graph[$0].name } }
            Console.error("modularity \(format(communities.modularity)), \(groups.count) groups of two or more")
            var table = ResultTable(header: ["community", "size", "members"], numericColumns: [0, 1])
            table.rows = groups.enumerated().map { [String($0.offset + 1), String($0.element.count), $0.element.joined(separator: "、")] }
            struct Answer: Encodable { var modularity: Double; var communities: [[String]] }
            try common.output.print(table, json: Answer(modularity: communities.modularity, communities: groups))
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
private func person(_ name: String, in graph: AttendanceGraph, store: MeetGraphStore) throws -> PersonID {
    let canonical = try store.canonicalName(of: name)
    guard let id = graph.person(named: canonical) ?? graph.person(named: name) else {
        throw CommandError("\(name) takes part in no event that the filters keep")
    }
    return id
}

/// Names of the events with `keys`, for display.
private func eventNames(_ store: MeetGraphStore, _ keys: [String]) throws -> [String: String] {
    guard !keys.isEmpty else { return [:] }
    var names: [String: String] = [:]
    for event in try store.events(withKeys: Array(Set(keys))) { names[event.key] = event.label }
    return names
}
