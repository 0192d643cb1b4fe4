import MeetGraph

/// The shared events of ties taken in order of their first person, as
/// ``CoAttendance/sharedEvents(_:)`` gives them, found for all of a person's ties in one walk
/// (``CoAttendance/sharedEventsWithPartners(of:)``) instead of one lookup per tie and event.
struct SharedEventsCursor {
    let projection: CoAttendance
    private var person: PersonID?
    private var partners: [PersonID: [EventID]] = [:]

    init(_ projection: CoAttendance) {
        self.projection = projection
    }

    /// The events both people of `tie` took part in, in event-ID order.
    mutating func events(of tie: CoAttendance.Tie) -> [EventID] {
        if person != tie.a {
            person = tie.a
            partners = projection.sharedEventsWithPartners(of: tie.a)
        }
        return partners[tie.b] ?? []
    }
}
