import Foundation
import MeetGraph

extension Exporter {
    /// Writes the files of `format` for `graph` into `folder` as ``export(_:format:options:to:)``
    /// does, with the same bytes, but encodes the CSV tables of the `csv` format row by row into
    /// their temporary files instead of building each file in memory first: memory stays near the
    /// graph's and its projection's, whatever the size of the files. Other formats, and targets
    /// that are devices or FIFOs, are written through ``files(for:format:options:)``.
    ///
    /// The files are renamed into place only when all of them are written, as with ``write(_:to:)``.
    /// - Throws: ``ExportError/cannotWrite(file:reason:)`` for the file that failed, or
    ///   ``ExportError/partlyWritten(written:stale:reason:)`` when a rename failed half-way.
    /// - Returns: the URLs written, in ``ExportFormat/fileNames`` order.
    @discardableResult
    public func stream(_ graph: AttendanceGraph, format: ExportFormat, options: ExportOptions = ExportOptions(),
                       to folder: URL) throws -> [URL] {
        guard format == .csv else { return try export(graph, format: format, options: options, to: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExportError.cannotWrite(file: folder.path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        let urls = format.fileNames.map { folder.appendingPathComponent($0) }
        var targets: [String: (path: String, mode: mode_t?)] = [:]
        for url in urls {
            guard case let .replace(path, mode) = try OutputFiles.target(for: url.path) else {
                return try export(graph, format: format, options: options, to: folder)
            }
            targets[url.lastPathComponent] = (path, mode)
        }

        let encoding = CSVEncoding(byteOrderMark: options.excel, guardsFormulas: options.guardsFormulas)
        var open: [(file: OutputFiles.OpenFile, writer: CSVRowWriter)] = []
        var failure: Error?
        let writers = CSVWriters { name, columns in
            guard failure == nil, let target = targets[name] else { return nil }
            do {
                let file = try OutputFiles.openTemporary(for: target.path, mode: target.mode)
                let writer = CSVRowWriter(columns: columns, encoding: encoding) { bytes in try file.write(bytes) }
                open.append((file, writer))
                return writer
            } catch {
                failure = error
                return nil
            }
        }
        var pending: [OutputFiles.Pending] = []
        do {
            let projection = CoAttendance(graph, weighting: options.weighting)
            // Without a minimum weight the projection's own array is used, not a copy of millions of ties.
            let ties = options.minWeight.map { minimum in projection.ties.filter { $0.weight >= minimum } } ?? projection.ties
            _ = AnalystTables.tables(for: graph, projection: projection, ties: ties, writers: writers)
            if let failure { throw failure }
            for (file, writer) in open {
                try writer.finish()
                pending.append(try file.close())
            }
        } catch {
            for (file, _) in open { file.discard() }
            throw error
        }
        try OutputFiles.commitAll(pending)
        return urls
    }
}
