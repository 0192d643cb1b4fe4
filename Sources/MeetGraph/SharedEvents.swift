extension CoAttendance {
    /// The events `person` shared with each person it has a tie to, in event-ID order: for every
    /// partner `p`, the same list as ``sharedEvents(_:)`` gives for the tie of `person` and `p`.
    ///
    /// One walk over `person`'s events and their participants, instead of one lookup per event and
    /// tie: writers that list the shared events of every tie call this once per person.
    public func sharedEventsWithPartners(of person: PersonID) -> [PersonID: [EventID]] {
        var result: [PersonID: [EventID]] = [:]
        graph.forEachAttendance(of: person) { index in
            let attendance = graph.attendances[index]
            guard keeps(attendance) else { return }
            graph.forEachAttendance(at: attendance.event) { otherIndex in
                let other = graph.attendances[otherIndex]
                guard other.person != person, keeps(other) else { return }
                result[other.person, default: []].append(attendance.event)
            }
        }
        for key in result.keys { result[key]!.sort() }
        return result
    }
}
