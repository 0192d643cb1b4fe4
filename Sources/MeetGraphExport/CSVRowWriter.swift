import Foundation

/// Encodes CSV rows straight into UTF-8 bytes, RFC 4180, the bytes ``CSVEncoding`` has always
/// written: fields joined by `,`, a field quoted when it holds `"`, `,`, CR or LF (judged byte by
/// byte, see ``CSVEncoding/needsQuotes(_:)``) with every `"` doubled, each row ended by CR LF, an
/// optional UTF-8 byte-order mark first. Text cells pass through ``FormulaGuard`` when asked and
/// through ``QuoteIsolation``, so files read back by CSV.swift as before.
///
/// The bytes collect in ``bytes``; with a `flush` closure they are handed on whenever more than
/// `flushThreshold` bytes have collected, so a table of any size is written in constant memory.
final class CSVRowWriter {
    /// Bytes not yet flushed.
    private(set) var bytes: [UInt8] = []
    private let kinds: [ColumnKind]
    private let guardsFormulas: Bool
    private let flush: (([UInt8]) throws -> Void)?
    private let flushThreshold: Int

    /// A writer for `columns`; writes the byte-order mark (when asked) and the header at once.
    init(columns: [CSVTable.Column], encoding: CSVEncoding, flushThreshold: Int = 1 << 20,
         flush: (([UInt8]) throws -> Void)? = nil) {
        kinds = columns.map(\.kind)
        guardsFormulas = encoding.guardsFormulas
        self.flush = flush
        self.flushThreshold = flushThreshold
        bytes.reserveCapacity(flush == nil ? 4096 : flushThreshold + 4096)
        if encoding.byteOrderMark { bytes.append(contentsOf: CSVEncoding.byteOrderMarkBytes) }
        for (index, column) in columns.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            appendField(column.name)
        }
        bytes.append(contentsOf: [13, 10])
    }

    /// Writes one row; `row` has a cell per column. A failed flush is kept and thrown by ``finish()``.
    func write(_ row: [String]) {
        precondition(row.count == kinds.count, "CSV row of \(row.count) cells for \(kinds.count) columns")
        for (index, cell) in row.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            let guarded = guardsFormulas && kinds[index] == .text ? FormulaGuard.neutralise(cell) : cell
            appendField(QuoteIsolation.encode(guarded))
        }
        bytes.append(contentsOf: [13, 10])
        if let flush, bytes.count >= flushThreshold {
            if failure == nil {
                do { try flush(bytes) } catch { failure = error }
            }
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// The first error a flush threw; later rows are dropped.
    private var failure: Error?

    /// Hands the remaining bytes to `flush` (a writer without one keeps them in ``bytes``).
    /// - Throws: the first error of a flush.
    func finish() throws {
        if let failure { throw failure }
        guard let flush, !bytes.isEmpty else { return }
        try flush(bytes)
        bytes.removeAll()
    }

    private func appendField(_ text: String) {
        guard CSVEncoding.needsQuotes(text) else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(0x22)
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
    }
}
