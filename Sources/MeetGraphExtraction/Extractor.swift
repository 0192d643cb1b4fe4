import MeetGraph

/// Turns a news text into a ``MeetGraph/Document``: its events, who took part in each and in what
/// role, with titles, dates and evidence, and the named people who did not take part.
///
/// The lexicons (surnames, titles, role verbs, event keywords, byline markers) are read once per
/// process, so an `Extractor` is cheap to create and safe to share between threads.
public struct Extractor: Sendable {
    /// The longest stretch of normalised text analysed as one unit, in scalars: a news article is
    /// under 20,000, so only a dump without structure (a whole archive on one line) is cut.
    static let defaultWindowLength = 100_000

    /// The window length in use; tests set a small one to compare windowed with whole analysis.
    let windowLength: Int

    /// An extractor using the lexicons shipped in `Resources/`.
    public init() {
        self.init(windowLength: Self.defaultWindowLength)
    }

    /// An extractor that analyses texts longer than `windowLength` scalars window by window.
    init(windowLength: Int) {
        _ = Lexicons.shared
        self.windowLength = max(windowLength, 1)
    }

    /// The document `source` describes.
    ///
    /// A text longer than 100,000 normalised scalars is analysed in windows of at most that length,
    /// cut after a line break, else after a sentence or a clause, else anywhere (see ``DocumentWindows``),
    /// so that time and memory grow in step with the text. Events of different windows with the same
    /// name and compatible dates are merged, as within one window; context (the event being reported,
    /// the last date) does not cross a cut.
    ///
    /// - Parameters:
    ///   - source: the decoded text; evidence offsets count Unicode scalars of `source.text`. Taken:
    ///     pass `consume source` to let the extractor free it early.
    ///   - published: the document's date, used to resolve 今天, 昨天 and years; when nil, a date
    ///     line in the text (发布日期:2020-01-27) is used if there is one.
    ///   - sourceLabel: where the text came from (a URL, a path), stored as ``MeetGraph/Document/source``.
    public func document(from source: consuming SourceText, published: EventDate? = nil, sourceLabel: String? = nil) -> Document {
        let name = source.name
        // Taken, so that the text can go once its scalars are read (see ``NormalizedText/init(_:)``).
        let normalized = NormalizedText(consume source)
        let windows = DocumentWindows.ranges(of: normalized.scalars, length: windowLength)
        guard windows.count > 1 else {
            var analysis = DocumentAnalysis(normalized: normalized, documentName: name, published: published)
            analysis.run()
            return Document(document: name, source: sourceLabel, published: analysis.published,
                            script: normalized.script, events: analysis.events(), nonParticipants: analysis.nonParticipants())
        }
        // The document's date is read once, from the whole text, as without windows.
        let published = published ?? DateReader.documentDate(in: normalized.scalars, sentences: Layout.sentences(of: normalized.scalars))
        var merged = DocumentWindows.Merger()
        for range in windows {
            var analysis = DocumentAnalysis(normalized: NormalizedText(window: range, of: normalized), documentName: name,
                                            published: published, readsDocumentDate: false)
            analysis.run()
            merged.add(events: analysis.events(), nonParticipants: analysis.nonParticipants())
        }
        return Document(document: name, source: sourceLabel, published: published,
                        script: normalized.script, events: merged.events(), nonParticipants: merged.nonParticipants())
    }
}

/// The working state of one extraction.
struct DocumentAnalysis {
    /// 学习某某…, 根据…: words that cite a person's words (Resources/study-words.txt).
    private static let studyWords = WordList(resource: "study-words")
    /// Words that say a meeting was held by video (Resources/video-phrases.txt).
    private static let videoWords = WordList(resource: "video-phrases")
    /// 视频, 电视电话 in an event's name: the event was held by video.
    private static let videoNameWords = WordList(resource: "video-name-words")
    /// 委托 right after a name: the person asked someone else to go.
    private static let delegates = WordList(resource: "delegating-words")
    /// 总书记 and 新时代 after a name: a leader the text refers to.
    private static let referredLeaderWords = WordList(resource: "referred-leader-words")
    /// 与会, 参会: the people named are present.
    private static let presentWords = WordList(resource: "present-words")

