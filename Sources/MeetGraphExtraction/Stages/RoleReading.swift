import MeetGraph

// Role reading: what the verbs around a name say about the person (主持 → chair, 强调 → speaker, 精神 → only mentioned).
extension DocumentAnalysis {
    /// 学习某某…, 根据…: words that cite a person's words.
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
    mutating func finding(for mention: Mention) -> Finding {
        // 出席:某某 某某 in minutes: the label says the role.
        if !mention.labelledRoles.isEmpty { return .roles(mention.labelledRoles, announcesOnly: false) }
        let sentence = sentences[mention.sentence].range
        if isOnlyReferredTo(mention, in: sentence) { return .mentioned }
        let listStart = listStart(of: mention)
        let isSubject = listStart == sentence.lowerBound || ScalarClass.endsClause(scalars[listStart - 1])
        let after = rolesAfter(mention, isSubject: isSubject)
        if case .unknown = after { return rolesBeforeList(startingAt: listStart, in: sentence) }
        return after
    }

    /// Whether the words around `mention` show a person cited or referred to, not present:
    /// 学习某某…, 受某某委托, 某某总书记….
    private func isOnlyReferredTo(_ mention: Mention, in sentence: Range<Int>) -> Bool {
        // 学习某某…, 传达…: the person's words are studied, the person is not there.
        var lookBack = max(sentence.lowerBound, mention.start - Self.studyWordReach)
        // Within the mention's clause only: 进行了集体学习,市委书记X出席 — X is there.
        if let clauseEnd = (lookBack..<mention.start).last(where: { ScalarClass.endsClause(scalars[$0]) }) { lookBack = clauseEnd + 1 }
        if Self.studyWords.occurs(in: lookBack..<mention.start, of: scalars) { return true }
        // 受市长X委托, X委托副市长Y出席: X sent someone in their place.
        if Self.delegates.startsWord(at: mention.range.upperBound, in: scalars) { return true }
        // 某某总书记…, X新时代…思想: a leader referred to by the text, unless a role verb follows at once.
        if let word = Self.referredLeaderWords.longestMatch(at: mention.range.upperBound, in: scalars) {
            let after = mention.range.upperBound + word.count
            if lexicons.roleVerbs.longestMatch(in: scalars, at: after, limit: sentence.upperBound) == nil { return true }
        }
        return false
    }

    /// How far before a name a study word (学习, 传达) is looked for.
    static let studyWordReach = 6
    /// How far a title in book marks (《…》) is skipped as one word.
    static let bookTitleReach = 60
    /// How many scalars after a comma a name makes a new subject.
    static let newSubjectReach = 8
    /// How many clauses after its own the person's verb is looked for.
    static let clausesCrossed = 2
    /// How far before a list its verb is looked for (出席会议的有A、B).
    static let verbBeforeListReach = 14

    /// The mention that covers `position` in sentence `sentence`, other than one whose name is `range`.
    private func otherMention(covering position: Int, in sentence: Int, besides range: Range<Int>) -> Mention? {
        guard let index = mentionMap.mention(covering: position), mentions[index].sentence == sentence,
              mentions[index].range != range else { return nil }
        return mentions[index]
    }

    /// Whether a mention of sentence `sentence` has its span (titles and name) start at `position`.
    func mentionSpans(from position: Int, in sentence: Int) -> Bool {
        mentionMap.mention(spanningFrom: position).map { mentions[$0].sentence == sentence } ?? false
    }

    /// Whether a mention of sentence `sentence` has its name end at `position`.
    func mentionEnds(at position: Int, in sentence: Int) -> Bool {
        mentionMap.mention(endingAt: position).map { mentions[$0].sentence == sentence } ?? false
    }

