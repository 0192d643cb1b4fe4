import MeetGraphStore

/// The store's attendance row; named apart from MeetGraphExport's table row, which this file
/// does not import, so the import command can map one to the other.
typealias StoreAttendanceRow = AttendanceRow
