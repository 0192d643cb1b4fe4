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
    /// Start the analyst CSV files with a UTF-8 byte-order mark so that Excel shows Chinese
    /// instead of mojibake. Only the `csv` format: Gephi and neo4j-admin would take the mark
    /// for part of the first column's name.
    public var excel: Bool
    /// Keep only co-attendance ties of at least this weight; nil keeps every tie.
    public var minWeight: Double?
    /// How co-attendance ties are weighted (number of shared events, or Newman's weight).
    public var weighting: CoAttendance.Weighting
    /// Apply ``FormulaGuard`` to the text cells of the analyst CSV files (on by default).
    /// Gephi and Neo4j files are read by programs, not spreadsheets, and are never changed.
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
            return try GephiExport.tables(projection: projection, ties: ties).map(CSVEncoding().file(for:))
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
            return try Neo4jExport.files(for: graph, projection: projection, ties: ties)
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

    /// Writes `files` into `folder` (created if missing), each one atomically: the bytes go to a
    /// temporary file in the same folder, which is then renamed over the target, so an
    /// interrupted run leaves either the old file or the new one, never half of one.
    /// (`Data.write(to:options: .atomic)`; on Linux it writes `.dat.nosync…` in the same folder,
    /// calls `fsync`, then `rename`, as seen with strace.)
    /// - Returns: the URLs written, in the order of `files`.
    @discardableResult
    public func write(_ files: [ExportFile], to folder: URL) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExportError.cannotWrite(file: folder.path, reason: Self.reason(error))
        }
        return try files.map { file in
            let url = folder.appendingPathComponent(file.name)
            do {
                try file.data.write(to: url, options: .atomic)
            } catch {
                throw ExportError.cannotWrite(file: url.path, reason: Self.reason(error))
            }
            return url
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
