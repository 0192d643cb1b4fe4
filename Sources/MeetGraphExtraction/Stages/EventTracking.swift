import MeetGraph

// Event tracking: which event a sentence is about — a new one, the one being reported, one named again.
extension DocumentAnalysis {
    /// Words that say a meeting was held by video (Resources/video-phrases.txt).
    static let videoWords = WordList(resource: "video-phrases")
    /// 视频, 电视电话 in an event's name: the event was held by video.
    static let videoNameWords = WordList(resource: "video-name-words")
    /// A scalar that every one of ``videoWords`` holds (视), if there is one: a sentence without it
    /// says nothing of video.
    static let scalarInEveryVideoWord: Unicode.Scalar? = videoWords.entries.map { Set($0) }
        .reduce(nil) { (common: Set<Unicode.Scalar>?, word) in common.map { $0.intersection(word) } ?? word }?.min()

    /// Whether the clauses between `mention` and `limit` hold a role verb (X陪同检查,…): without
    /// one (副市长X,召集…,并召开协调会议) the person is the subject of the event that follows.
    func clauseHasRoleVerb(after mention: Mention, before limit: Int) -> Bool {
        var position = mention.range.upperBound
        while position < limit {
            // The mention's own clause, and the list it starts (副省长X,市长Y陪同检查).
            if ScalarClass.endsClause(scalars[position]), !mentionSpans(from: position + 1, in: mention.sentence) { return false }
            if lexicons.roleVerbs.longestMatch(in: scalars, at: position, limit: limit) != nil { return true }
            position += 1
        }
        return false
    }

    /// The event whose name opens the sentence at `range`, followed by 上 (县委常委会会议上,…).
    func eventNamed(atStartOf range: Range<Int>) -> Int? {
        let words = FunctionWords.shared
        var start = range.lowerBound
        if start < range.upperBound, scalars[start] == words.at { start += 1 }
        guard start < range.upperBound else { return nil }
        for index in drafts.indices.reversed() where drafts[index].nameScalars.first == scalars[start] {
            let name = drafts[index].nameScalars
            guard name.count >= 3, scalars.has(name, at: start) else { continue }
            if start + name.count < range.upperBound, scalars[start + name.count] == words.on { return index }
        }
        return nil
    }

