import MeetGraph

/// Cuts a long normalised text into windows that are analysed one by one, and merges what the
/// windows found into one document's events.
///
/// The analysis of one unit keeps lists that grow with the text (mentions, event name spans) and
/// searches them, so its time grows faster than the text; windows of bounded length keep the whole
/// linear. Texts shorter than one window (every news article) are analysed whole, unchanged.
enum DocumentWindows {
    /// Consecutive ranges covering `scalars`, each at most `length` long. A window ends after the
    /// last line break in its second half, else after the last sentence end there (with a closing
    /// quote or bracket), else after the last comma, colon or space there, else at its length.
    static func ranges(of scalars: [Unicode.Scalar], length: Int) -> [Range<Int>] {
        precondition(length > 0, "a window holds at least one scalar")
        var result: [Range<Int>] = []
        var start = 0
        while start < scalars.count {
            let limit = min(start + length, scalars.count)
            let end = limit == scalars.count ? limit : cut(scalars, from: start, limit: limit)
            result.append(start..<end)
            start = end
        }
        return result
    }

    /// Where the window from `start` ends, at most at `limit` and after its midpoint.
    private static func cut(_ scalars: [Unicode.Scalar], from start: Int, limit: Int) -> Int {
        let floor = start + (limit - start) / 2 + 1
        if let index = lastIndex(in: scalars, from: floor, before: limit, where: { $0 == "\n" }) {
            return index + 1
        }
        if let index = lastIndex(in: scalars, from: floor, before: limit, where: ScalarClass.endsSentence) {
            var end = index + 1
            while end < limit, isClosing(scalars[end]) { end += 1 }
            return end
        }
        if let index = lastIndex(in: scalars, from: floor, before: limit, where: ScalarClass.endsClause) {
            return index + 1
        }
        return limit
    }

    private static func lastIndex(in scalars: [Unicode.Scalar], from floor: Int, before limit: Int,
                                  where matches: (Unicode.Scalar) -> Bool) -> Int? {
        var index = limit - 1
        while index >= floor {
            if matches(scalars[index]) { return index }
            index -= 1
        }
        return nil
    }

    /// A closing quote or bracket, kept with the sentence before it (as ``Layout`` does).
    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "”" || scalar == ")" || scalar == "）" || scalar == "’"
    }

    /// Gathers the events and non-participants of successive windows.
    ///
    /// An event merges into an earlier one of the same kind and written name whose date and time of
    /// day agree (``EventMerging/datesAgree(_:_:with:_:)``; a window's own tracking also merges
    /// a name that ends a longer one, see ``EventMerging``); a participant merges by name: roles
    /// joined, new titles and all evidence appended. Events are numbered again in order.
    struct Merger {
        private var merged: [Event] = []
        /// Indices into ``merged`` by kind and name.
        private var byName: [String: [Int]] = [:]
        /// For each merged event, its participants' indices by name.
        private var participantIndex: [[String: Int]] = []
        private var excluded: [NonParticipant] = []
        private var excludedNames: Set<String> = []

        mutating func add(events: [Event], nonParticipants: [NonParticipant]) {
            for event in events { add(event) }
            for person in nonParticipants where excludedNames.insert(person.name).inserted {
                excluded.append(person)
            }
        }

        private mutating func add(_ event: Event) {
            let key = "\(event.kind.rawValue)\u{1F}\(event.name)"
            let candidates = byName[key] ?? []
            guard let index = candidates.last(where: { Self.compatible(merged[$0], event) }) else {
                byName[key, default: []].append(merged.count)
                participantIndex.append(Dictionary(event.participants.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first }))
                merged.append(event)
                return
            }
            if merged[index].date == nil { merged[index].date = event.date }
            if merged[index].timeOfDay == nil { merged[index].timeOfDay = event.timeOfDay }
            if merged[index].place == nil { merged[index].place = event.place }
            if merged[index].form == nil { merged[index].form = event.form }
            for participant in event.participants {
                guard let at = participantIndex[index][participant.name] else {
                    participantIndex[index][participant.name] = merged[index].participants.count
                    merged[index].participants.append(participant)
                    continue
                }
                // In place: a copy would copy the evidence list, which grows with the text.
                Self.merge(participant, into: &merged[index].participants[at])
            }
        }

        private static func compatible(_ earlier: Event, _ later: Event) -> Bool {
            EventMerging.datesAgree(earlier.date, earlier.timeOfDay, with: later.date, later.timeOfDay)
        }

        private static func merge(_ participant: Participant, into existing: inout Participant) {
            existing.roles.formUnion(participant.roles)
            for title in participant.titles where !existing.titles.contains(title) { existing.titles.append(title) }
            existing.evidence.append(contentsOf: participant.evidence)
        }

        /// The merged events, numbered e1, e2, … in order of first appearance.
        func events() -> [Event] {
            merged.enumerated().map { index, event in
                var event = event
                event.id = "e\(index + 1)"
                return event
            }
        }

        /// The people named in some window without taking part in any event of the document.
        func nonParticipants() -> [NonParticipant] {
            let participants = Set(merged.flatMap { $0.participants.map(\.name) })
            return excluded.filter { !participants.contains($0.name) }
        }
    }
}