    let normalized: NormalizedText
    let scalars: [Unicode.Scalar]
    let documentName: String
    let sentences: [Sentence]
    private(set) var published: EventDate?
    /// The shared lexicons, read in place (a stored copy would retain each of their tables every time the analysis is copied).
    private var lexicons: Lexicons { Lexicons.shared }

    private var mentions: [Mention] = []
    /// Where the mentions of each sentence start in ``mentions`` (one more entry than sentences):
    /// mentions are in text order, so a sentence's mentions are one run of them.
    private var sentenceMentionStarts: [Int] = []
    /// Each sentence's evidence text, made once (by sentence index).
    private var sentenceTexts: [String?]
    private var bylines: [BylineName] = []
    /// The titles the mentions point to (``Mention/titles``).
    private var titleList: [Range<Int>] = []
    private var drafts: [EventDraft] = []
    private var mentionedPeople: [Int] = []
    /// The lists led by a title (副议长A及B、C), whose untitled members are people too: by list
    /// number (``Mention/list``, which counts up from 0; untitled lists are -1).
    private var titledLists: [Bool] = []
    /// The original spelling of each person, by number (``Mention/person``): as written where
    /// the person is first named, a byline first.
    private var spelling: [String] = []
    /// People numbered below this are named in bylines.
    private var bylinePeople = 0

    /// `readsDocumentDate`: when `published` is nil, look for the document's date in the text (false
    /// for a window of a longer text, whose date was looked for in the whole).
    init(normalized: NormalizedText, documentName: String, published: EventDate?, readsDocumentDate: Bool = true) {
        self.normalized = normalized
        self.scalars = normalized.scalars
        self.documentName = documentName
        self.sentences = Layout.sentences(of: normalized.scalars)
        self.sentenceTexts = [String?](repeating: nil, count: sentences.count)
        self.published = published
        if published == nil, readsDocumentDate { self.published = DateReader.documentDate(in: scalars, sentences: sentences) }
    }

    /// An event being built.
    struct EventDraft {
        var kind: EventKind
        /// Normalised name, to recognise the same event.
        var name: String {
            didSet { nameScalars = Array(name.unicodeScalars) }
        }
        /// The scalars of ``name``, for matching against the text without building Strings.
        private(set) var nameScalars: [Unicode.Scalar]
        /// The name as written.
        var writtenName: String
        var date: EventDate?
        var timeOfDay: String?
        var place: String?
        var isVideo: Bool
        var fromHeadline: Bool
        var hasBodyTrigger: Bool
        var sentence: Int
        var nameSpans: [Range<Int>]
        var participants: [ParticipantDraft] = []

        init(kind: EventKind, name: String, writtenName: String, date: EventDate?, timeOfDay: String?, place: String?,
             isVideo: Bool, fromHeadline: Bool, hasBodyTrigger: Bool, sentence: Int, nameSpans: [Range<Int>]) {
            self.kind = kind
            self.name = name
            nameScalars = Array(name.unicodeScalars)
            self.writtenName = writtenName
            self.date = date
            self.timeOfDay = timeOfDay
            self.place = place
            self.isVideo = isVideo
            self.fromHeadline = fromHeadline
            self.hasBodyTrigger = hasBodyTrigger
            self.sentence = sentence
            self.nameSpans = nameSpans
        }
    }

    /// A participant being built.
    struct ParticipantDraft {
        /// The person's number (``Mention/person``).
        var person: Int
        var roles: Roles
        /// Speaker only because of 宣布: dropped for the chair, whose announcements are part of chairing.
        var announcesOnly: Bool
        /// Normalised ranges of the titles, in order, each written differently from the others
        /// (made Strings only for the output).
        var titles: [Range<Int>]
        var titlesFromHeadline: Bool
        var evidence: [Evidence]
        /// The sentence starts of ``evidence`` once there are many (a short list is searched instead),
        /// so that a sentence is recorded once without a set per participant.
        var evidenceStarts: Set<Int>?

