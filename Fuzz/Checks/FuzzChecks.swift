import Foundation
import MeetGraph
import MeetGraphExport
import MeetGraphExtraction
import MeetGraphRender

/// The code paths the fuzz harnesses drive, shared by `meetgraph-fuzz` and the corpus replay test.
///
/// Each check takes arbitrary bytes, runs one stage of MeetGraph on them, and returns the broken
/// invariants it saw (empty when all held). A thrown error that names the file is a correct answer
/// to bad input, not a failure; a trap (crash) is always a failure, found by the fuzzer itself.
public enum FuzzTarget: String, Sendable, CaseIterable {
    /// Bytes → ``SourceText/decode(_:name:encoding:)`` with detection → ``Extractor/document(from:published:sourceLabel:)``.
    case extractor
    /// Bytes → ``AttendanceTable/read(_:file:)`` → ``AttendanceTable/graph(kind:)``.
    case importer
    /// Bytes → a few people and events → ``DOT/picture(of:options:)`` for every view and
    /// ``Exporter/files(for:format:options:)`` as CSV, read back with ``ExportedTables/graph(in:guardsFormulas:)``.
    case writers

    /// The invariants `bytes` broke in this target's code path; empty when all held.
    public func problems(for bytes: [UInt8]) -> [String] {
        switch self {
        case .extractor: ExtractorCheck.problems(for: bytes)
        case .importer: ImporterCheck.problems(for: bytes)
        case .writers: WritersCheck.problems(for: bytes)
        }
    }
}

/// The name every fuzzed input goes by, so messages can be checked for it.
let fuzzFileName = "fuzz-input.txt"

// MARK: - Extractor

enum ExtractorCheck {
    static let extractor = Extractor()

    static func problems(for bytes: [UInt8]) -> [String] {
        let source: SourceText
        do {
            source = try SourceText.decode(bytes, name: fuzzFileName)
        } catch {
            return error.description.contains(fuzzFileName) ? [] : ["decode error does not name the file: \(error)"]
        }
        let document = extractor.document(from: source)
        var problems: [String] = []
        let length = source.text.unicodeScalars.count
        if document.document != fuzzFileName { problems.append("document named \(document.document)") }
        for event in document.events {
            for participant in event.participants {
                let who = "\(event.id) \(participant.name)"
                if participant.name.isEmpty { problems.append("\(event.id): participant without a name") }
                if participant.roles.isEmpty { problems.append("\(who): no role") }
                for evidence in participant.evidence {
                    if !(0 <= evidence.start && evidence.start <= evidence.end && evidence.end <= length) {
                        problems.append("\(who): evidence \(evidence.start)..<\(evidence.end) outside 0..<\(length)")
                    }
                    switch (evidence.mentionStart, evidence.mentionEnd) {
                    case (nil, nil): break
                    case let (start?, end?):
                        if !(0 <= start && start <= end && end <= length) {
                            problems.append("\(who): mention \(start)..<\(end) outside 0..<\(length)")
                        }
                    default: problems.append("\(who): mention with only one end")
                    }
                    if evidence.document != fuzzFileName { problems.append("\(who): evidence names \(evidence.document)") }
                }
            }
        }
        return problems
    }
}

// MARK: - Importer

enum ImporterCheck {
    static func problems(for bytes: [UInt8]) -> [String] {
        let table: AttendanceTable
        do {
            table = try AttendanceTable.read(Data(bytes), file: fuzzFileName)
        } catch {
            return "\(error)".contains(fuzzFileName) ? [] : ["import error does not name the file: \(error)"]
        }
        var problems: [String] = []
        if table.rows.isEmpty { problems.append("a table without rows was returned") }
        for row in table.rows {
            if row.person.isEmpty || row.event.isEmpty { problems.append("line \(row.line): empty person or event kept") }
            if row.roles.isEmpty { problems.append("line \(row.line): no role") }
            if row.line < 1 { problems.append("row line \(row.line)") }
        }
        for problem in table.problems where problem.line < 1 || problem.file != fuzzFileName {
            problems.append("problem at \(problem)")
        }
        let graph = table.graph()
        let names = Set(table.rows.map(\.person))
        if Set(graph.people.map(\.name)) != names { problems.append("graph people differ from the table's") }
        return problems
    }
}

