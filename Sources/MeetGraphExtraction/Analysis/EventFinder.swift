import MeetGraph

/// A place in a sentence that says an event took place (“主持召开X会议”, “X会议召开”, “到Y调研”).
struct EventTrigger: Sendable {
    var kind: EventKind
    /// The event's name in normalised form (召开/举行 removed), used to recognise the same event.
    var name: String
    /// The name as written in the source.
    var writtenName: String
    /// Normalised offsets of the written name (keyword included), masked when looking for verbs.
    var span: Range<Int>
    var place: String?
    /// Offset of the keyword, which orders the triggers of one sentence.
    var keyword: Int
    /// 出席会议, 主持会议: the bare keyword, which refers to the event being reported when there is one.
    var refersBack = false
    /// For a visit or reception: the person named before the verb (their ``Mention/person`` number).
    var leader: Int?
    /// Where the clause that reports the event starts: people named in earlier clauses of the
    /// sentence belong to the event reported before (副省长X陪同检查,市委书记Y到驻地看望检查组).
    var clauseStart = 0
    /// Where the visit's leader is named.
    var leaderStart: Int?
}

/// Finds event triggers in sentences.
struct EventFinder {
    // The word lists are in Resources/, one file each (named beside each list).
    /// 精神, 期间, 上的讲话 after a name: the event is only referred to.
    private static let referenceFollowers = WordList(resource: "reference-followers")
    /// 后召开, 前召开: 会议后召开 names a later meeting; the first one is not only referred to.
    private static let conveneAfterwards = WordList(resource: "convene-afterwards")
    /// 召开, 隆重举行, 开幕 after a name: the event took place.
    private static let conveneFollowers = WordList(resource: "convene-followers")
    /// 指出, 强调 after a name: the meeting speaks.
    private static let speechFollowers = WordList(resource: "speech-followers")
    /// 将于, 拟于, 定于 before a name: the event lies ahead.
    private static let futureWords = WordList(resource: "future-words")
    /// 召开 and 举行: removed from an event's name, and looked for before a name holding 传达/学习 words.
    private static let conveningVerbs = WordList(resource: "convening-verbs")
    /// 调研组, 考察团, 慰问金: a visit verb that is part of a noun.
    private static let nounFollowers = WordList(resource: "visit-noun-followers")
    /// 纪录, 纪要, 议事录: after a session's name in the title of its minutes.
    private static let minutesTitles = WordList(resource: "minutes-titles")
    /// 开会: a keyword that says a meeting was held when its clause gives a date.
    private static let holdsAMeeting = WordList(resource: "meeting-held-words")
    /// Verbs after “X会议在Y” that say where the meeting took place.
    private static let placedVerbs = WordList(resource: "placed-verbs")
    /// A convening verb right before an event's name (召开了…会议, 举行…仪式).
    private static let conveningVerbsBeforeNames = WordList(resource: "convening-verbs-before-names")
    /// 本次会议, 该会议: words by which a name refers to the event being reported.
    private static let determiners = WordList(resource: "determiners")
    /// 陪同调研, 参加慰问: people joining the outing being reported.
    private static let joiningWords = WordList(resource: "joining-words")
    /// 来到: “came to”, before a place and the verb that names the outing.
    private static let cameTo = WordList(resource: "came-to")
    /// Words between a visitor and the verb that show the clause reports a meeting, not an outing.
    private static let meetingWords = WordList(resource: "meeting-words")
    /// Words before a visit's place (到, 前往, 深入到); earlier lines win.
    private static let placeWords = WordList(resource: "place-words")
    /// How a meeting was held, written between its organiser and 召开 (以视频形式召开).
    private static let manners = WordList(resource: "manners")
    /// Adverbs that show the words before 召开 are no organiser (立刻就召开了会议).
    private static let adverbs = WordList(resource: "adverbs-before-convening")
    /// Speeches cited after 时的 (审议时的重要讲话).
    private static let citedSpeeches = WordList(resource: "cited-speeches")

    let scalars: [Unicode.Scalar]
    let mentions: [Mention]
    /// The source text of a normalised range, as written (traditional characters stay traditional).
    let original: (Range<Int>) -> String
    /// For each offset, whether some mention ends there: lets the walk back over a meeting's name
    /// skip the search of the sentence's mentions at almost every offset.
    private let mentionEnds: [Bool]