        /// Records `item` unless its sentence was recorded already.
        mutating func addEvidence(_ item: Evidence) {
            if var starts = evidenceStarts {
                evidenceStarts = nil
                if starts.insert(item.start).inserted { evidence.append(item) }
                evidenceStarts = starts
            } else if !evidence.contains(where: { $0.start == item.start }) {
                evidence.append(item)
                if evidence.count > 8 { evidenceStarts = Set(evidence.map(\.start)) }
            }
        }
    }

    // MARK: Running

    mutating func run() {
        let finder = NameFinder(scalars: scalars, sentences: sentences)
        (mentions, bylines, titleList) = finder.find()
        numberPeople()

        titledLists = [Bool](repeating: false, count: (mentions.lazy.map(\.list).max() ?? 0) + 1)
        for mention in mentions where !mention.titles.isEmpty && mention.list >= 0 { titledLists[mention.list] = true }
        assert(zip(mentions, mentions.dropFirst()).allSatisfy { $0.sentence <= $1.sentence }, "mentions are in text order")
        sentenceMentionStarts = [Int](repeating: 0, count: sentences.count + 1)
        for mention in mentions { sentenceMentionStarts[mention.sentence + 1] += 1 }
        for index in sentences.indices { sentenceMentionStarts[index + 1] += sentenceMentionStarts[index] }

        let events = EventFinder(scalars: scalars, mentions: mentions, original: { [normalized] in normalized.original($0) })
        var current: [Int] = []
        var pending: [Int] = []
        var lastDate: (EventDate?, String?)?
        var lastDateSentence = -100
        var lastSubject: Mention?
        var earlierEvents: [Int] = []
        var earlierClauseEnd = 0
        for (index, sentence) in sentences.enumerated() {
            var triggers = events.triggers(in: sentence, mentionsInSentence: Array(sentenceMentions(index)))
            // 会议指出,…市里紧急召开会议…: what the meeting said may name other meetings; they are
            // only referred to.
            if reportsTheMeetingsWords(sentence.range) { triggers.removeAll { !$0.refersBack } }
            var sentenceDate: (EventDate?, String?)?
            if let phrase = DateReader.firstPhrase(in: scalars, range: sentence.range) {
                let resolved = DateReader.resolve(phrase, published: published, contextDate: lastDate?.0)
                if resolved != nil || phrase.timeOfDay != nil { sentenceDate = (resolved, phrase.timeOfDay) }
            }
            if !triggers.isEmpty {
                // A headline has no date of its own: its event takes the date of the article's text.
                let date = sentence.isHeadline ? sentenceDate : sentenceDate ?? (index - lastDateSentence <= 3 ? lastDate : nil)
                var next: [Int] = []
                let previous = current
                let clauseStart = triggers.map(\.clauseStart).min() ?? sentence.range.lowerBound
                for trigger in triggers {
                    // 出席会议 after 主持召开X会议 in the same sentence, or in a later one: the same event.
                    if trigger.refersBack, !next.isEmpty || !current.isEmpty {
                        if next.isEmpty { next = current }
                        continue
                    }
                    // A visit goes on (X在调研中指出, 随后又来到…): same outing unless a new date is written.
                    if trigger.kind == .visit, sentenceDate == nil, let last = current.last,
                       lastDateSentence <= drafts[last].sentence, drafts[last].kind == .visit,
                       trigger.leader == nil || drafts[last].participants.contains(where: { $0.person == trigger.leader }) {
                        if !next.contains(last) { next.append(last) }
                        continue
                    }
                    let target = place(trigger, sentence: index, isHeadline: sentence.isHeadline, date: date)
                    if !next.contains(target) { next.append(target) }
                }
                current = next
                earlierEvents = previous.filter { !next.contains($0) }
                earlierClauseEnd = clauseStart
                if !pending.isEmpty {
                    for mentionIndex in pending { assign(mentions[mentionIndex], to: current, triggerSentence: false) }
                    pending.removeAll()
                }
            }
            // 本次会议采取视频会议形式: said later about the event being reported.
            if triggers.isEmpty, sentenceSaysVideo(index) {
                for event in current { drafts[event].isVideo = true }
            }
            if let sentenceDate, triggers.isEmpty || sentenceDate.0 != nil {
                lastDate = sentenceDate
                lastDateSentence = index
            }
            // 县委常委会会议上,…出席: a sentence opening with an event's name is about that event.
            if triggers.isEmpty, let named = eventNamed(atStartOf: sentence.range), current.count > 1 || !current.contains(named) {
                current = [named]
            }
            // A、B分别主持召开X和Y: the people before 分别 go, in order, to the events after it.
            let respective = respectiveEvents(in: sentence.range, mentions: mentionIndices(of: index), events: triggers.isEmpty ? [] : current)
            // Only a sentence with 陪同/参加/出席… can name the event a person joins (see namedEvent).
            let mayNameEvents = sentence.range.contains { Self.joiningOrAttendingVerbs.mayStart(scalars[$0]) }
            for mentionIndex in mentionIndices(of: index) {
                if let event = respective[mentionIndex] {
                    assign(mentions[mentionIndex], to: [event], triggerSentence: true)
                    continue
                }
                // 副省长X陪同检查 after 市委书记Y到驻地看望检查组: X joins the 检查 outing;
                // X参加座谈会,Y参加走访活动: each goes to the event named.
                let mention = mentions[mentionIndex]
                if mayNameEvents, let named = namedEvent(of: mention, current: current) {
                    assign(mentions[mentionIndex], to: named, triggerSentence: false)
                    continue
                }
                if !triggers.isEmpty, !earlierEvents.isEmpty, mentions[mentionIndex].range.upperBound <= earlierClauseEnd,
                   clauseHasRoleVerb(after: mentions[mentionIndex], before: earlierClauseEnd) {
                    assign(mentions[mentionIndex], to: earlierEvents, triggerSentence: false)
                    continue
                }
                if current.isEmpty || (sentence.isHeadline && triggers.isEmpty && !sentences[max(0, index - 1)].isHeadline) {
                    // A headline before its article's first sentence: hold its people for the next event.
                    pending.append(mentionIndex)
                    if !current.isEmpty { assignMentionedOnly(mentions[mentionIndex]) }
                } else {
                    assign(mentions[mentionIndex], to: current, triggerSentence: !triggers.isEmpty)
                }
            }
            // 走访市政府机关,…并召开座谈会: what follows is said at the meeting.
            if triggers.count > 1, triggers[0].kind == .visit, triggers.dropFirst().contains(where: { $0.kind == .meeting }) {
                let meetings = current.filter { drafts[$0].kind != .visit }
                if !meetings.isEmpty { current = meetings }
            }
            if !current.isEmpty, let subject = lastSubject { speakerPronoun(in: index, subject: subject, events: current) }
            if let first = sentenceMentions(index).first,
               current.contains(where: { event in drafts[event].participants.contains { $0.person == first.person } }) {
                lastSubject = first
            }
            if pending.count > 0, triggers.isEmpty, !sentence.isHeadline, !current.isEmpty {
                for mentionIndex in pending { assign(mentions[mentionIndex], to: current, triggerSentence: false) }
                pending.removeAll()
            }
        }
    }

