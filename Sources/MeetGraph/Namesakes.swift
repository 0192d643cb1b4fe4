/// The place or body a title names: 许昌市 in 许昌市委书记, 河南省 and 许昌市 in 河南省许昌市市长.
///
/// Read by ``init(title:)`` from the start of a title: each level is at least two characters
/// ending in an administrative ending (省, 市, 县 …), and the office follows. A title that starts
/// with its office (市长, 县委书记, 常务副市长) names no place.
public struct Jurisdiction: Sendable, Hashable, CustomStringConvertible {
    /// The levels as written, the widest first (`["河南省", "许昌市"]`).
    public let levels: [String]

    /// Endings of administrative divisions: a level of a place ends with one of them. (A closed
    /// set of the country's division names, not a word list to grow.)
    static let endings: Set<Character> = ["省", "市", "县", "区", "州", "旗", "盟", "乡", "镇"]
    /// Characters of the words that qualify an office rather than name a place (常务副 in
    /// 常务副市长, 代 in 代市长): a segment made only of them is not a place.
    static let officeQualifiers: Set<Character> = ["常", "务", "副", "代", "理", "原", "前", "时", "任", "党", "组", "执", "行"]

    /// A jurisdiction of the given levels, widest first; nil when `levels` is empty.
    public init?(levels: [String]) {
        guard !levels.isEmpty else { return nil }
        self.levels = levels
    }

    /// The place `title` starts with, if any: 许昌市委书记 → 许昌市, 许昌市长 → 许昌市,
    /// 河南省许昌市魏都区区长 → 河南省 许昌市 魏都区; 市长, 常务副市长 and 局长 → nil.
    public init?(title: String) {
        var levels: [String] = []
        var segment = ""
        for character in title {
            segment.append(character)
            // A level is two or more characters and an ending (许昌 市), not office words (常务副 市长).
            guard Self.endings.contains(character), segment.count >= 3,
                  !segment.dropLast().allSatisfy(Self.officeQualifiers.contains) else { continue }
            levels.append(segment)
            segment = ""
        }
        self.init(levels: levels)
    }

    /// The ending of the level an office is of, when the title starts with its office: 市 for
    /// 市长 and 市委常委, 县 for 副县长 and 县委书记; nil for 局长 or a title that names a place.
    public static func officeLevel(ofTitle title: String) -> Character? {
        var prefix = ""
        for character in title.prefix(4) {
            if endings.contains(character) { return prefix.allSatisfy(officeQualifiers.contains) ? character : nil }
            prefix.append(character)
        }
        return nil
    }

    /// The places joined (`河南省许昌市`).
    public var name: String { levels.joined() }
    /// The most specific level (`许昌市`).
    public var narrowest: String { levels[levels.count - 1] }
    /// ``name``.
    public var description: String { name }

    /// Whether the two can be one person's: one's levels all among the other's (许昌市 and
    /// 河南省许昌市 can; 许昌市 and 焦作市, or 河南省 and 许昌市, cannot).
    public func isCompatible(with other: Jurisdiction) -> Bool {
        let mine = Set(levels), theirs = Set(other.levels)
        return mine.isSubset(of: theirs) || theirs.isSubset(of: mine)
    }
}

/// Namesakes: one name borne by several people, told apart by the jurisdictions their titles name.
///
/// Part of the who-is-who rule: after names are keyed (``PersonIdentity``), the participations of
/// one key are grouped by compatible jurisdictions. One group (or none) is one person. Several
/// groups are several people, each shown with its place (`张三（甲市）`); participations whose
/// titles name no place stay with the bare name, which is then ambiguous.
public enum Namesakes {
    /// The jurisdiction of a participation with `titles` at an event named `eventName` whose
    /// participants hold `eventTitles`: the place its own titles name; else, for an office of a
    /// level (市长 → 市), the one place of that level the event's name and other titles name
    /// (市长 at 甲市委常委会会议, or at a meeting where the others are 甲市委书记 → 甲市).
    public static func jurisdiction(titles: [String], eventTitles: [[String]], eventName: String = "") -> Jurisdiction? {
        var levels: [String] = []
        for title in titles {
            for level in Jurisdiction(title: title)?.levels ?? [] where !levels.contains(level) { levels.append(level) }
        }
        if let own = Jurisdiction(levels: levels) { return own }
        let offices = Set(titles.compactMap(Jurisdiction.officeLevel(ofTitle:)))
        guard !offices.isEmpty else { return nil }
        var found: Set<String> = []
        for other in eventTitles + [[eventName]] {
            for title in other {
                for level in Jurisdiction(title: title)?.levels ?? [] where offices.contains(level.last!) {
                    found.insert(level)
                }
            }
        }
        guard found.count == 1, let level = found.first else { return nil }
        return Jurisdiction(levels: [level])
    }

