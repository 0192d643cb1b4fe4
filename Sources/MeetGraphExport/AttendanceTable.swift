import Foundation
import MeetGraph

/// A CSV table of who attended what, for users whose data is already structured
/// (`meetgraph import attendance.csv`).
///
/// A header row is required. Columns are matched case-insensitively, in English or Chinese:
/// `person` (`name`, 姓名, 人员, 人物) and `event` (`meeting`, 会议, 活动) are required;
/// `role` (`roles`, 角色), `date` (日期) and `title` (`titles`, 职务) are optional, and other
/// columns are ignored. Roles are `chair`, `speaker`, `attendee` or 主持, 讲话/发言/致辞,
/// 出席/参加/列席, several joined by `;`. Dates are `2022-05-16`, `05-16`, `2022/5/16`,
/// `2022.5.16` or `2022年5月16日`. Several titles are split at `;` or `、`. Rows are of kind
/// `.meeting` (the table has no kind column), and carry the line they start on.
///
/// A cell starting with `'` followed by `=`, `+`, `-`, `@` or `'` loses the `'`, which
/// ``FormulaGuard`` adds on export, so a MeetGraph `participations.csv` imports as written.
///
/// Policy: a bad row (no person or event, a bad role or date, more or fewer fields than the
/// header — extra empty fields are allowed) is left out and reported in ``problems`` with its
/// line; the good rows are kept. Reading fails only when the file is unreadable, is not UTF-8
/// text, lacks a required column, or has no good row at all.
public struct AttendanceTable: Sendable, Hashable {
    /// A row that was left out, and why.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The file, as given.
        public var file: String
        /// The line the row starts on.
        public var line: Int
        /// What is wrong and what to do.
        public var message: String

        /// `file:line: message`, the form compilers use, so editors can jump to the line.
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// The file the table was read from, as given.
    public var file: String
    /// The good rows, in file order.
    public var rows: [AttendanceRow]
    /// The rows left out, in file order.
    public var problems: [Problem]

    /// Reads the table at `url`, a few megabytes at a time (see ``TableChunks``): the file's text
    /// and its records are never all in memory, only the rows kept.
    /// - Parameter progress: called after each piece with the bytes read so far.
    public static func read(contentsOf url: URL, progress: ((_ bytesRead: Int) -> Void)? = nil) throws -> AttendanceTable {
        var chunks = try TableChunks(contentsOf: url, file: url.path)
        var builder = Builder(file: url.path)
        while let records = try chunks.next() {
            for record in records { try builder.add(record) }
            progress?(chunks.bytesRead)
        }
        return try builder.finish()
    }

    /// Reads a table from `data`; `file` names it in problems and errors.
    public static func read(_ data: Data, file: String) throws -> AttendanceTable {
        var builder = Builder(file: file)
        for record in try TextFile.tableRecords(of: data, file: file) { try builder.add(record) }
        return try builder.finish()
    }

    /// Takes records in file order: the first that is not blank is the header, the others rows.
    private struct Builder {
        var table: AttendanceTable
        var header: CSVRecord?
        var columns = Columns([])

        init(file: String) {
            table = AttendanceTable(file: file, rows: [], problems: [])
        }

        mutating func add(_ record: CSVRecord) throws {
            guard !record.isBlank else { return }
            guard let header else {
                columns = Columns(record.fields)
                let missing = [("person", columns.person), ("event", columns.event)].filter { $0.1 == nil }.map(\.0)
                guard missing.isEmpty else {
                    throw AttendanceTableError.missingColumns(file: table.file, line: record.line, missing: missing,
                                                              found: record.fields)
                }
                self.header = record
                return
            }
            switch AttendanceTable.row(from: record, columns: columns, width: header.fields.count) {
            case let .success(row): table.rows.append(row)
            case let .failure(failure):
                table.problems.append(Problem(file: table.file, line: record.line, message: failure.message))
            }
        }

        func finish() throws -> AttendanceTable {
            guard header != nil else { throw AttendanceTableError.empty(file: table.file) }
            guard !table.rows.isEmpty else {
                throw AttendanceTableError.noRows(file: table.file, problems: table.problems)
            }
            return table
        }
    }

    /// The bipartite graph of the table: one event per distinct (event name, date), kind
    /// `kind`, with the file's name as its document; rows for the same person and event merge.
    public func graph(kind: EventKind = .meeting) -> AttendanceGraph {
        var graph = AttendanceGraph()
        let document = URL(fileURLWithPath: file).lastPathComponent
        for row in rows {
            let id = row.date.map { "\(row.event)@\($0)" } ?? row.event
            let event = graph.addEvent(AttendanceGraph.EventNode(key: document + "#" + id, document: document,
                                                                 kind: kind, name: row.event, date: row.date))
            let person = graph.addPerson(named: row.person, titles: row.titles)
            graph.attend(person: person, event: event, roles: row.roles, titles: row.titles)
        }
        return graph
    }

    private struct Failure: Error {
        var message: String
    }

