import Foundation
import MeetGraph

/// What every MeetGraph store does, whichever database holds it: ingest documents, and answer
/// the questions the commands ask. ``MeetGraphStore`` keeps it in one SQLite file;
/// ``PostgresStore`` on a PostgreSQL server that many processes share.
///
/// Both backends give the same answers for the same documents (a test suite runs on each).
public protocol GraphStore: AnyObject, Sendable {
    /// The store as the user named it: a file path, or a `postgres://` URL without its password.
    var location: String { get }

    /// Stores `items`, each batch of `batchSize` documents in one transaction; see
    /// ``MeetGraphStore/ingest(_:batchSize:)-(_,_)`` for what happens to each document.
    func ingest(_ items: [IngestItem], batchSize: Int) throws -> IngestSummary
    /// Stores a table of who attended what, read from `source`, as one document.
    func importAttendance(rows: [AttendanceRow], source: String) throws -> IngestSummary
    /// The number of documents, events, people and participations stored.
    func counts() throws -> MeetGraphStore.Counts
    /// The name the store shows for `name` after aliases, or ``StoreError/unknownPerson(name:suggestions:)``.
    func canonicalName(of name: String) throws -> String
    /// The people who took part in events with `name`, most shared events first (ties by name).
    func coAttendees(of name: String, filter: AttendanceFilter, includingEvents: Bool, limit: Int?) throws
        -> [CoAttendeeRow]
    /// The events both people took part in, in date order, with both participations and their evidence.
    func sharedEvents(_ first: String, _ second: String, filter: AttendanceFilter) throws -> [SharedEvent]
    /// A person's events and titles in date order.
    func timeline(of name: String, filter: AttendanceFilter) throws -> Timeline
    /// The people `name` may stand for (namesakes told apart by their places); empty when one
    /// person bears it. ``MeetGraphStore`` separates namesakes; other stores have one person a name.
    func namesakes(of name: String) throws -> [NamesakeCandidate]
    /// The titles `name` held, each with its first and last date, earliest first (undated last).
    func titleHistory(of name: String) throws -> [HeldTitle]
    /// The events `filter` keeps, in date order; only those `person` took part in when given.
    func events(filter: AttendanceFilter, person: String?) throws -> [AttendanceGraph.EventNode]
    /// The events with `keys`, in date order; unknown keys are left out.
    func events(withKeys keys: [String]) throws -> [AttendanceGraph.EventNode]
    /// The stored graph restricted to what `filter` keeps, with titles and evidence.
    func loadGraph(filter: AttendanceFilter) throws -> AttendanceGraph
    /// The events a date range leaves out for want of a full date.
    func undatedEvents(filter: AttendanceFilter) throws -> UndatedEvents
    /// Replaces every alias with `aliases` and merges the people they name.
    func setAliases(_ aliases: [String: String]) throws
    /// Deletes the text documents whose paths are not in `paths`; returns the paths deleted.
    func prune(keeping paths: Set<String>) throws -> [String]
    /// Makes every committed change durable in the store's main file, where that means anything.
    func checkpoint() throws
    /// Closes the store; it cannot be used afterwards.
    func close() throws
}

extension MeetGraphStore: GraphStore {
    /// The database file.
    public var location: String { path }
}

/// Opens a store by what the user wrote: `postgres://…` for PostgreSQL, anything else a SQLite file.
public enum StoreOpener {
    /// The environment variable naming the store when `--db` is not given.
    public static let environmentVariable = "MEETGRAPH_DB"

    /// The store `--db` names by default: `MEETGRAPH_DB`, else `meetgraph.sqlite`.
    public static var defaultLocation: String {
        if let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty { return value }
        return MeetGraphStore.defaultFileName
    }

    /// Whether `location` is a PostgreSQL URL.
    public static func isPostgres(_ location: String) -> Bool {
        PostgresAddress.isPostgresURL(location)
    }

    /// Opens the store at `location`; see ``MeetGraphStore/init(path:readOnly:nameKey:)`` and
    /// ``PostgresStore/init(url:readOnly:nameKey:)``.
    public static func open(_ location: String, readOnly: Bool,
                            nameKey: @escaping @Sendable (String) -> String = { $0 }) throws -> any GraphStore {
        if isPostgres(location) {
            return try PostgresStore(url: location, readOnly: readOnly, nameKey: nameKey)
        }
        return try MeetGraphStore(path: location, readOnly: readOnly, nameKey: nameKey)
    }
}

extension GraphStore {
    /// One person a name: no namesakes, once the name is known (the store's unknown-person error otherwise).
    public func namesakes(of name: String) throws -> [NamesakeCandidate] {
        _ = try canonicalName(of: name)
        return []
    }

    /// The titles of the person's timeline, grouped: each with its first and last date and the
    /// number of events it is written at, earliest first, undated last.
    public func titleHistory(of name: String) throws -> [HeldTitle] {
        var held: [String: (first: EventDate?, last: EventDate?, events: Set<String>, order: Int)] = [:]
        for title in try timeline(of: name, filter: .everything).titles {
            var entry = held[title.title] ?? (nil, nil, [], held.count)
            if let date = title.date {
                entry.first = min(entry.first ?? date, date)
                entry.last = max(entry.last ?? date, date)
            }
            entry.events.insert(title.event)
            held[title.title] = entry
        }
        return held.sorted {
            switch ($0.value.first, $1.value.first) {
            case let (left?, right?) where left != right: return left < right
            case (nil, _?): return false
            case (_?, nil): return true
            default: return $0.value.order < $1.value.order
            }
        }.map { HeldTitle(title: $0.key, first: $0.value.first, last: $0.value.last, events: $0.value.events.count) }
    }
}
