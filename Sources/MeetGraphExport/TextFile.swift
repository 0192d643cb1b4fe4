import CSV
import Foundation

/// Why bytes are not usable text; each reader maps it to its own error enum.
enum TextProblem: Error, Equatable {
    case empty
    case binary
    case notUTF8(byteOffset: Int)
}

/// Decoding of files that are meant to be UTF-8 text: a UTF-8 byte-order mark is dropped,
/// NUL bytes and UTF-16/32 byte-order marks mean binary, anything else must be valid UTF-8.
enum TextFile {
    /// The bytes of the file at `url`, or why it cannot be read (its path named).
    static func contents(of url: URL) throws(ExportError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .cannotRead(file: url.path, reason: error.localizedDescription)
        }
    }

    /// The CSV records of a user's table file: UTF-8 text, blank records dropped at the start.
    /// - Throws: ``AttendanceTableError`` naming `file`: empty, binary, not UTF-8, unreadable.
    static func tableRecords(of data: Data, file: String) throws -> [CSVRecord] {
        let text: String
        do {
            text = try TextFile.text(of: data)
        } catch .empty {
            throw AttendanceTableError.empty(file: file)
        } catch .binary {
            throw AttendanceTableError.binary(file: file)
        } catch let .notUTF8(offset) {
            throw AttendanceTableError.notUTF8(file: file, byteOffset: offset)
        }
        do {
            return Array(try TextFile.records(in: text).drop(while: \.isBlank))
        } catch {
            throw AttendanceTableError.cannotRead(file: file, reason: "\(error)")
        }
    }

    /// The text of `data`, or why it is not UTF-8 text.
    static func text(of data: Data) throws(TextProblem) -> String {
        let markLength = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let bytes = Array(data.dropFirst(markLength))
        guard !bytes.isEmpty else { throw .empty }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.contains(0) {
            throw .binary
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw .notUTF8(byteOffset: markLength + validPrefixLength(of: bytes))
    }

    /// How many leading bytes of `bytes` are whole UTF-8 scalars.
    static func validPrefixLength(of bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var length = 0
        while case let .scalarValue(scalar) = decoder.decode(&iterator) {
            length += UTF8.width(scalar)
        }
        return length
    }
}

/// One record of a CSV file with the line it starts on (1-based; a quoted field may span lines).
struct CSVRecord {
    var line: Int
    var fields: [String]

    /// A line with nothing on it, which readers skip.
    var isBlank: Bool { fields.count == 1 && fields[0].isEmpty }
}

extension TextFile {
    /// The records of CSV `text` per RFC 4180, read by CSV.swift, each with its starting line.
    static func records(in text: String) throws -> [CSVRecord] {
        let reader = try CSVReader(string: text)
        var records: [CSVRecord] = []
        var line = 1
        while let fields = reader.next() {
            records.append(CSVRecord(line: line, fields: fields))
            line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
        }
        return records
    }

    /// Line breaks inside a quoted field: CR LF, CR and LF each count once.
    private static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousWasCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\r" {
                count += 1
                previousWasCR = true
            } else {
                if scalar == "\n" && !previousWasCR { count += 1 }
                previousWasCR = false
            }
        }
        return count
    }
}
