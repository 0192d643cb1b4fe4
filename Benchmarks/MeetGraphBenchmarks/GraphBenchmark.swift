import ArgumentParser
import Foundation
import MeetGraph
#if canImport(Glibc)
import Glibc
#endif

/// `meetgraph-bench graph`: builds the attendance graph and its co-attendance projection for a
/// generated corpus of a million attendances, then projects the same data with NetworkX.
struct GraphBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Times and weighs the attendance graph and co-attendance projection at scale.",
        discussion: """
            Generates a corpus in which a few people attend many meetings (Zipf-like popularity) and \
            event sizes vary from 2 to 15, builds the graph and projection, and reports times, memory \
            and bytes per attendance; then times NetworkX's bipartite.weighted_projected_graph on the \
            same attendances (when python3 has networkx) and prints the ratio.

            Example: swift run -c release meetgraph-bench graph --attendances 1000000
            """)

    @Option(help: "Attendances to generate.")
    var attendances = 1_000_000

    @Option(help: "Events to generate.")
    var events = 200_000

    @Option(help: "People to draw participants from.")
    var people = 50_000

    @Option(help: "Zipf exponent of person popularity (0 is uniform; higher gives a few people in many meetings).")
    var skew = 0.6

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 20_260_414

    @Option(help: "Events in the sample on which betweenness is timed (0 skips the algorithm timings).")
    var sampleEvents = 2_000

    @Option(help: "Times to build and project; the fastest run is reported.")
    var repetitions = 3

    @Flag(help: "Skip the NetworkX comparison.")
    var skipNetworkX = false

    func validate() throws {
        guard events > 0, people > 1 else { throw ValidationError("--events and --people must be positive (people at least 2).") }
        guard attendances >= 2 * events, attendances <= 15 * events else {
            throw ValidationError("--attendances must be between 2 and 15 times --events, since events have 2 to 15 participants.")
        }
        guard attendances / events <= people else { throw ValidationError("--people must exceed the average event size.") }
    }

    func run() throws {
        report("Generating \(attendances) attendances: \(events) events, \(people) people, Zipf exponent \(skew), seed \(seed)")
        let corpus = SyntheticCorpus(attendances: attendances, events: events, people: people, skew: skew, seed: seed)
        report("  most active person attends \(corpus.largestPersonDegree) events; mean event size \(String(format: "%.2f", Double(attendances) / Double(events)))")

        trimMemory()
        let residentBefore = Memory.resident()
        let clock = ContinuousClock()
        var graph = AttendanceGraph()
        let buildTime = clock.measure { graph = corpus.graph() }
        trimMemory()
        let residentGraph = Memory.resident()
        var projection: CoAttendance?
        let projectionTime = clock.measure { projection = CoAttendance(graph) }
        trimMemory()
        let residentProjection = Memory.resident()
        let ties = projection!.ties
        let totalWeight = ties.reduce(0.0) { $0 + $1.weight }

        let peak = Memory.peak()
        // Repeat the timings (memory was measured on the first run) and keep the fastest, since
        // other work on the machine only ever slows a run down.
        var buildTimes = [buildTime], projectionTimes = [projectionTime]
        for _ in 1..<max(1, repetitions) {
            var again = AttendanceGraph()
            buildTimes.append(clock.measure { again = corpus.graph() })
            projectionTimes.append(clock.measure { _ = CoAttendance(again) })
        }
        let bestBuild = buildTimes.min()!, bestProjection = projectionTimes.min()!

        let graphBytes = residentGraph - residentBefore
        let projectionBytes = residentProjection - residentGraph
        report("MeetGraph (Swift):")
        report("Fastest of \(buildTimes.count) runs:")
        report("  graph build        \(format(bestBuild))  (\(graph.people.count) people, \(graph.events.count) events, \(graph.attendances.count) attendances)")
        report("  projection         \(format(bestProjection))  (\(ties.count) ties, total weight \(Int(totalWeight)))")
        report("  graph memory       \(megabytes(graphBytes)) resident, \(graphBytes / max(1, graph.attendances.count)) bytes per attendance")
        report("  projection memory  \(megabytes(projectionBytes)) resident, \(projectionBytes / max(1, ties.count)) bytes per tie")
        report("  graph + projection \((graphBytes + projectionBytes) / max(1, graph.attendances.count)) bytes per attendance")
        report("  peak resident (VmHWM) \(megabytes(peak)) after the first build and projection, generator included")

        if sampleEvents > 0, let projection { timeAlgorithms(projection: projection, corpus: corpus) }

        guard !skipNetworkX else { return }
        let swiftSeconds = seconds(bestBuild) + seconds(bestProjection)
        guard let python = try NetworkXProjection.run(corpus: corpus) else {
            report("NetworkX: python3 with networkx not found; no comparison.")
            return
        }
        report("NetworkX \(python.version) (python3):")
        report("  bipartite graph build \(String(format: "%.3f s", python.buildSeconds))")
        report("  weighted_projected_graph \(String(format: "%.3f s", python.projectionSeconds))  (\(python.edges) edges, total weight \(python.totalWeight))")
        if python.edges != ties.count || python.totalWeight != Int(totalWeight) {
            report("  MISMATCH: NetworkX's projection differs from MeetGraph's")
        }
        report(String(format: "Speed-up: projection %.1f×, build + projection %.1f×",
                     python.projectionSeconds / seconds(bestProjection),
                     (python.buildSeconds + python.projectionSeconds) / swiftSeconds))
    }

    /// Times the algorithms that are slower than linear on the projection of the first events.
    /// Times the other algorithms: the near-linear ones on the full projection, betweenness
    /// (O(people × ties)) on the projection of the first `--sample-events` events.
    private func timeAlgorithms(projection: CoAttendance, corpus: SyntheticCorpus) {
        let clock = ContinuousClock()
        report("Algorithms on the full projection:")
        var eigenvector: PersonScores?
        let eigenvectorTime = clock.measure { eigenvector = try? Centrality.eigenvector(in: projection) }
        report("  eigenvector            \(format(eigenvectorTime))\(eigenvector == nil ? "  (did not converge in 100 iterations)" : "")")
        var communities: Communities?
        let louvainTime = clock.measure { communities = Communities.louvain(projection) }
        report("  Louvain                \(format(louvainTime))  (\(communities!.count) communities, modularity \(String(format: "%.4f", communities!.modularity)))")
        let people = projection.attendees
        var hops = 0
        let chainTime = clock.measure {
            for index in 0..<100 {
                hops += ShortestChain(from: people[index * 7919 % people.count], to: people[index * 104_729 % people.count],
                                      in: projection)?.length ?? 0
            }
        }
        report("  100 shortest chains    \(format(chainTime))  (\(hops) hops in all)")
        let who = projection.graph.person(named: SyntheticCorpus.name(0)) ?? people[0]
        let coAttendeeTime = clock.measure { _ = projection.coAttendees(of: who) }
        report("  who met the most active person \(format(coAttendeeTime))  (\(projection.tieCount(of: who)) people)")

        let sampleCount = min(sampleEvents, events)
        let sample = CoAttendance(corpus.graph(events: sampleCount))
        report("Betweenness on the projection of the first \(sampleCount) events (\(sample.graph.attendances.count) attendances, \(sample.attendees.count) people, \(sample.ties.count) ties):")
        let betweennessTime = clock.measure { _ = Centrality.betweenness(in: sample) }
        report("  betweenness (Brandes)  \(format(betweennessTime))")
    }
}