    /// For A、B分别主持召开X和Y: each person before 分别 mapped to the event of the same rank among
    /// `events`, when their numbers agree; empty otherwise.
    func respectiveEvents(in range: Range<Int>, mentions indices: Range<Int>, events: [Int]) -> [Int: Int] {
        guard events.count >= 2, let respectively = scalars.find(FunctionWords.shared.respectively, in: range) else { return [:] }
        let before = indices.filter { mentions[$0].range.upperBound <= respectively }
        guard before.count == events.count,
              let first = before.first, !(mentions[first].range.upperBound..<respectively).contains(where: { ScalarClass.endsSentence(scalars[$0]) })
        else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(before, events))
    }

    /// For 甲、乙、丙分别主持召开X座谈会: each person before 分别 chairs a meeting of that name of
    /// their own. The one event of `events` is copied once for every person after the first; the
    /// people are mapped to their event, in order (empty when the sentence is not of this form).
    mutating func eventPerChair(in range: Range<Int>, mentions indices: Range<Int>, events: [Int]) -> [Int: Int] {
        guard events.count == 1, let event = events.first,
              let respectively = scalars.find(FunctionWords.shared.respectively, in: range),
              let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: respectively + 2, limit: range.upperBound),
              verb.value.contains(.chair) else { return [:] }
        let before = indices.filter { mentions[$0].range.upperBound <= respectively }
        guard before.count >= 2, let first = before.first,
              !(mentions[first].range.upperBound..<respectively).contains(where: { ScalarClass.endsSentence(scalars[$0]) }) else { return [:] }
        var result = [first: event]
        for mentionIndex in before.dropFirst() {
            var copy = drafts[event]
            copy.removeAllParticipants()
            drafts.append(copy)
            result[mentionIndex] = drafts.count - 1
        }
        return result
    }

    /// Openings of a sentence that reports what the meeting said (会议指出, 会上强调, 会议号召).
    static let meetingsWords = WordList(resource: "meeting-subjects")
    /// What the meeting did (指出, 强调, 号召), after one of ``meetingsWords``.
    static let meetingsSpeechVerbs = WordList(resource: "meeting-speech-verbs")

    /// Whether the sentence at `range` opens with 会议指出, 会上强调 and the like.
    func reportsTheMeetingsWords(_ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        while start < range.upperBound, !ScalarClass.isIdeograph(scalars[start]) { start += 1 }
        // 会议上强调 as well as 会议强调: every subject that starts here is tried.
        return Self.meetingsWords.matches(at: start, in: scalars).contains { subject in
            Self.meetingsSpeechVerbs.startsWord(at: start + subject.count, in: scalars)
        }
    }

    /// Verbs saying that people went along on an outing named by the verb after them (陪同检查).
    static let joiningVerbs = WordList(resource: "joining-verbs")
    /// Verbs of taking part followed by the event's name (参加座谈会, 参加走访活动).
    static let attendingVerbs = WordList(resource: "attending-verbs")
    /// ``joiningVerbs`` and ``attendingVerbs`` together.
    static let joiningOrAttendingVerbs = joiningVerbs + attendingVerbs

    /// The event that `mention`'s clause names after its verb, when that picks one event out of
    /// several: X陪同检查 or Y一同调研 (the latest visit whose name starts with that verb, even
    /// after another outing was reported); with two events current or just reported, X参加座谈会
    /// or Y参加走访活动 (the one with that keyword).
    mutating func namedEvent(of mention: Mention, current: [Int]) -> [Int]? {
        if let known = namedEventMemo[mention.range.upperBound] { return known.isEmpty ? nil : known }
        // The ends of the names this walk passes before anything is named: walks from there end alike.
        var passed: [Int] = []
        let result = namedEvent(of: mention, current: current, passing: &passed)
        for position in passed { namedEventMemo[position] = result ?? [] }
        return result
    }

    /// ``namedEvent(of:current:)``, noting in `passed` the ends of names crossed while nothing
    /// was named yet.
    private func namedEvent(of mention: Mention, current: [Int], passing passed: inout [Int]) -> [Int]? {
        let end = sentences[mention.sentence].range.upperBound
        // The events a verb of taking part may name: distinct, found when first needed.
        var candidates: [Int]?
        var named: [Int] = []
        var namesTheMeeting = false
        var position = mention.range.upperBound
        // The clause, and the list it starts when names go on after a comma (市长X,副市长Y等参加…).
        while position < end, !ScalarClass.endsClause(scalars[position])
                || mentionEnds(at: position, in: mention.sentence) && mentionSpans(from: position + 1, in: mention.sentence) {
            if named.isEmpty, !namesTheMeeting, position > mention.range.upperBound, mentionEnds(at: position, in: mention.sentence) {
                passed.append(position)
            }
            // Most positions start neither kind of verb: one comparison with their first scalars.
            guard Self.joiningOrAttendingVerbs.mayStart(scalars[position]) else {
                position += 1
                continue
            }
            if let verb = Self.joiningVerbs.longestMatch(at: position, in: scalars) {
                let keywordStart = position + verb.count
                guard let keyword = lexicons.eventKeywords.longestMatch(in: scalars, at: keywordStart, limit: end),
                      keyword.value.isVerb, keyword.value.kind == .visit else { return nil }
                let written = scalars[keywordStart..<(keywordStart + keyword.length)]
                return drafts.indices.last { drafts[$0].kind == .visit && drafts[$0].nameScalars.starts(with: written) }.map { [$0] }
            }
            if let verb = Self.attendingVerbs.longestMatch(at: position, in: scalars) {
                if candidates == nil { candidates = recentEvents(before: mention.sentence, current: current) }
                guard let candidates, candidates.count > 1 else { return nil }
                // 参加调研并出席会议: each verb names its event; a bare 会议 is the meeting being reported.
                var keywordStart = position + verb.count
                while keywordStart < min(end, position + Self.attendedEventReach), !ScalarClass.endsClause(scalars[keywordStart]) {
                    if let keyword = lexicons.eventKeywords.longestMatch(in: scalars, at: keywordStart, limit: end) {
                        let written = Array(scalars[keywordStart..<(keywordStart + keyword.length)])
                        if Self.bareNames.contains(written) {
                            namesTheMeeting = true
                        } else {
                            let matching = candidates.filter {
                                drafts[$0].kind == keyword.value.kind && drafts[$0].nameScalars.find(written, in: drafts[$0].nameScalars.indices) != nil
                            }
                            if matching.count == 1, let event = matching.first, !named.contains(event) { named.append(event) }
                        }
                        keywordStart += keyword.length
                        break
                    }
                    keywordStart += 1
                }
                position = keywordStart
                continue
            }
            position += 1
        }
        // 出席了会议 alone names no event in particular.
        guard !named.isEmpty else { return nil }
        if namesTheMeeting { named += current.filter { drafts[$0].kind == .meeting && !named.contains($0) } }
        return named
    }

    /// How many sentences back an event may be named by 参加/出席 with its keyword.
    static let recentEventReach = 6
    /// How far after 参加/出席 the event's keyword is looked for.
    static let attendedEventReach = 14

    /// The events a verb of taking part may name: the current ones, then those of the last
    /// ``recentEventReach`` sentences, each once.
    private func recentEvents(before sentence: Int, current: [Int]) -> [Int] {
        var found = current
        for index in drafts.indices where (0...Self.recentEventReach).contains(sentence - drafts[index].sentence) && !found.contains(index) {
            found.append(index)
        }
        return found
    }

    /// Adds the event of `trigger` or merges it into an earlier one naming the same event; returns its index.
    mutating func place(_ trigger: EventTrigger, sentence: Int, isHeadline: Bool, date: DateContext?) -> Int {
        // The event's name spans change: a verb inside one is read differently from now on.
        roleMemo.forgetWalks()
        let triggerName = Array(trigger.name.unicodeScalars)
        let isVideo = Self.videoNameWords.occurs(in: triggerName) || sentenceSaysVideo(sentence)
        for index in drafts.indices.reversed() {
            // Read in place, and changed in place below: a copy of the draft would copy its lists.
            func matches(_ draft: borrowing EventDraft) -> (Bool, headlineMatch: Bool) {
                let sameName = EventMerging.sameName(draft.nameScalars, triggerName, sameKind: draft.kind == trigger.kind)
                let datesAgree = EventMerging.datesAgree(draft.date, draft.timeOfDay, with: date?.date, date?.timeOfDay)
                // The article's first mention of the event its headline announced.
                let headlineMatch = draft.fromHeadline && !draft.hasBodyTrigger && !isHeadline && draft.kind == trigger.kind
                    && sentence - draft.sentence <= EventMerging.headlineReach && index == drafts.count - 1
                return ((sameName && datesAgree) || headlineMatch, headlineMatch)
            }
            let (found, headlineMatch) = matches(drafts[index])
            guard found else { continue }
            if triggerName.count < drafts[index].nameScalars.count || drafts[index].nameScalars.isEmpty {
                drafts[index].name = trigger.name
                drafts[index].writtenName = trigger.writtenName
            }
            if drafts[index].date == nil || (headlineMatch && date?.date != nil) { drafts[index].date = date?.date }
            if drafts[index].timeOfDay == nil || (headlineMatch && date?.timeOfDay != nil) { drafts[index].timeOfDay = date?.timeOfDay }
            if drafts[index].place == nil { drafts[index].place = trigger.place }
            if isVideo { drafts[index].isVideo = true }
            if !isHeadline { drafts[index].hasBodyTrigger = true }
            drafts[index].nameSpans.append(trigger.span)
            return index
        }
        drafts.append(EventDraft(kind: trigger.kind, name: trigger.name, writtenName: trigger.writtenName, date: date?.date, timeOfDay: date?.timeOfDay, place: trigger.place,
                                 isVideo: isVideo, fromHeadline: isHeadline, hasBodyTrigger: !isHeadline, sentence: sentence,
                                 nameSpans: [trigger.span]))
        return drafts.count - 1
    }

    func sentenceSaysVideo(_ index: Int) -> Bool {
        let range = sentences[index].range
        // Every video word holds 视: one scan rules out most sentences.
        if let common = Self.scalarInEveryVideoWord { guard scalars[range].contains(common) else { return false } }
        return Self.videoWords.occurs(in: range, of: scalars)
    }
}
