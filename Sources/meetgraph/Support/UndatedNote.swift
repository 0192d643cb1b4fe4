import MeetGraph
import MeetGraphStore

extension FilterOptions {
    /// Says on stderr how many events --since/--until left out for want of a full date.
    func noteUndated(_ undated: UndatedEvents) {
        guard undated.total > 0 else { return }
        var parts: [String] = []
        if undated.withoutDate > 0 { parts.append("\(undated.withoutDate) without a date") }
        if undated.withoutYear > 0 { parts.append("\(undated.withoutYear) dated without a year") }
        Console.error("""
            note: --since/--until left out \(undated.total) events (\(parts.joined(separator: ", "))); \
            give the texts a publication date (--date, --manifest, a dated file name) to place them
            """)
    }

    /// ``noteUndated(_:)`` for the events of `store`.
    func noteUndated(in store: any GraphStore) throws {
        noteUndated(try store.undatedEvents(filter: filter))
    }
}
