import MeetGraph

// Numbering people: each name found gets one person number, byline names first.
extension DocumentAnalysis {
    /// Numbers the people named: each name gets one number (byline names first), kept in every
    /// mention and byline name, and its spelling where first written. Mentions of a byline's
    /// name are dropped: reporters and editors do not take part.
    mutating func numberPeople() {
        // The person of each name number (``Mention/name``), or -1.
        var nameCount = 0
        for byline in bylines { nameCount = max(nameCount, byline.name + 1) }
        for mention in mentions { nameCount = max(nameCount, mention.name + 1) }
        var people = [Int](repeating: -1, count: nameCount)
        spelling.reserveCapacity(nameCount)
        // The person named `name`, numbered now if new.
        func personNumber(named name: Int) -> (value: Int, isNew: Bool) {
            if people[name] >= 0 { return (people[name], false) }
            people[name] = spelling.count
            return (spelling.count, true)
        }
        for index in bylines.indices {
            let (person, isNew) = personNumber(named: bylines[index].name)
            bylines[index].person = person
            if isNew { spelling.append(NameForms.written(normalized.originalScalars[normalized.originalRange(bylines[index].range)])) }
        }
        bylinePeople = spelling.count
        for index in mentions.indices {
            let (person, isNew) = personNumber(named: mentions[index].name)
            mentions[index].person = person
            if isNew { spelling.append(NameForms.written(normalized.originalScalars[normalized.originalRange(mentions[index].range)])) }
        }
        mentions.removeAll { $0.person < bylinePeople }
    }
}
