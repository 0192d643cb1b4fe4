/// One row of an attendance table: a person took part in an event.
///
/// The form of structured data users already have (`meetgraph import attendance.csv`):
/// MeetGraphExport's table reader produces these rows and MeetGraphStore imports them.
public struct AttendanceRow: Sendable, Hashable {
    /// The person's name as the table writes it.
    public var person: String
    /// The event's name; rows with the same name, date and kind are one event.
    public var event: String
    /// What the person did; `.attendee` when the table gives no role.
    public var roles: Roles
    /// The event's date, when the table gives one.
    public var date: EventDate?
    /// The event's kind; `.meeting` unless the table says otherwise.
    public var kind: EventKind
    /// Titles as written, when the table gives them.
    public var titles: [String]
    /// The line of the file the row starts on (1-based); 0 for rows not read from a file.
    public var line: Int

    /// A row saying that `person` took part in `event`.
    public init(person: String, event: String, roles: Roles = .attendee, date: EventDate? = nil,
                kind: EventKind = .meeting, titles: [String] = [], line: Int = 0) {
        self.person = person
        self.event = event
        self.roles = roles
        self.date = date
        self.kind = kind
        self.titles = titles
        self.line = line
    }
}
