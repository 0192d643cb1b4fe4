import GRDB
import MeetGraph

// One record type per table. They are internal: the public API speaks in the model's values
// (Document, AttendanceGraph, Evidence) and in the query result types of Queries.swift.

/// A row of `document`: one ingested file, identified by the hash of its content.
struct DocumentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "document"
    var id: Int64?
    /// Hex digest of the file's bytes: the document's identity.
    var contentHash: String
    /// Where the file was read from; one document per path (a changed file replaces its old version).
    var path: String
    /// ``Document/document``, the file name used in event keys and evidence.
    var name: String
    var source: String?
    /// `YYYY-MM-DD` or `MM-DD`.
    var published: String?
    var script: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `event`.
struct EventRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "event"
    var id: Int64?
    var documentId: Int64
    /// The event's id within its document (`e1`).
    var localId: String
    /// `document#id`, the key of the event in an ``AttendanceGraph``; unique in the store.
    var eventKey: String
    var kind: String
    var name: String
    /// See ``DateKey``; nil when the text gives no date.
    var dateKey: Int?
    var timeOfDay: String?
    var place: String?
    var form: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `person`: one identity, after aliases and the name-key converter.
struct PersonRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "person"
    var id: Int64?
    /// The identity key: the canonical name passed through the store's name-key converter.
    var personKey: String
    /// The name shown for the person: the spelling most of their participations use (see `Spellings`).
    var name: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `participation`: one person at one event.
struct ParticipationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "participation"
    var personId: Int64
    var eventId: Int64
    /// Order of first appearance among the event's participants.
    var position: Int
    /// ``Roles/rawValue``.
    var roles: Int
    /// Titles as written, joined by U+001F (the unit separator never occurs in a title).
    var titles: String
    /// The name as written in the text, before aliases: lets ``MeetGraphStore/setAliases(_:)`` move it.
    var writtenName: String
}

/// A row of `evidence`: one sentence proving a participation.
struct EvidenceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "evidence"
    var personId: Int64
    var eventId: Int64
    var ordinal: Int
    var document: String
    var sentence: String
    /// Unicode-scalar offsets, as in ``Evidence``.
    var startOffset: Int
    var endOffset: Int
    var mentionStart: Int?
    var mentionEnd: Int?
}

/// A row of `personTitle`: a title a person held at an event, with its date.
struct PersonTitleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "personTitle"
    var personId: Int64
    var eventId: Int64
    var title: String
    var documentId: Int64
    /// The event's date, else the document's publication date (see ``DateKey``).
    var dateKey: Int?
}

/// A row of `alias`: a spelling and the canonical name it stands for.
struct AliasRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "alias"
    var name: String
    var canonical: String
}

/// Dates as one sortable integer, `year * 10000 + month * 100 + day`, year 0 when unknown:
/// orders exactly as ``EventDate`` does, and lets SQLite filter ranges with an index.
enum DateKey {
    static func make(_ date: EventDate?) -> Int? {
        guard let date else { return nil }
        return (date.year ?? 0) * 10_000 + date.month * 100 + date.day
    }

    static func date(_ key: Int?) -> EventDate? {
        guard let key else { return nil }
        let year = key / 10_000
        return EventDate(year: year == 0 ? nil : year, month: key / 100 % 100, day: key % 100)
    }
}

/// Titles in one column, joined by the unit separator.
enum TitleList {
    static let separator: Character = "\u{1F}"

    static func join(_ titles: [String]) -> String { titles.joined(separator: String(separator)) }

    static func split(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