/// A generated corpus held as plain arrays, so that building the graph can be timed on its own.
struct SyntheticCorpus {
    let peopleCount: Int
    /// Participants of event `e`: `participants[eventStarts[e]..<eventStarts[e + 1]]`.
    var eventStarts: [Int32] = [0]
    var participants: [Int32] = []
    var roles: [UInt8] = []
    var dates: [Int32] = []
    var kinds: [UInt8] = []
    var largestPersonDegree = 0

    init(attendances: Int, events: Int, people: Int, skew: Double, seed: UInt64) {
        peopleCount = people
        var random = SplitMix64(seed: seed)
        // Sizes 2...15, geometric above 2, nudged until they sum to `attendances`.
        let mean = Double(attendances) / Double(events) - 2
        let stop = 1 / (1 + max(mean, 0.01))
        var sizes = (0..<events).map { _ -> Int in
            var size = 2
            while size < 15, random.nextDouble() > stop { size += 1 }
            return size
        }
        var total = sizes.reduce(0, +)
        while total != attendances {
            let event = Int(random.next() % UInt64(events))
            if total > attendances, sizes[event] > 2 { sizes[event] -= 1; total -= 1 }
            if total < attendances, sizes[event] < 15 { sizes[event] += 1; total += 1 }
        }
        // Person i is drawn with weight 1 / (i + 1)^skew.
        var cumulative = [Double](repeating: 0, count: people)
        var sum = 0.0
        for person in 0..<people {
            sum += 1 / pow(Double(person + 1), skew)
            cumulative[person] = sum
        }
        var degree = [Int](repeating: 0, count: people)
        participants.reserveCapacity(attendances)
        roles.reserveCapacity(attendances)
        for size in sizes {
            let start = participants.count
            while participants.count - start < size {
                let target = random.nextDouble() * sum
                var low = 0, high = people - 1
                while low < high {
                    let middle = (low + high) / 2
                    if cumulative[middle] < target { low = middle + 1 } else { high = middle }
                }
                let person = Int32(low)
                if participants[start...].contains(person) { continue }
                participants.append(person)
                degree[low] += 1
                roles.append(participants.count - start == 1 ? (random.next() % 2 == 0 ? 3 : 1) : (random.next() % 8 == 0 ? 2 : 4))
            }
            eventStarts.append(Int32(participants.count))
            // Dates 2015-01-01 ... 2024-12-28, as yyyymmdd.
            let year = 2015 + Int32(random.next() % 10), month = 1 + Int32(random.next() % 12), day = 1 + Int32(random.next() % 28)
            dates.append(year * 10_000 + month * 100 + day)
            kinds.append(UInt8(random.next() % 10 < 6 ? 0 : (random.next() % 2 == 0 ? 1 : 2)))
        }
        largestPersonDegree = degree.max() ?? 0
    }