    /// The indices in ``mentions`` of the mentions of sentence `sentence`.
    private func mentionIndices(of sentence: Int) -> Range<Int> {
        sentenceMentionStarts[sentence]..<sentenceMentionStarts[sentence + 1]
    }

    /// The mentions of sentence `sentence`, in order.
    private func sentenceMentions(_ sentence: Int) -> ArraySlice<Mention> {
        mentions[mentionIndices(of: sentence)]
    }

    /// Numbers the people named: each name gets one number (byline names first), kept in every
    /// mention and byline name, and its spelling where first written. Mentions of a byline's
    /// name are dropped: reporters and editors do not take part.
    private mutating func numberPeople() {
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

    /// Whether the clauses between `mention` and `limit` hold a role verb (X陪同检查,…): without
    /// one (副市长X,召集…,并召开协调会议) the person is the subject of the event that follows.
    private func clauseHasRoleVerb(after mention: Mention, before limit: Int) -> Bool {
        let here = sentenceMentions(mention.sentence)
        var position = mention.range.upperBound
        while position < limit {
            // The mention's own clause, and the list it starts (副省长X,市长Y陪同检查).
            if ScalarClass.endsClause(scalars[position]), !here.contains(where: { $0.start == position + 1 }) { return false }
            if lexicons.roleVerbs.longestMatch(in: scalars, at: position, limit: limit) != nil { return true }
            position += 1
        }
        return false
    }

    /// The event whose name opens the sentence at `range`, followed by 上 (县委常委会会议上,…).
    private func eventNamed(atStartOf range: Range<Int>) -> Int? {
        var start = range.lowerBound
        if start < range.upperBound, scalars[start] == "在" { start += 1 }
        guard start < range.upperBound else { return nil }
        for index in drafts.indices.reversed() where drafts[index].nameScalars.first == scalars[start] {
            let name = drafts[index].nameScalars
            guard name.count >= 3, scalars.has(name, at: start) else { continue }
            if start + name.count < range.upperBound, scalars[start + name.count] == "上" { return index }
        }
        return nil
    }

    /// For A、B分别主持召开X和Y: each person before 分别 mapped to the event of the same rank among
    /// `events`, when their numbers agree; empty otherwise.
    private func respectiveEvents(in range: Range<Int>, mentions indices: Range<Int>, events: [Int]) -> [Int: Int] {
        guard events.count >= 2, let respectively = scalars.find(Array("分别".unicodeScalars), in: range) else { return [:] }
        let before = indices.filter { mentions[$0].range.upperBound <= respectively }
        guard before.count == events.count,
              let first = before.first, !(mentions[first].range.upperBound..<respectively).contains(where: { ScalarClass.endsSentence(scalars[$0]) })
        else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(before, events))
    }

