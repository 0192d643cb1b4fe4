import MeetGraph

// Role reading: what the verbs around a name say about the person (主持 → chair, 强调 → speaker, 精神 → only mentioned).
extension DocumentAnalysis {
    /// 学习某某…, 根据…: words that cite a person's words (Resources/study-words.txt).
    static let studyWords = WordList(resource: "study-words")
    /// 委托 right after a name: the person asked someone else to go.
    static let delegates = WordList(resource: "delegating-words")
    /// 总书记 and 新时代 after a name: a leader the text refers to.
    static let referredLeaderWords = WordList(resource: "referred-leader-words")
    /// 与会, 参会: the people named are present.
    static let presentWords = WordList(resource: "present-words")

    // MARK: Roles

    /// What a mention says about its person.
    enum Finding {
        case roles(Roles, announcesOnly: Bool)
        case mentioned
        case unknown
    }

    /// Reads the verbs after (or before) a mention: 主持 → chair, 强调 → speaker, 参加 → attendee,
    /// 精神/批示 → only mentioned.
    func finding(for mention: Mention) -> Finding {
        // 出席:某某 某某 in minutes: the label says the role.
        if !mention.labelledRoles.isEmpty { return .roles(mention.labelledRoles, announcesOnly: false) }
        let sentence = sentences[mention.sentence].range
        let here = sentenceMentions(mention.sentence)
        let end = sentence.upperBound
        // 学习某某…, 传达…: the person's words are studied, the person is not there.
        var lookBack = max(sentence.lowerBound, mention.start - 6)
        // Within the mention's clause only: 进行了集体学习,市委书记X出席 — X is there.
        if let clauseEnd = (lookBack..<mention.start).last(where: { ScalarClass.endsClause(scalars[$0]) }) { lookBack = clauseEnd + 1 }
        if Self.studyWords.occurs(in: lookBack..<mention.start, of: scalars) { return .mentioned }
        // 受市长X委托, X委托副市长Y出席: X sent someone in their place.
        if Self.delegates.startsWord(at: mention.range.upperBound, in: scalars) { return .mentioned }
        // 某某总书记…, X新时代…思想: a leader referred to by the text, unless a role verb follows at once.
        if let word = Self.referredLeaderWords.longestMatch(at: mention.range.upperBound, in: scalars) {
            let after = mention.range.upperBound + word.count
            if lexicons.roleVerbs.longestMatch(in: scalars, at: after, limit: sentence.upperBound) == nil { return .mentioned }
        }
        let isSubject = isSubject(mention, in: sentence, among: here)
        var position = mention.range.upperBound
        var crossedMentions = false
        // Clauses crossed without a new subject: 韩立峰实地检查了…,要求… — only a speech verb counts there.
        var crossedClauses = 0
        // …等与会人员…发言: named as present as well as speaking.
        var present = false
        while position < end {
            if let other = here.first(where: { $0.start <= position && position < $0.range.upperBound && $0.range != mention.range }) {
                position = other.range.upperBound
                crossedMentions = true
                continue
            }
            let scalar = scalars[position]
            // 作了题为《凝心聚力 开创新局》的讲话: a title in book marks is not a clause of its own.
            if scalar == "《", let close = (position..<min(end, position + 60)).first(where: { scalars[$0] == "》" }) {
                position = close + 1
                continue
            }
            if ScalarClass.endsClause(scalar), !ScalarClass.isSpace(scalar) || true {
                // Cross a comma only when the list of names goes on after it (a name right before
                // and right after it: 韩立峰、贝思远,冉雪 — not 邵文涛察看了现场,韩立平要求).
                let next = position + 1
                let listGoesOn = here.contains { $0.start == next } && here.contains { $0.range.upperBound == position }
                // …贺思齐,各乡镇、各有关部门主要负责人参加会议: a group joins the list before its verb.
                if !listGoesOn, !groupClauseJoins(at: next, end: end, sentence: mention.sentence) {
                    let newSubject = next < end && (scalars[next] == "他" || scalars[next] == "她"
                        || here.contains { $0.start >= next && $0.start <= next + 8 })
                    crossedClauses += 1
                    // Only a sentence's subject carries over: 看望困难群众X,勉励… — X is not speaking.
                    if newSubject || crossedClauses > 2 || ScalarClass.isSpace(scalar) || !isSubject { break }
                }
                position = next
                continue
            }
            if Self.presentWords.startsWord(at: position, in: scalars) { present = true }
            if lexicons.mentionMarkers.longestMatch(in: scalars, at: position, limit: end) != nil { return .mentioned }
            if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: position, limit: end), !isInsideEventName(position),
               crossedClauses == 0 || verb.value == .speaker {
                var roles = verb.value
                if present { roles.insert(.attendee) }
                let announces = scalars.has("宣布", at: position)
                var index = position + verb.length
                if lexicons.mentionMarkers.longestMatch(in: scalars, at: index, limit: end) != nil { return .mentioned }
                // 周某在永泰调研时的讲话精神: the verb describes an earlier occasion whose speech is cited.
                var probe = index
                while probe + 1 < end, !ScalarClass.endsClause(scalars[probe]) {
                    if scalars[probe] == "的", lexicons.mentionMarkers.longestMatch(in: scalars, at: probe + 1, limit: end) != nil
                        || scalars.has("讲话精神", at: probe + 1) || scalars.has("重要讲话", at: probe + 1) {
                        return .mentioned
                    }
                    probe += 1
                }
                // 主持会议并讲话, 出席…并作重要讲话: verbs joined in the same clause.
                var joined = false
                while index < end, !ScalarClass.endsClause(scalars[index]) {
                    if scalars[index] == "并" || scalars[index] == "和" || scalars[index] == "、" { joined = true }
                    if joined, let more = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: end) {
                        roles.formUnion(more.value)
                        index += more.length
                        continue
                    }
                    index += 1
                }
                _ = crossedMentions
                if !roles.contains(.speaker), isSubject, speaksInALaterClause(from: index, end: end, sentence: mention.sentence) {
                    roles.insert(.speaker)
                }
                return .roles(roles, announcesOnly: announces && !roles.contains(.chair))
            }
            position += 1
        }
        // 出席会议的有A、B: the verb comes before the list.
        // The chain of names joined by separators, whatever their titles: 重庆市委常委、秘书长A,四川省委常委B …
        var listStart = mention.start
        while let previous = here.last(where: { $0.range.upperBound <= listStart }),
              listStart - previous.range.upperBound <= 1,
              listStart == previous.range.upperBound || ScalarClass.separatesNames(scalars[previous.range.upperBound]) {
            listStart = previous.start
        }
        var index = listStart
        while index > max(sentence.lowerBound, listStart - 14) {
            index -= 1
            if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: listStart),
               scalars.find("有", in: (index + verb.length)..<listStart) != nil || scalars.find(":", in: (index + verb.length)..<listStart) != nil
                || scalars.find("：", in: (index + verb.length)..<listStart) != nil {
                return .roles(verb.value, announcesOnly: false)
            }
        }
        return .unknown
    }

    /// Whether `mention`, or the list of names it ends (A、B、C), opens a clause: the subject of
    /// what follows rather than the object of a verb before it (看望困难群众X).
    func isSubject(_ mention: Mention, in sentence: Range<Int>, among here: ArraySlice<Mention>) -> Bool {
        var listStart = mention.start
        while let previous = here.last(where: { $0.range.upperBound <= listStart }),
              listStart - previous.range.upperBound <= 1,
              listStart == previous.range.upperBound || ScalarClass.separatesNames(scalars[previous.range.upperBound]) {
            listStart = previous.start
        }
        return listStart == sentence.lowerBound || ScalarClass.endsClause(scalars[listStart - 1])
    }

    /// Words that may open a clause before its verb while keeping the sentence's subject.
    static let clauseConnectors = WordList(resource: "clause-connectors")
    /// Verbs that, opening a later clause, say the subject spoke (not 传达/部署, which after
    /// 主持召开…会 list the meeting's business).
    static let laterSpeechVerbs = WordList(resource: "later-speech-verbs")

    /// Whether one of the next two clauses after `position` (the end of the clause whose verb was
    /// found) opens with a speech verb and no new subject: 韩立峰实地检查了…,要求各单位… — the
    /// subject carries over the comma, so the person also spoke.
    func speaksInALaterClause(from position: Int, end: Int, sentence: Int) -> Bool {
        var clauseEnd = position
        for _ in 0..<2 {
            guard clauseEnd < end, ScalarClass.endsClause(scalars[clauseEnd]), !ScalarClass.isSpace(scalars[clauseEnd]) else { return false }
            var start = clauseEnd + 1
            if let connector = Self.clauseConnectors.longestMatch(at: start, in: scalars) { start += connector.count }
            if lexicons.roleVerbs.longestMatch(in: scalars, at: start, limit: end) != nil {
                return Self.laterSpeechVerbs.startsWord(at: start, in: scalars)
            }
            // A new subject (a name, 他, 会议) ends the person's run of clauses.
            clauseEnd = start
            while clauseEnd < end, !ScalarClass.endsClause(scalars[clauseEnd]) {
                if sentenceMentions(sentence).contains(where: { $0.start == clauseEnd }) { return false }
                clauseEnd += 1
            }
        }
        return false
    }

    /// Whether the clause at `start` names only a group (no person) and ends in 参加/出席/列席.
    func groupClauseJoins(at start: Int, end: Int, sentence: Int) -> Bool {
        var index = start
        while index < end, !ScalarClass.endsClause(scalars[index]) {
            if sentenceMentions(sentence).contains(where: { $0.range.lowerBound == index }) { return false }
            if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: end) {
                return verb.value == .attendee
            }
            index += 1
        }
        return false
    }

    func isInsideEventName(_ position: Int) -> Bool {
        drafts.contains { draft in draft.nameSpans.contains { $0.contains(position) && $0.lowerBound != position } }
    }
}
