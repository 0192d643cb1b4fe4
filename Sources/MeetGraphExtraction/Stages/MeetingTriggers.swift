import MeetGraph

// Meetings and ceremonies: a noun keyword (会议, 座谈会, 仪式) names an event that took place when a verb or a phrase around it says so (召开…会议, 会议由X主持, 在…会议上强调).
extension EventFinder {
    // The word lists are in Resources/, one file each (named beside each list).
    /// 精神, 期间, 上的讲话 after a name: the event is only referred to.
    static let referenceFollowers = WordList(resource: "reference-followers")
    /// 后召开, 前召开: 会议后召开 names a later meeting; the first one is not only referred to.
    static let conveneAfterwards = WordList(resource: "convene-afterwards")
    /// 召开, 隆重举行, 开幕 after a name: the event took place.
    static let conveneFollowers = WordList(resource: "convene-followers")
    /// 指出, 强调 after a name: the meeting speaks.
    static let speechFollowers = WordList(resource: "speech-followers")
    /// 将于, 拟于, 定于 before a name: the event lies ahead.
    static let futureWords = WordList(resource: "future-words")
    /// 开会: a keyword that says a meeting was held when its clause gives a date.
    static let holdsAMeeting = WordList(resource: "meeting-held-words")
    /// Verbs after “X会议在Y” that say where the meeting took place.
    static let placedVerbs = WordList(resource: "placed-verbs")
    /// A convening verb right before an event's name (召开了…会议, 举行…仪式).
    static let conveningVerbsBeforeNames = WordList(resource: "convening-verbs-before-names")
    /// 本次会议, 该会议: words by which a name refers to the event being reported.
    static let determiners = WordList(resource: "determiners")
    /// How a meeting was held, written between its organiser and 召开 (以视频形式召开).
    static let manners = WordList(resource: "manners")
    /// Adverbs that show the words before 召开 are no organiser (立刻就召开了会议).
    static let adverbs = WordList(resource: "adverbs-before-convening")
    /// Speeches cited after 时的 (审议时的重要讲话).
    static let citedSpeeches = WordList(resource: "cited-speeches")

    // MARK: Meetings and ceremonies

    /// A meeting's name as read around its keyword: where it starts and ends, and the word that
    /// stopped the walk back (召开, 在, 的 …).
    struct MeetingName {
        var hit: KeywordHit
        var sentence: Range<Int>
        var start: Int
        /// Where the name ends: after the keyword, a longer keyword overlapping it, or a bracketed qualifier.
        var end: Int
        var stop: Lexicons.NameStop
        var stopStart: Int
        var atClauseStart: Bool
        /// The first scalar after the name that is not a space.
        var next: Int
    }

    /// The event that the noun keyword `hit` names, if one took place.
    func nounTrigger(_ hit: KeywordHit, sentence: Range<Int>, mentionsInSentence: [Mention],
                     previousWasEvent: Bool) -> EventTrigger? {
        let end = nameEnd(after: hit, sentence: sentence)
        let (start, stop, stopStart, atClauseStart) = nameStart(keyword: hit.range.lowerBound, sentence: sentence, mentionsInSentence: mentionsInSentence)
        var next = end
        while next < sentence.upperBound, ScalarClass.isSpace(scalars[next]) { next += 1 }
        var name = MeetingName(hit: hit, sentence: sentence, start: start, end: end, stop: stop, stopStart: stopStart,
                               atClauseStart: atClauseStart, next: next)
        // Referred to: its 精神 is conveyed, or a speech given at it (“在…大会上的讲话”).
        if followedBy(Self.referenceFollowers, name) && !followedBy(Self.conveneAfterwards, name) { return nil }
        // 召开传达学习…精神大会, 召开学习贯彻…专题会议: the 传达/学习 words are part of the name of a
        // meeting that a convening verb before them says took place.
        if name.stop == .reference, let verbStart = conveningVerb(before: name.stopStart, keyword: hit.range.lowerBound, sentence: sentence) {
            name.stop = .trigger
            name.start = verbStart
        }
        // 出席港区代表团的会议: the event that an attending verb names, with its owner before 的.
        if name.stop == .of, let verb = attendingVerb(beforeModifier: name.stopStart, sentence: sentence, mentionsInSentence: mentionsInSentence) {
            name.stop = .trigger
            name.start = verb.upperBound
            name.stopStart = verb.lowerBound
        }
        if isFuture(before: hit.range.lowerBound, sentence: sentence) || name.stop == .reference { return nil }
        // 在参加…会议…审议时的重要讲话: a speech given at it is cited.
        if citesASpeechGivenThere(after: end, sentence: sentence) { return nil }
        guard let occurrence = occurrence(of: name, previousWasEvent: previousWasEvent) else { return nil }
        return trigger(named: name, chairedBy: occurrence.chairedBy, place: occurrence.place, mentionsInSentence: mentionsInSentence)
    }

