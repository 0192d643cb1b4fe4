import MeetGraph

/// A date written in a sentence, with its time of day (上午, 下午), either of which may be missing.
struct DateContext {
    var date: EventDate?
    var timeOfDay: String?
}

/// What the sentences read so far say about the events: the context that one sentence passes to
/// the next (which events are being reported, the last date written, whose people wait).
struct EventTracker {
    /// How many sentences after it a date still applies to an event named without one.
    static let dateReach = 3

    /// The events the text reports now (indices into the drafts).
    var current: [Int] = []
    /// People (mention indices) held until an event is known: a headline's, read before its
    /// article's first event.
    var pending: [Int] = []
    /// The last date written, and the sentence it was written in (nil before the first).
    var lastDate: DateContext?
    var lastDateSentence: Int?
    /// The person the text was last about, for 他强调 in a later sentence.
    var lastSubject: Mention?
    /// The events reported before the current sentence's events, and where the sentence's first
    /// event clause starts: people named before it belong to those events
    /// (副省长X陪同检查,市委书记Y到驻地看望检查组).
    var earlierEvents: [Int] = []
    var earlierClauseEnd = 0

    /// Whether the last date written still applies in sentence `sentence`.
    func dateCarriesOver(to sentence: Int) -> Bool {
        lastDateSentence.map { sentence - $0 <= Self.dateReach } ?? false
    }

    /// Whether no date was written after sentence `sentence` (a visit goes on until one is).
    func noDateWritten(after sentence: Int) -> Bool {
        lastDateSentence.map { $0 <= sentence } ?? true
    }
}
