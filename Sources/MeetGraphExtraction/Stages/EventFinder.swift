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
    /// 召开 and 举行: removed from an event's name, and looked for before a name holding 传达/学习 words.
    static let conveningVerbs = WordList(resource: "convening-verbs")

    let scalars: [Unicode.Scalar]
    let mentions: [Mention]
    /// The source text of a normalised range, as written (traditional characters stay traditional).
    let original: (Range<Int>) -> String
    /// For each offset, whether some mention ends there: lets the walk back over a meeting's name
    /// skip the search of the sentence's mentions at almost every offset.
    let mentionEnds: [Bool]

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
    let eventKeywords: ScalarTrie<Lexicons.EventKeyword>
    /// ``eventKeywords`` spelled backwards, for the keyword ending at an offset.
    let eventKeywordsBackwards: ScalarTrie<Lexicons.EventKeyword>
    /// The name stops spelled backwards (``Lexicons/nameStopsBackwards``): they are only looked
    /// up as the word ending at an offset, found in one walk.
    let nameStops: ScalarTrie<Lexicons.NameStop>

    /// Appends the written text of `range` to `result`, without the verbs 召开 and 举行
    /// (“市委常委会召开扩大会议” → 市委常委会扩大会议).
    func appendWrittenName(of range: Range<Int>, to result: inout String) {
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

    struct KeywordHit {
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
        var result = withoutNamesInsideLongerOnes(nounEvents)
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

    /// `events` without those whose name lies inside a longer one's: a keyword inside a longer
    /// name (市委常委会 inside 市委常委会扩大会议) is not an event of its own. (Read by index, so
    /// that the check reads spans without copying triggers; a single event is kept as it is,
    /// without a second array.)
    private func withoutNamesInsideLongerOnes(_ events: [EventTrigger]) -> [EventTrigger] {
        guard events.count >= 2 else { return events }
        var result: [EventTrigger] = []
        for index in events.indices {
            let span = events[index].span
            let subsumed = events.indices.contains { other in
                other != index && events[other].span.lowerBound <= span.lowerBound && events[other].span.upperBound > span.upperBound
            }
            if !subsumed { result.append(events[index]) }
        }
        return result
    }

    /// Whether the bracket at `position` holds a short qualifier such as (扩大), part of a name.
    func isShortQualifier(at position: Int, limit: Int) -> Bool {
        var index = position + 1
        while index < min(limit, position + 6) {
            if scalars[index] == ")" { return true }
            index += 1
        }
        return false
    }
}