    var eventCount: Int { eventStarts.count - 1 }

    private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
    private static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰云峰建国志文斌宁海波鹏飞凯林晨晓春雪梅松")

    /// An invented two- to four-character name for person `index`, unique per index.
    static func name(_ index: Int) -> String {
        var text = String(surnames[index % surnames.count])
        var rest = index / surnames.count
        repeat {
            text.append(given[rest % given.count])
            rest /= given.count
        } while rest > 0
        return text
    }

    /// A file name shaped like the corpus' (`000123_9e3779b97f4a7c15.txt`).
    static func document(_ index: Int) -> String {
        let number = String(index), hash = String(UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        return String(repeating: "0", count: max(0, 6 - number.count)) + number + "_"
            + String(repeating: "0", count: 16 - hash.count) + hash + ".txt"
    }

    static let meetingNames = ["市政府常务会议", "市委常委会会议", "专题会议", "座谈会", "调度会", "推进会"]
    static let visitNames = ["调研", "督导检查", "走访慰问"]
    static let otherNames = ["会见", "签约仪式"]

    /// The attendance graph of the first `events` events (all by default).
    func graph(events limit: Int? = nil) -> AttendanceGraph {
        var graph = AttendanceGraph()
        let count = min(limit ?? eventCount, eventCount)
        var personIDs = [PersonID?](repeating: nil, count: peopleCount)
        var document = ""
        for event in 0..<count {
            // Two events per document, named like the corpus' files.
            if event % 2 == 0 { document = Self.document(event / 2) }
            let kind: EventKind = kinds[event] == 0 ? .meeting : kinds[event] == 1 ? .visit : .other
            let names = kind == .meeting ? Self.meetingNames : kind == .visit ? Self.visitNames : Self.otherNames
            let date = Int(dates[event])
            let node = AttendanceGraph.EventNode(
                key: document + "#e\(event % 2 + 1)", document: document, kind: kind, name: names[event % names.count],
                date: EventDate(year: date / 10_000, month: date / 100 % 100, day: date % 100))
            let eventID = graph.addEvent(node)
            for index in Int(eventStarts[event])..<Int(eventStarts[event + 1]) {
                let person = Int(participants[index])
                let personID = personIDs[person] ?? graph.addPerson(named: Self.name(person))
                personIDs[person] = personID
                graph.attend(person: personID, event: eventID, roles: Roles(rawValue: roles[index]))
            }
        }
        return graph
    }
}

/// NetworkX's projection of the same attendances, run by python3 in a child process.
enum NetworkXProjection {
    struct Result {
        var version: String
        var buildSeconds: Double
        var projectionSeconds: Double
        var edges: Int
        var totalWeight: Int
    }