    /// A finder over the normalised `scalars` of a document and the `mentions` found in it.
    init(scalars: [Unicode.Scalar], mentions: [Mention], original: @escaping (Range<Int>) -> String) {
        self.scalars = scalars
        self.mentions = mentions
        self.original = original
        eventKeywords = Lexicons.shared.eventKeywords
        eventKeywordsBackwards = Lexicons.shared.eventKeywordsBackwards
        nameStops = Lexicons.shared.nameStopsBackwards
        var mentionEnds = [Bool](repeating: false, count: scalars.count + 1)
        for mention in mentions where mention.range.upperBound >= 0 && mention.range.upperBound <= scalars.count {
            mentionEnds[mention.range.upperBound] = true
        }
        self.mentionEnds = mentionEnds
    }
    /// The shared lexicons, read in place (a stored copy would retain each of their tables every time this finder is copied).
    var lexicons: Lexicons { Lexicons.shared }
    /// The lexicons read at many offsets, stored: reading them through ``lexicons`` costs an
    /// access to the shared value (and a retain of the tables used) at each offset.
    private let eventKeywords: ScalarTrie<Lexicons.EventKeyword>
    /// ``eventKeywords`` spelled backwards, for the keyword ending at an offset.
    private let eventKeywordsBackwards: ScalarTrie<Lexicons.EventKeyword>
    /// The name stops spelled backwards (``Lexicons/nameStopsBackwards``): they are only looked
    /// up as the word ending at an offset, found in one walk.
    private let nameStops: ScalarTrie<Lexicons.NameStop>