    /// Whether one of `words` follows `name`, past spaces.
    private func followedBy(_ words: WordList, _ name: MeetingName) -> Bool {
        words.startsWord(at: name.next, in: scalars)
    }

    /// Whether `scalar` follows `name`, past spaces.
    private func followedBy(_ scalar: Unicode.Scalar, _ name: MeetingName) -> Bool {
        name.next < scalars.count && scalars[name.next] == scalar
    }

    /// Where a name whose keyword is `hit` ends: after a longer keyword overlapping it (交办会 +
    /// 会议 → 交办会议) and a bracketed qualifier (党组(扩大)会议, 会议(扩大)).
    private func nameEnd(after hit: KeywordHit, sentence: Range<Int>) -> Int {
        var end = hit.range.upperBound
        // 中心组学习会: one that overlaps by two (中心组学习 + 学习会).
        for back in 1...2 where end < sentence.upperBound && end - back > hit.range.lowerBound {
            if let overlap = eventKeywords.longestMatch(in: scalars, at: end - back, limit: sentence.upperBound),
               overlap.length > back, !overlap.value.isVerb {
                end = end - back + overlap.length
                break
            }
        }
        if end < sentence.upperBound, scalars[end] == "(" || scalars[end] == "（",
           let close = scalars[end...].prefix(Self.qualifierReach).firstIndex(where: { $0 == ")" || $0 == "）" }) {
            end = close + 1
        }
        return end
    }

    /// How far a bracketed qualifier after a keyword may reach.
    static let qualifierReach = 6
    /// How far after 上 (在…会议上强调) the speech verb that shows the meeting took place is looked for.
    static let speechAtMeetingReach = 12
    /// The longest place in 会议在X举行.
    static let longestPlace = 15

    /// Whether the words around `name` say the event took place (召开…会议, 会议由X主持,
    /// X会议在Y举行), with what they say: chaired by someone (the event being reported), a place.
    private func occurrence(of name: MeetingName, previousWasEvent: Bool) -> (chairedBy: Bool, place: String?)? {
        if tookPlaceByItsStop(name, previousWasEvent: previousWasEvent) { return (false, nil) }
        // 签署仪式由X主持, 会议由X主持: the event took place; it is the one being reported if there is one.
        if followedBy("由", name) { return (true, nil) }
        // X会议召开 / X会议在Y举行 / 开幕, maybe with a date between (X仪式11日在Y举行).
        let after = name.end
        let rest = name.sentence.upperBound
        let next = pastDate(from: name.next, limit: rest)
        if Self.conveneFollowers.startsWord(at: next, in: scalars) {
            // 市人大常委会举行…新闻发布会: the keyword names the organiser of another event.
            if !organisesAnotherEvent(after: after, before: rest) { return (false, nil) }
        } else if next < rest, scalars[next] == FunctionWords.shared.at {
            let clauseEnd = scalars[next..<rest].firstIndex(where: { ScalarClass.endsClause($0) }) ?? rest
            if let verbAt = Self.placedVerbs.firstFound(in: next..<clauseEnd, of: scalars)?.start {
                // 某常委会4日在北京举行第136次委员长会议: the keyword names the organiser.
                if organisesAnotherEvent(after: verbAt, before: rest) { return nil }
                var placeEnd = verbAt
                if scalars.has("隆重", endingAt: placeEnd) { placeEnd -= 2 }
                let placeText = placeEnd > next + 1 ? original((next + 1)..<placeEnd) : ""
                return (false, !placeText.isEmpty && placeText.unicodeScalars.count <= Self.longestPlace ? placeText : nil)
            }
        }
        // 5月15日,X会议表决通过…: a dated clause whose subject is the meeting.
        if name.atClauseStart, name.stop == .plain || name.stop == .date, name.start > name.sentence.lowerBound,
           clauseIsDate(endingAt: name.start - 1, sentence: name.sentence), !followedBy(Self.speechFollowers, name) {
            return (false, nil)
        }
        // 某市政府第2122次市政会议 on a line of its own: the title of that session's minutes or report.
        if namesASessionOnItsOwnLine(name) { return (false, nil) }
        // 某县政府第11次主管周报,县长某某主持: a meeting opening its sentence, chaired or attended in
        // the clauses after it.
        if name.atClauseStart, followedBy(",", name) || followedBy("，", name), chairedOrAttendedLater(in: name) { return (false, nil) }
        // 湖北也在29日开会: 开会 says a meeting was held when its clause gives a date.
        let keyword = name.hit.range.lowerBound
        if Self.holdsAMeeting.startsWord(at: keyword, in: scalars) {
            var clauseStart = keyword
            while clauseStart > name.sentence.lowerBound, !ScalarClass.endsClause(scalars[clauseStart - 1]) { clauseStart -= 1 }
            if !DateReader.phrases(in: scalars, range: clauseStart..<keyword).isEmpty { return (false, nil) }
        }
        return nil
    }

