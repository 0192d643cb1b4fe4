import Foundation
import MeetGraph

/// The word lists the extractor applies, read once from `Resources/*.txt`.
///
/// Each file holds one entry per line (or several separated by spaces for plain lists), `#` starts
/// a comment, and tab-separated columns carry an entry's data (a role, a kind).
struct Lexicons: Sendable {
    /// What an event keyword names and how it is used in a sentence.
    struct EventKeyword: Sendable {
        var kind: EventKind
        /// A noun ends a meeting's name (…调度会); a verb names an outing (调研…, 会见).
        var isVerb: Bool
    }

    /// Where a byline's name stands relative to its marker.
    struct BylineMarker: Sendable {
        var reason: NonParticipation
        /// true: 记者 X; false: X 摄.
        var nameFollows: Bool
    }

    var surnames: ScalarTrie<Bool>
    var titles: ScalarTrie<Bool>
    /// ``titles`` spelled backwards: the longest title ending at a position in one walk
    /// (``ScalarTrie/longestMatch(in:backwardsFrom:notBefore:)``).
    var titlesBackwards: ScalarTrie<Bool>
    /// Labels of people a visit calls on (困难群众, 老人): titles after which a name must end cleanly.
    var peopleLabels: ScalarTrie<Bool>
    /// The last scalars of title head words (记, 长, 席 …): a bitmap that tells where a title may end.
    var titleLastScalars: [Bool]
    var roleVerbs: ScalarTrie<Roles>
    var eventKeywords: ScalarTrie<EventKeyword>
    /// ``eventKeywords`` spelled backwards: the longest keyword ending at a position in one walk.
    var eventKeywordsBackwards: ScalarTrie<EventKeyword>
    var bylinesAfter: ScalarTrie<NonParticipation>
    var bylinesBefore: ScalarTrie<NonParticipation>
    /// The first scalars of byline markers (both kinds) and the opening brackets (邱志远): a
    /// bitmap over the Basic Multilingual Plane that tells where a byline may start.
    var bylineFirstScalars: [Bool]
    var mentionMarkers: ScalarTrie<Bool>
    var nonPersonWords: ScalarTrie<Bool>
    var nameFollowers: ScalarTrie<Bool>
    /// Words that end a title when read backwards (由, 在, 和 …), spelled backwards: they are only
    /// looked up as the longest stop ending at a position, found in one walk
    /// (``ScalarTrie/longestMatch(in:backwardsFrom:notBefore:)``).
    var titleStopsBackwards: ScalarTrie<Bool>
    /// Words inside titles that contain a title stop (应对, 发展和改革): the stop does not apply there.
    var titleWords: ScalarTrie<Bool>
    /// Words that end an event's name read backwards (召开, 在, 的 …), spelled backwards: they are
    /// only looked up as the longest stop ending at a position, found in one walk.
    var nameStopsBackwards: ScalarTrie<NameStop>
    /// Scalars that never occur in a given name (a bitmap over the Basic Multilingual Plane).
    var notInNames: [Bool]
    /// Scalars of ``notInNames`` that do occur in names written right after a title (长, 有).
    var givenAfterTitles: Set<Unicode.Scalar>

    /// What a word that ends an event's name (read backwards) says about the event.
    enum NameStop: String, Sendable {
        /// 召开, 举行, 主持, 出席: the event took place.
        case trigger
        /// 在 … 上: the event took place if a speech verb follows.
        case at
        /// 和, 及: a second event joined to the previous one.
        case and
        /// 的, 了: a modifier; the event is only referred to unless something else says it took place.
        case of
        /// 传达, 学习, 精神: the event is only referred to.
        case reference
        /// Any other stop.
        case plain
        /// A date or time of day just before the name.
        case date
    }

    /// The lexicons shipped in the package, loaded on first use.
    static let shared = Lexicons()

