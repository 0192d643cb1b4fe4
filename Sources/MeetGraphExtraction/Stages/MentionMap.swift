/// Which mention lies at each offset of a text, so that the role reading can ask "is a name
/// here?" in constant time, however many names a sentence lists.
///
/// (Searching the sentence's mentions at every offset made one sentence listing N names with 、
/// cubic: 1,000 names took 1.9 s, 4,000 took 92 s.) Mentions never share a name's offsets, so
/// at most one name starts or ends at an offset; a span (titles and name) may hold an earlier
/// name inside its titles, and then the first mention in text order is the one that covers it.
struct MentionMap {
    /// By offset: the first mention whose span (``Mention/start`` to the end of its name) holds it.
    private var covering: [Int32] = []
    /// By offset: the mention whose span starts there (``Mention/start``).
    private var spanStarts: [Int32] = []
    /// By offset: the mention whose name starts there.
    private var nameStarts: [Int32] = []
    /// By offset: the mention whose name ends there.
    private var nameEnds: [Int32] = []

    /// An empty map.
    init() {}

    /// The map of `mentions` (in text order) over a text of `count` scalars.
    init(_ mentions: [Mention], count: Int) {
        covering = [Int32](repeating: -1, count: count + 1)
        spanStarts = covering
        nameStarts = covering
        nameEnds = covering
        for (index, mention) in mentions.enumerated() {
            let number = Int32(index)
            for offset in mention.start..<mention.range.upperBound where covering[offset] < 0 { covering[offset] = number }
            spanStarts[mention.start] = number
            nameStarts[mention.range.lowerBound] = number
            nameEnds[mention.range.upperBound] = number
        }
    }

    /// The first mention whose span holds `offset`.
    func mention(covering offset: Int) -> Int? { Self.read(covering, offset) }
    /// The mention whose span (titles included) starts at `offset`.
    func mention(spanningFrom offset: Int) -> Int? { Self.read(spanStarts, offset) }
    /// The mention whose name starts at `offset`.
    func mention(namedFrom offset: Int) -> Int? { Self.read(nameStarts, offset) }
    /// The mention whose name ends at `offset`.
    func mention(endingAt offset: Int) -> Int? { Self.read(nameEnds, offset) }

    @inline(__always)
    private static func read(_ table: [Int32], _ offset: Int) -> Int? {
        guard offset >= 0, offset < table.count else { return nil }
        let value = table[offset]
        return value < 0 ? nil : Int(value)
    }
}

/// What the role reading has already worked out in a document, so that a list of N names is read
/// in time proportional to N rather than N².
struct RoleReadingMemo {
    /// Where a walk forward for roles starts: right after a name, for a subject or not.
    struct WalkStart: Hashable {
        var position: Int
        var isSubject: Bool
    }

    /// The outcome of the walk from a start (``DocumentAnalysis/Finding/unknown`` when no verb
    /// follows). A walk from one name that crosses the next names of its list, with no clause
    /// crossed and no 与会 read, passes through their starts: they share its outcome.
    var walks: [WalkStart: DocumentAnalysis.Finding] = [:]
    /// Where the list of names that a mention's span closes starts (A、B、C: A's start), by the
    /// span's start.
    var listStarts: [Int: Int] = [:]

    /// Forgets the walks: an event's name was added, and a verb inside one no longer counts.
    mutating func forgetWalks() {
        if !walks.isEmpty { walks.removeAll() }
    }
}
