/// A table of query results — a header and rows — written as RFC 4180 CSV for other programs.
public struct ResultTable: Sendable, Hashable {
    /// Column names.
    public var header: [String]
    /// Which columns hold numbers (never changed by the formula guard).
    public var numericColumns: Set<Int>
    /// Rows, each as long as the header.
    public var rows: [[String]]

    public init(header: [String], numericColumns: Set<Int> = [], rows: [[String]] = []) {
        self.header = header
        self.numericColumns = numericColumns
        self.rows = rows
    }

    /// The table as CSV text; text cells are guarded against formula injection (``FormulaGuard``).
    public func csv(excel: Bool = false) throws -> String {
        var table = CSVTable(fileName: "result.csv", columns: header.enumerated().map { index, name in
            (name, numericColumns.contains(index) ? ColumnKind.number : ColumnKind.text)
        })
        for row in rows { table.append(row) }
        return try CSVEncoding(byteOrderMark: excel, guardsFormulas: true).file(for: table).text
    }
}

import Foundation

extension ResultTable {
    /// Reads a UTF-8 CSV file: the first record is the header, the others the rows (rows are kept as
    /// written, short or long). Used for small side tables such as alias lists.
    ///
    /// - Throws: ``AttendanceTableError`` naming the file: unreadable, empty, binary, not UTF-8.
    public static func read(contentsOf url: URL) throws -> ResultTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw AttendanceTableError.cannotRead(file: url.path, reason: error.localizedDescription)
        }
        let records = try TextFile.tableRecords(of: data, file: url.path).filter { !$0.isBlank }
        guard let header = records.first else { throw AttendanceTableError.empty(file: url.path) }
        return ResultTable(header: header.fields, rows: records.dropFirst().map(\.fields))
    }
}