    private init() {
        surnames = ScalarTrie()
        for word in Self.words("surnames") { surnames.insert(word, true) }
        titles = ScalarTrie()
        titlesBackwards = ScalarTrie()
        titleLastScalars = [Bool](repeating: false, count: 0x10000)
        for word in Self.words("titles") {
            titles.insert(word, true)
            titlesBackwards.insert(reversing: word, true)
            if let last = word.unicodeScalars.last, last.value < 0x10000 { titleLastScalars[Int(last.value)] = true }
        }
        peopleLabels = ScalarTrie()
        for word in Self.words("people-labels") {
            titles.insert(word, false)
            titlesBackwards.insert(reversing: word, false)
            peopleLabels.insert(word, true)
            if let last = word.unicodeScalars.last, last.value < 0x10000 { titleLastScalars[Int(last.value)] = true }
        }
        roleVerbs = ScalarTrie()
        for columns in Self.rows("role-verbs") where columns.count >= 2 {
            let roles = Roles(columns[1].split(separator: ",").compactMap { Role(rawValue: String($0)) })
            roleVerbs.insert(columns[0], roles)
        }
        eventKeywords = ScalarTrie()
        eventKeywordsBackwards = ScalarTrie()
        for columns in Self.rows("event-kinds") where columns.count >= 3 {
            guard let kind = EventKind(rawValue: columns[1]) else { continue }
            let keyword = EventKeyword(kind: kind, isVerb: columns[2] == "verb")
            eventKeywords.insert(columns[0], keyword)
            eventKeywordsBackwards.insert(reversing: columns[0], keyword)
        }
        bylinesAfter = ScalarTrie()
        bylinesBefore = ScalarTrie()
        bylineFirstScalars = [Bool](repeating: false, count: 0x10000)
        for bracket in ["(", "（"] as [Unicode.Scalar] { bylineFirstScalars[Int(bracket.value)] = true }
        for columns in Self.rows("bylines") where columns.count >= 3 {
            guard let reason = NonParticipation(rawValue: columns[1]) else { continue }
            if let first = columns[0].unicodeScalars.first, first.value < 0x10000 { bylineFirstScalars[Int(first.value)] = true }
            if columns[2] == "after" { bylinesAfter.insert(columns[0], reason) } else { bylinesBefore.insert(columns[0], reason) }
        }
        mentionMarkers = ScalarTrie()
        for word in Self.words("mention-markers") { mentionMarkers.insert(word, true) }
        nonPersonWords = ScalarTrie()
        for word in Self.words("non-person") { nonPersonWords.insert(word, true) }
        nameFollowers = ScalarTrie()
        for word in Self.words("name-followers") { nameFollowers.insert(word, true) }
        titleStopsBackwards = ScalarTrie()
        for word in Self.words("title-stops") { titleStopsBackwards.insert(reversing: word, true) }
        titleWords = ScalarTrie()
        for word in Self.words("title-words") { titleWords.insert(word, true) }
        nameStopsBackwards = ScalarTrie()
        for columns in Self.rows("name-stops") where columns.count >= 2 {
            if let stop = NameStop(rawValue: columns[1]) { nameStopsBackwards.insert(reversing: columns[0], stop) }
        }
        givenAfterTitles = Set(Self.words("given-after-titles").flatMap(\.unicodeScalars))
        notInNames = [Bool](repeating: false, count: 0x10000)
        for word in Self.words("not-in-names") {
            for scalar in word.unicodeScalars where scalar.value < 0x10000 { notInNames[Int(scalar.value)] = true }
        }
    }

    /// The lines of a resource file without comments and blank lines.
    private static func lines(_ name: String) -> [Substring] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            // The resources are part of the package: a missing file is a build error, not user input.
            preconditionFailure("MeetGraphExtraction: lexicon Resources/\(name).txt is missing from the bundle")
        }
        return text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
    }

    /// Every space-separated word of a plain list file.
    private static func words(_ name: String) -> [String] {
        lines(name).flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
    }

    /// Tab-separated rows.
    private static func rows(_ name: String) -> [[String]] {
        lines(name).map { $0.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) } }
    }
}

extension Lexicons {
    /// Whether the stop word at `stop` in `scalars` belongs to a longer word that holds it
    /// (``titleWords``: 应对, 经开区, 发展和改革, 中华人民共和国), one that starts at most six
    /// scalars before it, not before `lowerBound`, and ends by `upperBound`.
    func stopIsInsideWord(_ stop: Range<Int>, in scalars: [Unicode.Scalar], lowerBound: Int, upperBound: Int) -> Bool {
        var wordStart = stop.lowerBound
        while wordStart >= max(lowerBound, stop.lowerBound - 6) {
            if let word = titleWords.longestMatch(in: scalars, at: wordStart, limit: upperBound),
               wordStart + word.length >= stop.upperBound, wordStart < stop.lowerBound || wordStart + word.length > stop.upperBound {
                return true
            }
            wordStart -= 1
        }
        return false
    }
}
