import Foundation
import MeetGraph

/// The file formats `meetgraph export` writes.
public enum ExportFormat: String, Sendable, CaseIterable, Codable {
    /// Four analyst tables: `people.csv`, `events.csv`, `participations.csv`, `coattendance.csv`.
    case csv
    /// Gephi's spreadsheet import of the co-attendance graph: `nodes.csv` and `edges.csv`.
    case gephi
    /// `attendance.graphml` (bipartite person–event graph) and `coattendance.graphml`.
    case graphml
    /// NetworkX node-link JSON: `attendance.json` (bipartite) and `coattendance.json`.
    case json
    /// `neo4j-admin database import` files: people, events, ATTENDED and MET relationships.
    case neo4j

    /// The names of the files this format writes, in the order ``Exporter/files(for:format:options:)`` returns them.
    public var fileNames: [String] {
        switch self {
        case .csv: ["people.csv", "events.csv", "participations.csv", "coattendance.csv"]
        case .gephi: ["nodes.csv", "edges.csv"]
        case .graphml: ["attendance.graphml", "coattendance.graphml"]
        case .json: ["attendance.json", "coattendance.json"]
        case .neo4j: Neo4jExport.fileNames
        }
    }
}

/// Choices that change what an export holds.
///
/// Date, kind and role filters are not here: apply ``AttendanceGraph/filtered(by:)`` first.
public struct ExportOptions: Sendable, Hashable {
    /// Start every CSV file (analyst tables, Gephi and Neo4j files) with a UTF-8 byte-order mark
    /// so that Excel shows Chinese instead of mojibake. Asked for explicitly: a program reading
    /// the files may take the mark for part of the first column's name.
    public var excel: Bool
    /// Keep only co-attendance ties of at least this weight; nil keeps every tie.
    public var minWeight: Double?
    /// How co-attendance ties are weighted (number of shared events, or Newman's weight).
    public var weighting: CoAttendance.Weighting
    /// Apply ``FormulaGuard`` to the text cells of the analyst and Gephi CSV files (on by
    /// default): names and titles are opened in spreadsheets too. Neo4j files, loaded by
    /// neo4j-admin, are never changed.
    public var guardsFormulas: Bool

    /// Options; the defaults write every tie, weighted by shared events, with the formula guard.
    public init(excel: Bool = false, minWeight: Double? = nil, weighting: CoAttendance.Weighting = .count,
                guardsFormulas: Bool = true) {
        self.excel = excel
        self.minWeight = minWeight
        self.weighting = weighting
        self.guardsFormulas = guardsFormulas
    }
}

/// One exported file: its name inside the output folder and its bytes (always UTF-8 text).
public struct ExportFile: Sendable, Hashable {
    /// The file name inside the output folder (`people.csv`).
    public var name: String
    /// The file's bytes.
    public var data: Data

    /// A file.
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    /// The bytes as text.
    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// Turns an ``AttendanceGraph`` into export files and writes them to a folder.
///
/// ```swift
/// let files = try Exporter().files(for: graph, format: .graphml, options: ExportOptions(minWeight: 2))
/// try Exporter().write(files, to: URL(filePath: "out"))
/// ```
/// Output is deterministic: people and events in graph order, ties by (a, b), and no
/// timestamps, so exporting the same graph twice gives the same bytes.
public struct Exporter: Sendable {
    /// An exporter; it holds no state.
    public init() {}

    /// The files of `format` for `graph`, in ``ExportFormat/fileNames`` order.
    public func files(for graph: AttendanceGraph, format: ExportFormat,
                      options: ExportOptions = ExportOptions()) throws -> [ExportFile] {
        let projection = CoAttendance(graph, weighting: options.weighting)
        let ties = projection.ties.filter { tie in options.minWeight.map { tie.weight >= $0 } ?? true }
        switch format {
        case .csv:
            let encoding = CSVEncoding(byteOrderMark: options.excel, guardsFormulas: options.guardsFormulas)
            return try AnalystTables.tables(for: graph, projection: projection, ties: ties)
                .map(encoding.file(for:))
        case .gephi:
            let encoding = CSVEncoding(byteOrderMark: options.excel, guardsFormulas: options.guardsFormulas)
            return try GephiExport.tables(projection: projection, ties: ties).map(encoding.file(for:))
        case .graphml:
            return [
                ExportFile(name: "attendance.graphml", data: Data(GraphML.document(for: .bipartite(graph)).utf8)),
                ExportFile(name: "coattendance.graphml",
                           data: Data(GraphML.document(for: .coAttendance(projection, ties: ties)).utf8)),
            ]
        case .json:
            return [
                ExportFile(name: "attendance.json", data: Data(NodeLinkJSON.document(for: .bipartite(graph)).utf8)),
                ExportFile(name: "coattendance.json",
                           data: Data(NodeLinkJSON.document(for: .coAttendance(projection, ties: ties)).utf8)),
            ]
        case .neo4j:
            return try Neo4jExport.files(for: graph, projection: projection, ties: ties,
                                         encoding: CSVEncoding(byteOrderMark: options.excel))
        }
    }

    /// Writes the files of `format` for `graph` into `folder`; ``files(for:format:options:)``
    /// then ``write(_:to:)``.
    /// - Returns: the URLs written.
    @discardableResult
    public func export(_ graph: AttendanceGraph, format: ExportFormat, options: ExportOptions = ExportOptions(),
                       to folder: URL) throws -> [URL] {
        try write(files(for: graph, format: format, options: options), to: folder)
    }

    /// Writes `files` into `folder` (created if missing) as one set: every file is first written to
    /// a hidden temporary file beside its target, and only when all of them are written are they
    /// renamed into place. A failure while writing (a full disk) removes the temporary files and
    /// leaves the folder as it was; a run interrupted by a signal the CLI handles does the same.
    /// Symbolic links are followed (their targets replaced, the links kept), and devices and FIFOs
    /// are written directly rather than replaced (see ``OutputFiles``).
    /// - Throws: ``ExportError/cannotWrite(file:reason:)`` for the file that failed, or
    ///   ``ExportError/partlyWritten(written:stale:reason:)`` when a rename failed half-way.
    /// - Returns: the URLs written, in the order of `files`.
    @discardableResult
    public func write(_ files: [ExportFile], to folder: URL) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExportError.cannotWrite(file: folder.path, reason: Self.reason(error))
        }
        let urls = files.map { folder.appendingPathComponent($0.name) }
        var pending: [OutputFiles.Pending] = []
        var direct: [(data: Data, path: String)] = []
        do {
            for (file, url) in zip(files, urls) {
                switch try OutputFiles.target(for: url.path) {
                case let .replace(path, mode): pending.append(try OutputFiles.writeTemporary(file.data, for: path, mode: mode))
                case let .direct(path): direct.append((file.data, path))
                }
            }
            for item in direct { try OutputFiles.writeDirectly(item.data, to: item.path) }
        } catch {
            for item in pending { OutputFiles.discard(item) }
            throw error
        }
        try OutputFiles.commitAll(pending)
        return urls
    }

    /// Writes `data` to the file at `url` as ``write(_:to:)`` writes each file of a set.
    public func write(_ data: Data, toFile url: URL) throws {
        try write([ExportFile(name: url.lastPathComponent, data: data)], to: url.deletingLastPathComponent())
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
