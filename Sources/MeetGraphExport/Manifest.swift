import Foundation
import MeetGraph

/// A manifest of an archive: for each text file its publication date and, optionally, the URL
/// it came from. A CSV with the columns `file,date,url` (a header row with these names is
/// optional); `file` is the path as ingested (`2022/a.txt`) or the bare file name, `date` is
/// `YYYY-MM-DD`, `url` may be empty.
public struct Manifest: Sendable, Hashable {
    /// One file's line.
    public struct Entry: Sendable, Hashable {
        /// The publication date, when the row gives one.
        public var date: EventDate?
        /// The source URL, when the row gives one.
        public var url: String?
    }

    /// Entries by the `file` column as written.
    public private(set) var entries: [String: Entry] = [:]
    /// Entries by bare file name, for rows naming a file without its folder; nil where two rows share a name.
    private var byFileName: [String: Entry?] = [:]

    /// A manifest of `entries` (file → entry).
    public init(entries: [String: Entry] = [:]) {
        for (file, entry) in entries { add(file, entry) }
    }

    private mutating func add(_ file: String, _ entry: Entry) {
        entries[file] = entry
        let name = String(file.split(separator: "/").last ?? Substring(file))
        byFileName[name] = byFileName[name] == nil ? entry : .some(nil)
    }

    /// The entry for a file ingested as `key` (its path inside the folder given): the row naming
    /// `key`, else the one row naming its bare file name.
    public func entry(for key: String) -> Entry? {
        if let entry = entries[key] { return entry }
        let name = String(key.split(separator: "/").last ?? Substring(key))
        return byFileName[name] ?? nil
    }

    /// Reads a manifest CSV.
    /// - Throws: ``ExportError`` naming the file and the line: unreadable, empty, a date that is
    ///   not `YYYY-MM-DD`, a row without a file.
    public static func read(contentsOf url: URL) throws -> Manifest {
        let table: ResultTable
        do {
            table = try ResultTable.read(contentsOf: url)
        } catch let error as AttendanceTableError {
            switch error {
            case .empty: throw ExportError.empty(file: url.path)
            case .binary: throw ExportError.binary(file: url.path)
            case let .notUTF8(file, offset): throw ExportError.notUTF8(file: file, byteOffset: offset)
            default: throw ExportError.cannotRead(file: url.path, reason: error.description)
            }
        }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let hasHeader = header.first == "file"
        var manifest = Manifest()
        for (index, row) in ((hasHeader ? [] : [table.header]) + table.rows).enumerated() {
            let line = index + (hasHeader ? 2 : 1)
            let fields = row.map { $0.trimmingCharacters(in: .whitespaces) }
            guard let file = fields.first, !file.isEmpty else {
                throw ExportError.malformed(file: url.path, line: line, problem: "the row names no file (columns: file,date,url)")
            }
            var entry = Entry()
            if fields.count > 1, !fields[1].isEmpty {
                guard let date = EventDate(fields[1]), date.year != nil else {
                    throw ExportError.malformed(file: url.path, line: line,
                                                problem: "'\(fields[1])' is not a date; write YYYY-MM-DD")
                }
                entry.date = date
            }
            if fields.count > 2, !fields[2].isEmpty { entry.url = fields[2] }
            manifest.add(file, entry)
        }
        return manifest
    }
}
