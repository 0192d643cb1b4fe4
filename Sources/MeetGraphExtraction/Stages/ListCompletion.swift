/// Completing enumerations of names: the items of a list that the finder's other rules left out.
///
/// A report lists people as one enumeration — 甲乙丙、丁戊己、庚辛壬出席会议, 副主席甲乙丙、丁戊己和秘书长庚辛壬 —
/// and every item of it is a person, whether or not its surname is a common one and whatever
/// follows the last item. Once some items of an enumeration are known to be names, the items
/// between and beside them are names too when they have the shape of one: two to four characters
/// between separators (、, 和, 及, 以及, 与), the first a surname (or, inside the list, any character
/// that may start a name: 喇, 鸟 and other rare surnames), the rest characters that occur in names.
extension NameFinder {
    /// The longest item of an enumeration, in characters (a four-character name: 欧阳某某, 张王某某).
    static let longestListItem = 4

    /// Items of enumerations in `sentence` that are names, next to the names already found there
    /// (`found`, in text order, each with the index of its mention): each comes with the index of
    /// the found mention whose list it joins. `isTaken(offset)` says whether an offset already
    /// belongs to a name or a byline.
    func missingListItems(in sentence: Range<Int>, found: [(range: Range<Int>, start: Int, titled: Bool, mention: Int)],
                          isTaken: (Int) -> Bool) -> [(range: Range<Int>, joins: Int)] {
        var result: [(range: Range<Int>, joins: Int)] = []
        // Where found names start, or their titles (a titled name is reached through its title: 和秘书长某某).
        let foundStarts = Set(found.map(\.range.lowerBound) + found.map(\.start))
        for (index, item) in found.enumerated() {
            // Rightwards: …某某、[item]、[item]和…
            var position = item.range.upperBound
            var pending: [Range<Int>] = []
            while let next = itemStart(after: position, limit: sentence.upperBound) {
                if foundStarts.contains(next) {
                    result += pending.map { ($0, item.mention) }
                    pending.removeAll()
                    break
                }
                if let length = dottedName(at: next, limit: sentence.upperBound) {
                    let range = next..<(next + length)
                    guard !range.contains(where: isTaken) else { break }
                    result += (pending + [range]).map { ($0, item.mention) }
                    pending.removeAll()
                    position = range.upperBound
                    continue
                }
                guard let length = listItemLength(at: next, limit: sentence.upperBound) else { break }
                let range = next..<(next + length)
                guard !range.contains(where: isTaken), take(range, pending: &pending, into: &result, joining: item.mention) else { break }
                position = range.upperBound
            }
            // Leftwards, from an untitled first name: [item]、[item]、某某…
            guard !item.titled, index == 0 || found[index - 1].range.upperBound < item.range.lowerBound - Self.longestListItem - 1 else { continue }
            var end = item.range.lowerBound
            pending.removeAll()
            while end - 1 > sentence.lowerBound, scalars[end - 1] == ScalarClass.enumerationComma,
                  let length = listItemLength(endingAt: end - 1, lowerBound: sentence.lowerBound) {
                let range = (end - 1 - length)..<(end - 1)
                guard !range.contains(where: isTaken), take(range, pending: &pending, into: &result, joining: item.mention) else { break }
                end = range.lowerBound
            }
        }
        return result
    }

    /// Takes the item at `range` if it has a name's shape: with a known surname it is a name (and
    /// so are the `pending` items before it); with a rare surname (three characters) it waits in
    /// `pending` for a name further on. Returns false where the enumeration ends.
    private func take(_ range: Range<Int>, pending: inout [Range<Int>], into result: inout [(range: Range<Int>, joins: Int)],
                      joining mention: Int) -> Bool {
        guard isNameShaped(range) else { return false }
        if lexicons.surnames.longestMatch(in: scalars, at: range.lowerBound, limit: range.upperBound) != nil {
            result += (pending + [range]).map { ($0, mention) }
            pending.removeAll()
        } else if range.count == 3 {
            pending.append(range)
        } else {
            return false
        }
        return true
    }