    /// How the participations of one name divide among people.
    public struct Split: Sendable, Hashable {
        /// The qualifier of each namesake (`甲市`), empty when the name is one person.
        public var qualifiers: [String]
        /// For each participation, the index into ``qualifiers`` of its person, or nil for the
        /// bare name (always nil when ``qualifiers`` is empty).
        public var assignment: [Int?]
        /// Whether the name is borne by several people.
        public var isSplit: Bool { !qualifiers.isEmpty }
    }

    /// Groups participations by their jurisdictions (`nil`: no place named): compatible ones are
    /// one person, incompatible ones different people (see ``Jurisdiction/isCompatible(with:)``).
    public static func split(_ places: [Jurisdiction?]) -> Split {
        var distinct: [Jurisdiction] = []
        var counts: [Int] = []
        for place in places.compactMap({ $0 }) {
            if let index = distinct.firstIndex(of: place) { counts[index] += 1 } else { distinct.append(place); counts.append(1) }
        }
        // Union-find over the distinct places: a chain of compatible places is one person.
        var parent = Array(distinct.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        for first in distinct.indices {
            for second in distinct.indices where second > first && distinct[first].isCompatible(with: distinct[second]) {
                parent[root(second)] = root(first)
            }
        }
        var groupOfRoot: [Int: Int] = [:]
        var best: [(place: Jurisdiction, count: Int)] = []
        for index in distinct.indices {
            let group = groupOfRoot[root(index)] ?? {
                groupOfRoot[root(index)] = best.count
                best.append((distinct[index], 0))
                return best.count - 1
            }()
            if counts[index] > best[group].count { best[group] = (distinct[index], counts[index]) }
        }
        guard best.count > 1 else { return Split(qualifiers: [], assignment: places.map { _ in nil }) }
        // Each person is qualified by its most frequent place, the narrowest level when that tells them apart.
        let narrow = best.map(\.place.narrowest)
        let qualifiers = Set(narrow).count == narrow.count ? narrow : best.map(\.place.name)
        let assignment: [Int?] = places.map { place in
            place.flatMap { distinct.firstIndex(of: $0) }.map { groupOfRoot[root($0)]! }
        }
        return Split(qualifiers: qualifiers, assignment: assignment)
    }

    /// The name shown for the namesake of `name` qualified by `qualifier`: `张三（甲市）`.
    public static func qualified(_ name: String, by qualifier: String) -> String {
        name + "（" + qualifier + "）"
    }

    /// `name` with a qualifier typed in ASCII brackets written in full-width ones: 张三(甲市) → 张三（甲市）.
    public static func qualifierBrackets(_ name: String) -> String {
        guard name.hasSuffix(")"), name.contains("(") else { return name }
        return String(name.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
    }

    /// The qualifier of a namesake's name: 张三（甲市） → 甲市; nil for a bare name.
    public static func qualifier(of name: String) -> Substring? {
        guard name.hasSuffix("）"), let open = name.firstIndex(of: "（") else { return nil }
        return name[name.index(after: open)..<name.index(before: name.endIndex)]
    }

    /// `name` without a namesake qualifier: 张三（甲市） → 张三.
    public static func bareName(_ name: String) -> String {
        guard name.hasSuffix("）"), let open = name.firstIndex(of: "（") else { return name }
        return String(name[..<open])
    }
}