    /// The roles the verbs after `mention` give, walking over the names of its list and up to
    /// two more clauses when the person is their subject; ``Finding/unknown`` when no verb follows.
    private mutating func rolesAfter(_ mention: Mention, isSubject: Bool) -> Finding {
        let start = RoleReadingMemo.WalkStart(position: mention.range.upperBound, isSubject: isSubject)
        if let known = roleMemo.walks[start] { return known }
        let end = sentences[mention.sentence].range.upperBound
        var position = mention.range.upperBound
        // The ends of the names crossed while nothing else was: walks from there end alike.
        var sharedStarts: [Int] = []
        // Clauses crossed without a new subject: 某某实地检查了…,要求… — only a speech verb counts there.
        var crossedClauses = 0
        // …等与会人员…发言: named as present as well as speaking.
        var present = false
        var result = Finding.unknown
        // The roles of an occasion skipped before a speech verb (会见 in X在会见时说).
        var occasionRoles: Roles = []
        // Where the person's verb is expected: right after the name, or after a skipped frame.
        var verbSlot = mention.range.upperBound
        walk: while position < end {
            if let other = otherMention(covering: position, in: mention.sentence, besides: mention.range) {
                // 甲、乙作交流发言: the verb's slot moves to the end of the list.
                if other.start >= verbSlot, (verbSlot..<other.start).allSatisfy({ separatesListItems(scalars[$0]) || FunctionWords.shared.joiners.contains(scalars[$0]) }) {
                    verbSlot = other.range.upperBound
                }
                position = other.range.upperBound
                if crossedClauses == 0, !present { sharedStarts.append(position) }
                continue
            }
            let scalar = scalars[position]
            // 作了题为《凝心聚力 开创新局》的讲话: a title in book marks is not a clause of its own.
            if scalar == "《", let close = (position..<min(end, position + Self.bookTitleReach)).first(where: { scalars[$0] == "》" }) {
                position = close + 1
                continue
            }
            // X在会见时说, X对此次视察表示欢迎: the occasion or the object before the speech verb
            // is not what the person did (the occasion's verb is kept with the speech).
            if let frame = speechAfterFrame(at: position, end: end, sentence: mention.sentence) {
                occasionRoles.formUnion(frame.occasionRoles)
                position = frame.speech
                verbSlot = position
                continue
            }
            if ScalarClass.endsClause(scalar) {
                guard walkGoesOn(pastClauseEndAt: position, end: end, sentence: mention.sentence, isSubject: isSubject,
                                 crossedClauses: &crossedClauses) else { break walk }
                position += 1
                continue
            }
            if Self.presentWords.startsWord(at: position, in: scalars) { present = true }
            let slot = WalkSlot(nameEnd: mention.range.upperBound, verbSlot: verbSlot, crossedClauses: crossedClauses, present: present)
            if let found = verbFinding(at: position, end: end, slot: slot, isSubject: isSubject, sentence: mention.sentence) {
                result = found
                break walk
            }
            position += 1
        }
        if !occasionRoles.isEmpty, case let .roles(found, announcesOnly) = result {
            result = .roles(found.union(occasionRoles), announcesOnly: announcesOnly)
        }
        roleMemo.walks[start] = result
        for shared in sharedStarts { roleMemo.walks[RoleReadingMemo.WalkStart(position: shared, isSubject: isSubject)] = result }
        return result
    }

    /// Whether the walk after a name goes on past the clause end at `position`: when the list of
    /// names goes on after it (a name right before and right after it: 甲某、乙某,丙某 — not
    /// 甲某察看了现场,乙某要求), a group joins the list before its verb (…丙某,各乡镇主要负责人参加会议),
    /// or the person is the sentence's subject, which carries over (看望困难群众X,勉励… — X is
    /// not speaking), for at most ``clausesCrossed`` clauses, counted in `crossedClauses`.
    private func walkGoesOn(pastClauseEndAt position: Int, end: Int, sentence: Int, isSubject: Bool, crossedClauses: inout Int) -> Bool {
        let next = position + 1
        let listGoesOn = mentionSpans(from: next, in: sentence) && mentionEnds(at: position, in: sentence)
        if listGoesOn || groupClauseJoins(at: next, end: end, sentence: sentence) { return true }
        crossedClauses += 1
        return !(startsNewSubject(at: next, end: end, sentence: sentence) || crossedClauses > Self.clausesCrossed
                 || ScalarClass.isSpace(scalars[position]) || !isSubject)
    }

    /// Where a walk after a name stands when it looks for the person's verb.
    private struct WalkSlot {
        /// Where the name ends.
        var nameEnd: Int
        /// Where the verb is expected: after the name, a skipped frame or the rest of the list.
        var verbSlot: Int
        /// Clauses crossed without a new subject: only a speech verb counts after one.
        var crossedClauses: Int
        /// …等与会人员…: the person was named as present.
        var present: Bool
    }

