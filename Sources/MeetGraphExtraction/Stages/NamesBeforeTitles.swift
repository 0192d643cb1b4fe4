/// Names written before their title: 某某省长主持…, 某某副院长先传达…, 某某校長致詞 — the order of
/// many Taiwan, Hong Kong and Macau reports, of headlines, and of mainland texts that put the
/// person first.
extension NameFinder {
    /// Title words that, after a name, do not make it a titled person: 某某代表公司发言 (on behalf
    /// of), 某某领导… — words naming a group or a role in a sentence rather than an office.
    static let groupTitles = WordList(resource: "group-titles")

    /// Last characters of places, not names, before a title (韩国驻华大使, 某某市长).
    static let placeEndings = WordList(resource: "place-endings").scalarSet

    /// Last characters of organisations' units, after which a name before its title may start (外交部某某某部长).
    static let unitEndings = WordList(resource: "unit-endings").scalarSet

    /// Characters after which a name before its title may start: joining words and prepositions.
    static let wordsBeforeNames = WordList(resource: "words-before-names").scalarSet

    /// Names at a clause's start (or after 、, 和, 及) directly followed by a title that ends where
    /// a name's title may end (a role verb, 等, 一行, punctuation …), each with that title's range.
    func namesBeforeTitles(in range: Range<Int>) -> [(name: Range<Int>, title: Range<Int>)] {
        var result: [(name: Range<Int>, title: Range<Int>)] = []
        var position = range.lowerBound
        while position < range.upperBound {
            defer { position += 1 }
            guard lexicons.surnames.mayStart(with: scalars[position]), startsClauseOrListItem(at: position, lowerBound: range.lowerBound),
                  let length = nameLength(at: position, limit: range.upperBound, requireEnd: false) else { continue }
            // The longer reading first: 某某某省长, then 某某省长.
            for candidate in stride(from: length, through: 2, by: -1) {
                let end = position + candidate
                guard end < range.upperBound, (position + 1..<end).allSatisfy({ isGivenNameScalar(scalars[$0]) }),
                      !Self.placeEndings.contains(scalars[end - 1]),
                      !isNonPerson(position..<end),
                      let title = lexicons.titles.longestMatch(in: scalars, at: end, limit: range.upperBound), title.length >= 2,
                      !Self.groupTitles.contains(scalars[end..<(end + title.length)]),
                      isNameEnd(at: end + title.length, limit: range.upperBound) else { continue }
                result.append((position..<end, end..<(end + title.length)))
                position = end + title.length - 1
                break
            }
        }
        return result
    }

    /// Whether a name starting at `position` would open a clause or an item of a list.
    private func startsClauseOrListItem(at position: Int, lowerBound: Int) -> Bool {
        if position == lowerBound { return true }
        let previous = scalars[position - 1]
        // 5位新闻发言人: a count, not a name, before the title.
        if ScalarClass.isDigit(previous) { return false }
        if !ScalarClass.isIdeograph(previous) { return true }
        // 和, 及, 与 join names; 的, 由, 向, 对 stand before a person (退休的某某处长, 由某某院长率领);
        // a place or a unit names where the person serves (南港村某某村长, 外交部某某部长).
        return Self.wordsBeforeNames.contains(previous) || Self.placeEndings.contains(previous) || Self.unitEndings.contains(previous)
    }
}

extension NameSearch {
    /// Names written before their title: 某某省长主持…, 某某副院长先传达….
    mutating func addNamesBeforeTitles() {
        for (index, sentence) in sentences.enumerated() {
            for found in finder.namesBeforeTitles(in: sentence.range) where !found.name.contains(where: { covered[$0] }) {
                titles.append(found.title)
                list += 1
                mentions.append(Mention(range: found.name, titles: (titles.count - 1)..<titles.count, start: found.name.lowerBound,
                                        sentence: index, list: list, name: number(found.name)))
                for offset in found.name { covered[offset] = true }
            }
        }
    }
}
