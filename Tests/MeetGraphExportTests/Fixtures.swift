import Foundation
import MeetGraph
@testable import MeetGraphExport

/// Invented people and meetings; a few names are hostile to CSV, XML, JSON and spreadsheets.
enum Fixtures {
    /// Names that break naive writers: separators, quotes, line breaks, markup, formula starts,
    /// backslashes, emoji, traditional characters, combining marks.
    static let hostileNames = [
        "甄志远", "Doe, \"Jim\"", "=HYPERLINK(\"http://x\",\"点我\")", "+86 柏青禾", "-司马若林", "@龔慧文",
        "back\\slash 卫", "两行\n名字", "回车\r\n换行", "<&>標籤 \"引\" 'x'", "😀表情", "\t制表", "'单引号",
        "逗号,\u{301}组合", "\"\u{301}引号组合", "  前后空格  ", "",
    ]

    /// Two documents with three events; every hostile name takes part in the first meeting,
    /// and three ordinary people meet several times so that weights differ.
    static func graph(names: [String] = hostileNames) -> AttendanceGraph {
        func evidence(_ document: String, _ sentence: String, _ start: Int) -> Evidence {
            Evidence(document: document, sentence: sentence, start: start, end: start + sentence.unicodeScalars.count)
        }
        let first = Document(document: "a.txt", events: [
            Event(id: "e1", kind: .meeting, name: "市政府常务会议, \"第12次\"", date: EventDate("2022-05-16"),
                  timeOfDay: "上午", place: "市行政中心<3楼>", form: .video,
                  participants: names.enumerated().map { index, name in
                      Participant(name: name, roles: index == 0 ? [.chair, .speaker] : [.attendee],
                                  titles: index == 0 ? ["市委常委", "常务副市长;兼"] : [],
                                  evidence: [evidence("a.txt", "会议由\(name)主持,\n=强调", 10 * index)])
                  }),
            Event(id: "e2", kind: .visit, name: "调研=企业", date: EventDate("05-17"), participants: [
                Participant(name: "甄志远", roles: .chair, evidence: [evidence("a.txt", "甄志远调研", 300)]),
                Participant(name: "柏文涛", roles: .attendee),
                Participant(name: "何晓岚", roles: .speaker),
            ]),
        ])
        let second = Document(document: "b 文件.txt", events: [
            Event(id: "e1", kind: .other, name: "会见", date: EventDate("2021-12-01"), participants: [
                Participant(name: "甄志远", roles: .attendee),
                Participant(name: "柏文涛", roles: .attendee, titles: ["秘书长"]),
                Participant(name: "何晓岚", roles: [.attendee, .speaker]),
            ]),
            Event(id: "e2", kind: .meeting, name: "无人参加的会议"),
        ])
        return AttendanceGraph(documents: [first, second])
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("meetgraph-export-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs a Python script when python3 with NetworkX is installed.
enum Python {
    /// Whether `python3` runs here.
    static let isAvailable: Bool = (try? run("pass").status) == 0

    /// Whether `python3 -c "import networkx"` works here.
    static let hasNetworkX: Bool = (try? run("import networkx").status) == 0

    /// Runs `script` with `arguments` in `sys.argv[1:]`; returns its exit status and standard output.
    static func run(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The tests' seeded generator: MeetGraph's SplitMix64, so failures reproduce.
typealias SeededGenerator = SplitMix64
