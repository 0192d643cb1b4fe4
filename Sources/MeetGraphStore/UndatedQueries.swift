import GRDB
import MeetGraph

extension MeetGraphStore {
    /// The stored events that `filter`'s kinds keep but its date range leaves out for want of a
    /// full date (see ``AttendanceFilter/undated(in:)``); zero counts when no range is set.
    public func undatedEvents(filter: AttendanceFilter) throws -> UndatedEvents {
        guard filter.hasDateRange else { return UndatedEvents() }
        let conditions = EventConditions(AttendanceFilter(kinds: filter.kinds))
        return try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*) FILTER (WHERE event.dateKey IS NULL),
                       count(*) FILTER (WHERE event.dateKey < 10000)
                FROM event WHERE 1 \(conditions.sql)
                """, arguments: conditions.arguments)
            return UndatedEvents(withoutDate: row?[0] ?? 0, withoutYear: row?[1] ?? 0)
        }
    }
}