    /// Openings of a sentence that reports what the meeting said (会议指出, 会上强调, 会议号召).
    private static let meetingsWords = WordList(resource: "meeting-subjects")
    /// What the meeting did (指出, 强调, 号召), after one of ``meetingsWords``.
    private static let meetingsSpeechVerbs = WordList(resource: "meeting-speech-verbs")

    /// Whether the sentence at `range` opens with 会议指出, 会上强调 and the like.
    private func reportsTheMeetingsWords(_ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        while start < range.upperBound, !ScalarClass.isIdeograph(scalars[start]) { start += 1 }
        // 会议上强调 as well as 会议强调: every subject that starts here is tried.
        return Self.meetingsWords.matches(at: start, in: scalars).contains { subject in
            Self.meetingsSpeechVerbs.startsWord(at: start + subject.count, in: scalars)
        }
    }

    /// Verbs saying that people went along on an outing named by the verb after them (陪同检查).
    private static let joiningVerbs = WordList(resource: "joining-verbs")
    /// Verbs of taking part followed by the event's name (参加座谈会, 参加走访活动).
    private static let attendingVerbs = WordList(resource: "attending-verbs")
    /// ``joiningVerbs`` and ``attendingVerbs`` together.
    private static let joiningOrAttendingVerbs = joiningVerbs + attendingVerbs

