import MeetGraph

// Output: the drafts become the document's events and non-participants.
extension DocumentAnalysis {
    // MARK: Output

    /// Names that say nothing about which meeting it was, as scalars (compared with the text and with names).
    static let bareNames = WordList(resource: "bare-event-names")

    func events() -> [Event] {
        // A title shared by a list (副市长A、B、C) is one range, met by its members one after another:
        // made a String once.
        var lastTitle: (range: Range<Int>, text: String)?
        var result: [Event] = []
        result.reserveCapacity(drafts.count)
        // 立刻就召开了会议: a bare 会议 at which nobody is named tells the reader nothing.
        for draft in drafts where !(draft.participants.isEmpty && Self.bareNames.contains(draft.nameScalars)) {
            var participants: [Participant] = []
            participants.reserveCapacity(draft.participants.count)
            for participant in draft.participants where participant.person >= bylinePeople {
                var roles = participant.roles
                if participant.announcesOnly, roles.contains(.chair) { roles.remove(.speaker) }
                var titles: [String] = []
                titles.reserveCapacity(participant.titles.count)
                for title in participant.titles {
                    if let lastTitle, lastTitle.range == title {
                        titles.append(lastTitle.text)
                    } else {
                        let text = normalized.original(title)
                        lastTitle = (title, text)
                        titles.append(text)
                    }
                }
                participants.append(Participant(name: spelling[participant.person], roles: roles, titles: titles, evidence: participant.evidence))
            }
            result.append(Event(id: "e\(result.count + 1)", kind: draft.kind, name: draft.writtenName, date: draft.date, timeOfDay: draft.timeOfDay,
                                place: draft.place, form: draft.isVideo ? .video : nil, participants: participants))
        }
        return result
    }

    func nonParticipants() -> [NonParticipant] {
        var seen = [Bool](repeating: false, count: spelling.count)
        for draft in drafts { for participant in draft.participants { seen[participant.person] = true } }
        var result: [NonParticipant] = []
        for byline in bylines where !seen[byline.person] {
            seen[byline.person] = true
            result.append(NonParticipant(name: spelling[byline.person], role: byline.reason))
        }
        for person in mentionedPeople + mentions.map(\.person) where !seen[person] {
            seen[person] = true
            result.append(NonParticipant(name: spelling[person], role: .mentioned))
        }
        return result
    }
}