    /// Whether the word that stopped the walk back over `name` says the event took place: 召开
    /// (also 召开了…), 在…会议上 with a speech verb after it, 和 after an event.
    private func tookPlaceByItsStop(_ name: MeetingName, previousWasEvent: Bool) -> Bool {
        switch name.stop {
        case .trigger:
            return true
        case .of:
            // 了 between the verb and the name: 召开了…会议.
            guard scalars[name.stopStart] == FunctionWords.shared.perfective,
                  let verb = nameStops.longestMatch(in: scalars, backwardsFrom: name.stopStart, notBefore: name.sentence.lowerBound) else { return false }
            return verb.value == .trigger
        case .at:
            // 在…会议上强调: a speech at the meeting shows it took place; 於行政院會強調: right after it.
            let after = name.end
            let rest = name.sentence.upperBound
            guard after < rest else { return false }
            guard followedBy(FunctionWords.shared.on, name) else {
                return lexicons.roleVerbs.longestMatch(in: scalars, at: after, limit: rest)?.value.contains(.speaker) ?? false
            }
            var index = after + 1
            while index < min(rest, after + Self.speechAtMeetingReach) {
                if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: rest), !verb.value.isEmpty { return true }
                if ScalarClass.endsSentence(scalars[index]) { return false }
                index += 1
            }
            return false
        case .and:
            return previousWasEvent
        case .reference, .plain, .date:
            return false
        }
    }

    /// The trigger of an event that took place, named `name`: whether it refers back to the event
    /// being reported (参加会议, 本次会议, 会议由X主持), and its name with the organiser when that is
    /// the subject of 召开/举行 (市委常委会召开扩大会议 → 市委常委会扩大会议).
    private func trigger(named name: MeetingName, chairedBy: Bool, place: String?, mentionsInSentence: [Mention]) -> EventTrigger {
        let (start, end, hit) = (name.start, name.end, name.hit)
        // 参加会议, 本次会议: the bare keyword refers back to the event being reported.
        let conveningVerb = Self.conveningVerbsBeforeNames.longestMatch(endingAt: start, in: scalars)
        let convenes = conveningVerb != nil || Self.holdsAMeeting.startsWord(at: hit.range.lowerBound, in: scalars)
        // The keyword (unified ideographs) spells the same string as the name only when it is the name.
        let isBareKeyword = start == hit.range.lowerBound && end == hit.range.upperBound
        var refersBack = chairedBy || (isBareKeyword && !convenes)
        if !refersBack {
            var nameText: String?
            refersBack = Self.determiners.contains { determiner in
                guard !differsAtAnIdeograph(determiner, from: start, to: end) else { return false }
                if nameText == nil { nameText = scalars.string(start..<end) }
                return nameText?.hasPrefix(determiner, writtenAt: start, in: scalars) == true
            }
        }
        var span = start..<end
        var text = ""
        let normalizedName: String
        if let conveningVerb, name.stop == .trigger || name.stop == .of,
           let subject = organiser(before: start - conveningVerb.count, sentence: name.sentence, mentionsInSentence: mentionsInSentence) {
            // Matched on scalars: Foundation's String.contains and replacingOccurrences cost more than the rest of the trigger.
            normalizedName = String(scalars: Self.conveningVerbs.removingAll(from: Array(scalars[subject] + scalars[start..<end])))
            appendWrittenName(of: subject, to: &text)
            appendWrittenName(of: start..<end, to: &text)
            span = subject.lowerBound..<end
        } else {
            appendWrittenName(of: start..<end, to: &text)
            if Self.conveningVerbs.occurs(in: start..<end, of: scalars) {
                normalizedName = String(scalars: Self.conveningVerbs.removingAll(from: Array(scalars[start..<end])))
            } else if text.unicodeScalars.elementsEqual(scalars[start..<end]) {
                // Written as normalised (most names): the same String serves as both, built once.
                normalizedName = text
            } else {
                normalizedName = scalars.string(start..<end)
            }
        }
        let place = place ?? placeBeforeVerb(stopStart: name.stopStart, sentence: name.sentence, stop: name.stop)
        return EventTrigger(kind: hit.keyword.kind, name: normalizedName, writtenName: text, span: span, place: place,
                            keyword: hit.range.lowerBound, refersBack: refersBack)
    }

    /// Whether the text from `start` (before `end`) surely does not begin with `word`, a word of
    /// unified ideographs: its scalars first differ where the text has a unified ideograph. Such an
    /// ideograph is a character of its own with no other spelling, so the String comparison
    /// (``Swift/String/hasPrefix(_:writtenAt:in:)``) would answer false too; any other case is left to it.
    func differsAtAnIdeograph(_ word: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        for (offset, scalar) in word.enumerated() {
            let position = start + offset
            guard position < end else { return false }
            let written = scalars[position]
            if written == scalar { continue }
            let value = written.value
            return (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
        }
        return false
    }

    /// Walks back from the keyword at `keyword` to where the event's name starts: at a clause's
    /// start, after a mention, or after a name stop (召开, 在, 的 …), which is returned with where it starts.
    func nameStart(keyword: Int, sentence: Range<Int>, mentionsInSentence: [Mention])
        -> (start: Int, stop: Lexicons.NameStop, stopStart: Int, atClauseStart: Bool) {
        var start = keyword
        var stop: Lexicons.NameStop = .plain
        var stopStart = start
        var atClauseStart = false
        while start > sentence.lowerBound, keyword - start < 45 {
            let scalar = scalars[start - 1]
            if ScalarClass.endsClause(scalar) || scalar == ScalarClass.enumerationComma {
                atClauseStart = true
                break
            }
            if mentionEnds[start], mentionsInSentence.contains(where: { $0.range.upperBound == start }) {
                stop = .plain
                break
            }
            if let match = nameStops.longestMatch(in: scalars, backwardsFrom: start, notBefore: sentence.lowerBound),
               !lexicons.stopIsInsideWord(start - match.length..<start, in: scalars, lowerBound: 0, upperBound: keyword) {
                stop = match.value
                stopStart = start - match.length
                break
            }
            start -= 1
        }
        if start == sentence.lowerBound { atClauseStart = true }
        return (start, stop, stopStart, atClauseStart)
    }

    /// The organisation written as the subject before 召开/举行 (“市疫情防控指挥部以视频形式召开”).
    func organiser(before verbStart: Int, sentence: Range<Int>, mentionsInSentence: [Mention]) -> Range<Int>? {
        var start = verbStart
        while start > sentence.lowerBound, !ScalarClass.endsClause(scalars[start - 1]), scalars[start - 1] != ScalarClass.enumerationComma {
            start -= 1
        }
        var end = verbStart
        if let manner = Self.manners.longestMatch(endingAt: end, in: scalars) { end -= manner.count }
        // An adverb before the verb is not part of the organiser: 中心组又进行了集体学习.
        while end > start, "又也还再即".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
        // Drop a place or time: 在北京, 今天.
        guard end - start >= 2, end - start <= 20 else { return nil }
        let subject = start..<end
        if mentionsInSentence.contains(where: { $0.range.overlaps(subject) }) { return nil }
        if scalars[start] == "我" || scalars[start] == FunctionWords.shared.at { return nil }
        // 立刻就召开了会议, 已经召开了会议: adverbs, not an organiser.
        if Self.adverbs.occurs(in: subject, of: scalars) { return nil }
        if subject.contains(where: { ScalarClass.isDigit(scalars[$0]) || ScalarClass.isPunctuation(scalars[$0]) }) { return nil }
        if subject.contains(where: { scalars[$0] == FunctionWords.shared.at || scalars[$0] == "日" }) { return nil }
        return subject
    }


    /// The place in “在X召开”, read before the verb that stopped the name.
    func placeBeforeVerb(stopStart: Int, sentence: Range<Int>, stop: Lexicons.NameStop) -> String? {
        guard stop == .trigger else { return nil }
        var index = stopStart - 1
        while index > max(sentence.lowerBound, stopStart - 16) {
            if ScalarClass.endsClause(scalars[index]) { return nil }
            if scalars[index] == FunctionWords.shared.at {
                let text = original((index + 1)..<stopStart)
                return text.isEmpty || mentions.contains(where: { $0.range.contains(index + 1) }) ? nil : text
            }
            index -= 1
        }
        return nil
    }

    /// Whether the clause before `index` holds only a date and time (“5月15日,”).
    func clauseIsDate(endingAt index: Int, sentence: Range<Int>) -> Bool {
        var start = index
        while start > sentence.lowerBound, !ScalarClass.endsClause(scalars[start - 1]) { start -= 1 }
        guard index > start else { return false }
        let phrases = DateReader.phrases(in: scalars, range: start..<index)
        guard let last = phrases.last else { return false }
        return last.range.upperBound >= index - 1
    }

    /// Where a name starts when a convening verb (召开, 举行, optionally with 了) stands before the
    /// reference words at `position` within the clause, with no other event keyword in between:
    /// the offset just after the verb.
    func conveningVerb(before position: Int, keyword: Int, sentence: Range<Int>) -> Int? {
        var probe = position
        while probe > sentence.lowerBound, keyword - probe < 30 {
            if ScalarClass.endsClause(scalars[probe - 1]) { return nil }
            if let stop = nameStops.longestMatch(in: scalars, backwardsFrom: probe, notBefore: sentence.lowerBound) {
                switch stop.value {
                case .trigger:
                    return Self.conveningVerbs.endsWord(at: probe, in: scalars) ? probe : nil
                case .of where scalars[probe - 1] == FunctionWords.shared.perfective:
                    return Self.conveningVerbs.endsWord(at: probe - 1, in: scalars) ? probe : nil
                case .reference:
                    probe -= stop.length
                    continue
                default:
                    return nil
                }
            }
            if eventKeywordsBackwards.longestMatch(in: scalars, backwardsFrom: probe, notBefore: sentence.lowerBound) != nil { return nil }
            probe -= 1
        }
        return nil
    }

    /// The attending verb (出席, 参加, 列席) that the words before the modifier 的 at `modifier`
    /// follow in the same clause: 出席[港区代表团]的会议. None where a person is named between,
    /// another event's keyword stands between, or the owner is shorter than two characters.
    func attendingVerb(beforeModifier modifier: Int, sentence: Range<Int>, mentionsInSentence: [Mention]) -> Range<Int>? {
        guard scalars[modifier] == FunctionWords.shared.of else { return nil }
        var probe = modifier
        while probe > sentence.lowerBound, modifier - probe < 20 {
            if ScalarClass.endsClause(scalars[probe - 1]) || scalars[probe - 1] == ScalarClass.enumerationComma { return nil }
            if let verb = DocumentAnalysis.attendingVerbs.longestMatch(endingAt: probe, in: scalars) {
                let owner = probe..<modifier
                guard owner.count >= 2, !mentionsInSentence.contains(where: { $0.range.overlaps(owner) }) else { return nil }
                return (probe - verb.count)..<probe
            }
            if eventKeywordsBackwards.longestMatch(in: scalars, backwardsFrom: probe, notBefore: sentence.lowerBound) != nil { return nil }
            probe -= 1
        }
        return nil
    }

    /// Whether the clause after a meeting's name cites what someone said there (…审议时的重要讲话).
    func citesASpeechGivenThere(after position: Int, sentence: Range<Int>) -> Bool {
        var index = position
        while index < min(sentence.upperBound, position + 24), !ScalarClass.endsClause(scalars[index]) {
            if scalars.has(Self.whenOf, at: index), Self.citedSpeeches.startsWord(at: index + Self.whenOf.count, in: scalars) {
                return true
            }
            index += 1
        }
        return false
    }

    /// 时的: “when”, before a speech given at the meeting (审议时的重要讲话).
    static let whenOf: [Unicode.Scalar] = Array("时的".unicodeScalars)

    /// Whether the event lies in the future: 将于, 即将, 拟于, 定于, 计划 before it in the sentence.
    func isFuture(before index: Int, sentence: Range<Int>) -> Bool {
        let lower = max(sentence.lowerBound, index - 25)
        return lower < index && Self.futureWords.occurs(in: lower..<index, of: scalars)
    }
}
