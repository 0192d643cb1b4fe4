/// A person named as taking part in one event.
public struct Participant: Sendable, Hashable, Codable {
    /// The name exactly as written (traditional characters stay traditional).
    public var name: String
    /// What the person did there; never empty for a participant.
    public var roles: Roles
    /// Titles written before the name in this event's text, split at 、 (`["市委常委","常务副市长"]`).
    public var titles: [String]
    /// The sentences that state the participation, first one first.
    public var evidence: [Evidence]

    /// A participant with every field given.
    public init(name: String, roles: Roles, titles: [String] = [], evidence: [Evidence] = []) {
        self.name = name
        self.roles = roles
        self.titles = titles
        self.evidence = evidence
    }

    /// Decodes the gold-file JSON form; missing lists decode as empty.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        roles = try container.decodeIfPresent(Roles.self, forKey: .roles) ?? []
        titles = try container.decodeIfPresent([String].self, forKey: .titles) ?? []
        evidence = try container.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
    }
}

/// One gathering or outing that a text says took place.
public struct Event: Sendable, Hashable, Codable {
    /// Identifier within its document (`e1`, `e2` …).
    public var id: String
    /// Meeting, visit or other.
    public var kind: EventKind
    /// The name as written, shortest unambiguous form, without 召开/举行.
    public var name: String
    /// The day it took place, when the text gives it.
    public var date: EventDate?
    /// Part of the day when given: 上午, 中午, 下午, 晚.
    public var timeOfDay: String?
    /// Where it took place, when written.
    public var place: String?
    /// `.video` for 视频形式 / 视频会议 / 电视电话会议.
    public var form: EventForm?
    /// People named as taking part, in order of first appearance.
    public var participants: [Participant]

    /// An event with every field given.
    public init(id: String, kind: EventKind, name: String, date: EventDate? = nil, timeOfDay: String? = nil,
                place: String? = nil, form: EventForm? = nil, participants: [Participant] = []) {
        self.id = id
        self.kind = kind
        self.name = name
        self.date = date
        self.timeOfDay = timeOfDay
        self.place = place
        self.form = form
        self.participants = participants
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, name, date
        case timeOfDay = "time_of_day"
        case place, form, participants
    }

    /// Decodes the gold-file JSON form; missing lists decode as empty.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        kind = try container.decode(EventKind.self, forKey: .kind)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        date = try container.decodeIfPresent(EventDate.self, forKey: .date)
        timeOfDay = try container.decodeIfPresent(String.self, forKey: .timeOfDay)
        place = try container.decodeIfPresent(String.self, forKey: .place)
        form = try container.decodeIfPresent(EventForm.self, forKey: .form)
        participants = try container.decodeIfPresent([Participant].self, forKey: .participants) ?? []
    }
}

/// A person named in a text who took part in nothing, and why.
public struct NonParticipant: Sendable, Hashable, Codable {
    /// The name as written.
    public var name: String
    /// Reporter, photographer, editor, or only mentioned.
    public var role: NonParticipation

    /// A non-participant with every field given.
    public init(name: String, role: NonParticipation) {
        self.name = name
        self.role = role
    }
}

/// What one source text says: its events with their participants, and the people named in it
/// who are not participants. Encodes to the JSON schema of the corpus' GUIDELINE.md.
public struct Document: Sendable, Hashable, Codable {
    /// The file name (`000_b825825c6756efef.txt`).
    public var document: String
    /// Where it came from: a URL, a path or a seed name.
    public var source: String?
    /// Publication date when known (from `--date` or a date line in the text).
    public var published: EventDate?
    /// Simplified or traditional characters.
    public var script: Script
    /// The events the text reports, in order of first mention.
    public var events: [Event]
    /// People named who took part in nothing (reporters, editors, people only mentioned).
    public var nonParticipants: [NonParticipant]

    /// A document with every field given.
    public init(document: String, source: String? = nil, published: EventDate? = nil, script: Script = .simplified,
                events: [Event] = [], nonParticipants: [NonParticipant] = []) {
        self.document = document
        self.source = source
        self.published = published
        self.script = script
        self.events = events
        self.nonParticipants = nonParticipants
    }

    enum CodingKeys: String, CodingKey {
        case document, source, published, script, events
        case nonParticipants = "non_participants"
    }

    /// Decodes the gold-file JSON form; missing lists decode as empty.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        document = try container.decode(String.self, forKey: .document)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        // Gold files sometimes give only a year and month ("2010-07"): keep what parses.
        published = (try? container.decodeIfPresent(EventDate.self, forKey: .published)) ?? nil
        script = try container.decodeIfPresent(Script.self, forKey: .script) ?? .simplified
        events = try container.decodeIfPresent([Event].self, forKey: .events) ?? []
        nonParticipants = try container.decodeIfPresent([NonParticipant].self, forKey: .nonParticipants) ?? []
    }
}
