import Foundation
import MeetGraph

/// Numbers shared by several writers: how often a person took part, when first and last.
///
/// First and last dates count only dates with a year when there are any: a yearless `05-17`
/// sorts before every dated event and would otherwise always be "first".
struct PersonSummary {
    var events = 0
    var chair = 0
    var speaker = 0
    private var dated = DateSpan()
    private var yearless = DateSpan()

    var first: EventDate? { dated.first ?? yearless.first }
    var last: EventDate? { dated.last ?? yearless.last }

    private struct DateSpan {
        var first: EventDate?
        var last: EventDate?

        mutating func include(_ date: EventDate) {
            if first.map({ date < $0 }) ?? true { first = date }
            if last.map({ $0 < date }) ?? true { last = date }
        }
    }

    init(_ person: PersonID, in graph: AttendanceGraph) {
        for attendance in graph.attendances(of: person) {
            events += 1
            if attendance.roles.contains(.chair) { chair += 1 }
            if attendance.roles.contains(.speaker) { speaker += 1 }
            if let date = graph[attendance.event].date { include(date) }
        }
    }

    init<S: Sequence>(dates: S) where S.Element == EventDate? {
        for date in dates { if let date { include(date) } }
    }

    private mutating func include(_ date: EventDate) {
        if date.year == nil { yearless.include(date) } else { dated.include(date) }
    }
}

extension Optional where Wrapped == EventDate {
    /// The date as `YYYY-MM-DD` (`MM-DD` without a year), or an empty cell.
    var cell: String { map(\.description) ?? "" }
}

/// The four analyst tables of the `csv` format, and the reader that turns them back into a graph.
///
/// People are `p0`, `p1` … and events `e0`, `e1` … in graph order; an event's `key` is its
/// `document#id`. Lists (roles, titles, event IDs) are joined by `;`. A participation row gives
/// the first evidence sentence with its scalar offsets (see ``Evidence``) and the count of all.
enum AnalystTables {
    /// The tables; with `writers`, each table's rows go to its writer as they are made.
    static func tables(for graph: AttendanceGraph, projection: CoAttendance,
                       ties: [CoAttendance.Tie], writers: CSVWriters? = nil) -> [CSVTable] {
        var people = CSVTable(fileName: "people.csv", columns: [
            ("id", .text), ("name", .text), ("titles", .text), ("events", .number), ("chair", .number),
            ("speaker", .number), ("contacts", .number), ("first_date", .text), ("last_date", .text),
        ], writers: writers)
        for id in graph.personIDs {
            let person = graph[id]
            let summary = PersonSummary(id, in: graph)
            people.append([
                id.description, person.name, ListCell.join(person.titles), String(summary.events),
                String(summary.chair), String(summary.speaker), String(projection.ties(of: id).count),
                summary.first.cell, summary.last.cell,
            ])
        }

        var events = CSVTable(fileName: "events.csv", columns: [
            ("id", .text), ("key", .text), ("document", .text), ("kind", .text), ("name", .text), ("date", .text),
            ("time_of_day", .text), ("place", .text), ("form", .text), ("participants", .number),
        ], writers: writers)
        for id in graph.eventIDs {
            let event = graph[id]
            events.append([
                id.description, event.key, event.document, event.kind.rawValue, event.name, event.date.cell,
                event.timeOfDay ?? "", event.place ?? "", event.form?.rawValue ?? "",
                String(graph.attendances(at: id).count),
            ])
        }

        var participations = CSVTable(fileName: "participations.csv", columns: [
            ("person_id", .text), ("person", .text), ("event_id", .text), ("event", .text), ("date", .text),
            ("roles", .text), ("titles", .text), ("evidence", .text), ("start", .number), ("end", .number),
            ("document", .text), ("evidence_count", .number),
        ], writers: writers)
        for attendance in graph.attendances {
            let event = graph[attendance.event]
            let evidence = attendance.evidence.first
            participations.append([
                attendance.person.description, graph[attendance.person].name, attendance.event.description,
                event.name, event.date.cell, attendance.roles.description, ListCell.join(attendance.titles),
                evidence?.sentence ?? "", evidence.map { String($0.start) } ?? "",
                evidence.map { String($0.end) } ?? "", evidence?.document ?? event.document,
                String(attendance.evidence.count),
            ])
        }

        var coattendance = CSVTable(fileName: "coattendance.csv", columns: [
            ("a_id", .text), ("a", .text), ("b_id", .text), ("b", .text), ("weight", .number), ("count", .number),
            ("first_date", .text), ("last_date", .text), ("event_ids", .text),
        ], writers: writers)
        var sharedEvents = SharedEventsCursor(projection)
        for tie in ties {
            let shared = sharedEvents.events(of: tie)
            let span = PersonSummary(dates: shared.map { graph[$0].date })
            coattendance.append([
                tie.a.description, graph[tie.a].name, tie.b.description, graph[tie.b].name,
                NumberCell.weight(tie.weight), String(tie.count), span.first.cell, span.last.cell,
                ListCell.join(shared.map(\.description)),
            ])
        }
        return [people, events, participations, coattendance]
    }
}

