import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MeetGraph
import MeetGraphStore

/// `meetgraph-bench store`: builds a synthetic store of a million attendances and measures who-met.
struct StoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Measures ingest rate and who-met / met-A-B latency on a synthetic SQLite or PostgreSQL store.",
        discussion: """
            People are chosen for events with Zipf-like weights (the k-th most active person weight 1/k^s), \
            so a few people attend thousands of meetings while most attend a handful, as leaders do.
            Example: swift run -c release meetgraph-bench store --attendances 1000000
            On PostgreSQL (an empty database): meetgraph-bench store --postgres postgres://user@127.0.0.1:5432/bench
            """)

    @Option(help: "Number of attendances (person at event).")
    var attendances = 1_000_000
    @Option(help: "Number of events.")
    var events = 200_000
    @Option(help: "Number of people.")
    var people = 50_000
    @Option(help: "Zipf exponent of people's activity.")
    var skew = 0.8
    @Option(help: "Number of warm who-met queries.")
    var queries = 1_000
    @Option(help: "Number of cold who-met queries (each on a new connection, file evicted from the page cache).")
    var coldQueries = 20
    @Option(help: "Events per synthetic document.")
    var eventsPerDocument = 100
    @Option(help: "Database file (default: a new file in the temporary folder, removed afterwards).")
    var path: String?
    @Flag(help: "Keep the database file.")
    var keep = false
    @Flag(help: "Reuse the database at --path when it already holds the generated data (skips the ingest).")
    var reuse = false
    @Option(help: "Rows asked for in the limited who-met measurements.")
    var limit = 20
    @Option(help: "Measure a PostgreSQL store at this URL (an empty database) instead of a SQLite file.")
    var postgres: String?

    /// The store measured: the SQLite file, or the PostgreSQL database of --postgres.
    func openStore(_ file: String, readOnly: Bool) throws -> any GraphStore {
        if let postgres { return try PostgresStore(url: postgres, readOnly: readOnly) }
        return try MeetGraphStore(path: file, readOnly: readOnly)
    }

    func run() throws {
        let file = path ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("meetgraph-bench-\(UUID().uuidString).sqlite").path
        defer {
            if !keep { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        }
        var random = SplitMix64(seed: 20_241_129)
        let names = (0..<people).map(Self.name)
        let sampler = ZipfSampler(count: people, exponent: skew)

        // Generate documents.
        var generated = 0
        var items: [IngestItem] = []
        var degree = [Int](repeating: 0, count: people)
        let perEvent = Double(attendances) / Double(events)
        var eventIndex = 0
        while eventIndex < events {
            let name = "doc\(items.count).txt"
            var document = Document(document: name, source: "synthetic", published: nil)
            for local in 0..<min(eventsPerDocument, events - eventIndex) {
                // Sizes spread around the mean; the last events take what is left.
                let remainingEvents = events - eventIndex
                let remaining = attendances - generated
                let target = remainingEvents == 1 ? remaining : Int((perEvent * (0.4 + 1.2 * random.nextDouble())).rounded())
                let size = max(1, min(target, remaining - (remainingEvents - 1), people))
                var chosen: [Int] = []
                while chosen.count < size {
                    let person = sampler.sample(&random)
                    if !chosen.contains(person) { chosen.append(person) }
                }
                let day = eventIndex % 3650
                let date = EventDate(year: 2015 + day / 365, month: day % 365 / 31 + 1, day: day % 31 % 28 + 1)
                var event = Event(id: "e\(local + 1)", kind: eventIndex % 5 == 0 ? .visit : .meeting,
                                  name: "第\(eventIndex)次工作会议", date: date)
                for (position, person) in chosen.enumerated() {
                    degree[person] += 1
                    let sentence = "\(names[person])出席第\(eventIndex)次工作会议并讲话。"
                    let start = local * 200 + position * 20
                    event.participants.append(Participant(
                        name: names[person], roles: position == 0 ? [.chair, .speaker] : .attendee,
                        titles: person % 4 == 0 ? ["副市长"] : [],
                        evidence: [Evidence(document: name, sentence: sentence, start: start,
                                            end: start + sentence.unicodeScalars.count,
                                            mentionStart: start, mentionEnd: start + names[person].unicodeScalars.count)]))
                }
                generated += size
                document.events.append(event)
                eventIndex += 1
            }
            items.append(IngestItem(document: document, contentHash: ContentHash.sha256(of: name + "#synthetic"),
                                    path: "/synthetic/" + name))
        }
        let sortedDegrees = degree.sorted(by: >)
        print("Synthetic data: \(generated) attendances, \(events) events, \(degree.filter { $0 > 0 }.count) people "
              + "with events, \(items.count) documents; skew s=\(skew)")
        print("  attendances per person: max \(sortedDegrees[0]), 10th \(sortedDegrees[9]), 100th \(sortedDegrees[99]), "
              + "1000th \(sortedDegrees[999]), median \(sortedDegrees[people / 2])")

        // Ingest: one transaction, through the public API.
        let store = try openStore(file, readOnly: false)
        print("Store: \(store.location)")
        var clock = ContinuousClock.now
        if reuse, try store.counts().participations == generated {
            print("Ingest: skipped, \(file) already holds the data")
        } else {
            let cpuBefore = Self.processorSeconds()
            let summary = try store.ingest(items, batchSize: items.count)
            let ingestTime = ContinuousClock.now - clock
            let ingestProcessor = Self.processorSeconds() - cpuBefore
            try store.checkpoint()
            let counts = try store.counts()
            let size = postgres != nil ? 0 : (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            print(String(format: "Ingest (one transaction): %d documents, %d participations in %.1f s = %.0f attendances/s "
                         + "(CPU %.1f s = %.0f attendances per CPU second); file %.0f MB",
                         summary.added.count, counts.participations, ingestTime.seconds,
                         Double(counts.participations) / ingestTime.seconds, ingestProcessor,
                         Double(counts.participations) / ingestProcessor, Double(size) / 1e6))
        }
        items.removeAll()

        // Who to ask about: weighted by activity (popular people more often), plus the top ten.
        let byActivity = (0..<people).sorted { degree[$0] > degree[$1] }
        let weighted = (0..<queries).map { _ in names[sampler.sample(&random)] }
        let uniform = (0..<queries).map { _ in names[Int(random.next() % UInt64(people))] }
        let topTen = byActivity.prefix(10).map { names[$0] }

        // Cold: a new connection and, where the system allows, the file evicted from the page cache.
        var cold: [Double] = []
        var evicted = true
        for name in weighted.prefix(coldQueries) {
            evicted = postgres == nil && Self.evictFromPageCache(file) && evicted
            clock = ContinuousClock.now
            let fresh = try openStore(file, readOnly: true)
            _ = try? fresh.coAttendees(of: name, filter: .everything, includingEvents: false, limit: nil)
            cold.append((ContinuousClock.now - clock).milliseconds)
        }
        Self.report("who-met cold (open + first query\(evicted ? ", file evicted from page cache" : ""))", cold)

        try Self.measure("who-met warm, people weighted by activity", weighted) { _ = try? store.coAttendees(of: $0, filter: .everything, includingEvents: false, limit: nil) }
        try Self.measure("who-met warm, people uniformly at random", uniform) { _ = try? store.coAttendees(of: $0, filter: .everything, includingEvents: false, limit: nil) }
        try Self.measure("who-met warm, the ten most active people", topTen) { _ = try store.coAttendees(of: $0, filter: .everything, includingEvents: false, limit: nil) }
        try Self.measure("who-met warm, weighted, first \(limit) rows", weighted) {
            _ = try? store.coAttendees(of: $0, filter: .everything, includingEvents: false, limit: limit)
        }
        try Self.measure("who-met warm, the ten most active people, first \(limit) rows", topTen) {
            _ = try store.coAttendees(of: $0, filter: .everything, includingEvents: false, limit: limit)
        }
        let filter = AttendanceFilter(kinds: [.meeting], since: EventDate("2018-01-01"))
        try Self.measure("who-met warm, weighted, meetings since 2018 (join, no ties)", weighted) {
            _ = try? store.coAttendees(of: $0, filter: filter, includingEvents: false, limit: nil)
        }
        try Self.measure("who-met warm, weighted, first \(limit) rows with event keys", weighted) {
            _ = try? store.coAttendees(of: $0, filter: .everything, includingEvents: true, limit: limit)
        }
        try Self.measure("who-met warm, the ten most active people, first \(limit) rows with event keys", topTen) {
            _ = try store.coAttendees(of: $0, filter: .everything, includingEvents: true, limit: limit)
        }
        try Self.measure("who-met warm, weighted, with event keys (join, no ties)", weighted) {
            _ = try? store.coAttendees(of: $0, filter: .everything, includingEvents: true, limit: nil)
        }

        // Met A B: each asked person with one of their co-attendees.
        var pairs: [(String, String)] = []
        for name in weighted.prefix(200) {
            if let other = try? store.coAttendees(of: name, filter: .everything, includingEvents: false, limit: nil).randomElement(using: &random) {
                pairs.append((name, other.person))
            }
        }
        try Self.measure("met A B (shared events with evidence), weighted pairs", pairs) {
            _ = try store.sharedEvents($0.0, $0.1, filter: .everything)
        }
        print("Database: \(postgres.map { _ in store.location } ?? file)\(keep || postgres != nil ? " (kept)" : " (removed)")")
    }

    /// A synthetic name of three or four characters, unique per index below 1.8 million (not a real person's, on purpose).
    static func name(_ index: Int) -> String {
        let surnames = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉")
        let middle = Array("一二三四五六七八九十百千万亿兆京垓秭穰沟涧正载极恒河沙阿僧祇那由他不可思议量大数东南西北")
        let last = Array("春夏秋冬风花雪月山水金木火土日星云雨石竹梅兰菊松柏江湖海天地玄黄宇宙洪荒辰宿列张寒来暑往收藏")
        // Mixed radix over the three tables, with a fourth character past 20 × 44 × 46 names.
        var rest = index
        var characters = [surnames[rest % surnames.count]]
        rest /= surnames.count
        characters.append(middle[rest % middle.count])
        rest /= middle.count
        characters.append(last[rest % last.count])
        rest /= last.count
        if rest > 0 { characters.append(middle[(rest - 1) % middle.count]) }
        return String(characters)
    }

    /// User plus system time of this process so far, in seconds: unlike the clock, not inflated
    /// when other programs share the processors.
    static func processorSeconds() -> Double {
        #if canImport(Glibc)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        #else
        return 0
        #endif
    }

    /// Asks the kernel to drop the file's cached pages; false where it cannot.
    static func evictFromPageCache(_ path: String) -> Bool {
        #if canImport(Glibc)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED)) == 0
        #else
        return false
        #endif
    }

    static func measure<T>(_ label: String, _ inputs: [T], _ body: (T) throws -> Void) throws {
        var times: [Double] = []
        times.reserveCapacity(inputs.count)
        for input in inputs {
            let start = ContinuousClock.now
            try body(input)
            times.append((ContinuousClock.now - start).milliseconds)
        }
        report(label, times)
    }

    static func report(_ label: String, _ times: [Double]) {
        guard !times.isEmpty else { return }
        let sorted = times.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print(String(format: "%@: n=%d p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                     label, sorted.count, percentile(0.5), percentile(0.95), percentile(0.99), sorted.last!))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}


/// Draws indices 0..<count with probability proportional to 1/(index+1)^exponent.
struct ZipfSampler {
    let cumulative: [Double]

    init(count: Int, exponent: Double) {
        var total = 0.0
        cumulative = (0..<count).map { index in
            total += 1 / pow(Double(index + 1), exponent)
            return total
        }
    }

    func sample(_ random: inout SplitMix64) -> Int {
        let target = random.nextDouble() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