    /// Where the next item of an enumeration starts after `position`: after 、 or a joining word
    /// (和, 及, 以及, 与).
    private func itemStart(after position: Int, limit: Int) -> Int? {
        guard position < limit else { return nil }
        if scalars[position] == ScalarClass.enumerationComma { return position + 1 }
        if let joiner = Self.listJoiners.longestMatch(at: position, in: scalars, limit: limit) { return position + joiner.count }
        return nil
    }

    /// The length of the enumeration item starting at `start`: the fewest characters (two to
    /// four) followed by what may follow an item — a separator, a joining word, 等, punctuation,
    /// a role verb (…、某某出席) or a word that follows names (…、某某相继发言).
    private func listItemLength(at start: Int, limit: Int) -> Int? {
        for length in 2...Self.longestListItem {
            let end = start + length
            guard end <= limit, ScalarClass.isIdeograph(scalars[end - 1]) else { return nil }
            if end == limit || mayFollowItem(at: end, limit: limit) { return length }
        }
        return nil
    }

    /// The length of the enumeration item ending at `end`: the fewest characters (two to four)
    /// before which the enumeration starts or goes on (、, punctuation, a clause's start).
    private func listItemLength(endingAt end: Int, lowerBound: Int) -> Int? {
        for length in 2...Self.longestListItem {
            let start = end - length
            guard start >= lowerBound, ScalarClass.isIdeograph(scalars[start]) else { return nil }
            if start == lowerBound || !ScalarClass.isIdeograph(scalars[start - 1]) { return length }
        }
        return nil
    }

    /// Whether what is at `position` may follow an item of an enumeration.
    private func mayFollowItem(at position: Int, limit: Int) -> Bool {
        let scalar = scalars[position]
        if !ScalarClass.isIdeograph(scalar) || scalar == FunctionWords.shared.etc { return true }
        if Self.listJoiners.startsWord(at: position, in: scalars) || Self.homesAfterNames.startsWord(at: position, in: scalars) { return true }
        if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: position, limit: limit), verb.length >= 2 { return true }
        // 某某相继发言, 某某结合工作实际提出建议: a word that follows names.
        if let follower = lexicons.nameFollowers.longestMatch(in: scalars, at: position, limit: limit), follower.length >= 2 { return true }
        return false
    }

    /// Whether `range` has the shape of a name: characters that occur in given names after the
    /// first, and no word that is not a name (全市, 有关).
    /// Between separators a name is expected, so the characters common in given names that rarely
    /// occur elsewhere in them (长, 有, 其: given-after-titles.txt) are accepted as after a title.
    private func isNameShaped(_ range: Range<Int>) -> Bool {
        (range.lowerBound + 1..<range.upperBound).allSatisfy { isGivenNameScalar(scalars[$0]) || lexicons.givenAfterTitles.contains(scalars[$0]) }
            && !isNonPerson(range)
            && lexicons.titles.longestMatch(in: scalars, at: range.lowerBound, limit: range.upperBound) == nil
    }
}

extension NameSearch {
    /// Enumerations around the names found: the items the passes before left out (甲乙丙、丁戊己、庚辛壬出席).
    mutating func completeLists() {
        var mentionsBySentence = [[Int]](repeating: [], count: sentences.count)
        for (index, mention) in mentions.enumerated() { mentionsBySentence[mention.sentence].append(index) }
        for (index, sentence) in sentences.enumerated() where !mentionsBySentence[index].isEmpty {
            let found = mentionsBySentence[index].sorted { mentions[$0].range.lowerBound < mentions[$1].range.lowerBound }
                .map { (range: mentions[$0].range, start: mentions[$0].start, titled: !mentions[$0].titles.isEmpty, mention: $0) }
            let covered = covered
            for item in finder.missingListItems(in: sentence.range, found: found, isTaken: { covered[$0] })
            where !item.range.contains(where: { self.covered[$0] }) {
                let neighbour = mentions[item.joins]
                mentions.append(Mention(range: item.range, titles: neighbour.titles,
                                        start: neighbour.titles.isEmpty ? item.range.lowerBound : neighbour.start,
                                        sentence: index, list: neighbour.list, name: number(item.range)))
                for offset in item.range { self.covered[offset] = true }
            }
        }
    }
}
