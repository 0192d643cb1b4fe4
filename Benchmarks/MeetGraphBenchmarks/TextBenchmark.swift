import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MeetGraphExtraction

/// `meetgraph-bench text`: decoding and normalising speed and memory on a generated news-like text.
struct TextBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Measures reading, decoding and normalising a generated text.",
        discussion: """
            Writes a text of invented sentences (with OCR-style broken lines, headlines, page-jump markers \
            and full-width digits) to a temporary file, then reads, decodes and normalises it, printing \
            MB/s for each step and the process's peak resident memory.
            Example: meetgraph-bench text --megabytes 200 --single-line
            """)

    @Option(help: "Size of the generated text in megabytes (UTF-8).")
    var megabytes = 50

    @Flag(help: "Write the whole text on one line (no line break at all).")
    var singleLine = false

    @Flag(help: "Use traditional characters.")
    var traditional = false

    @Option(help: "Encoding of the file: utf8 or gb18030.")
    var encoding = "utf8"

    @Option(help: "Measure this existing file instead of a generated one (nothing is written).")
    var file: String?

    func run() throws {
        if let file {
            let url = URL(fileURLWithPath: file)
            let size = Double((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) / 1_000_000
            print(String(format: "file: %.1f MB %@", size, file))
            try measure(url, size: size)
            return
        }
        let text = Self.generate(bytes: megabytes * 1_000_000, singleLine: singleLine, traditional: traditional)
        var bytes = Array(text.utf8)
        if encoding == "gb18030" {
            bytes = try Self.iconv(bytes, to: "GB18030")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("meetgraph-text-bench-\(getpid()).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let size = Double(bytes.count) / 1_000_000
        bytes = []
        print(String(format: "file: %.1f MB %@%@%@", size, encoding, singleLine ? ", one line" : "", traditional ? ", traditional" : ""))
        try measure(url, size: size)
    }

    /// Reads, decodes and normalises `url`, printing times and memory.
    private func measure(_ url: URL, size: Double) throws {
        var source: SourceText?
        let readTime = try Self.measure { source = try SourceText.read(contentsOf: url) }
        guard let source else { return }
        var normalized: NormalizedText?
        let normalizeTime = Self.measure { normalized = NormalizedText(source) }
        let scalars = normalized?.scalars.count ?? 0
        Self.report("read+decode", size, readTime)
        Self.report("normalise", size, normalizeTime)
        Self.report("both", size, (readTime.wall + normalizeTime.wall, readTime.cpu + normalizeTime.cpu))
        print("scalars: \(source.text.unicodeScalars.count) → \(scalars) normalised, script \(normalized?.script.rawValue ?? "?")")
        print("peak resident memory: \(Self.peakResidentMegabytes()) MB")
    }

    /// Wall-clock and CPU seconds of `body`. CPU time is the figure to trust on a busy machine.
    static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let clock = ContinuousClock()
        let cpuStart = Glibc.clock()
        let wall = try clock.measure(body)
        let cpu = Double(Glibc.clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        return (Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18, cpu)
    }

    static func report(_ step: String, _ megabytes: Double, _ time: (wall: Double, cpu: Double)) {
        let label = step.padding(toLength: 12, withPad: " ", startingAt: 0)
        print(label + String(format: "wall %6.3f s %7.1f MB/s   cpu %6.3f s %7.1f MB/s",
                             time.wall, megabytes / time.wall, time.cpu, megabytes / time.cpu))
    }

    /// VmHWM from /proc/self/status (Linux), in MB.
    static func peakResidentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return -1 }
        return kilobytes / 1024
    }

    /// Invented sentences with invented names; broken lines every few sentences.
    static func generate(bytes: Int, singleLine: Bool, traditional: Bool) -> String {
        let simplified = [
            "本报讯(记者 周立新)６月３日,市政府召开全市安全生产工作会议。",
            "市长陈建华出席并讲话,副市长吴海涛主持会议。",
            "会议要求,各级各部门要压实责任,守住底线,确保全市安全形势持续稳定向好。",
            "市领导孙立、钱文、赵一鸣等参加会议(下转第二版)。",
            "重点要落实。要严格规范管理各类人员密集场所,学校要严格闭环管理。",
        ]
        let traditionalSentences = [
            "本報訊(記者 周立新)６月３日,市政府召開全市安全生產工作會議。",
            "市長陳建華出席並講話,副市長吳海濤主持會議。",
            "會議要求,各級各部門要壓實責任,守住底線,確保全市安全形勢持續穩定向好。",
            "市領導孫立、錢文、趙一鳴等參加會議(下轉第二版)。",
            "重點要落實。要嚴格規範管理各類人員密集場所,學校要嚴格閉環管理。",
        ]
        let sentences = traditional ? traditionalSentences : simplified
        var text = ""
        text.reserveCapacity(bytes + 200)
        var index = 0
        while text.utf8.count < bytes {
            let sentence = sentences[index % sentences.count]
            if !singleLine && index % 7 == 3 {
                // An OCR break inside the sentence, with a blank line.
                let cut = sentence.index(sentence.startIndex, offsetBy: 9)
                text += sentence[..<cut] + "\n\n" + sentence[cut...]
            } else {
                text += sentence
            }
            if !singleLine && index % 5 == 4 { text += "\n\n陈建华强调 压实责任 守住底线\n\n" }
            index += 1
        }
        return text
    }

    static func iconv(_ bytes: [UInt8], to encoding: String) throws -> [UInt8] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("meetgraph-iconv-\(getpid()).txt")
        try Data(bytes).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding, input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}
