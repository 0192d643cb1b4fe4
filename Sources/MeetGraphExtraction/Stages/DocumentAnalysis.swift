import MeetGraph

/// The working state of one extraction.
///
/// The work is done in stages, each in a file of its own under Stages/: names and titles
/// (``NameFinder``), people numbering, event triggers (``EventFinder``), event tracking, role
/// reading, participant building and output.
struct DocumentAnalysis {
    let normalized: NormalizedText
    let scalars: [Unicode.Scalar]
    let documentName: String
    let sentences: [Sentence]
    private(set) var published: EventDate?
    /// The shared lexicons, read in place (a stored copy would retain each of their tables every time the analysis is copied).
    var lexicons: Lexicons { Lexicons.shared }

    var mentions: [Mention] = []
    /// Which mention lies at each offset (built once the mentions are final).
    var mentionMap = MentionMap()
    /// What the role reading has already worked out (see ``RoleReadingMemo``).
    var roleMemo = RoleReadingMemo()
    /// The event named after each name end of the sentence being read (empty: none), for
    /// ``namedEvent(of:current:)``: the names of one list share their clause's verb.
    var namedEventMemo: [Int: [Int]] = [:]
    /// Where the mentions of each sentence start in ``mentions`` (one more entry than sentences):
    /// mentions are in text order, so a sentence's mentions are one run of them.
    var sentenceMentionStarts: [Int] = []
    /// Each sentence's evidence text, made once (by sentence index).
    var sentenceTexts: [String?]
    var bylines: [BylineName] = []
    /// The titles the mentions point to (``Mention/titles``).
    var titleList: [Range<Int>] = []
    var drafts: [EventDraft] = []
    var mentionedPeople: [Int] = []
    /// The lists led by a title (副议长A及B、C), whose untitled members are people too: by list
    /// number (``Mention/list``, which counts up from 0; untitled lists are -1).
    var titledLists: [Bool] = []
    /// The original spelling of each person, by number (``Mention/person``): as written where
    /// the person is first named, a byline first.
    var spelling: [String] = []
    /// People numbered below this are named in bylines.
    var bylinePeople = 0

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

    // MARK: Running

    /// Runs the stages over the document: names and people first, then each sentence in turn
    /// (its events, then its people).
    mutating func run() {
        findPeople()
        let events = EventFinder(scalars: scalars, mentions: mentions, original: { [normalized] in normalized.original($0) })
        var tracker = EventTracker()
        for index in sentences.indices {
            read(sentence: index, triggers: events, tracker: &tracker)
        }
    }

    /// Names and titles (``NameFinder``), people numbered, and the index of each sentence's mentions.
    private mutating func findPeople() {
        let finder = NameFinder(scalars: scalars, sentences: sentences)
        (mentions, bylines, titleList) = finder.find()
        numberPeople()
        titledLists = [Bool](repeating: false, count: (mentions.lazy.map(\.list).max() ?? 0) + 1)
        for mention in mentions where !mention.titles.isEmpty && mention.list != NameFinder.untitledListNumber { titledLists[mention.list] = true }
        assert(zip(mentions, mentions.dropFirst()).allSatisfy { $0.sentence <= $1.sentence }, "mentions are in text order")
        sentenceMentionStarts = [Int](repeating: 0, count: sentences.count + 1)
        for mention in mentions { sentenceMentionStarts[mention.sentence + 1] += 1 }
        for index in sentences.indices { sentenceMentionStarts[index + 1] += sentenceMentionStarts[index] }
        mentionMap = MentionMap(mentions, count: scalars.count)
    }

