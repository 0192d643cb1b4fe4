import Foundation
import MeetGraph

/// The word lists the extractor applies, read once from `Resources/*.txt`.
///
/// A plain list holds one word a line and is read through ``WordList``; a table holds one entry a
/// line with tab-separated columns that carry its data (a role, a kind). In both, `#` starts a
/// comment line, and a malformed line stops the program with the file and line named.
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
    /// Labels opening a line of minutes (主持:, 出席:, 列席:, 记录:) and the roles of the names after them.
    var minutesLabels: ScalarTrie<Roles>
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
        for word in WordList(resource: "surnames").entries { surnames.insert(word[...], true) }
        titles = ScalarTrie()
        titlesBackwards = ScalarTrie()
        titleLastScalars = [Bool](repeating: false, count: 0x10000)
        for word in WordList(resource: "titles").entries {
            titles.insert(word[...], true)
            titlesBackwards.insert(Array(word.reversed())[...], true)
            if let last = word.last, last.value < 0x10000 { titleLastScalars[Int(last.value)] = true }
        }
        peopleLabels = ScalarTrie()
        for word in WordList(resource: "people-labels").entries {
            titles.insert(word[...], false)
            titlesBackwards.insert(Array(word.reversed())[...], false)
            peopleLabels.insert(word[...], true)
            if let last = word.last, last.value < 0x10000 { titleLastScalars[Int(last.value)] = true }
        }
        roleVerbs = ScalarTrie()
        for columns in Self.rows("role-verbs", columns: 2) {
            let roles = Roles(columns[1].split(separator: ",").map { Self.value(of: String($0), as: Role.self, in: "role-verbs") })
            roleVerbs.insert(columns[0], roles)
        }
        minutesLabels = ScalarTrie()
        for columns in Self.rows("minutes-labels", columns: 2) {
            let roles = Roles(columns[1].split(separator: ",").map { Self.value(of: String($0), as: Role.self, in: "minutes-labels") })
            minutesLabels.insert(columns[0], roles)
        }
        eventKeywords = ScalarTrie()
        eventKeywordsBackwards = ScalarTrie()
        for columns in Self.rows("event-kinds", columns: 3) {
            let kind = Self.value(of: columns[1], as: EventKind.self, in: "event-kinds")
            let keyword = EventKeyword(kind: kind, isVerb: columns[2] == "verb")
            eventKeywords.insert(columns[0], keyword)
            eventKeywordsBackwards.insert(reversing: columns[0], keyword)
        }
        (bylinesAfter, bylinesBefore, bylineFirstScalars) = Self.bylineTables()
        mentionMarkers = ScalarTrie()
        for word in WordList(resource: "mention-markers").entries { mentionMarkers.insert(word[...], true) }
        nonPersonWords = ScalarTrie()
        for word in WordList(resource: "non-person").entries { nonPersonWords.insert(word[...], true) }
        nameFollowers = ScalarTrie()
        for word in WordList(resource: "name-followers").entries { nameFollowers.insert(word[...], true) }
        titleStopsBackwards = ScalarTrie()
        for word in WordList(resource: "title-stops").entries { titleStopsBackwards.insert(Array(word.reversed())[...], true) }
        titleWords = ScalarTrie()
        for word in WordList(resource: "title-words").entries { titleWords.insert(word[...], true) }
        nameStopsBackwards = ScalarTrie()
        for columns in Self.rows("name-stops", columns: 2) {
            nameStopsBackwards.insert(reversing: columns[0], Self.value(of: columns[1], as: NameStop.self, in: "name-stops"))
        }
        givenAfterTitles = WordList(resource: "given-after-titles").scalarSet
        notInNames = [Bool](repeating: false, count: 0x10000)
        for scalar in WordList(resource: "not-in-names").scalarSet where scalar.value < 0x10000 { notInNames[Int(scalar.value)] = true }
    }

    /// The byline markers of `Resources/bylines.txt` written after the name (记者 X) and before it
    /// (X 摄), and the bitmap of the scalars a byline may start with (their first scalars and the
    /// opening brackets).
    private static func bylineTables() -> (after: ScalarTrie<NonParticipation>, before: ScalarTrie<NonParticipation>, firstScalars: [Bool]) {
        var after = ScalarTrie<NonParticipation>()
        var before = ScalarTrie<NonParticipation>()
        var firstScalars = [Bool](repeating: false, count: 0x10000)
        for bracket in ["(", "（"] as [Unicode.Scalar] { firstScalars[Int(bracket.value)] = true }
        for columns in rows("bylines", columns: 3) {
            let reason = value(of: columns[1], as: NonParticipation.self, in: "bylines")
            if let first = columns[0].unicodeScalars.first, first.value < 0x10000 { firstScalars[Int(first.value)] = true }
            if columns[2] == "after" { after.insert(columns[0], reason) } else { before.insert(columns[0], reason) }
        }
        return (after, before, firstScalars)
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

    /// Tab-separated rows of at least `columns` columns; a shorter row stops the program with the
    /// file and the row named.
    static func rows(_ name: String, columns: Int) -> [[String]] {
        lines(name).map { line in
            let row = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            precondition(row.count >= columns, "MeetGraphExtraction: Resources/\(name).txt: “\(line)” needs \(columns) tab-separated columns")
            return row
        }
    }

    /// The value `text` names in a table's column; an unknown name stops the program with the file named.
    private static func value<Value: RawRepresentable>(of text: String, as type: Value.Type, in name: String) -> Value
        where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            preconditionFailure("MeetGraphExtraction: Resources/\(name).txt: “\(text)” is not a \(Value.self)")
        }
        return value
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
