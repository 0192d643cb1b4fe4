/// When two events read from different documents are one event reported twice: the same report
/// carried by several sites, or a file ingested again under another name or header.
///
/// Every route applies this rule: ``AttendanceGraph/add(_:)`` folds a reprinted event into the
/// event first read, and the store does the same at ingest, so that co-attendance counts events,
/// not articles.
public enum Reprints {
    /// What the rule looks at in an event.
    public struct Summary: Sendable, Hashable {
        /// Meeting, visit or other.
        public var kind: EventKind
        /// The name as written.
        public var name: String
        /// The day, when known.
        public var date: EventDate?
        /// The participants' identity keys (``PersonIdentity/key(of:)``).
        public var people: Set<String>
        /// Whether every participation has evidence (read from a text, not from an imported table).
        public var fromText: Bool
        /// The publication date of the document the event was read from, when known.
        public var published: EventDate?

        /// A summary with every field given.
        public init(kind: EventKind, name: String, date: EventDate?, people: Set<String>, fromText: Bool = true,
                    published: EventDate? = nil) {
            self.published = published
            self.kind = kind
            self.name = name
            self.date = date
            self.people = people
            self.fromText = fromText
        }
    }

    /// Whether `a` and `b` are one event: the same kind; the same day (a year known on one side
    /// only still matches); the same or a near name (one contains the other) or nearly the same
    /// people; and at least half of the smaller list of participants shared. Undated events are
    /// one only with the same name and exactly the same people, two or more, or fewer when both
    /// documents were published the same day (a report carried again: 座谈会 with one person).
    /// Rows of an imported
    /// table (no evidence) are never folded: attaching them is a human decision.
    public static func same(_ a: Summary, _ b: Summary) -> Bool {
        guard a.kind == b.kind, a.fromText, b.fromText else { return false }
        let shared = a.people.intersection(b.people).count
        let smaller = min(a.people.count, b.people.count)
        guard let first = a.date, let second = b.date else {
            guard a.date == nil && b.date == nil && a.name == b.name && a.people == b.people else { return false }
            return a.people.count >= 2 || a.published != nil && a.published == b.published
        }
        guard first.month == second.month, first.day == second.day,
              first.year == nil || second.year == nil || first.year == second.year else { return false }
        // 第12次常务会议 and 第13次常务会议 on one day are two meetings.
        guard numbers(in: a.name) == numbers(in: b.name) || numbers(in: a.name).isEmpty || numbers(in: b.name).isEmpty
        else { return false }
        let nearName = a.name == b.name || a.name.contains(b.name) || b.name.contains(a.name)
        if smaller == 0 { return nearName && a.people.isEmpty && b.people.isEmpty }
        let share = Double(shared) / Double(smaller)
        return share >= 0.5 && (nearName || share >= 0.8 && smaller >= 3)
    }

    /// The numbers written in a name (digits, and Chinese numerals after 第), in order.
    static func numbers(in name: String) -> [String] {
        var result: [String] = []
        var current = ""
        var afterOrdinal = false
        for character in name {
            let numeral = character.isASCII && character.isNumber || afterOrdinal && "〇零一二三四五六七八九十百".contains(character)
            if numeral {
                current.append(character)
                continue
            }
            if !current.isEmpty { result.append(current) }
            current = ""
            afterOrdinal = character == "第"
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The key candidates are looked up by: kind, month and day (years may be missing on one side).
    public static func bucket(_ summary: Summary) -> String {
        guard let date = summary.date else { return summary.kind.rawValue + " " + summary.name }
        return summary.kind.rawValue + " " + String(date.month * 100 + date.day)
    }
}