// MARK: - Writers

enum WritersCheck {
    /// One folder per process for the CSV round trip, written over at every input; in memory
    /// (/dev/shm) when there is one, as the exporter syncs every file it writes.
    static let folder: URL = {
        let memory = URL(fileURLWithPath: "/dev/shm")
        let base = FileManager.default.isWritableFile(atPath: memory.path) ? memory : FileManager.default.temporaryDirectory
        let url = base
            .appendingPathComponent("meetgraph-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// The graph the bytes describe: one line per attendance, `person` TAB `event` [TAB roles
    /// digit [TAB date [TAB place [TAB title]]]], at most 24 lines; bytes that are not UTF-8 become
    /// U+FFFD. NUL bytes are dropped: no reader lets them into a name (texts and tables holding
    /// them are refused as binary), and the CSV reader refuses them in turn.
    static func graph(from bytes: [UInt8]) -> AttendanceGraph {
        let text = String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self)
        var graph = AttendanceGraph()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(24).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { continue }
            let digit = fields.count > 2 ? (fields[2].unicodeScalars.first?.value ?? 0) : 0
            let roles = Roles(rawValue: UInt8(digit % 7) + 1)
            let kind = EventKind.allCases[Int(digit) % EventKind.allCases.count]
            let date = fields.count > 3 ? EventDate(fields[3]) : nil
            let event = graph.addEvent(AttendanceGraph.EventNode(
                key: "fuzz#\(fields[1])", document: fuzzFileName, kind: kind, name: fields[1], date: date,
                place: fields.count > 4 ? fields[4] : nil))
            let titles = fields.count > 5 ? [fields[5]] : []
            let person = graph.addPerson(named: fields[0], titles: titles)
            let evidence = Evidence(document: fuzzFileName, sentence: line.description, start: index * 10, end: index * 10 + 5)
            graph.attend(person: person, event: event, roles: roles, titles: titles, evidence: [evidence])
        }
        return graph
    }

    static func problems(for bytes: [UInt8]) -> [String] {
        let graph = graph(from: bytes)
        var problems: [String] = []
        var views: [RenderOptions.View] = [.attendance, .coattendance]
        if let first = graph.people.first { views.append(.ego(person: first.name, depth: 2)) }
        for view in views {
            do {
                let dot = try DOT.picture(of: graph, options: RenderOptions(view: view))
                if !dot.hasSuffix("}\n") && !dot.hasSuffix("}") { problems.append("DOT for \(view) does not end with }") }
            } catch {
                problems.append("DOT for \(view) threw \(error)")
            }
        }
        for guards in [true, false] {
            do {
                let files = try Exporter().files(for: graph, format: .csv, options: ExportOptions(guardsFormulas: guards))
                try Exporter().write(files, to: folder)
                let back = try ExportedTables.graph(in: folder, guardsFormulas: guards)
                let before = graph.people.map(\.name).sorted(), after = back.people.map(\.name).sorted()
                if before != after { problems.append("guards \(guards): people \(before) came back as \(after)") }
                let eventsBefore = graph.events.map(\.name).sorted(), eventsAfter = back.events.map(\.name).sorted()
                if eventsBefore != eventsAfter {
                    problems.append("guards \(guards): events \(eventsBefore) came back as \(eventsAfter)")
                }
                if back.attendances.count != graph.attendances.count {
                    problems.append("guards \(guards): \(graph.attendances.count) attendances came back as \(back.attendances.count)")
                }
            } catch {
                problems.append("guards \(guards): CSV round trip threw \(error)")
            }
        }
        return problems
    }
}
