import ArgumentParser
import Foundation

/// `meetgraph-bench io`: the path a user with a big table takes, timed end to end with the
/// built `meetgraph` (import into a store, then export the CSV tables with the co-attendance
/// ties), and python-igraph and NetworkX reading the same table and writing the same ties.
struct IOBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "io",
        abstract: "Times table → store → co-attendance CSV with the meetgraph command, against python-igraph and NetworkX.",
        discussion: """
            Writes a seeded person,meeting table (Zipf-skewed popularity, invented names, the \
            generator of `meetgraph-bench graph`), runs `meetgraph import` and `meetgraph export \
            --format csv` on it under /usr/bin/time, and reports wall time, peak memory and the \
            store's bytes per attendance. When python3 has igraph or networkx, each reads the same \
            table, projects it onto people and writes the weighted ties as CSV, in the same run; \
            the ratios are printed. The meetgraph command is looked for beside this program \
            (build both with `swift build -c release`).

            Examples:
              meetgraph-bench io
              meetgraph-bench io --table-only --folder /tmp/io   (writes /tmp/io/table.csv and stops)
            """)

    @Option(help: "Attendances (rows) to generate.") var attendances = 1_000_000
    @Option(help: "Events to generate.") var events = 200_000
    @Option(help: "People to draw participants from.") var people = 50_000
    @Option(help: "Zipf exponent of person popularity.") var skew = 0.6
    @Option(help: "Seed of the generator.") var seed: UInt64 = 20_260_414
    @Option(help: "Folder for the table, store and exports (a temporary folder, removed afterwards, when omitted).")
    var folder: String?
    @Option(help: "The meetgraph executable (default: beside this program).") var meetgraph: String?
    @Flag(help: "Write the table and stop.") var tableOnly = false
    @Flag(help: "Skip NetworkX (about three minutes on a million rows).") var skipNetworkX = false

    func run() throws {
        let directory = folder.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("meetgraph-bench-io-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if folder == nil { try? FileManager.default.removeItem(at: directory) } }

        let table = directory.appendingPathComponent("table.csv")
        let corpus = SyntheticCorpus(attendances: attendances, events: events, people: people, skew: skew, seed: seed)
        try Self.writeTable(corpus, to: table)
        let tableBytes = (try? FileManager.default.attributesOfItem(atPath: table.path)[.size] as? Int) ?? 0
        say("table \(table.path): \(attendances) rows, \(corpus.eventCount) events, \(people) people drawn with Zipf \(skew), "
            + "seed \(seed), \(String(format: "%.1f MB", Double(tableBytes) / 1e6))")
        if tableOnly { return }

        let program = meetgraph ?? Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("meetgraph").path
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw ValidationError("no meetgraph at \(program); build it (swift build -c release) or pass --meetgraph")
        }
        let store = directory.appendingPathComponent("io.sqlite")
        let exports = directory.appendingPathComponent("exports")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
        try? FileManager.default.removeItem(at: exports)

        let load = try Measured.run([program, "import", table.path, "--db", store.path])
        say(load.line("meetgraph import"))
        let storeBytes = (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int) ?? 0
        say(String(format: "  store %.1f MB, %.0f bytes per attendance", Double(storeBytes) / 1e6,
                     Double(storeBytes) / Double(attendances)))
        let export = try Measured.run([program, "export", "--format", "csv", "--db", store.path, "--out", exports.path])
        say(export.line("meetgraph export --format csv"))
        let ties = Self.lines(in: exports.appendingPathComponent("coattendance.csv")) - 1
        let total = Measured(wall: load.wall + export.wall, processor: load.processor + export.processor,
                             peakKilobytes: max(load.peakKilobytes, export.peakKilobytes))
        say(total.line("meetgraph table → store → CSV") + ", \(ties) ties")

        for peer in Peer.allCases where !(peer == .networkx && skipNetworkX) {
            let script = directory.appendingPathComponent("\(peer.rawValue).py")
            let output = directory.appendingPathComponent("\(peer.rawValue)-ties.csv")
            try peer.script.write(to: script, atomically: false, encoding: .utf8)
            guard let result = try? Measured.run(["/usr/bin/env", "python3", script.path, table.path, output.path]) else {
                say("\(peer.rawValue): python3 lacks it or it failed; no comparison (pip install --user \(peer.package))")
                continue
            }
            let peerTies = Self.lines(in: output) - 1
            say(result.line("\(peer.rawValue) table → ties CSV") + ", \(peerTies) ties"
                + (peerTies == ties ? "" : "  MISMATCH with meetgraph's \(ties)"))
            say(String(format: "  meetgraph is %.2f× as fast end to end (wall), %.2f× by processor time, with %.2f× the peak memory",
                         result.wall / total.wall, result.processor / max(0.001, total.processor),
                         Double(total.peakKilobytes) / Double(max(1, result.peakKilobytes))))
        }
    }

    /// The table as `person,meeting` CSV, one row per attendance, events named `会议N`.
    static func writeTable(_ corpus: SyntheticCorpus, to url: URL) throws {
        var text = "person,meeting\n"
        text.reserveCapacity(corpus.participants.count * 20)
        var names: [String?] = Array(repeating: nil, count: corpus.peopleCount)
        for event in 0..<corpus.eventCount {
            for index in Int(corpus.eventStarts[event])..<Int(corpus.eventStarts[event + 1]) {
                let person = Int(corpus.participants[index])
                let name = names[person] ?? SyntheticCorpus.name(person)
                names[person] = name
                text += name
                text += ",会议\(event + 1)\n"
            }
        }
        try Data(text.utf8).write(to: url)
    }

    private static func lines(in url: URL) -> Int {
        guard let data = try? Data(contentsOf: url) else { return 0 }
        return data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    /// The peers: each reads the table, projects onto people with shared-event counts, writes `a,b,weight`.
    enum Peer: String, CaseIterable {
        case igraph = "python-igraph"
        case networkx = "NetworkX"

        var package: String { self == .igraph ? "python-igraph" : "networkx" }

        var script: String {
            let read = """
                import csv, sys
                with open(sys.argv[1], newline="", encoding="utf-8") as f:
                    reader = csv.reader(f)
                    next(reader)
                    rows = [(r[0], r[1]) for r in reader]

                """
            switch self {
            case .igraph:
                return read + """
                    import igraph
                    people, events = {}, {}
                    edges = []
                    for person, event in rows:
                        p = people.setdefault(person, len(people))
                        e = events.setdefault(event, len(events))
                        edges.append((p, e))
                    n = len(people)
                    g = igraph.Graph(n=n + len(events), edges=[(p, n + e) for p, e in edges])
                    g.vs["type"] = [False] * n + [True] * len(events)
                    g.simplify(multiple=True, loops=False)
                    proj = g.bipartite_projection(multiplicity=True, which=False)  # people only
                    names = list(people)
                    with open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
                        writer = csv.writer(out)
                        writer.writerow(["a", "b", "weight"])
                        for edge, weight in zip(proj.es, proj.es["weight"]):
                            writer.writerow([names[edge.source], names[edge.target], weight])
                    """
            case .networkx:
                return read + """
                    import networkx as nx
                    from networkx.algorithms import bipartite
                    g = nx.Graph()
                    g.add_nodes_from({p for p, _ in rows}, bipartite=0)
                    g.add_nodes_from({("e", e) for _, e in rows}, bipartite=1)
                    g.add_edges_from((p, ("e", e)) for p, e in rows)
                    proj = bipartite.weighted_projected_graph(g, {p for p, _ in rows})
                    with open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
                        writer = csv.writer(out)
                        writer.writerow(["a", "b", "weight"])
                        for a, b, weight in proj.edges(data="weight"):
                            writer.writerow([a, b, weight])
                    """
            }
        }
    }
}

/// Wall time, processor time (user + system) and peak resident memory of a child process, from /usr/bin/time.
struct Measured {
    var wall: Double
    var processor: Double
    var peakKilobytes: Int

    /// Runs `arguments` under `/usr/bin/time -f "%e %M %U %S"`; throws when it fails.
    static func run(_ arguments: [String]) throws -> Measured {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "@time %e %M %U %S"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
              let line = text.split(separator: "\n").last(where: { $0.hasPrefix("@time ") }) else {
            throw ValidationError("\(arguments.joined(separator: " ")) failed:\n\(text.suffix(2000))")
        }
        let fields = line.split(separator: " ")
        return Measured(wall: Double(fields[1]) ?? 0, processor: (Double(fields[3]) ?? 0) + (Double(fields[4]) ?? 0),
                        peakKilobytes: Int(fields[2]) ?? 0)
    }

    func line(_ label: String) -> String {
        String(format: "%@: %.2f s wall, %.2f s processor, peak %.0f MB", label, wall, processor, Double(peakKilobytes) / 1024)
    }
}

/// Prints a line at once (unbuffered), so that each figure shows as soon as it is measured.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
