import Foundation

/// Whether a CSV column holds text (guarded against formulas) or numbers (written as they are).
enum ColumnKind {
    case text
    case number
}

/// A CSV file before encoding: a header and rows of cells, every row as long as the header.
struct CSVTable {
    struct Column {
        var name: String
        var kind: ColumnKind
    }

    var fileName: String
    var columns: [Column]
    var rows: [[String]] = []
    /// When set, rows are encoded into it as they come instead of kept in ``rows``.
    var writer: CSVRowWriter?

    init(fileName: String, columns: [(String, ColumnKind)], writers: CSVWriters? = nil) {
        self.fileName = fileName
        self.columns = columns.map { Column(name: $0.0, kind: $0.1) }
        writer = writers?.open(fileName, self.columns)
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "\(fileName): row of \(row.count) cells for \(columns.count) columns")
        if let writer { writer.write(row) } else { rows.append(row) }
    }
}

/// Opens a streaming writer for each table by file name, for exports written as they are built.
struct CSVWriters {
    var open: (_ fileName: String, _ columns: [CSVTable.Column]) -> CSVRowWriter?
}

/// Guards spreadsheet users against formula injection (CWE-1236, OWASP "CSV injection").
///
/// Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` as a
/// formula, and tab or CR can hide such a start. A text cell starting with one of these, or with
/// `'`, gets a `'` in front, so the cell is text (LibreOffice 7.4 shows `'=1+1` where the bare
/// `=1+1` shows 2, and a bare `=HYPERLINK(…)` becomes a live link). A reader gets the original
/// back by dropping one leading `'` (``FormulaGuard/restore(_:)``), so the mapping is lossless.
/// Number columns (counts, weights, offsets) are never changed, so `-1` stays a number.
public enum FormulaGuard {
    private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// `text` with a leading `'` when its first character would start a formula (or is `'`).
    public static func neutralise(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, triggers.contains(first) else { return text }
        return "'" + text
    }

    /// The original of a neutralised cell: one leading `'` dropped.
    public static func restore(_ cell: String) -> String {
        cell.unicodeScalars.first == "'" ? String(cell.unicodeScalars.dropFirst()) : cell
    }

    /// `cell` without a leading `'` that the guard would have added (one followed by a formula
    /// start or another `'`); for tables of unknown origin, where a lone `'` may be data.
    public static func restoreIfGuarded(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, triggers.contains(second) else { return cell }
        return String(scalars.dropFirst())
    }
}

/// How tables become bytes: RFC 4180 (``CSVRowWriter``), CR LF line ends, a final line end.
struct CSVEncoding {
    /// Start the file with a UTF-8 byte-order mark, which Excel needs to show Chinese.
    var byteOrderMark = false
    /// Apply ``FormulaGuard`` to text columns.
    var guardsFormulas = false

    static let byteOrderMarkBytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    func file(for table: CSVTable) throws -> ExportFile {
        let writer = CSVRowWriter(columns: table.columns, encoding: self)
        for row in table.rows { writer.write(row) }
        return ExportFile(name: table.fileName, data: Data(writer.bytes))
    }

    /// Whether `text` must be quoted per RFC 4180, judged scalar by scalar.
    static func needsQuotes(_ text: String) -> Bool {
        // These are ASCII, so their UTF-8 bytes never occur inside another scalar's encoding.
        text.utf8.contains { $0 == 0x22 || $0 == 0x2C || $0 == 0x0D || $0 == 0x0A }
    }
}

/// Keeps every `"` a character of its own, so that CSV.swift 2.5.2 doubles it.
///
/// CSV.swift doubles quotes with `replacingOccurrences(of: "\"", …)`, which compares whole
/// characters: a `"` that a combining mark joins (`"\u{301}`) or that follows a prepended mark is
/// not doubled, and the field then reads back without the mark. Such a `"` gets a WORD JOINER
/// (U+2060, invisible, and a character break on both sides) on the joining side; a `"` already
/// next to a WORD JOINER gets one more, so ``decode(_:)`` restores the original exactly.
enum QuoteIsolation {
    static let joiner: Unicode.Scalar = "\u{2060}"

    static func encode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\"")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\"" {
                if index > 0, needsBreak(scalars[index - 1], "\"") { out.append(joiner) }
                out.append(scalar)
                if index + 1 < scalars.count, needsBreak("\"", scalars[index + 1]) { out.append(joiner) }
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func decode(_ text: String) -> String {
        guard text.unicodeScalars.contains(joiner) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == joiner {
                if index > 0, scalars[index - 1] == "\"" { continue }
                if index + 1 < scalars.count, scalars[index + 1] == "\"" { continue }
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// Whether two neighbours need a joiner between them: they form one character, or one is a joiner.
    private static func needsBreak(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        if first == joiner || second == joiner { return true }
        var pair = String.UnicodeScalarView()
        pair.append(first)
        pair.append(second)
        return String(pair).count == 1
    }
}

/// Joins list cells (`chair;speaker`, titles) with `;`; a `;` inside an item becomes the
/// full-width `；` so that the list splits back into the same items.
enum ListCell {
    static func join(_ items: [String]) -> String {
        items.map { item in
            String(String.UnicodeScalarView(item.unicodeScalars.map { $0 == ";" ? "；" : $0 }))
        }.joined(separator: ";")
    }

    static func split(_ cell: String) -> [String] {
        guard !cell.isEmpty else { return [] }
        return cell.unicodeScalars.split(separator: ";", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
    }
}