    /// The event that `mention`'s clause names after its verb, when that picks one event out of
    /// several: X陪同检查 or Y一同调研 (the latest visit whose name starts with that verb, even
    /// after another outing was reported); with two events current or just reported, X参加座谈会
    /// or Y参加走访活动 (the one with that keyword).
    private func namedEvent(of mention: Mention, current: [Int]) -> [Int]? {
        let end = sentences[mention.sentence].range.upperBound
        let here = sentenceMentions(mention.sentence)
        // The events a verb of taking part may name: distinct, found when first needed.
        var candidates: [Int]?
        var named: [Int] = []
        var namesTheMeeting = false
        var position = mention.range.upperBound
        // The clause, and the list it starts when names go on after a comma (市长X,副市长Y等参加…).
        while position < end, !ScalarClass.endsClause(scalars[position])
                || here.contains(where: { $0.range.upperBound == position }) && here.contains(where: { $0.start == position + 1 }) {
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
            if Self.attendingVerbs.startsWord(at: position, in: scalars) {
                if candidates == nil {
                    var found = current
                    for index in drafts.indices where (0...6).contains(mention.sentence - drafts[index].sentence) && !found.contains(index) {
                        found.append(index)
                    }
                    candidates = found
                }
                guard let candidates, candidates.count > 1 else { return nil }
                // 参加调研并出席会议: each verb names its event; a bare 会议 is the meeting being reported.
                var keywordStart = position + 2
                while keywordStart < min(end, position + 14), !ScalarClass.endsClause(scalars[keywordStart]) {
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

    /// Adds the event of `trigger` or merges it into an earlier one naming the same event; returns its index.
    private mutating func place(_ trigger: EventTrigger, sentence: Int, isHeadline: Bool, date: (EventDate?, String?)?) -> Int {
        let triggerName = Array(trigger.name.unicodeScalars)
        let isVideo = Self.videoNameWords.occurs(in: triggerName) || sentenceSaysVideo(sentence)
        for index in drafts.indices.reversed() {
            // Read in place, and changed in place below: a copy of the draft would copy its lists.
            func matches(_ draft: borrowing EventDraft) -> (Bool, headlineMatch: Bool) {
                // 第四场集体采访 after 新闻中心第四场集体采访: a shorter name that ends the longer one.
                let shorter = min(draft.nameScalars.count, triggerName.count)
                let sameName = draft.nameScalars == triggerName
                    || draft.kind == trigger.kind && shorter >= 5
                        && (draft.nameScalars.has(triggerName, endingAt: draft.nameScalars.count)
                            || triggerName.has(draft.nameScalars, endingAt: triggerName.count))
                let compatibleDate = draft.date == nil || date?.0 == nil || draft.date == date?.0
                let compatibleTime = draft.timeOfDay == nil || date?.1 == nil || draft.timeOfDay == date?.1
                let headlineMatch = draft.fromHeadline && !draft.hasBodyTrigger && !isHeadline && draft.kind == trigger.kind
                    && sentence - draft.sentence <= 8 && index == drafts.count - 1
                return ((sameName && compatibleDate && compatibleTime) || headlineMatch, headlineMatch)
            }
            let (found, headlineMatch) = matches(drafts[index])
            guard found else { continue }
            if triggerName.count < drafts[index].nameScalars.count || drafts[index].nameScalars.isEmpty {
                drafts[index].name = trigger.name
                drafts[index].writtenName = trigger.writtenName
            }
            if drafts[index].date == nil || (headlineMatch && date?.0 != nil) { drafts[index].date = date?.0 }
            if drafts[index].timeOfDay == nil || (headlineMatch && date?.1 != nil) { drafts[index].timeOfDay = date?.1 }
            if drafts[index].place == nil { drafts[index].place = trigger.place }
            if isVideo { drafts[index].isVideo = true }
            if !isHeadline { drafts[index].hasBodyTrigger = true }
            drafts[index].nameSpans.append(trigger.span)
            return index
        }
        drafts.append(EventDraft(kind: trigger.kind, name: trigger.name, writtenName: trigger.writtenName, date: date?.0, timeOfDay: date?.1, place: trigger.place,
                                 isVideo: isVideo, fromHeadline: isHeadline, hasBodyTrigger: !isHeadline, sentence: sentence,
                                 nameSpans: [trigger.span]))
        return drafts.count - 1
    }

    /// 他强调, 他还要求: a speech verb after 他/她 at the start of a clause belongs to the person
    /// the text was last about.
    private mutating func speakerPronoun(in sentenceIndex: Int, subject: Mention, events: [Int]) {
        let range = sentences[sentenceIndex].range
        // Most sentences hold no 他 or 她: one scan rules them out.
        guard scalars[range].contains(where: { $0 == "他" || $0 == "她" }) else { return }
        var position = range.lowerBound
        while position < range.upperBound {
            let atClauseStart = position == range.lowerBound || ScalarClass.endsClause(scalars[position - 1])
            if atClauseStart, scalars[position] == "他" || scalars[position] == "她", position + 1 < range.upperBound,
               scalars[position + 1] != "们" {
                var index = position + 1
                while index < min(range.upperBound, position + 14) {
                    if sentenceMentions(sentenceIndex).contains(where: { $0.range.contains(index) }) { break }
                    if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: range.upperBound), verb.value.contains(.speaker) {
                        if lexicons.mentionMarkers.longestMatch(in: scalars, at: index + verb.length, limit: range.upperBound) != nil { break }
                        // The person named last before the pronoun in this sentence, else the text's last subject.
                        let before = sentenceMentions(sentenceIndex).last { $0.range.upperBound <= position }
                        let pronoun = before ?? subject
                        for event in events where drafts[event].participants.contains(where: { $0.person == pronoun.person }) {
                            add(pronoun, roles: .speaker, announcesOnly: false, to: event)
                        }
                        return
                    }
                    index += 1
                }
            }
            position += 1
        }
    }

    private func sentenceSaysVideo(_ index: Int) -> Bool {
        let range = sentences[index].range
        // Every video word holds 视: one scan rules out most sentences.
        guard scalars[range].contains("视") else { return false }
        return Self.videoWords.occurs(in: range, of: scalars)
    }

    // MARK: Roles

    /// What a mention says about its person.
    enum Finding {
        case roles(Roles, announcesOnly: Bool)
        case mentioned
        case unknown
    }

    private mutating func assignMentionedOnly(_ mention: Mention) {
        if case .mentioned = finding(for: mention) { mentionedPeople.append(mention.person) }
    }

    private mutating func assign(_ mention: Mention, to events: [Int], triggerSentence: Bool) {
        let finding = finding(for: mention)
        var roles: Roles
        var announcesOnly = false
        switch finding {
        case .mentioned:
            mentionedPeople.append(mention.person)
            return
        case let .roles(found, announces):
            roles = found
            announcesOnly = announces
        case .unknown:
            // Outside the trigger's sentence, an outing's titled people (and the rest of their
            // list: 副议长A及B、C) took part.
            let titled = !mention.titles.isEmpty || mention.list >= 0 && titledLists[mention.list]
            guard triggerSentence || events.contains(where: { drafts[$0].kind != .meeting }) && titled else { return }
            roles = .attendee
        }
        for event in events {
            // A visit's leader and the people he meets are attendees whatever verb carries them.
            var eventRoles = roles
            if drafts[event].kind != .meeting, !eventRoles.contains(.attendee), triggerSentence { eventRoles.insert(.attendee) }
            add(mention, roles: eventRoles, announcesOnly: announcesOnly, to: event)
        }
    }

    private mutating func add(_ mention: Mention, roles: Roles, announcesOnly: Bool, to event: Int) {
        let fromHeadline = sentences[mention.sentence].isHeadline
        let titles = titleList[mention.titles]
        // A copy to read while a participant of `drafts` is changed in place (which holds `self`).
        let text = normalized
        let evidence = evidence(for: mention)
        if let index = drafts[event].participants.firstIndex(where: { $0.person == mention.person }) {
            // Updated in place: a copy of the draft would copy its evidence list on every mention,
            // which made a long text that repeats one report quadratic.
            func merge(into participant: inout ParticipantDraft) {
                if roles.contains(.speaker), !announcesOnly { participant.announcesOnly = false }
                if !participant.roles.contains(.speaker), roles.contains(.speaker) { participant.announcesOnly = announcesOnly }
                participant.roles.formUnion(roles)
                // Titles come from the article's text; a headline's title only stands in until the text gives one.
                if !fromHeadline, participant.titlesFromHeadline, !titles.isEmpty {
                    participant.titles = []
                    participant.titlesFromHeadline = false
                }
                if !fromHeadline || participant.titles.isEmpty {
                    for title in titles where !participant.titles.contains(where: { text.writtenAlike($0, title) }) { participant.titles.append(title) }
                    if fromHeadline, !titles.isEmpty { participant.titlesFromHeadline = true }
                }
                participant.addEvidence(evidence)
            }
            merge(into: &drafts[event].participants[index])
        } else {
            drafts[event].participants.append(ParticipantDraft(person: mention.person, roles: roles, announcesOnly: announcesOnly && roles.contains(.speaker),
                                                               titles: Array(titles), titlesFromHeadline: fromHeadline && !titles.isEmpty,
                                                               evidence: [evidence]))
        }
    }

    private mutating func evidence(for mention: Mention) -> Evidence {
        let range = sentences[mention.sentence].range
        let sentence: String
        if let cached = sentenceTexts[mention.sentence] {
            sentence = cached
        } else {
            // The sentence as written, without the line breaks of the source.
            let written = normalized.originalScalars[normalized.originalOffsets[range.lowerBound]..<normalized.originalOffsets[range.upperBound]]
            // Most sentences hold no line break: their scalars are encoded directly, with the size known.
            let breaksLines = written.contains { $0 == "\n" || $0 == "\r" }
            sentence = breaksLines ? String(scalars: written.lazy.filter { $0 != "\n" && $0 != "\r" }) : String(scalars: written)
            sentenceTexts[mention.sentence] = sentence
        }
        return Evidence(document: documentName, sentence: sentence,
                        start: normalized.originalOffsets[range.lowerBound], end: normalized.originalOffsets[range.upperBound],
                        mentionStart: normalized.originalOffsets[mention.range.lowerBound],
                        mentionEnd: normalized.originalOffsets[mention.range.upperBound])
    }

    /// Reads the verbs after (or before) a mention: 主持 → chair, 强调 → speaker, 参加 → attendee,
    /// 精神/批示 → only mentioned.
    func finding(for mention: Mention) -> Finding {
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
    private func isSubject(_ mention: Mention, in sentence: Range<Int>, among here: ArraySlice<Mention>) -> Bool {
        var listStart = mention.start
        while let previous = here.last(where: { $0.range.upperBound <= listStart }),
              listStart - previous.range.upperBound <= 1,
              listStart == previous.range.upperBound || ScalarClass.separatesNames(scalars[previous.range.upperBound]) {
            listStart = previous.start
        }
        return listStart == sentence.lowerBound || ScalarClass.endsClause(scalars[listStart - 1])
    }

    /// Words that may open a clause before its verb while keeping the sentence's subject.
    private static let clauseConnectors = WordList(resource: "clause-connectors")
    /// Verbs that, opening a later clause, say the subject spoke (not 传达/部署, which after
    /// 主持召开…会 list the meeting's business).
    private static let laterSpeechVerbs = WordList(resource: "later-speech-verbs")

    /// Whether one of the next two clauses after `position` (the end of the clause whose verb was
    /// found) opens with a speech verb and no new subject: 韩立峰实地检查了…,要求各单位… — the
    /// subject carries over the comma, so the person also spoke.
    private func speaksInALaterClause(from position: Int, end: Int, sentence: Int) -> Bool {
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
    private func groupClauseJoins(at start: Int, end: Int, sentence: Int) -> Bool {
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

    private func isInsideEventName(_ position: Int) -> Bool {
        drafts.contains { draft in draft.nameSpans.contains { $0.contains(position) && $0.lowerBound != position } }
    }

    // MARK: Output

    /// Names that say nothing about which meeting it was, as scalars (compared with the text and with names).
    private static let bareNames = WordList(resource: "bare-event-names")

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
