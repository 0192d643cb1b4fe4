import MeetGraph

// Short references: a surname and a title (黄县长, 夏主任) standing for a person the text has
// already named in full with that title (县长黄某某, 办公室主任夏某某).
extension NameSearch {
    /// Words before which a short reference may stand inside a clause (由黄县长主持).
    static let wordsBeforeShortReferences = WordList(resource: "words-before-short-references")

    /// Adds a mention for every surname-and-title reference that fits exactly one person named
    /// earlier: the same surname opens the name and one of the person's titles ends with the
    /// title written (花莲县长 for 县长). Two people who fit leave the reference unread.
    mutating func addShortReferences() {
        let titled = mentions.filter { !$0.titles.isEmpty }
        guard !titled.isEmpty else { return }
        let lexicons = finder.lexicons
        var added: [Mention] = []
        for (index, sentence) in sentences.enumerated() {
            let end = sentence.range.upperBound
            var position = sentence.range.lowerBound
            while position < end {
                guard !covered[position], opensShortReference(at: position, from: sentence.range.lowerBound),
                      let surname = lexicons.surnames.longestMatch(in: scalars, at: position, limit: end),
                      let title = lexicons.titles.longestMatch(in: scalars, at: position + surname.length, limit: end), title.value,
                      title.length >= 2
                else {
                    position += 1
                    continue
                }
                let range = position..<(position + surname.length + title.length)
                let titleRange = (position + surname.length)..<range.upperBound
                if range.contains(where: { covered[$0] }) {
                    position += 1
                    continue
                }
                var people = Set<Int>()
                for mention in titled where mention.range.upperBound <= position
                    && opensName(mention.range, with: position..<titleRange.lowerBound)
                    && titles[mention.titles].contains(where: { ends($0, with: titleRange) }) {
                    people.insert(mention.name)
                }
                if people.count == 1, let name = people.first {
                    added.append(Mention(range: range, start: position, sentence: index, list: NameFinder.untitledListNumber, name: name))
                    for offset in range { covered[offset] = true }
                    position = range.upperBound
                } else {
                    position += 1
                }
            }
        }
        guard !added.isEmpty else { return }
        mentions += added
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether a reference may start at `position`: at the start of a clause, or after 由, 与, 向….
    private func opensShortReference(at position: Int, from sentenceStart: Int) -> Bool {
        if position == sentenceStart || !ScalarClass.isIdeograph(scalars[position - 1]) { return true }
        return Self.wordsBeforeShortReferences.longestMatch(endingAt: position, in: scalars) != nil
    }

    /// Whether the name at `name` opens with the surname at `surname` and goes on after it.
    private func opensName(_ name: Range<Int>, with surname: Range<Int>) -> Bool {
        name.count > surname.count && zip(name, surname).allSatisfy { scalars[$0] == scalars[$1] }
    }

    /// Whether the title at `title` ends with the scalars at `word` (花莲县长 ends with 县长).
    private func ends(_ title: Range<Int>, with word: Range<Int>) -> Bool {
        title.count >= word.count && zip(title.suffix(word.count), word).allSatisfy { scalars[$0] == scalars[$1] }
    }
}
