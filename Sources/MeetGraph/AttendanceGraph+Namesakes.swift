extension AttendanceGraph {
    /// The graph with namesakes told apart (issue 14): each person's participations divided by
    /// ``Namesakes/split(_:)`` over the jurisdictions their titles name, a namesake shown as
    /// `张三（甲市）`. The graph itself when no name is borne by several people.
    ///
    /// The store divides its people by the same rule, so `analyze` and a store agree.
    public func separatingNamesakes() -> AttendanceGraph {
        var newName: [Int: String] = [:]  // attendance index → the namesake's name
        var eventTitles: [Int: [[String]]] = [:]
        for person in personIDs {
            var indices: [Int] = []
            forEachAttendance(of: person) { indices.append($0) }
            var places: [Jurisdiction?] = []
            for index in indices {
                let event = attendances[index].event
                let titles = eventTitles[event.index] ?? {
                    let titles = self.attendances(at: event).map(\.titles)
                    eventTitles[event.index] = titles
                    return titles
                }()
                places.append(Namesakes.jurisdiction(titles: attendances[index].titles, eventTitles: titles,
                                                     eventName: events[event.index].name))
            }
            guard places.contains(where: { $0 != nil }) else { continue }
            let split = Namesakes.split(places)
            guard split.isSplit else { continue }
            for (position, index) in indices.enumerated() {
                if let group = split.assignment[position] {
                    newName[index] = Namesakes.qualified(self[person].name, by: identity.nameKey(split.qualifiers[group]))
                }
            }
        }
        guard !newName.isEmpty else { return self }
        var result = AttendanceGraph(identity: identity)
        result.reserveCapacity(people: people.count + newName.count, events: events.count, attendances: attendances.count)
        for node in events { result.addEvent(node) }
        for (index, attendance) in attendances.enumerated() {
            let person = result.addPerson(named: newName[index] ?? self[attendance.person].name, titles: attendance.titles)
            result.attend(person: person, event: attendance.event, roles: attendance.roles, titles: attendance.titles,
                          evidence: attendance.evidence)
        }
        result.reprintKeys = reprintKeys
        result.reprintDocuments = reprintDocuments
        return result
    }
}
