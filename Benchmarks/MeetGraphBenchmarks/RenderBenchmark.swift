import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphRender

/// `meetgraph-bench render`: draws a large generated co-attendance graph in-process and with the
/// Graphviz command on the same DOT file, and compares the times.
struct RenderBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Times drawing a generated co-attendance graph with Graphviz, in-process and as a command.",
        discussion: """
            Generates PEOPLE people and EVENTS events (a few people attend very often, most rarely),
            writes the co-attendance DOT (sfdp above 300 nodes), renders it to SVG in-process, then
            runs the `sfdp` command on the same file, and prints both times and their ratio.

            Example: swift run -c release meetgraph-bench render --people 5000
            """)

    @Option(help: "Number of people.")
    var people = 5_000

    @Option(help: "Number of events.")
    var events = 1_500

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 42

    @Option(help: "Output format.")
    var format: OutputFormat = .svg

    @Option(help: "The Graphviz command to compare with; skipped when the file does not exist.")
    var command = "/usr/bin/sfdp"

    @Option(name: .customLong("repeat"), help: "In-process renders to time (the fastest is reported); many small ones make a leak check under valgrind.")
    var repetitions = 1

    @Option(help: "Folder for the DOT and the drawings (default: a new temporary folder).")
    var keep: String?

    func validate() throws {
        guard people >= 2, events >= 1 else { throw ValidationError("--people needs 2 or more and --events 1 or more.") }
        guard repetitions >= 1 else { throw ValidationError("--repeat needs 1 or more.") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: keep ?? NSTemporaryDirectory() + "meetgraph-render-bench-\(seed)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        var clock = Stopwatch()
        let graph = SyntheticAttendance.generate(people: people, events: events, seed: seed)
        let projection = CoAttendance(graph)
        let generated = clock.lap()
        let dot = DOT.coattendance(projection)
        let written = clock.lap()
        let dotFile = folder.appendingPathComponent("coattendance.dot")
        try dot.write(to: dotFile, atomically: true, encoding: .utf8)
        print("graph: \(graph.people.count) people, \(graph.events.count) events, \(projection.ties.count) ties; "
              + "generated and projected in \(seconds(generated))")
        print("DOT: \(dot.utf8.count / 1024) KiB written in \(seconds(written)) → \(dotFile.path)")

        let renderer = try GraphvizRenderer.shared
        var inProcess = Double.infinity, inProcessCPU = Double.infinity
        var rendered: GraphvizRenderer.Output?
        for _ in 0..<repetitions {
            clock = Stopwatch()
            let cpuBefore = processorSeconds(RUSAGE_SELF)
            rendered = try renderer.render(dot: dot, format: format)
            inProcess = min(inProcess, clock.lap())
            inProcessCPU = min(inProcessCPU, processorSeconds(RUSAGE_SELF) - cpuBefore)
        }
        guard let output = rendered else { return }
        let drawing = folder.appendingPathComponent("in-process.\(format.fileExtension)")
        try Data(output.bytes).write(to: drawing)
        print("in-process \(format.rawValue)\(repetitions > 1 ? ", fastest of \(repetitions)" : ""): \(seconds(inProcess)) (CPU \(seconds(inProcessCPU))), \(output.bytes.count / 1024) KiB, "
              + "\(output.warnings.count) warnings → \(drawing.path)")

        guard FileManager.default.isExecutableFile(atPath: command) else {
            print("\(command) not found: no comparison")
            return
        }
        let commandOutput = folder.appendingPathComponent("command.\(format.fileExtension)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = ["-T\(format.rawValue == "png" ? "png:cairo" : format.rawValue == "pdf" ? "pdf:cairo" : format.rawValue)",
                             dotFile.path, "-o", commandOutput.path]
        clock = Stopwatch()
        let childrenBefore = processorSeconds(RUSAGE_CHILDREN)
        try process.run()
        process.waitUntilExit()
        let byCommand = clock.lap()
        let byCommandCPU = processorSeconds(RUSAGE_CHILDREN) - childrenBefore
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(command) failed with status \(process.terminationStatus)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: commandOutput.path)[.size] as? Int) ?? 0
        print("\(URL(fileURLWithPath: command).lastPathComponent) command: \(seconds(byCommand)) (CPU \(seconds(byCommandCPU))), \(size / 1024) KiB → \(commandOutput.path)")
        print("ratio in-process / command: wall \(String(format: "%.2f", inProcess / byCommand)), "
              + "CPU \(String(format: "%.2f", inProcessCPU / byCommandCPU))")
    }

    /// User plus system time of `who` (this process, or its finished children), in seconds.
    private func processorSeconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    private func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
}

extension OutputFormat: ExpressibleByArgument {}

/// Elapsed wall-clock time between laps.
struct Stopwatch {
    private var start = DispatchTime.now().uptimeNanoseconds

    /// Seconds since the last lap (or since creation), and starts the next lap.
    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { start = now }
        return Double(now - start) / 1e9
    }
}

/// Generated attendance with the skew of real reports: a few leaders attend very often, most
/// people once or twice, most meetings are small and a few are large.
enum SyntheticAttendance {
    /// `people` people with invented names (人0001 …) and `events` events; every person attends at
    /// least one event. The same seed gives the same graph.
    static func generate(people: Int, events: Int, seed: UInt64) -> AttendanceGraph {
        var random = SplitMix64(seed: seed)
        let titles = ["市委常委", "副市长", "市人大常委会副主任", "市政协副主席", "局长", "企业代表"]
        var graph = AttendanceGraph()
        let width = String(people).count
        let ids = (0..<people).map { index -> PersonID in
            let number = String(index)
            let name = "人" + String(repeating: "0", count: width - number.count) + number
            return graph.addPerson(named: name, titles: [titles[Int(random.next() % UInt64(titles.count))]])
        }
        // Zipf-like popularity: person i is picked with weight 1/(i+5).
        let weights = (0..<people).map { 1 / Double($0 + 5) }
        var cumulative: [Double] = []
        cumulative.reserveCapacity(people)
        var total = 0.0
        for weight in weights {
            total += weight
            cumulative.append(total)
        }
        func popularPerson() -> PersonID {
            let target = random.nextDouble() * total
            var low = 0, high = people - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < target { low = middle + 1 } else { high = middle }
            }
            return ids[low]
        }
        var nextNewcomer = 0
        for index in 0..<events {
            let kind: EventKind = index % 5 == 4 ? .visit : .meeting
            let event = graph.addEvent(.init(key: "synthetic.txt#e\(index)", document: "synthetic.txt", kind: kind,
                                             name: "会议\(index)",
                                             date: EventDate(year: 2020 + index % 5, month: 1 + index % 12, day: 1 + index % 28)))
            // Sizes 2…40, mostly small: 2 + a geometric number of extra people.
            var size = 2
            while size < 40 && random.nextDouble() < 0.8 { size += 1 }
            // Spread the people who have not attended yet over the events, so everybody attends.
            let newcomers = min(people - nextNewcomer, max(0, (people - nextNewcomer) / max(1, events - index)) + 1)
            for _ in 0..<newcomers where nextNewcomer < people {
                graph.attend(person: ids[nextNewcomer], event: event, roles: .attendee)
                nextNewcomer += 1
            }
            for position in 0..<max(0, size - newcomers) {
                graph.attend(person: popularPerson(), event: event, roles: position == 0 ? .chair : .attendee)
            }
        }
        return graph
    }
}

