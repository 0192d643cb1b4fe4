import Foundation

/// Reads a CSV file a few megabytes at a time, cut only where a record ends, so that a table of
/// any size is parsed without holding its text, or every record, at once.
///
/// A cut is made after a line break outside quotes (an even number of `"` bytes before it), and
/// never between CR and LF; each piece is parsed by ``TextFile/records(in:)`` as the whole file
/// would be, its records' lines shifted by the line breaks before it. Text checks are those of
/// ``TextFile/text(of:)``: a leading UTF-8 byte-order mark is dropped, NUL bytes or a UTF-16/32
/// mark mean binary, and the first byte that is not UTF-8 is reported with its offset in the file.
struct TableChunks {
    private let handle: FileHandle
    private let file: String
    private let chunkSize: Int
    private var pending: [UInt8] = []
    /// Offset in the file of `pending`'s first byte.
    private var offset = 0
    /// Line on which `pending` starts.
    private var line = 1
    private var atEnd = false
    private var started = false

    /// Bytes of the file parsed so far.
    var bytesRead: Int { offset }

    /// Opens `url`; `file` names it in errors.
    init(contentsOf url: URL, file: String, chunkSize: Int = 8 << 20) throws {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw AttendanceTableError.cannotRead(file: file, reason: error.localizedDescription)
        }
        self.file = file
        self.chunkSize = chunkSize
    }

    /// The records of the next piece; nil at the end of the file.
    mutating func next() throws -> [CSVRecord]? {
        while !atEnd && (pending.count < chunkSize || cut() == nil) {
            let data: Data?
            do {
                data = try handle.read(upToCount: chunkSize)
            } catch {
                throw AttendanceTableError.cannotRead(file: file, reason: error.localizedDescription)
            }
            if let data, !data.isEmpty { pending.append(contentsOf: data) } else { atEnd = true }
            if !started { try start() }
        }
        if !started { try start() }
        guard !pending.isEmpty else {
            try? handle.close()
            return nil
        }
        let end = atEnd ? pending.count : cut()!
        let piece = Array(pending[..<end])
        pending.removeFirst(end)
        let text: String
        if piece.contains(0) { throw AttendanceTableError.binary(file: file) }
        if let valid = String(validating: piece, as: UTF8.self) {
            text = valid
        } else {
            throw AttendanceTableError.notUTF8(file: file, byteOffset: offset + TextFile.validPrefixLength(of: piece))
        }
        offset += end
        let records: [CSVRecord]
        do {
            records = try TextFile.records(in: text).map { CSVRecord(line: $0.line + line - 1, fields: $0.fields) }
        } catch {
            throw AttendanceTableError.cannotRead(file: file, reason: "\(error)")
        }
        line += Self.lineBreaks(in: piece)
        return records
    }

    /// Drops a byte-order mark and refuses what is not text, at the start of the file.
    private mutating func start() throws {
        guard pending.count >= 4 || atEnd else { return }
        started = true
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) {
            pending.removeFirst(3)
            offset = 3
        }
        guard !pending.isEmpty else { throw AttendanceTableError.empty(file: file) }
        if pending.starts(with: [0xFF, 0xFE]) || pending.starts(with: [0xFE, 0xFF]) {
            throw AttendanceTableError.binary(file: file)
        }
    }

    /// Where the last whole record of `pending` ends (after its line break), if one does.
    private func cut() -> Int? {
        var quotes = 0
        var last: Int?
        var index = 0
        let count = pending.count
        while index < count {
            let byte = pending[index]
            if byte == 0x22 {
                quotes += 1
            } else if quotes % 2 == 0 && (byte == 0x0A || byte == 0x0D) {
                if byte == 0x0D {
                    guard index + 1 < count else { break }  // CR LF may be cut: wait for the next byte
                    if pending[index + 1] == 0x0A { index += 1 }
                }
                last = index + 1
            }
            index += 1
        }
        return last
    }

    /// Line breaks in `bytes`: CR LF, CR and LF each count once.
    static func lineBreaks(in bytes: [UInt8]) -> Int {
        var count = 0
        var previousWasCR = false
        for byte in bytes {
            if byte == 0x0D {
                count += 1
                previousWasCR = true
            } else {
                if byte == 0x0A && !previousWasCR { count += 1 }
                previousWasCR = false
            }
        }
        return count
    }
}
