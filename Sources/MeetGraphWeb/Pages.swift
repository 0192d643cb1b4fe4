import MeetGraph
import MeetGraphStore

// The pages' contents as plain values: each encodes to the page's JSON (the API) and turns into
// the page's HTML and CSV. Dates are `YYYY-MM-DD` (or `MM-DD` when the year is unknown).

/// An event as pages list it.
struct EventSummary: Sendable, Codable, Hashable {
    var key: String
    var name: String
    var kind: String
    var date: String?
    var timeOfDay: String?
    var place: String?
    var form: String?
    var document: String

    init(_ node: AttendanceGraph.EventNode) {
        key = node.key
        name = node.name
        kind = node.kind.rawValue
        date = node.date?.description
        timeOfDay = node.timeOfDay
        place = node.place
        form = node.form?.rawValue
        document = node.document
    }
}

/// `GET /search?q=`: people whose name contains the text.
struct SearchPage: Sendable, Codable {
    var query: String
    var people: [PersonMatch]
}

/// `GET /person?name=`: titles over time, events by date, people met most.
struct PersonPage: Sendable, Codable {
    struct Title: Sendable, Codable { var title: String; var first: String?; var last: String?; var count: Int }
    struct Entry: Sendable, Codable { var event: EventSummary; var roles: [Role]; var titles: [String] }
    struct Met: Sendable, Codable { var person: String; var count: Int; var first: String?; var last: String? }

    var person: String
    var eventCount: Int
    /// True when more events exist than ``events`` lists (the newest are listed).
    var eventsTruncated: Bool
    var titles: [Title]
    var events: [Entry]
    var metMost: [Met]
}

/// `GET /event?key=`: the event, who took which role, and the evidence.
struct EventPage: Sendable, Codable {
    struct Participant: Sendable, Codable {
        var person: String
        var writtenName: String
        var roles: [Role]
        var titles: [String]
        var evidence: [Evidence]
    }

    var event: EventSummary
    var source: String?
    var path: String
    var published: String?
    var participants: [Participant]
}

/// `GET /tie?a=&b=`: the events two people shared.
struct TiePage: Sendable, Codable {
    struct Shared: Sendable, Codable {
        var event: EventSummary
        var rolesA: [Role]
        var rolesB: [Role]
        /// The sentence that best proves both were there.
        var sentence: String?
    }

    var a: String
    var b: String
    var events: [Shared]
}

/// `GET /graph`: the co-attendance graph under the filters, pruned to the top people.
struct GraphPage: Sendable, Codable {
    struct Person: Sendable, Codable {
        var name: String
        var events: Int
        var weightedDegree: Double
        var community: Int
    }
    struct Tie: Sendable, Codable { var a: String; var b: String; var count: Int }

    var filter: GraphFilter
    /// People in the filtered graph before pruning.
    var peopleInFilter: Int
    var people: [Person]
    var ties: [Tie]
    var communities: Int
}
