import Foundation

/// What went wrong while writing an export or reading one back.
///
/// Every case names the file, so the command line can print one line a user can act on.
public enum ExportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder or file could not be written (permissions, full disk, a file where a folder should be).
    case cannotWrite(file: String, reason: String)
    /// Some files of a set were renamed into place and the others (`stale`, still the previous
    /// run's or absent) were not, because a rename failed.
    case partlyWritten(written: [String], stale: [String], reason: String)
    /// The file could not be opened or read.
    case cannotRead(file: String, reason: String)
    /// A file the reader needs is not in the folder.
    case missingFile(String)
    /// The file is empty or has no header row.
    case empty(file: String)
    /// The file holds NUL bytes or another encoding's byte-order mark: not a UTF-8 text file.
    case binary(file: String)
    /// The bytes at `byteOffset` are not UTF-8.
    case notUTF8(file: String, byteOffset: Int)
    /// The header row lacks a column the reader needs.
    case missingColumn(file: String, column: String)
    /// A row or element does not say what the reader expects.
    case malformed(file: String, line: Int, problem: String)

    /// The message the command line prints: the file, what is wrong, what to do.
    public var description: String {
        switch self {
        case let .cannotWrite(file, reason):
            return "\(file): cannot write (\(reason)); check that the folder exists and is writable, and that the disk has space"
        case let .partlyWritten(written, stale, reason):
            return "could not finish writing (\(reason)): \(written.count) files are new, these are from an earlier run "
                + "or missing: \(stale.joined(separator: ", ")); run the command again"
        case let .cannotRead(file, reason):
            return "\(file): cannot read (\(reason)); check the path and permissions"
        case let .missingFile(file):
            return "\(file): not found; read back a folder written by `meetgraph export`"
        case let .empty(file):
            return "\(file): the file is empty; a header row is required"
        case let .binary(file):
            return "\(file): not a UTF-8 text file (it holds NUL bytes or a UTF-16/32 byte-order mark); save it as UTF-8 text"
        case let .notUTF8(file, offset):
            return "\(file): byte \(offset) is not UTF-8 (GBK or GB18030?); save the file as UTF-8 (in Excel: \"CSV UTF-8\")"
        case let .missingColumn(file, column):
            return "\(file): the header row has no column \"\(column)\"; add it or read a file written by `meetgraph export`"
        case let .malformed(file, line, problem):
            return "\(file):\(line): \(problem)"
        }
    }
}
