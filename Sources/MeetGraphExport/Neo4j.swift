import Foundation
import MeetGraph

/// Files for `neo4j-admin database import full` (Neo4j 5), with typed headers.
///
/// - `neo4j-people.csv`: `personId:ID(Person)`, `name`, `titles:string[]`, `events:int`, `:LABEL` (`Person`)
/// - `neo4j-events.csv`: `eventId:ID(Event)`, `key`, `document`, `kind`, `name`, `date`, `time_of_day`,
///   `place`, `form`, `participants:int`, `:LABEL` (`Event;Meeting`, `Event;Visit`, `Event;Other`)
/// - `neo4j-attended.csv`: `:START_ID(Person)`, `:END_ID(Event)`, `:TYPE` (`ATTENDED`),
///   `roles:string[]`, `titles:string[]`, `evidence`, `start:int`, `end:int`
/// - `neo4j-met.csv`: `:START_ID(Person)`, `:END_ID(Person)`, `:TYPE` (`MET`), `weight:double`,
///   `count:int`, `first_date`, `last_date`, `events:string[]`
/// - `neo4j-import.txt`: the command that loads them.
///
/// Dates stay strings, because a date without a year (`05-16`) is not a Neo4j `date`. Arrays use
/// `;`, neo4j-admin's default array delimiter. Evidence sentences may hold line breaks, hence
/// `--multiline-fields=true` in the command.
enum Neo4jExport {
    static let fileNames = ["neo4j-people.csv", "neo4j-events.csv", "neo4j-attended.csv", "neo4j-met.csv",
                            "neo4j-import.txt"]

    static func files(for graph: AttendanceGraph, projection: CoAttendance,
                      ties: [CoAttendance.Tie], encoding: CSVEncoding = CSVEncoding()) throws -> [ExportFile] {
        var people = CSVTable(fileName: fileNames[0], columns: [
            ("personId:ID(Person)", .text), ("name", .text), ("titles:string[]", .text), ("events:int", .number),
            (":LABEL", .text),
        ])
        for id in graph.personIDs {
            people.append([id.description, graph[id].name, ListCell.join(graph[id].titles),
                           String(graph.attendances(of: id).count), "Person"])
        }
        var events = CSVTable(fileName: fileNames[1], columns: [
            ("eventId:ID(Event)", .text), ("key", .text), ("document", .text), ("kind", .text), ("name", .text),
            ("date", .text), ("time_of_day", .text), ("place", .text), ("form", .text), ("participants:int", .number),
            (":LABEL", .text),
        ])
        for id in graph.eventIDs {
            let event = graph[id]
            events.append([
                id.description, event.key, event.document, event.kind.rawValue, event.name, event.date.cell,
                event.timeOfDay ?? "", event.place ?? "", event.form?.rawValue ?? "",
                String(graph.attendances(at: id).count), "Event;" + event.kind.rawValue.capitalized,
            ])
        }
        var attended = CSVTable(fileName: fileNames[2], columns: [
            (":START_ID(Person)", .text), (":END_ID(Event)", .text), (":TYPE", .text), ("roles:string[]", .text),
            ("titles:string[]", .text), ("evidence", .text), ("start:int", .number), ("end:int", .number),
        ])
        for attendance in graph.attendances {
            let evidence = attendance.evidence.first
            attended.append([
                attendance.person.description, attendance.event.description, "ATTENDED",
                ListCell.join(attendance.roles.sorted.map(\.rawValue)), ListCell.join(attendance.titles),
                evidence?.sentence ?? "", evidence.map { String($0.start) } ?? "", evidence.map { String($0.end) } ?? "",
            ])
        }
        var met = CSVTable(fileName: fileNames[3], columns: [
            (":START_ID(Person)", .text), (":END_ID(Person)", .text), (":TYPE", .text), ("weight:double", .number),
            ("count:int", .number), ("first_date", .text), ("last_date", .text), ("events:string[]", .text),
        ])
        var sharedEvents = SharedEventsCursor(projection)
        for tie in ties {
            let shared = sharedEvents.events(of: tie)
            let span = PersonSummary(dates: shared.map { graph[$0].date })
            met.append([
                tie.a.description, tie.b.description, "MET", NumberCell.weight(tie.weight), String(tie.count),
                span.first.cell, span.last.cell, ListCell.join(shared.map(\.description)),
            ])
        }
        var files = try [people, events, attended, met].map(encoding.file(for:))
        files.append(ExportFile(name: fileNames[4], data: Data(importCommand.utf8)))
        return files
    }

    static let importCommand = """
        # Load these files into an empty Neo4j 5 database named "meetgraph" (stop the database first),
        # then start it. Run from the folder that holds the CSV files.
        neo4j-admin database import full meetgraph \\
          --nodes=neo4j-people.csv --nodes=neo4j-events.csv \\
          --relationships=neo4j-attended.csv --relationships=neo4j-met.csv \\
          --multiline-fields=true --array-delimiter=";" --overwrite-destination=true

        """
}
