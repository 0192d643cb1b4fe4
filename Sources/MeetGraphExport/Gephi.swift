import MeetGraph

/// Gephi's spreadsheet import (File › Import spreadsheet) of the co-attendance graph.
///
/// Gephi's one-mode network of people is what most of its layouts and statistics expect, so the
/// Gephi files hold the co-attendance graph; the bipartite graph goes to Gephi through
/// `attendance.graphml`. `nodes.csv` has `Id`, `Label`, `Type` (`person`) and the person's
/// `titles`, `events`, `first_date`, `last_date`; `edges.csv` has `Source`, `Target`,
/// `Type` (`Undirected`), `Weight`, and the tie's `count`, `first_date`, `last_date`, `events`.
/// Text cells get the formula guard like the analyst tables (a label `=HYPERLINK(…)` is shown as
/// `'=HYPERLINK(…)`), and `--excel` adds a byte-order mark, for analysts who open them in a spreadsheet.
enum GephiExport {
    static func tables(projection: CoAttendance, ties: [CoAttendance.Tie]) -> [CSVTable] {
        let graph = projection.graph
        var nodes = CSVTable(fileName: "nodes.csv", columns: [
            ("Id", .text), ("Label", .text), ("Type", .text), ("titles", .text), ("events", .number),
            ("first_date", .text), ("last_date", .text),
        ])
        for id in graph.personIDs {
            let summary = PersonSummary(id, in: graph)
            nodes.append([
                id.description, graph[id].name, "person", ListCell.join(graph[id].titles), String(summary.events),
                summary.first.cell, summary.last.cell,
            ])
        }
        var edges = CSVTable(fileName: "edges.csv", columns: [
            ("Source", .text), ("Target", .text), ("Type", .text), ("Weight", .number), ("count", .number),
            ("first_date", .text), ("last_date", .text), ("events", .text),
        ])
        var sharedEvents = SharedEventsCursor(projection)
        for tie in ties {
            let shared = sharedEvents.events(of: tie)
            let span = PersonSummary(dates: shared.map { graph[$0].date })
            edges.append([
                tie.a.description, tie.b.description, "Undirected", NumberCell.weight(tie.weight), String(tie.count),
                span.first.cell, span.last.cell, ListCell.join(shared.map(\.description)),
            ])
        }
        return [nodes, edges]
    }
}