    /// One sentence: the events it reports or refers to, the date it gives, then its people.
    private mutating func read(sentence index: Int, triggers finder: EventFinder, tracker: inout EventTracker) {
        let sentence = sentences[index]
        var triggers = finder.triggers(in: sentence, mentionsInSentence: Array(sentenceMentions(index)))
        // 会议指出,…市里紧急召开会议…: what the meeting said may name other meetings; they are
        // only referred to.
        if reportsTheMeetingsWords(sentence.range) { triggers.removeAll { !$0.refersBack } }
        let sentenceDate = dateWritten(in: sentence.range, context: tracker.lastDate)
        if !triggers.isEmpty {
            placeEvents(of: triggers, in: index, date: sentenceDate, tracker: &tracker)
        } else if sentenceSaysVideo(index) {
            // 本次会议采取视频会议形式: said later about the event being reported.
            for event in tracker.current { drafts[event].isVideo = true }
        }
        if let sentenceDate, triggers.isEmpty || sentenceDate.date != nil {
            tracker.lastDate = sentenceDate
            tracker.lastDateSentence = index
        }
        // 县委常委会会议上,…出席: a sentence opening with an event's name is about that event.
        if triggers.isEmpty, let named = eventNamed(atStartOf: sentence.range), tracker.current.count > 1 || !tracker.current.contains(named) {
            tracker.current = [named]
        }
        assignPeople(of: index, hasTriggers: !triggers.isEmpty, tracker: &tracker)
        // 走访市政府机关,…并召开座谈会: what follows is said at the meeting.
        if triggers.count > 1, triggers[0].kind == .visit, triggers.dropFirst().contains(where: { $0.kind == .meeting }) {
            let meetings = tracker.current.filter { drafts[$0].kind != .visit }
            if !meetings.isEmpty { tracker.current = meetings }
        }
        if !tracker.current.isEmpty, let subject = tracker.lastSubject { speakerPronoun(in: index, subject: subject, events: tracker.current) }
        if let first = sentenceMentions(index).first,
           tracker.current.contains(where: { event in drafts[event].participants.contains { $0.person == first.person } }) {
            tracker.lastSubject = first
        }
        if !tracker.pending.isEmpty, triggers.isEmpty, !sentence.isHeadline, !tracker.current.isEmpty {
            assignPending(tracker: &tracker)
        }
    }

    /// The first date or time of day written in `range`, resolved against the document's date and
    /// the last date written (`context`).
    private func dateWritten(in range: Range<Int>, context: DateContext?) -> DateContext? {
        guard let phrase = DateReader.firstPhrase(in: scalars, range: range) else { return nil }
        let resolved = DateReader.resolve(phrase, published: published, contextDate: context?.date)
        guard resolved != nil || phrase.timeOfDay != nil else { return nil }
        return DateContext(date: resolved, timeOfDay: phrase.timeOfDay)
    }

    /// The events `triggers` report become current: new drafts, or earlier ones named again.
    private mutating func placeEvents(of triggers: [EventTrigger], in index: Int, date sentenceDate: DateContext?, tracker: inout EventTracker) {
        let sentence = sentences[index]
        // A headline has no date of its own: its event takes the date of the article's text.
        let date = sentence.isHeadline ? sentenceDate : sentenceDate ?? (tracker.dateCarriesOver(to: index) ? tracker.lastDate : nil)
        var next: [Int] = []
        let current = tracker.current
        let clauseStart = triggers.map(\.clauseStart).min() ?? sentence.range.lowerBound
        for trigger in triggers {
            // 出席会议 after 主持召开X会议 in the same sentence, or in a later one: the same event.
            // A meeting during a visit (县长某某出席座谈会 after 某某一行来我县考察) is an event of its own.
            let meetingDuringAVisit = trigger.kind == .meeting && next.isEmpty && !current.isEmpty
                && current.allSatisfy { drafts[$0].kind == .visit }
            if trigger.refersBack, !next.isEmpty || !current.isEmpty, !meetingDuringAVisit {
                if next.isEmpty { next = current }
                continue
            }
            // A visit goes on (X在调研中指出, 随后又来到…): same outing unless a new date is written.
            if trigger.kind == .visit, sentenceDate == nil, let last = current.last,
               tracker.noDateWritten(after: drafts[last].sentence), drafts[last].kind == .visit,
               trigger.leader == nil || drafts[last].participants.contains(where: { $0.person == trigger.leader }) {
                if !next.contains(last) { next.append(last) }
                continue
            }
            let target = place(trigger, sentence: index, isHeadline: sentence.isHeadline, date: date)
            if !next.contains(target) { next.append(target) }
        }
        tracker.current = next
        tracker.earlierEvents = current.filter { !next.contains($0) }
        tracker.earlierClauseEnd = clauseStart
        if !tracker.pending.isEmpty { assignPending(tracker: &tracker) }
    }