    /// Appends the written text of `range` to `result`, without the verbs 召开 and 举行
    /// (“市委常委会召开扩大会议” → 市委常委会扩大会议).
    private func appendWrittenName(of range: Range<Int>, to result: inout String) {
        var pieceStart = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if let verb = Self.conveningVerbs.longestMatch(at: index, in: scalars, limit: range.upperBound) {
                if index > pieceStart { result += original(pieceStart..<index) }
                index += verb.count
                pieceStart = index
                continue
            }
            index += 1
        }
        if range.upperBound > pieceStart { result += original(pieceStart..<range.upperBound) }
    }

    private struct KeywordHit {
        var range: Range<Int>
        var keyword: Lexicons.EventKeyword
    }

    /// The triggers in `sentence`, in order.
    func triggers(in sentence: Sentence, mentionsInSentence: [Mention]) -> [EventTrigger] {
        let range = sentence.range
        // Nouns are read as they are found (each needs only whether the one before named an
        // event); verbs are read once all are known. Only the nouns that name events are kept.
        var nounEvents: [EventTrigger] = []
        var previousWasEvent = false
        var verbs: [KeywordHit] = []
        var position = range.lowerBound
        var bookTitleDepth = 0
        // Read at every offset: kept in a local rather than read through the stored trie each time.
        let keywordStarts = eventKeywords.startFilter
        while position < range.upperBound {
            let scalar = scalars[position]
            // 《关于召开…大会的请示》: a keyword inside a document's title is no event.
            // (…委员会第三次会议、…) after an event's name lists what it also counts as, not new events.
            if !ScalarClass.isIdeograph(scalar) {
                if scalar == "《" || (scalar == "(" && !isShortQualifier(at: position, limit: range.upperBound)) { bookTitleDepth += 1 }
                if scalar == "》" || scalar == ")" { bookTitleDepth = max(0, bookTitleDepth - 1) }
            }
            if bookTitleDepth > 0 || !keywordStarts.mayContain(scalar) {
                position += 1
                continue
            }
            if let match = eventKeywords.longestMatch(in: scalars, at: position, limit: range.upperBound) {
                let hit = KeywordHit(range: position..<(position + match.length), keyword: match.value)
                if match.value.isVerb {
                    verbs.append(hit)
                } else {
                    let trigger = nounTrigger(hit, sentence: range, mentionsInSentence: mentionsInSentence, previousWasEvent: previousWasEvent)
                    previousWasEvent = trigger != nil
                    if let trigger { nounEvents.append(trigger) }
                }
                position += match.length
            } else {
                position += 1
            }
        }
        // A keyword inside a longer name (市委常委会 inside 市委常委会扩大会议) is not an event of its
        // own. (Read by index, so that the check reads spans without copying triggers; a single
        // event is kept as it is, without a second array.)
        var result: [EventTrigger]
        if nounEvents.count < 2 {
            result = nounEvents
        } else {
            result = []
            for index in nounEvents.indices {
                let span = nounEvents[index].span
                let subsumed = nounEvents.indices.contains { other in
                    other != index && nounEvents[other].span.lowerBound <= span.lowerBound && nounEvents[other].span.upperBound > span.upperBound
                }
                if !subsumed { result.append(nounEvents[index]) }
            }
        }
        if !verbs.isEmpty, let visit = verbTrigger(verbs, sentence: range, mentionsInSentence: mentionsInSentence) {
            // 带队走访市政府机关,…并召开座谈会: an outing told before a meeting in the same sentence
            // is an event of its own; a visit verb after the meeting describes it.
            if result.isEmpty {
                result.append(visit)
            } else if result.allSatisfy({ $0.keyword > visit.span.upperBound && !$0.refersBack }) {
                result.insert(visit, at: 0)
            }
        }
        for index in result.indices {
            let anchor = result[index].leaderStart ?? result[index].span.lowerBound
            var start = anchor
            while start > range.lowerBound, !ScalarClass.endsClause(scalars[start - 1]) || ScalarClass.isSpace(scalars[start - 1]) { start -= 1 }
            result[index].clauseStart = start
        }
        return result
    }

    /// Whether `range` names one numbered session: 第N次, also after 第N届 (第375次主管会报), with
    /// digits or Chinese numerals.
    private func namesANumberedSession(_ range: Range<Int>) -> Bool {
        range.contains { ordinal in
            guard scalars[ordinal] == "第", let (_, end) = DateReader.readNumber(scalars, at: ordinal + 1, limit: range.upperBound) else { return false }
            return end < range.upperBound && scalars[end] == "次"
        }
    }

    /// Whether the bracket at `position` holds a short qualifier such as (扩大), part of a name.
    private func isShortQualifier(at position: Int, limit: Int) -> Bool {
        var index = position + 1
        while index < min(limit, position + 6) {
            if scalars[index] == ")" { return true }
            index += 1
        }
        return false
    }

    // MARK: Meetings and ceremonies

    /// The event that the noun keyword `hit` names, if one took place.
    private func nounTrigger(_ hit: KeywordHit, sentence: Range<Int>, mentionsInSentence: [Mention],
                             previousWasEvent: Bool) -> EventTrigger? {
        var end = hit.range.upperBound
        // 交办会议: a keyword that overlaps the next one (交办会 + 会议) ends with the longer.
        // 中心组学习会: one that overlaps by two (中心组学习 + 学习会).
        for back in 1...2 where end < sentence.upperBound && end - back > hit.range.lowerBound {
            if let overlap = eventKeywords.longestMatch(in: scalars, at: end - back, limit: sentence.upperBound),
               overlap.length > back, !overlap.value.isVerb {
                end = end - back + overlap.length
                break
            }
        }
        // 党组(扩大)会议 and 会议(扩大): keep a bracketed qualifier that follows the keyword.
        if end < sentence.upperBound, scalars[end] == "(" || scalars[end] == "（",
           let close = scalars[end...].prefix(6).firstIndex(where: { $0 == ")" || $0 == "）" }) {
            end = close + 1
        }
        var (start, stop, stopStart, atClauseStart) = nameStart(keyword: hit.range.lowerBound, sentence: sentence, mentionsInSentence: mentionsInSentence)
        var span = start..<end
        let after = end
        let rest = sentence.upperBound

        // What follows the name, past spaces (a constant, so that the functions below read it
        // without an access check).
        var firstAfterSpaces = after
        while firstAfterSpaces < rest, ScalarClass.isSpace(scalars[firstAfterSpaces]) { firstAfterSpaces += 1 }
        let next = firstAfterSpaces
        let nextScalar = next < scalars.count ? scalars[next] : nil
        // Whether one of `words` follows the name.
        func followedBy(_ words: WordList) -> Bool {
            words.startsWord(at: next, in: scalars)
        }
        func followedBy(_ scalar: Unicode.Scalar) -> Bool {
            nextScalar == scalar
        }

        // Referred to: its 精神 is conveyed, or a speech given at it (“在…大会上的讲话”).
        if followedBy(Self.referenceFollowers) && !followedBy(Self.conveneAfterwards) {
            return nil
        }
        // 召开传达学习…精神大会, 召开学习贯彻…专题会议: the 传达/学习 words are part of the name of a
        // meeting that a convening verb before them says took place.
        if stop == .reference, let verbStart = conveningVerb(before: stopStart, keyword: hit.range.lowerBound, sentence: sentence) {
            stop = .trigger
            start = verbStart
            span = start..<end
        }
        if isFuture(before: hit.range.lowerBound, sentence: sentence) || stop == .reference { return nil }
        // 在参加…会议…审议时的重要讲话: a speech given at it is cited.
        if citesASpeechGivenThere(after: end, sentence: sentence) { return nil }
        var place: String?
        var tookPlace = false
        switch stop {
        case .trigger:
            tookPlace = true
            // 了 between the verb and the name: 召开了…会议.
        case .of:
            if scalars.has("了", endingAt: stopStart + 1),
               let verb = nameStops.longestMatch(in: scalars, backwardsFrom: stopStart, notBefore: sentence.lowerBound),
               verb.value == .trigger {
                tookPlace = true
            }
        case .at:
            // 在…会议上强调: a speech at the meeting shows it took place.
            if followedBy("上"), let verbAt = scalars[after..<rest].firstIndex(where: { _ in true }) {
                var index = verbAt + 1
                while index < min(rest, verbAt + 12) {
                    if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: rest), !verb.value.isEmpty {
                        tookPlace = true
                        break
                    }
                    if ScalarClass.endsSentence(scalars[index]) { break }
                    index += 1
                }
            }
        case .and:
            tookPlace = previousWasEvent
        case .reference, .plain, .date:
            break
        }
        // 签署仪式由X主持, 会议由X主持: the event took place; it is the one being reported if there is one.
        var chairedBy = false
        if !tookPlace, followedBy("由") {
            tookPlace = true
            chairedBy = true
        }
        // X会议召开 / X会议在Y举行 / 开幕.
        if !tookPlace {
            if followedBy(Self.conveneFollowers) {
                // 市人大常委会举行…新闻发布会: the keyword names the organiser of another event.
                let clauseEnd = scalars[after..<rest].firstIndex(where: { ScalarClass.endsClause($0) }) ?? rest
                var organises = false
                var index = after + 2
                while index < clauseEnd {
                    if let other = eventKeywords.longestMatch(in: scalars, at: index, limit: clauseEnd), !other.value.isVerb {
                        organises = true
                        break
                    }
                    index += 1
                }
                tookPlace = !organises
            } else if followedBy("在") {
                let clauseEnd = scalars[after..<rest].firstIndex(where: { ScalarClass.endsClause($0) }) ?? rest
                if let verbAt = Self.placedVerbs.firstFound(in: after..<clauseEnd, of: scalars)?.start {
                        tookPlace = true
                        var placeEnd = verbAt
                        if scalars.has("隆重", endingAt: placeEnd) { placeEnd -= 2 }
                        let placeText = placeEnd > after + 1 ? original((after + 1)..<placeEnd) : ""
                        if !placeText.isEmpty, placeText.unicodeScalars.count <= 15 { place = placeText }
                }
            }
        }
        // 5月15日,X会议表决通过…: a dated clause whose subject is the meeting.
        if !tookPlace, atClauseStart, stop == .plain || stop == .date, start > sentence.lowerBound,
           clauseIsDate(endingAt: start - 1, sentence: sentence), !followedBy(Self.speechFollowers) {
            tookPlace = true
        }
        // 湖北也在29日开会: 开会 says a meeting was held when its clause gives a date.
        if !tookPlace, Self.holdsAMeeting.startsWord(at: hit.range.lowerBound, in: scalars) {
            var clauseStart = hit.range.lowerBound
            while clauseStart > sentence.lowerBound, !ScalarClass.endsClause(scalars[clauseStart - 1]) { clauseStart -= 1 }
            tookPlace = !DateReader.phrases(in: scalars, range: clauseStart..<hit.range.lowerBound).isEmpty
        }
        // 某市政府第2122次市政会议 on a line of its own: the title of that session's minutes or report.
        if !tookPlace, start - sentence.lowerBound <= 30, !(sentence.lowerBound..<start).contains(where: { ScalarClass.endsClause(scalars[$0]) }),
           namesANumberedSession(sentence.lowerBound..<end),
           end == sentence.upperBound || Self.minutesTitles.longestMatch(at: end, in: scalars).map({ end + $0.count == sentence.upperBound }) ?? false {
            tookPlace = true
        }
        guard tookPlace else { return nil }
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

        // The name: the written span, plus the organiser when it is the subject of 召开/举行
        // (市委常委会召开扩大会议 → 市委常委会扩大会议).
        let name: String
        let written: String
        if let conveningVerb, stop == .trigger || stop == .of,
           let subject = organiser(before: start - conveningVerb.count, sentence: sentence, mentionsInSentence: mentionsInSentence) {
            // Matched on scalars: Foundation's String.contains and replacingOccurrences cost more than the rest of the trigger.
            let nameScalars = Array(scalars[subject] + scalars[start..<end])
            name = String(scalars: Self.conveningVerbs.removingAll(from: nameScalars))
            var text = ""
            appendWrittenName(of: subject, to: &text)
            appendWrittenName(of: start..<end, to: &text)
            written = text
            span = subject.lowerBound..<end
        } else {
            var text = ""
            appendWrittenName(of: start..<end, to: &text)
            written = text
            let holdsAVerb = Self.conveningVerbs.occurs(in: start..<end, of: scalars)
            if holdsAVerb {
                name = String(scalars: Self.conveningVerbs.removingAll(from: Array(scalars[start..<end])))
            } else if written.unicodeScalars.elementsEqual(scalars[start..<end]) {
                // Written as normalised (most names): the same String serves as both, built once.
                name = written
            } else {
                name = scalars.string(start..<end)
            }
        }
        if place == nil, let at = placeBeforeVerb(stopStart: stopStart, sentence: sentence, stop: stop) { place = at }
        return EventTrigger(kind: hit.keyword.kind, name: name, writtenName: written, span: span, place: place, keyword: hit.range.lowerBound,
                            refersBack: refersBack)
    }

    /// Whether the text from `start` (before `end`) surely does not begin with `word`, a word of
    /// unified ideographs: its scalars first differ where the text has a unified ideograph. Such an
    /// ideograph is a character of its own with no other spelling, so the String comparison
    /// (``Swift/String/hasPrefix(_:writtenAt:in:)``) would answer false too; any other case is left to it.
    private func differsAtAnIdeograph(_ word: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
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
    private func nameStart(keyword: Int, sentence: Range<Int>, mentionsInSentence: [Mention])
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
    private func organiser(before verbStart: Int, sentence: Range<Int>, mentionsInSentence: [Mention]) -> Range<Int>? {
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
        if scalars[start] == "我" || scalars[start] == "在" { return nil }
        // 立刻就召开了会议, 已经召开了会议: adverbs, not an organiser.
        if Self.adverbs.occurs(in: subject, of: scalars) { return nil }
        if subject.contains(where: { ScalarClass.isDigit(scalars[$0]) || ScalarClass.isPunctuation(scalars[$0]) }) { return nil }
        if subject.contains(where: { scalars[$0] == "在" || scalars[$0] == "日" }) { return nil }
        return subject
    }


    /// The place in “在X召开”, read before the verb that stopped the name.
    private func placeBeforeVerb(stopStart: Int, sentence: Range<Int>, stop: Lexicons.NameStop) -> String? {
        guard stop == .trigger else { return nil }
        var index = stopStart - 1
        while index > max(sentence.lowerBound, stopStart - 16) {
            if ScalarClass.endsClause(scalars[index]) { return nil }
            if scalars[index] == "在" {
                let text = original((index + 1)..<stopStart)
                return text.isEmpty || mentions.contains(where: { $0.range.contains(index + 1) }) ? nil : text
            }
            index -= 1
        }
        return nil
    }

    /// Whether the clause before `index` holds only a date and time (“5月15日,”).
    private func clauseIsDate(endingAt index: Int, sentence: Range<Int>) -> Bool {
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
    private func conveningVerb(before position: Int, keyword: Int, sentence: Range<Int>) -> Int? {
        var probe = position
        while probe > sentence.lowerBound, keyword - probe < 30 {
            if ScalarClass.endsClause(scalars[probe - 1]) { return nil }
            if let stop = nameStops.longestMatch(in: scalars, backwardsFrom: probe, notBefore: sentence.lowerBound) {
                switch stop.value {
                case .trigger:
                    return Self.conveningVerbs.endsWord(at: probe, in: scalars) ? probe : nil
                case .of where scalars[probe - 1] == "了":
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

    /// Whether the clause after a meeting's name cites what someone said there (…审议时的重要讲话).
    private func citesASpeechGivenThere(after position: Int, sentence: Range<Int>) -> Bool {
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
    private static let whenOf: [Unicode.Scalar] = Array("时的".unicodeScalars)

    /// Whether the event lies in the future: 将于, 即将, 拟于, 定于, 计划 before it in the sentence.
    private func isFuture(before index: Int, sentence: Range<Int>) -> Bool {
        let lower = max(sentence.lowerBound, index - 25)
        return lower < index && Self.futureWords.occurs(in: lower..<index, of: scalars)
    }

    // MARK: Visits and receptions

    /// Whether one of ``meetingWords`` starts in `range`.
    private func holdsAMeetingWord(_ range: Range<Int>) -> Bool {
        Self.meetingWords.occurs(in: range, of: scalars)
    }

    private func verbTrigger(_ hits: [KeywordHit], sentence: Range<Int>, mentionsInSentence: [Mention]) -> EventTrigger? {
        for (index, hit) in hits.enumerated() {
            let after = hit.range.upperBound
            // 来到我市调研…: the outing is named by the verb that follows the place.
            if Self.cameTo.startsWord(at: hit.range.lowerBound, in: scalars), index + 1 < hits.count, hits[index + 1].keyword.kind == .visit,
               !(after..<hits[index + 1].range.lowerBound).contains(where: { ScalarClass.endsClause(scalars[$0]) }) {
                continue
            }
            if after < sentence.upperBound, Self.nounFollowers.startsWord(at: after, in: scalars) {
                continue
            }
            if hit.range.lowerBound > sentence.lowerBound, scalars[hit.range.lowerBound - 1] == "的" { continue }
            // 陪同调研, 参加慰问: people joining the outing being reported, not a new one.
            if Self.joiningWords.endsWord(at: hit.range.lowerBound, in: scalars) { continue }
            // The visitor is named before the verb in the same sentence.
            guard let leader = mentionsInSentence.last(where: { $0.range.upperBound <= hit.range.lowerBound }) else { continue }
            let between = leader.range.upperBound..<hit.range.lowerBound
            guard between.count <= 40 else { continue }
            if holdsAMeetingWord(between) { continue }
            var place: String?
            var placeStart: Int?
            if let (word, at) = Self.placeWords.firstFound(in: between, of: scalars) { placeStart = at + word.count }
            if let placeStart, placeStart < hit.range.lowerBound {
                var placeEnd = hit.range.lowerBound
                while placeEnd > placeStart, ScalarClass.isPunctuation(scalars[placeEnd - 1]) || ScalarClass.isSpace(scalars[placeEnd - 1]) { placeEnd -= 1 }
                if placeEnd > placeStart, placeEnd - placeStart <= 20 { place = original(placeStart..<placeEnd) }
            } else if between.count > 6 {
                continue
            }
            // The name: the verb and its object, to the end of the clause.
            var end = after
            while end < sentence.upperBound, end - hit.range.lowerBound < 20, !ScalarClass.endsClause(scalars[end]),
                  !ScalarClass.endsSentence(scalars[end]), scalars[end] != "并", scalars[end] != "时" {
                end += 1
            }
            let isReception = hit.keyword.kind == .other
            let nameRange = isReception ? hit.range : hit.range.lowerBound..<end
            // 接见受表彰人员, 接见与会代表: greeting a group at the event being reported, not a
            // reception of its own (会见 names its guests, who may be a delegation).
            let greetsAGroup = scalars.has("接见", at: hit.range.lowerBound)
                && !mentionsInSentence.contains { $0.start >= hit.range.upperBound && $0.start < end }
            return EventTrigger(kind: hit.keyword.kind, name: scalars.string(nameRange), writtenName: original(nameRange), span: hit.range.lowerBound..<end, place: place, keyword: hit.range.lowerBound,
                                refersBack: greetsAGroup, leader: leader.person, leaderStart: leader.start)
        }
        return nil
    }
}