    private static func row(from record: CSVRecord, columns: Columns, width: Int) -> Result<AttendanceRow, Failure> {
        var fields = record.fields
        if fields.count > width, fields[width...].allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            fields.removeLast(fields.count - width)
        }
        guard fields.count == width else {
            return .failure(Failure(message: "\(fields.count) fields where the header has \(width); "
                + "quote fields that hold a comma (\"a, b\")"))
        }
        func cell(_ index: Int?) -> String {
            // A `'=…` cell is most likely a guarded cell of a MeetGraph export (see FormulaGuard).
            index.map { FormulaGuard.restoreIfGuarded(fields[$0].trimmingCharacters(in: cellSpace)) } ?? ""
        }
        let person = cell(columns.person)
        let event = cell(columns.event)
        if person.isEmpty { return .failure(Failure(message: "no person")) }
        if event.isEmpty { return .failure(Failure(message: "no event")) }
        let roleText = cell(columns.role)
        guard let roles = parseRoles(roleText) else {
            return .failure(Failure(message: "unknown role \"\(roleText)\"; use chair, speaker, attendee "
                + "(or 主持, 讲话, 出席), several joined by ;"))
        }
        let dateText = cell(columns.date)
        var date: EventDate?
        if !dateText.isEmpty {
            guard let parsed = parseDate(dateText) else {
                return .failure(Failure(message: "\"\(dateText)\" is not a date; write 2022-05-16, 2022/5/16 or 2022年5月16日"))
            }
            date = parsed
        }
        let titles = cell(columns.title).split(whereSeparator: { $0 == ";" || $0 == "、" || $0 == "；" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return .success(AttendanceRow(person: person, event: event, roles: roles.isEmpty ? .attendee : roles,
                                      date: date, titles: titles, line: record.line))
    }

    /// What is trimmed from both ends of a cell: spaces, line breaks and the ideographic space.
    private static let cellSpace = CharacterSet.whitespacesAndNewlines.union(["\u{3000}"])

    /// Where the known columns are in the header.
    private struct Columns {
        var person: Int?
        var event: Int?
        var role: Int?
        var date: Int?
        var title: Int?

        static var names: [WritableKeyPath<Columns, Int?>: Set<String>] { [
            \.person: ["person", "name", "姓名", "人员", "人物"],
            \.event: ["event", "meeting", "会议", "活动"],
            \.role: ["role", "roles", "角色"],
            \.date: ["date", "日期"],
            \.title: ["title", "titles", "职务"],
        ] }

        init(_ header: [String]) {
            for (index, name) in header.enumerated() {
                let normalised = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                for (column, names) in Self.names where names.contains(normalised) && self[keyPath: column] == nil {
                    self[keyPath: column] = index
                }
            }
        }
    }

    /// Chinese role words a table may use instead of `chair`, `speaker`, `attendee`.
    private static let chineseRoles: [String: String] = [
        "主持": "chair", "主持人": "chair",
        "讲话": "speaker", "发言": "speaker", "致辞": "speaker", "报告": "speaker",
        "出席": "attendee", "参加": "attendee", "参会": "attendee", "列席": "attendee", "陪同": "attendee",
    ]

    /// Roles from `chair;speaker` or `主持、讲话`; nil when a name is unknown.
    static func parseRoles(_ text: String) -> Roles? {
        let parts = text.split(whereSeparator: { ";,|/、；， ".contains($0) })
        return Roles(parsing: parts.map { chineseRoles[String($0)] ?? String($0) }.joined(separator: ";"))
    }

    /// A date in the forms the table accepts; a time after a space or `T` is ignored.
    static func parseDate(_ text: String) -> EventDate? {
        var day = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? text
        // 2022年5月16日 → 2022-5-16: 年 and 月 separate, 日 ends.
        if day.hasSuffix("日") || day.hasSuffix("号") { day.removeLast() }
        day = String(day.map { "年月/.".contains($0) ? "-" : $0 })
        return EventDate(day)
    }
}

/// Why an attendance table could not be read at all.
public enum AttendanceTableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(file: String, reason: String)
    /// The file holds nothing, or only a byte-order mark.
    case empty(file: String)
    /// NUL bytes or a UTF-16/32 byte-order mark: a spreadsheet file or another encoding.
    case binary(file: String)
    /// The bytes at `byteOffset` are not UTF-8.
    case notUTF8(file: String, byteOffset: Int)
    /// The header row lacks `person` or `event`.
    case missingColumns(file: String, line: Int, missing: [String], found: [String])
    /// Every row had a problem.
    case noRows(file: String, problems: [AttendanceTable.Problem])

    /// The message the command line prints: the file, what is wrong, what to do.
    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            return "\(file): cannot read (\(reason)); check the path and permissions"
        case let .empty(file):
            return "\(file): the file is empty; write a header row (person,event,role,date) and one row per attendance"
        case let .binary(file):
            return "\(file): not a text file (an .xlsx, or UTF-16 text?); save it as \"CSV UTF-8\""
        case let .notUTF8(file, offset):
            return "\(file): byte \(offset) is not UTF-8 (GBK or GB18030?); save the file as \"CSV UTF-8\""
        case let .missingColumns(file, line, missing, found):
            let foundList = found.map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(file):\(line): the header row needs column(s) \(missing.joined(separator: " and ")) "
                + "(or 姓名/会议); found \(foundList)"
        case let .noRows(file, problems):
            guard let first = problems.first else {
                return "\(file): the header row is not followed by any row; add one row per attendance"
            }
            return "\(file): no row could be read (\(problems.count) with problems; first: \(first))"
        }
    }
}
