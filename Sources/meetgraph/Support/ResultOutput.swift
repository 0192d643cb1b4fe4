import ArgumentParser
import Foundation
import MeetGraphExport

/// How a query prints its result.
enum ResultFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Output options shared by every query.
struct ResultOptions: ParsableArguments {
    @Option(help: "Output format: table (for people), json or csv (for programs).")
    var format: ResultFormat = .table

    @Option(help: "Show at most this many result rows (the same rows in every format).")
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    /// The first `--limit` of `rows`: a query cuts its results here, before formatting, so that
    /// the table, the CSV and the JSON hold the same results.
    func limited<Row>(_ rows: [Row]) -> [Row] {
        limit.map { Array(rows.prefix($0)) } ?? rows
    }

    /// Prints `table` (or `json`, an Encodable value of the same result, in the schema of
    /// ``Answer``) in the chosen format; an empty result keeps its format (a header, `[]`).
    func print<T: Encodable>(_ table: ResultTable, json: T) throws {
        switch format {
        case .table: Console.output(TextTable.render(table))
        case .csv: Console.output(try table.csv())
        case .json: Console.output(try Answer.json(json))
        }
    }
}

/// Columns aligned for a terminal, counting Chinese characters as two columns wide.
enum TextTable {
    static func render(_ table: ResultTable) -> String {
        let all = [table.header] + table.rows
        var widths = [Int](repeating: 0, count: table.header.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], width(of: cell))
            }
        }
        var out = ""
        for (number, row) in all.enumerated() {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - width(of: cell))
            }
            out += cells.joined(separator: "  ") + "\n"
            if number == 0 {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        if table.rows.isEmpty { out += "(no rows)\n" }
        return out
    }

    /// Display width: East Asian wide characters take two columns.
    static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let value = scalar.value
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
            return total + (wide ? 2 : 1)
        }
    }
}
