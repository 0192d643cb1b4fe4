import GRDB

/// What went wrong with a MeetGraph database, naming the file and saying what to do.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist and the store was opened read-only, so it cannot be created.
    case notFound(file: String)
    /// The file exists but is not an SQLite database at all (random bytes, a text file…).
    case notADatabase(file: String)
    /// The file is an SQLite database, but it was made by another program.
    case notMeetGraphDatabase(file: String)
    /// The database was written by a newer MeetGraph, with schema changes this one does not know.
    case newerSchema(file: String, unknownMigrations: [String])
    /// The file is empty (0 bytes, or SQLite without tables) and was opened read-only: nothing to read yet.
    case emptyStore(file: String)
    /// The database was written by an older MeetGraph and opened read-only, so it cannot be upgraded.
    case olderSchema(file: String, missingMigrations: [String])
    /// The disk (or the database's size limit) is full; what was committed before stays.
    case diskFull(file: String)
    /// The database or its folder cannot be written, or the store was opened read-only.
    case readOnly(file: String)
    /// The database file is damaged.
    case corrupt(file: String)
    /// Another process held the database locked for too long.
    case busy(file: String)
    /// The file could not be opened (missing folder, permissions…).
    case cannotOpen(file: String, reason: String)
    /// No person of this name (after aliases) is in the store; `suggestions` share characters with it.
    case unknownPerson(name: String, suggestions: [String])
    /// Aliases that lead back to where they started (`A → B → A`).
    case aliasCycle(name: String)
    /// Any other SQLite error, with SQLite's message.
    case database(file: String, message: String)

    /// One line for stderr: the file, what went wrong, what to do.
    public var description: String {
        switch self {
        case .notFound(let file):
            return "\(file): no such database; run `meetgraph ingest` to create it, or check the path"
        case .notADatabase(let file):
            return "\(file): not an SQLite database; give another path with --db or move the file away"
        case .notMeetGraphDatabase(let file):
            return "\(file): an SQLite database made by another program, not MeetGraph; "
                + "give another path with --db (MeetGraph will not change this file)"
        case .newerSchema(let file, let unknown):
            return "\(file): written by a newer MeetGraph (unknown schema changes: "
                + unknown.joined(separator: ", ") + "); upgrade meetgraph to read it"
        case .emptyStore(let file):
            return "\(file): the store is empty (no MeetGraph tables yet); run `meetgraph ingest FOLDER --db \(file)` first"
        case .olderSchema(let file, let missing):
            return "\(file): written by an older MeetGraph (missing schema changes: "
                + missing.joined(separator: ", ") + "); run `meetgraph ingest --db \(file)` with any text once "
                + "to upgrade it (queries only read a store, they cannot upgrade it)"
        case .diskFull(let file):
            return "\(file): disk full; the last batch was rolled back and earlier ones are kept. "
                + "Free space and run the same command again to complete it"
        case .readOnly(let file):
            return "\(file): cannot write (read-only file, folder or opening mode); "
                + "check permissions or copy the database somewhere writable"
        case .corrupt(let file):
            return "\(file): the database is damaged; restore a copy or ingest the documents into a new database"
        case .busy(let file):
            return "\(file): locked by another process for too long; wait for it to finish and try again"
        case .cannotOpen(let file, let reason):
            return "\(file): cannot open (\(reason)); check that the folder exists and can be written"
        case .unknownPerson(let name, let suggestions):
            let hint = suggestions.isEmpty
                ? "check the spelling or add an alias"
                : "did you mean " + suggestions.joined(separator: ", ") + "?"
            return "no person named \(name) in the store; \(hint)"
        case .aliasCycle(let name):
            return "aliases for \(name) lead back to \(name); make every alias point to one canonical name"
        case .database(let file, let message):
            return "\(file): database error: \(message)"
        }
    }

    /// Turns an SQLite error on `file` into the case a user can act on.
    static func from(_ error: any Error, file: String) -> any Error {
        if error is StoreError { return error }
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_FULL: return StoreError.diskFull(file: file)
        case .SQLITE_READONLY, .SQLITE_PERM: return StoreError.readOnly(file: file)
        case .SQLITE_NOTADB: return StoreError.notADatabase(file: file)
        case .SQLITE_CORRUPT: return StoreError.corrupt(file: file)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(file: file)
        case .SQLITE_CANTOPEN: return StoreError.cannotOpen(file: file, reason: error.message ?? "unable to open")
        default: return StoreError.database(file: file, message: error.message ?? "\(error.resultCode)")
        }
    }

    /// Whether `error` stops a whole ingest (the disk, the file) rather than one document.
    static func isFatal(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        switch error.resultCode {
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CORRUPT, .SQLITE_NOTADB,
             .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_NOMEM, .SQLITE_CANTOPEN, .SQLITE_INTERRUPT:
            return true
        default:
            return false
        }
    }
}