/// Number formatting shared by the writers.
enum NumberCell {
    /// A weight as Swift prints a `Double` (shortest text that reads back to the same value),
    /// without `.0` for whole numbers: `2`, `0.5`, `0.3333333333333333`.
    static func weight(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

/// Reads a folder written by the `csv` format back into an ``AttendanceGraph``.
///
/// The co-attendance table is not needed (the projection is recomputed from the participations)
/// but ``coAttendanceRows(in:guardsFormulas:)`` reads it for checks.
public enum ExportedTables {
    /// The graph described by `people.csv`, `events.csv` and `participations.csv` in `folder`.
    /// - Parameter guardsFormulas: whether the files were written with ``FormulaGuard`` (the default).
    /// - Throws: ``ExportError`` naming the file and line of the first problem.
    public static func graph(in folder: URL, guardsFormulas: Bool = true) throws -> AttendanceGraph {
        var graph = AttendanceGraph()
        var personByID: [String: PersonID] = [:]
        var eventByID: [String: EventID] = [:]

        let people = try Sheet(folder: folder, name: "people.csv", guardsFormulas: guardsFormulas)
        for row in people.rows {
            let id = try row.text("id")
            let person = graph.addPerson(named: try row.text("name"), titles: ListCell.split(try row.text("titles")))
            guard personByID.updateValue(person, forKey: id) == nil else {
                throw row.problem("person id \"\(id)\" appears twice")
            }
        }

        let events = try Sheet(folder: folder, name: "events.csv", guardsFormulas: guardsFormulas)
        for row in events.rows {
            let id = try row.text("id")
            let kindText = try row.text("kind")
            guard let kind = EventKind(rawValue: kindText) else { throw row.problem("unknown kind \"\(kindText)\"") }
            let formText = try row.text("form")
            let form: EventForm?
            if formText.isEmpty {
                form = nil
            } else if let known = EventForm(rawValue: formText) {
                form = known
            } else {
                throw row.problem("unknown form \"\(formText)\"")
            }
            let node = AttendanceGraph.EventNode(
                key: try row.text("key"), document: try row.text("document"), kind: kind, name: try row.text("name"),
                date: try row.date("date"), timeOfDay: try row.optionalText("time_of_day"),
                place: try row.optionalText("place"), form: form)
            guard eventByID.updateValue(graph.addEvent(node), forKey: id) == nil else {
                throw row.problem("event id \"\(id)\" appears twice")
            }
        }

        let participations = try Sheet(folder: folder, name: "participations.csv", guardsFormulas: guardsFormulas)
        for row in participations.rows {
            let personID = try row.text("person_id")
            let eventID = try row.text("event_id")
            guard let person = personByID[personID] else { throw row.problem("no person \"\(personID)\" in people.csv") }
            guard let event = eventByID[eventID] else { throw row.problem("no event \"\(eventID)\" in events.csv") }
            let rolesText = try row.text("roles")
            guard let roles = Roles(parsing: rolesText) else { throw row.problem("unknown role in \"\(rolesText)\"") }
            var evidence: [Evidence] = []
            if let start = try row.integer("start"), let end = try row.integer("end") {
                evidence.append(Evidence(document: try row.text("document"), sentence: try row.text("evidence"),
                                         start: start, end: end))
            }
            graph.attend(person: person, event: event, roles: roles, titles: ListCell.split(try row.text("titles")),
                         evidence: evidence)
        }
        return graph
    }

    /// One row of `coattendance.csv`, as read back.
    public struct CoAttendanceRow: Sendable, Hashable {
        /// The first person's name.
        public var a: String
        /// The second person's name.
        public var b: String
        /// The tie's weight (shared events, or Newman's weight).
        public var weight: Double
        /// Number of shared events.
        public var count: Int
        /// IDs (`e0` …) of the shared events.
        public var eventIDs: [String]
    }

    /// The rows of `coattendance.csv` in `folder`: names, weight, count and shared event IDs.
    public static func coAttendanceRows(in folder: URL, guardsFormulas: Bool = true) throws -> [CoAttendanceRow] {
        let sheet = try Sheet(folder: folder, name: "coattendance.csv", guardsFormulas: guardsFormulas)
        return try sheet.rows.map { row in
            guard let weight = Double(try row.text("weight")) else { throw row.problem("weight is not a number") }
            guard let count = try row.integer("count") else { throw row.problem("count is empty") }
            return CoAttendanceRow(a: try row.text("a"), b: try row.text("b"), weight: weight, count: count,
                                   eventIDs: ListCell.split(try row.text("event_ids")))
        }
    }
}

/// A CSV file read with its header, for readers of files this module wrote.
struct Sheet {
    struct Row {
        var file: String
        var line: Int
        var fields: [String]
        var columns: [String: Int]
        var guardsFormulas: Bool

        func problem(_ text: String) -> ExportError { .malformed(file: file, line: line, problem: text) }

        func text(_ column: String) throws -> String {
            guard let index = columns[column] else { throw ExportError.missingColumn(file: file, column: column) }
            let cell = QuoteIsolation.decode(fields[index])
            return guardsFormulas ? FormulaGuard.restore(cell) : cell
        }

        func optionalText(_ column: String) throws -> String? {
            let value = try text(column)
            return value.isEmpty ? nil : value
        }

        func integer(_ column: String) throws -> Int? {
            let value = try text(column)
            if value.isEmpty { return nil }
            guard let number = Int(value) else { throw problem("\(column) \"\(value)\" is not a whole number") }
            return number
        }

        func date(_ column: String) throws -> EventDate? {
            let value = try text(column)
            if value.isEmpty { return nil }
            guard let date = EventDate(value) else { throw problem("\(column) \"\(value)\" is not YYYY-MM-DD or MM-DD") }
            return date
        }
    }

    var rows: [Row] = []

    init(folder: URL, name: String, guardsFormulas: Bool) throws {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ExportError.missingFile(url.path) }
        try self.init(data: TextFile.contents(of: url), file: url.path, guardsFormulas: guardsFormulas)
    }

    init(data: Data, file: String, guardsFormulas: Bool) throws {
        let text: String
        do {
            text = try TextFile.text(of: data)
        } catch .empty {
            throw ExportError.empty(file: file)
        } catch .binary {
            throw ExportError.binary(file: file)
        } catch let .notUTF8(offset) {
            throw ExportError.notUTF8(file: file, byteOffset: offset)
        }
        var records = try TextFile.records(in: text)[...]
        guard let header = records.popFirst() else { throw ExportError.empty(file: file) }
        var columns: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() where columns[name] == nil { columns[name] = index }
        for record in records where !record.isBlank {
            guard record.fields.count == header.fields.count else {
                throw ExportError.malformed(file: file, line: record.line, problem:
                    "\(record.fields.count) fields where the header has \(header.fields.count)")
            }
            rows.append(Row(file: file, line: record.line, fields: record.fields, columns: columns,
                            guardsFormulas: guardsFormulas))
        }
    }
}