    static let script = """
        import sys, time
        try:
            import networkx as nx
            from networkx.algorithms import bipartite
        except ImportError:
            report("missing"); sys.exit(0)
        pairs = [tuple(map(int, line.split())) for line in open(sys.argv[1])]
        start = time.perf_counter()
        B = nx.Graph()
        B.add_edges_from((p, -1 - e) for p, e in pairs)
        people = {p for p, _ in pairs}
        built = time.perf_counter()
        G = bipartite.weighted_projected_graph(B, people)
        projected = time.perf_counter()
        total = sum(w for _, _, w in G.edges(data="weight"))
        report(nx.__version__, built - start, projected - built, G.number_of_edges(), total)
        """

    static func run(corpus: SyntheticCorpus) throws -> Result? {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("meetgraph-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let edges = directory.appendingPathComponent("attendances.txt")
        let scriptFile = directory.appendingPathComponent("project.py")
        var text = ""
        text.reserveCapacity(corpus.participants.count * 12)
        for event in 0..<corpus.eventCount {
            for index in Int(corpus.eventStarts[event])..<Int(corpus.eventStarts[event + 1]) {
                text += "\(corpus.participants[index]) \(event)\n"
            }
        }
        try text.write(to: edges, atomically: false, encoding: .utf8)
        try script.write(to: scriptFile, atomically: false, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptFile.path, edges.path]
        let output = Pipe()
        process.standardOutput = output
        report("NetworkX: projecting the same attendances (this takes a while)…")
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, fields.count == 5,
              let build = Double(fields[1]), let projection = Double(fields[2]),
              let edgeCount = Int(fields[3]), let total = Int(fields[4]) else { return nil }
        return Result(version: String(fields[0]), buildSeconds: build, projectionSeconds: projection,
                      edges: edgeCount, totalWeight: total)
    }
}

/// Resident memory of this process, from /proc/self/status.
enum Memory {
    /// VmRSS in bytes.
    static func resident() -> Int { field("VmRSS:") }
    /// VmHWM (peak resident) in bytes.
    static func peak() -> Int { field("VmHWM:") }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}

/// Returns freed heap pages to the system so that resident-memory deltas measure live data.
private func trimMemory() {
    #if canImport(Glibc)
    _ = releaseFreeHeapPages(0)
    #endif
}

#if canImport(Glibc)
/// glibc's `malloc_trim`, which the Glibc module does not export (it lives in malloc.h).
@_silgen_name("malloc_trim")
private func releaseFreeHeapPages(_ pad: Int) -> Int32
#endif


private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

private func format(_ duration: Duration) -> String { String(format: "%8.3f s", seconds(duration)) }

private func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

/// Prints a line at once (unbuffered), so progress shows while NetworkX runs.
private func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