    /// The people held back (a headline's) join the current events.
    private mutating func assignPending(tracker: inout EventTracker) {
        for mentionIndex in tracker.pending { assign(mentions[mentionIndex], to: tracker.current, triggerSentence: false) }
        tracker.pending.removeAll()
    }

    /// Each person named in sentence `index` joins the event their clause names, or the current events.
    private mutating func assignPeople(of index: Int, hasTriggers: Bool, tracker: inout EventTracker) {
        let sentence = sentences[index]
        // A、B分别主持召开X和Y: the people before 分别 go, in order, to the events after it.
        var respective = respectiveEvents(in: sentence.range, mentions: mentionIndices(of: index), events: hasTriggers ? tracker.current : [])
        // 甲、乙分别主持召开X座谈会: a meeting of that name for each chair.
        if respective.isEmpty, hasTriggers {
            respective = eventPerChair(in: sentence.range, mentions: mentionIndices(of: index), events: tracker.current)
            if !respective.isEmpty { tracker.current = Array(Set(respective.values)).sorted() }
        }
        // Only a sentence with 陪同/参加/出席… can name the event a person joins (see namedEvent).
        let mayNameEvents = sentence.range.contains { Self.joiningOrAttendingVerbs.mayStart(scalars[$0]) }
        if !namedEventMemo.isEmpty { namedEventMemo.removeAll() }
        for mentionIndex in mentionIndices(of: index) {
            let mention = mentions[mentionIndex]
            if let event = respective[mentionIndex] {
                assign(mention, to: [event], triggerSentence: true)
                continue
            }
            // 副省长X陪同检查 after 市委书记Y到驻地看望检查组: X joins the 检查 outing;
            // X参加座谈会,Y参加走访活动: each goes to the event named.
            if mayNameEvents, let named = namedEvent(of: mention, current: tracker.current) {
                assign(mention, to: named, triggerSentence: false)
                continue
            }
            if hasTriggers, !tracker.earlierEvents.isEmpty, mention.range.upperBound <= tracker.earlierClauseEnd,
               clauseHasRoleVerb(after: mention, before: tracker.earlierClauseEnd) {
                assign(mention, to: tracker.earlierEvents, triggerSentence: false)
                continue
            }
            // A header line of minutes (主持:某某) is no headline: its people belong to the event reported.
            let isHeaderLine = !mention.labelledRoles.isEmpty
            if tracker.current.isEmpty || (sentence.isHeadline && !isHeaderLine && !hasTriggers && !sentences[max(0, index - 1)].isHeadline) {
                // A headline before its article's first sentence: hold its people for the next event.
                tracker.pending.append(mentionIndex)
                if !tracker.current.isEmpty { assignMentionedOnly(mention) }
            } else {
                assign(mention, to: tracker.current, triggerSentence: hasTriggers)
            }
        }
    }

    /// The indices in ``mentions`` of the mentions of sentence `sentence`.
    func mentionIndices(of sentence: Int) -> Range<Int> {
        sentenceMentionStarts[sentence]..<sentenceMentionStarts[sentence + 1]
    }

    /// The mentions of sentence `sentence`, in order.
    func sentenceMentions(_ sentence: Int) -> ArraySlice<Mention> {
        mentions[mentionIndices(of: sentence)]
    }
}
