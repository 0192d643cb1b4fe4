import ArgumentParser
import Foundation
import MeetGraph
import MeetGraphExtraction

/// `meetgraph-bench extraction`: extraction throughput on generated news texts, and (with
/// `--eval DIR`) the corpus metrics of the extractor on a folder of texts with gold files.
struct ExtractionBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Measures extraction speed on generated news texts, or scores it on a gold folder.",
        discussion: """
            Without options, generates at least --megabytes MB of varied synthetic news texts in memory,
            extracts them in one thread (or --threads, as `meetgraph analyze --jobs` does) and prints
            MB/s and documents/s by the wall clock, and MB per CPU second (the process's CPU time, all
            threads together): on a machine shared with other work the CPU figure is the steadier one.

            With --texts DIR, times the same on real articles instead: every DIR/*.txt, read again and again
            (in name order) until --megabytes MB are gathered. Generated texts are denser than news pages
            (every sentence names people), so the two figures bracket what an archive costs.

            With --eval DIR, extracts every DIR/NAME.txt that has a DIR/NAME.gold.json and prints the
            metrics of score.py. The document date given to the extractor is the gold `published` date
            unless the gold says it came from a date line in the text (`published_from: page`).

              meetgraph-bench extraction --megabytes 50
              meetgraph-bench extraction --megabytes 50 --threads 2
              meetgraph-bench extraction --megabytes 50 --threads 2 --texts /work/shared/corpus/dev
              meetgraph-bench extraction --eval /work/shared/corpus/dev --out /tmp/pred
            """)

    @Option(help: "Megabytes of generated text to extract.")
    var megabytes = 50

    @Option(help: "Threads extracting documents at once.")
    var threads = 1

    @Option(help: "Time extraction of the *.txt files in this folder, repeated up to --megabytes, instead of generated texts.")
    var texts: String?

    @Option(help: "A folder of NAME.txt + NAME.gold.json to score instead of timing.")
    var eval: String?

    @Option(help: "With --eval: write each prediction to this folder as NAME.json.")
    var out: String?

    @Flag(help: "With --eval: print every document's participants.")
    var verbose = false

    @Option(help: "Time one sentence listing this many names with 、 (and twice and four times as many) instead.")
    var listedNames: Int?

    @Option(help: "Write this many generated texts to --write-corpus instead of timing.")
    var documents = 2_000

    @Option(help: "A folder to write --documents generated texts to as synthetic-N.txt, instead of timing.")
    var writeCorpus: String?

    func run() throws {
        if let eval {
            try evaluate(folder: eval)
        } else if let writeCorpus {
            try write(folder: writeCorpus)
        } else if let listedNames {
            measureList(names: listedNames)
        } else {
            try measure()
        }
    }

    // MARK: One long list

    /// Times the extraction of one sentence naming `names`, 2 × and 4 × `names` people with 、: the
    /// time should double with the list (it grew with its cube before the role reading was indexed).
    private func measureList(names: Int) {
        let extractor = Extractor()
        for count in [names, 2 * names, 4 * names] {
            let text = NewsGenerator.listSentence(names: count)
            let start = DispatchTime.now().uptimeNanoseconds
            let document = extractor.document(from: SourceText(name: "list-\(count).txt", text: text))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let participants = document.events.reduce(0) { $0 + $1.participants.count }
            print("one sentence listing \(count) names: \(String(format: "%.3f", seconds)) s, \(participants) participants found")
        }
    }

    // MARK: Evaluation

    private func evaluate(folder: String) throws {
        let directory = URL(fileURLWithPath: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".gold.json") }.sorted()
        let extractor = Extractor()
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var gold: [Document] = []
        var predicted: [Document] = []
        for file in files {
            let goldURL = directory.appendingPathComponent(file)
            let data = try Data(contentsOf: goldURL)
            let goldDocument = try decoder.decode(Document.self, from: data)
            let raw = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            let fromPage = (raw?["published_from"] as? String)?.hasPrefix("page") ?? false
            let textURL = directory.appendingPathComponent(goldDocument.document)
            let source = try SourceText.read(contentsOf: textURL)
            let document = extractor.document(from: source, published: fromPage ? nil : goldDocument.published, sourceLabel: textURL.path)
            gold.append(goldDocument)
            predicted.append(document)
            if let out {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let name = (goldDocument.document as NSString).deletingPathExtension + ".json"
                try encoder.encode(document).write(to: URL(fileURLWithPath: out).appendingPathComponent(name))
            }
            if verbose {
                print("== \(goldDocument.document) published=\(document.published?.description ?? "-")")
                for event in document.events {
                    let people = event.participants.map { "\($0.name)\($0.roles.sorted.map { String($0.rawValue.prefix(1)) }.joined())\($0.titles)" }
                    print("  \(event.id) \(event.kind.rawValue) \(event.name) \(event.date?.description ?? "-") \(event.timeOfDay ?? "") \(event.place ?? "") \(event.form?.rawValue ?? "") :: \(people.joined(separator: " "))")
                }
                print("  non: \(document.nonParticipants.map { "\($0.name)/\($0.role.rawValue)" }.joined(separator: " "))")
            }
        }
        print(Evaluation(gold: gold, predicted: predicted).report)
    }

    // MARK: Regression corpus

    /// Writes the generator's first `documents` texts (the ones the timing run reads first) to `folder`.
    private func write(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var generator = NewsGenerator(seed: 20_260_529)
        for index in 0..<documents {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(String(format: "synthetic-%05d.txt", index))
            try Data(generator.article().utf8).write(to: url)
        }
        print("wrote \(documents) texts to \(folder)")
    }

    // MARK: Throughput

    private func measure() throws {
        var texts: [SourceText] = []
        var bytes = 0
        if let folder = self.texts {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
            let sources = try files.map { try SourceText.read(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent($0)) }
            guard sources.contains(where: { !$0.text.isEmpty }) else { throw ValidationError("\(folder) holds no non-empty .txt file to time") }
            while bytes < megabytes * 1_000_000 {
                for source in sources where bytes < megabytes * 1_000_000 {
                    bytes += source.text.utf8.count
                    texts.append(source)
                }
            }
        } else {
            var generator = NewsGenerator(seed: 20_260_529)
            while bytes < megabytes * 1_000_000 {
                let text = generator.article()
                bytes += text.utf8.count
                texts.append(SourceText(name: "synthetic-\(texts.count).txt", text: text))
            }
        }
        let extractor = Extractor()
        // Warm up the lexicons before timing.
        _ = extractor.document(from: texts[0])
        let clock = ContinuousClock()
        var participants = 0
        var events = 0
        let cpuBefore = Self.processorSeconds()
        let elapsed = clock.measure {
            let counts = texts.concurrentMap(threads: threads) { text in
                let document = extractor.document(from: text, published: EventDate(year: 2024, month: 6, day: 30))
                return (document.events.count, document.events.reduce(0) { $0 + $1.participants.count })
            }
            events = counts.reduce(0) { $0 + $1.0 }
            participants = counts.reduce(0) { $0 + $1.1 }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpuSeconds = Self.processorSeconds() - cpuBefore
        let megabytesRead = Double(bytes) / 1_000_000
        print("extraction: \(self.texts == nil ? "generated" : "real") texts, \(texts.count) documents, \(String(format: "%.1f", megabytesRead)) MB UTF-8, \(events) events, \(participants) participations, \(threads) thread\(threads == 1 ? "" : "s")")
        print("time \(String(format: "%.2f", seconds)) s: \(String(format: "%.1f", megabytesRead / seconds)) MB/s, \(String(format: "%.0f", Double(texts.count) / seconds)) documents/s")
        print("cpu \(String(format: "%.2f", cpuSeconds)) s: \(String(format: "%.1f", megabytesRead / cpuSeconds)) MB per CPU second")
    }

    /// CPU time used by this process so far, in seconds (all threads).
    private static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Generates varied news texts about meetings with invented names (surname and given-name pools),
/// titles, verbs, dates and event kinds; deterministic for a seed.
struct NewsGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严")
    private static let givenCharacters = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力林兵晨宇浩然博轩俊峰瑞凯鑫鹏岚琳婷雪梅晓东海波宁志宏春晖")
    private static let places = ["东城区", "西湖区", "高新区", "经开区", "南山镇", "北关街道", "滨江新区", "青山乡"]
    private static let units = ["市", "县", "区"]
    private static let topics = ["疫情防控", "安全生产", "防汛抗旱", "招商引资", "乡村振兴", "生态环境保护", "重点项目建设", "营商环境"]
    private static let meetings = ["工作调度会", "专题会议", "推进会", "座谈会", "常务会议", "工作会议", "分析研判会议", "视频调度会"]
    private static let speech = ["强调", "指出", "提出要求", "作重要讲话", "要求"]

    private mutating func name() -> String {
        var result = String(pick(Self.surnames))
        result.append(pick(Self.givenCharacters))
        if next() % 3 != 0 { result.append(pick(Self.givenCharacters)) }
        return result
    }

    private mutating func date() -> String {
        "\(1 + next() % 12)月\(1 + next() % 28)日" + pick(["", "上午", "下午", "晚"])
    }

    private mutating func filler() -> String {
        let topic = pick(Self.topics)
        return pick([
            "要坚持问题导向,压实各方责任,确保\(topic)各项措施落实落细。",
            "会议听取了\(topic)工作情况汇报,研究部署下一阶段重点任务。",
            "各级各部门要提高政治站位,强化统筹协调,以实际行动推动\(topic)取得新成效。",
            "要加强督促检查,对工作不力的严肃问责,切实把\(topic)抓紧抓实。",
        ])
    }

    /// A report whose second sentence lists `names` distinct invented names with 、, all attending.
    static func listSentence(names: Int) -> String {
        var listed: [String] = []
        listed.reserveCapacity(names)
        outer: for surname in surnames {
            for first in givenCharacters {
                for second in givenCharacters where second != first {
                    if listed.count == names { break outer }
                    listed.append(String([surname, first, second]))
                }
            }
        }
        return "3月2日,市委召开常委会会议。" + listed.joined(separator: "、") + "等出席会议。\n"
    }

    /// One article of a few hundred to a few thousand characters.
    mutating func article() -> String {
        let unit = pick(Self.units)
        let topic = pick(Self.topics)
        var text = ""
        for _ in 0..<(1 + next() % 3) {
            let chair = name(), speaker = name()
            let attendees = (0..<(2 + next() % 6)).map { _ in name() }
            let reporter = name()
            switch next() % 3 {
            case 0:
                let meeting = "全\(unit)\(topic)\(pick(Self.meetings))"
                text += "\(meeting)召开 \(chair)主持 \(attendees[0])等出席\n\n"
                text += "本报讯(记者 \(reporter))\(date()),\(unit)长\(chair)主持召开\(meeting)。\(unit)委书记\(speaker)出席会议并讲话。"
                text += "副\(unit)长\(attendees.joined(separator: "、"))等参加会议。\n"
                text += "\(speaker)\(pick(Self.speech)),\(filler())\(filler())\n"
                text += "会议由\(chair)主持。\(filler())\n"
            case 1:
                let place = pick(Self.places)
                text += "\(date()),\(unit)委书记\(chair)到\(place)调研\(topic)工作。\(unit)委常委、秘书长\(speaker),副\(unit)长\(attendees.joined(separator: "、"))陪同调研。\n"
                text += "\(chair)\(pick(Self.speech)),\(filler())\(filler())\n"
            default:
                text += "\(date()),\(unit)委常委会召开会议,传达学习上级会议精神。\(unit)委书记\(chair)主持会议并讲话,\(unit)委副书记、\(unit)长\(speaker)出席会议。"
                text += "\(unit)领导\(attendees.joined(separator: "、"))参加会议,\(name())请假。\n\(filler())\(filler())\(filler())\n"
            }
            text += "(\(name()) 摄)\n编辑:\(name())\n\n"
        }
        return text
    }
}
