import MeetGraph

// Visits and receptions: a verb keyword (调研, 考察, 会见) after the visitor's name names an outing (X到某县调研).
extension EventFinder {
    /// 调研组, 考察团, 慰问金: a visit verb that is part of a noun.
    static let nounFollowers = WordList(resource: "visit-noun-followers")
    /// 陪同调研, 参加慰问: people joining the outing being reported.
    static let joiningWords = WordList(resource: "joining-words")
    /// 来到: “came to”, before a place and the verb that names the outing.
    static let cameTo = WordList(resource: "came-to")
    /// Words between a visitor and the verb that show the clause reports a meeting, not an outing.
    static let meetingWords = WordList(resource: "meeting-words")
    /// Words before a visit's place (到, 前往, 深入到); earlier lines win.
    static let placeWords = WordList(resource: "place-words")

    // MARK: Visits and receptions

    /// Whether one of ``meetingWords`` starts in `range`.
    func holdsAMeetingWord(_ range: Range<Int>) -> Bool {
        Self.meetingWords.occurs(in: range, of: scalars)
    }

    /// Whether `range` names, in one clause, those the leader meets: 与部分企业负责人(共进早餐),
    /// 同来访客人(会谈).
    private func opensWithCompanions(_ range: Range<Int>) -> Bool {
        guard let first = range.first, FunctionWords.shared.companions.contains(scalars[first]) else { return false }
        return !range.contains { ScalarClass.endsClause(scalars[$0]) }
    }

    /// Words after a visit's leader before the people led: 带领, 率领.
    static let leadingWords = WordList(resource: "leading-words")

    /// Whether `range` opens with a leading word and stays in one clause: 带领各乡镇党委书记(开展观摩).
    /// (由某某带领的考察组: the group led is the subject, not those led.)
    private func opensWithLeading(_ range: Range<Int>) -> Bool {
        guard let word = Self.leadingWords.longestMatch(at: range.lowerBound, in: scalars),
              range.lowerBound + word.count < range.upperBound,
              scalars[range.lowerBound + word.count] != FunctionWords.shared.of else { return false }
        return !range.contains { ScalarClass.endsClause(scalars[$0]) }
    }

    /// Whether a date is written in `range` (3月8日上午, 今天).
    private func hasDate(_ range: Range<Int>) -> Bool {
        range.contains { DateReader.mayStart(with: scalars[$0]) && DateReader.phrase(in: scalars, at: $0, limit: range.upperBound) != nil }
    }

    func verbTrigger(_ hits: [KeywordHit], sentence: Range<Int>, mentionsInSentence: [Mention]) -> EventTrigger? {
        for (index, hit) in hits.enumerated() {
            let after = hit.range.upperBound
            // 来到我市调研…: the outing is named by the verb that follows the place.
            if Self.cameTo.startsWord(at: hit.range.lowerBound, in: scalars), index + 1 < hits.count, hits[index + 1].keyword.kind == .visit,
               !(after..<hits[index + 1].range.lowerBound).contains(where: { ScalarClass.endsClause(scalars[$0]) }) {
                continue
            }
            // 观摩活动, 调研之行: a noun, unless a leader's 带领… comes before it (某某带领…开展观摩活动).
            if after < sentence.upperBound, Self.nounFollowers.startsWord(at: after, in: scalars),
               !(mentionsInSentence.last(where: { $0.range.upperBound <= hit.range.lowerBound }).map {
                   opensWithLeading($0.range.upperBound..<hit.range.lowerBound)
               } ?? false) {
                continue
            }
            if hit.range.lowerBound > sentence.lowerBound, scalars[hit.range.lowerBound - 1] == FunctionWords.shared.of { continue }
            // 陪同调研, 参加慰问: people joining the outing being reported, not a new one.
            if Self.joiningWords.endsWord(at: hit.range.lowerBound, in: scalars) { continue }
            // The visitor is named before the verb in the same sentence.
            guard let leader = mentionsInSentence.last(where: { $0.range.upperBound <= hit.range.lowerBound }) else { continue }
            // 对某某一行来我县考察表示欢迎: the visit is the object of what someone else says.
            if DocumentAnalysis.objectMarkers.longestMatch(endingAt: leader.start, in: scalars) != nil { continue }
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
            }
            // 某某与企业家代表共进早餐: those met are named between the host and the verb. After
            // the 早餐会 was reported it is the same gathering, unless a date says it is another.
            let placed = placeStart.map { $0 < hit.range.lowerBound } ?? false
            let withCompanions = !placed && between.count > 6
            // 某某带领各乡镇党委书记开展观摩活动: the leader, then those led, then the outing.
            let leadsOthers = hit.keyword.kind == .visit && withCompanions && opensWithLeading(between)
            if withCompanions, !leadsOthers, !(hit.keyword.kind == .other && opensWithCompanions(between)) { continue }
            let describesTheCurrentEvent = withCompanions && !leadsOthers && !hasDate(sentence.lowerBound..<leader.start)
            // The name: the verb and its object, to the end of the clause.
            var end = after
            while end < sentence.upperBound, end - hit.range.lowerBound < 20, !ScalarClass.endsClause(scalars[end]),
                  !ScalarClass.endsSentence(scalars[end]), scalars[end] != FunctionWords.shared.alsoJoins, scalars[end] != "时" {
                end += 1
            }
            // 总书记视察某省重要讲话精神: a visit whose speech is cited, not one being reported.
            if (after..<end).contains(where: { DocumentAnalysis.citedOccasionEndings.startsWord(at: $0, in: scalars) }) { continue }
            let isReception = hit.keyword.kind == .other
            let nameRange = isReception ? hit.range : hit.range.lowerBound..<end
            // 接见受表彰人员, 接见与会代表: greeting a group at the event being reported, not a
            // reception of its own (会见 names its guests, who may be a delegation).
            let greetsAGroup = scalars.has("接见", at: hit.range.lowerBound)
                && !mentionsInSentence.contains { $0.start >= hit.range.upperBound && $0.start < end }
            return EventTrigger(kind: hit.keyword.kind, name: scalars.string(nameRange), writtenName: original(nameRange), span: hit.range.lowerBound..<end, place: place, keyword: hit.range.lowerBound,
                                refersBack: greetsAGroup || describesTheCurrentEvent, leader: leader.person, leaderStart: leader.start)
        }
        return nil
    }
}