    /// What the words at `position` say of the person the walk started from, if they end the
    /// walk: instructions given right after the name (縣長某某指示,…), a mark of someone only
    /// mentioned, a role verb, or a speech verb with its noun later in the clause (作了关于…的报告).
    private func verbFinding(at position: Int, end: Int, slot: WalkSlot, isSubject: Bool, sentence: Int) -> Finding? {
        if position == slot.nameEnd, let word = Self.spokenInstructions.longestMatch(at: position, in: scalars, limit: end),
           position + word.count < end, !ScalarClass.isIdeograph(scalars[position + word.count]) {
            return .roles(.speaker, announcesOnly: false)
        }
        if lexicons.mentionMarkers.longestMatch(in: scalars, at: position, limit: end) != nil { return .mentioned }
        if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: position, limit: end), !isInsideEventName(position),
           slot.crossedClauses == 0 || verb.value == .speaker {
            return roles(ofVerb: verb, at: position, present: slot.present, isSubject: isSubject, sentence: sentence)
        }
        // (A noun that elsewhere cites a speech may be one given here: 作了重要讲话.)
        if speechWithNoun(at: position, end: end, directlyAfterName: position == slot.verbSlot) != nil {
            return .roles(slot.present ? [.speaker, .attendee] : .speaker, announcesOnly: false)
        }
        return nil
    }

    /// 指示 right after a name, ending its clause: the person spoke (縣長某某指示,…).
    static let spokenInstructions = WordList(resource: "spoken-instructions")
    /// 讲话精神, 指示精神: after a verb in its clause, the occasion is cited, not reported.
    static let citedOccasionEndings = WordList(resource: "cited-occasion-endings")

    /// 在…时 (an occasion), 对…/向…/就… (an object): words that open a phrase between a name
    /// and its speech verb, and the speech verbs that may follow 作了/讲.
    static let occasionOpeners = WordList(resource: "occasion-openers")
    static let occasionClosers = WordList(resource: "occasion-closers")
    static let objectMarkers = WordList(resource: "object-markers")
    static let speechOpeners = WordList(resource: "speech-openers")
    static let speechNouns = WordList(resource: "speech-nouns")
    /// How far an occasion (在…时) may reach before its closing word.
    static let occasionReach = 20

    /// Where the speech verb after an occasion (在会见时说) or an object (对此次视察表示欢迎)
    /// opening at `position` starts, with the roles the occasion's own verbs give; nil when
    /// no speech verb follows in the clause (or, after an occasion, another name comes first).
    private func speechAfterFrame(at position: Int, end: Int, sentence: Int) -> (speech: Int, occasionRoles: Roles)? {
        if let opener = Self.occasionOpeners.longestMatch(at: position, in: scalars) {
            var index = position + opener.count
            let limit = min(end, position + Self.occasionReach)
            while index < limit, !ScalarClass.endsClause(scalars[index]), !mentionSpans(from: index, in: sentence) {
                if let closer = Self.occasionClosers.longestMatch(at: index, in: scalars) {
                    var speech = index + closer.count
                    if speech < end, ScalarClass.endsClause(scalars[speech]), !ScalarClass.isSpace(scalars[speech]) { speech += 1 }
                    guard let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: speech, limit: end), verb.value.contains(.speaker)
                    else { return nil }
                    var occasion: Roles = []
                    for inner in (position + opener.count)..<index {
                        if let innerVerb = lexicons.roleVerbs.longestMatch(in: scalars, at: inner, limit: index) { occasion.formUnion(innerVerb.value) }
                    }
                    occasion.remove(.speaker)
                    return (speech, occasion)
                }
                index += 1
            }
            return nil
        }
        guard let marker = Self.objectMarkers.longestMatch(at: position, in: scalars) else { return nil }
        var index = position + marker.count
        // The object may name people (对某某一行来访表示欢迎): the person's verb still follows it.
        while index < end, !ScalarClass.endsClause(scalars[index]) {
            if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: end), verb.value.contains(.speaker) {
                return (index, [])
            }
            // 就相关工作讲具体意见: after the object a one-character verb (讲, 作) may open the speech.
            if speechWithNoun(at: index, end: end, directlyAfterName: true) != nil { return (index, []) }
            index += 1
        }
        return nil
    }

    /// The length of a speech verb at `position` whose noun comes later in its clause (作了关于…的
    /// 报告); a one-scalar verb (作, 讲) only `directlyAfterName`, where it cannot be part of a
    /// word (工作).
    private func speechWithNoun(at position: Int, end: Int, directlyAfterName: Bool) -> Int? {
        guard let opener = Self.speechOpeners.longestMatch(at: position, in: scalars) else { return nil }
        // 听取了某某关于…的报告: the report is the person's, given here.
        let about = scalars.has(FunctionWords.shared.about, at: position)
        guard (opener.count > 1 && !about) || directlyAfterName else { return nil }
        var index = position + opener.count
        while index < end, !ScalarClass.endsClause(scalars[index]) {
            // …关于…的讲话精神: a speech cited, not given.
            if let noun = Self.speechNouns.longestMatch(at: index, in: scalars), !scalars.has(FunctionWords.shared.spirit, at: index + noun.count) { return opener.count }
            index += 1
        }
        return nil
    }

    /// Whether the clause at `next` opens with a new subject: 他, 她, or a name within a few scalars.
    private func startsNewSubject(at next: Int, end: Int, sentence: Int) -> Bool {
        guard next < end else { return false }
        if FunctionWords.shared.isPersonalPronoun(scalars[next]) { return true }
        return (next...(next + Self.newSubjectReach)).contains { mentionSpans(from: $0, in: sentence) }
    }

    /// The roles given by the role verb `verb` found at `position`, with the verbs joined to it
    /// (主持会议并讲话), or ``Finding/mentioned`` when it describes an occasion whose speech is cited.
    private func roles(ofVerb verb: (length: Int, value: Roles), at position: Int, present: Bool, isSubject: Bool, sentence: Int) -> Finding {
        let end = sentences[sentence].range.upperBound
        var roles = verb.value
        if present { roles.insert(.attendee) }
        let announces = scalars.has("宣布", at: position)
        var index = position + verb.length
        // 传达了某某的讲话精神: what the person conveys is cited; the person is speaking here.
        let conveys = Self.studyWords.startsWord(at: position, in: scalars)
        if !conveys, lexicons.mentionMarkers.longestMatch(in: scalars, at: index, limit: end) != nil { return .mentioned }
        // 周某在某地调研时的讲话精神: the verb describes an earlier occasion whose speech is cited.
        // 总书记视察某省重要讲话重要指示精神: the visit's 精神 is cited, with no 的 between.
        var probe = index
        var joinedToAnotherVerb = false
        while !conveys, probe + 1 < end, !ScalarClass.endsClause(scalars[probe]) {
            if scalars[probe] == FunctionWords.shared.of, lexicons.mentionMarkers.longestMatch(in: scalars, at: probe + 1, limit: end) != nil
                || scalars.has("讲话精神", at: probe + 1) || scalars.has("重要讲话", at: probe + 1) {
                return .mentioned
            }
            if scalars[probe] == FunctionWords.shared.alsoJoins { joinedToAnotherVerb = true }
            if !joinedToAnotherVerb, Self.citedOccasionEndings.startsWord(at: probe, in: scalars) { return .mentioned }
            probe += 1
        }
        // 主持会议并讲话, 出席…并作重要讲话: verbs joined in the same clause.
        var joined = false
        while index < end, !ScalarClass.endsClause(scalars[index]) {
            if scalars[index] == FunctionWords.shared.alsoJoins || scalars[index] == "和" || scalars[index] == "、" { joined = true }
            if joined, let more = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: end) {
                roles.formUnion(more.value)
                index += more.length
                continue
            }
            index += 1
        }
        if !roles.contains(.speaker), isSubject, speaksInALaterClause(from: index, end: end, sentence: sentence) {
            roles.insert(.speaker)
        }
        return .roles(roles, announcesOnly: announces && !roles.contains(.chair))
    }

    /// 出席会议的有A、B: the role verb written before the list that starts at `listStart`.
    private func rolesBeforeList(startingAt listStart: Int, in sentence: Range<Int>) -> Finding {
        var index = listStart
        while index > max(sentence.lowerBound, listStart - Self.verbBeforeListReach) {
            index -= 1
            if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: listStart),
               scalars.find("有", in: (index + verb.length)..<listStart) != nil || scalars.find(":", in: (index + verb.length)..<listStart) != nil
                || scalars.find("：", in: (index + verb.length)..<listStart) != nil {
                return .roles(verb.value, announcesOnly: false)
            }
        }
        return .unknown
    }

    /// Where the chain of names that `mention` ends starts, whatever their titles (A、B、C, or
    /// 某市委常委、秘书长A,某省委常委B): names joined by one separator or none. A list opening a
    /// clause is the subject of what follows (看望困难群众X is not).
    private mutating func listStart(of mention: Mention) -> Int {
        var listStart = mention.start
        var visited: [Int] = []
        while true {
            if let known = roleMemo.listStarts[listStart] {
                listStart = known
                break
            }
            // The name just before: it ends where the span starts, or one separator earlier.
            guard let previous = mentionMap.mention(endingAt: listStart) ?? mentionMap.mention(endingAt: listStart - 1),
                  mentions[previous].sentence == mention.sentence,
                  listStart == mentions[previous].range.upperBound || separatesListItems(scalars[mentions[previous].range.upperBound])
            else { break }
            visited.append(listStart)
            listStart = mentions[previous].start
        }
        for start in visited { roleMemo.listStarts[start] = listStart }
        roleMemo.listStarts[mention.start] = listStart
        return listStart
    }

    /// Whether `scalar` separates two items of a list of names: 、, commas, spaces, and the
    /// semicolons between titled groups (分别是:甲局局长某某;乙局副局长某某、某某).
    private func separatesListItems(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.separatesNames(scalar) || scalar == ";" || scalar == "；"
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
                if mentionSpans(from: clauseEnd, in: sentence) { return false }
                clauseEnd += 1
            }
        }
        return false
    }

    /// Whether the clause at `start` names only a group (no person) and ends in 参加/出席/列席.
    func groupClauseJoins(at start: Int, end: Int, sentence: Int) -> Bool {
        var index = start
        while index < end, !ScalarClass.endsClause(scalars[index]) {
            if mentionMap.mention(namedFrom: index).map({ mentions[$0].sentence == sentence }) ?? false { return false }
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
