/// How many events a date range left out only because their date is not known well enough to
/// compare: no date at all, or a month and day without a year.
public struct UndatedEvents: Sendable, Hashable {
    /// Events of the kinds kept that have no date.
    public var withoutDate = 0
    /// Events of the kinds kept dated by month and day only.
    public var withoutYear = 0

    /// No events left out.
    public init(withoutDate: Int = 0, withoutYear: Int = 0) {
        self.withoutDate = withoutDate
        self.withoutYear = withoutYear
    }

    /// Both counts together.
    public var total: Int { withoutDate + withoutYear }
}

extension AttendanceFilter {
    /// Whether a date range is set, so that undated events are left out.
    public var hasDateRange: Bool { since != nil || until != nil }

    /// The events of `graph` (an unfiltered graph) that this filter's kinds keep but its date
    /// range leaves out for want of a full date; zero counts when no range is set.
    public func undated(in graph: AttendanceGraph) -> UndatedEvents {
        var result = UndatedEvents()
        guard hasDateRange else { return result }
        for event in graph.events where kinds?.contains(event.kind) ?? true {
            if event.date == nil {
                result.withoutDate += 1
            } else if event.date?.year == nil {
                result.withoutYear += 1
            }
        }
        return result
    }
}
