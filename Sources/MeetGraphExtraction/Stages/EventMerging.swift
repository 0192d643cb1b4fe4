import MeetGraph

/// When two mentions of events are one event: the rule shared by the sentence-by-sentence
/// tracking (``DocumentAnalysis/place(_:sentence:isHeadline:date:)``) and the merging of the
/// windows of a long text (``DocumentWindows/Merger``).
///
/// The tracking applies all of it to normalised names. The merger applies the date part to the
/// written names of events of the same kind, and only to equal names: it does not yet take a
/// shorter name that ends a longer one, nor a headline's event (recorded in issue 13's notes).
enum EventMerging {
    /// Names at least this long may match when one ends the other.
    static let shortestEndingName = 5
    /// How many sentences after a headline the article's first event of its kind is still the
    /// headline's event.
    static let headlineReach = 8

    /// Whether two names name the same event: the same scalars, or, for events of one kind, a
    /// name of at least ``shortestEndingName`` scalars that ends the other (第四场集体采访 after
    /// 新闻中心第四场集体采访).
    static func sameName(_ name: [Unicode.Scalar], _ other: [Unicode.Scalar], sameKind: Bool) -> Bool {
        if name == other { return true }
        guard sameKind, min(name.count, other.count) >= shortestEndingName else { return false }
        return name.has(other, endingAt: name.count) || other.has(name, endingAt: other.count)
    }

    /// Whether two events' dates and times of day agree: each unknown on one side, or equal.
    static func datesAgree(_ date: EventDate?, _ timeOfDay: String?, with otherDate: EventDate?, _ otherTimeOfDay: String?) -> Bool {
        (date == nil || otherDate == nil || date == otherDate) && (timeOfDay == nil || otherTimeOfDay == nil || timeOfDay == otherTimeOfDay)
    }
}
