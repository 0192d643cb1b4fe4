/// The work of ``NameFinder/find()``, pass by pass: titled names and bylines, names before verbs,
/// untitled lists, then every other occurrence of a name found.
struct NameSearch {
    let finder: NameFinder
    var scalars: [Unicode.Scalar] { finder.scalars }
    var sentences: [Sentence] { finder.sentences }

    var mentions: [Mention] = []
    var titles: [Range<Int>] = []
    /// The last list number given (``Mention/list``).
    var list = 0
    var bylines: [BylineName] = []
    var bylineRanges: [Range<Int>] = []
    /// Offsets already taken by a mention or a byline name: a candidate overlapping one is
    /// skipped (a bitmap instead of a scan of all mentions per candidate).
    var covered: [Bool] = []
    /// The names found so far, by number, and the first spelling of each (which later
    /// occurrences must match).
    var known = NameTable<Int>()
    var knownSpellings: [Range<Int>] = []

    init(finder: NameFinder) {
        self.finder = finder
        // Sized for about one name per dozen scalars, as in news reports, so that the arrays
        // seldom grow (each growth copies them).
        mentions.reserveCapacity(finder.scalars.count / 12)
        titles.reserveCapacity(finder.scalars.count / 12)
    }

    /// The number of the name at `range`, given now if it is new.
    mutating func number(_ range: Range<Int>) -> Int {
        let (number, isNew) = known.insertIfAbsent(range, in: scalars, knownSpellings.count)
        if isNew { knownSpellings.append(range) }
        return number
    }

    /// Persons after titles (市委书记X) and the names of bylines, sentence by sentence; the
    /// offsets they take are marked covered.
    mutating func findTitledNamesAndBylines() {
        for (index, sentence) in sentences.enumerated() {
            for byline in finder.bylineNames(in: sentence.range) {
                bylines.append(byline)
                bylineRanges.append(byline.range)
            }
            let firstTitled = mentions.count
            finder.titledMentions(in: sentence.range, sentence: index, list: &list, into: &mentions, titles: &titles)
            // Titled mentions that overlap a byline name are dropped (looked for first: most overlap none).
            let bylineRanges = bylineRanges
            func overlapsAByline(_ mention: Mention) -> Bool { bylineRanges.contains { $0.overlaps(mention.range) } }
            if !bylineRanges.isEmpty, firstTitled < mentions.count, mentions[firstTitled...].contains(where: overlapsAByline) {
                let titled = mentions[firstTitled...].filter { !overlapsAByline($0) }
                mentions.replaceSubrange(firstTitled..., with: titled)
            }
        }
        covered = [Bool](repeating: false, count: scalars.count)
        for mention in mentions { for offset in mention.range { covered[offset] = true } }
        for range in bylineRanges { for offset in range { covered[offset] = true } }
    }

    /// Numbers the names found after titles, in order.
    mutating func numberTitledNames() {
        // Sized for the names found so far and as many again.
        known = NameTable<Int>(expectedScalars: 6 * mentions.count)
        knownSpellings.reserveCapacity(3 * mentions.count + bylines.count)
        for index in mentions.indices { mentions[index].name = number(mentions[index].range) }
    }

    /// Verb-anchored names (X主持, X强调) at clause starts.
    mutating func addVerbAnchoredNames() {
        for (index, sentence) in sentences.enumerated() {
            for range in finder.verbAnchoredNames(in: sentence.range) {
                // The covered check first: it spares looking up a name already found here.
                if range.contains(where: { covered[$0] }) { continue }
                if known.value(for: range, in: scalars) != nil { continue }
                list += 1
                mentions.append(Mention(range: range, start: range.lowerBound, sentence: index, list: list, name: number(range)))
                for offset in range { covered[offset] = true }
            }
        }
    }

    /// Untitled lists: 甲某、乙某、丙某等23名委员先后发言.
    mutating func addUntitledLists() {
        for (index, sentence) in sentences.enumerated() {
            for range in finder.untitledList(in: sentence.range) {
                if range.contains(where: { covered[$0] }) { continue }
                mentions.append(Mention(range: range, start: range.lowerBound, sentence: index, list: NameFinder.untitledListNumber, name: number(range)))
                for offset in range { covered[offset] = true }
            }
        }
    }

    /// Every other occurrence of a known name, spelled as first found; it joins the list of the
    /// name before it when only a separator stands between them.
    mutating func addOtherOccurrences() {
        var trie = known.spellings
        if known.hasDecomposedNames {
            trie = ScalarTrie<Int>(small: true)
            for (name, range) in knownSpellings.enumerated() { trie.insert(scalars[range], name) }
        }
        // The mentions found so far, grouped by sentence in the order they were found (the order
        // `mentions` has): `foundInSentence[sentenceStarts[s]..<sentenceStarts[s + 1]]`.
        var sentenceStarts = [Int](repeating: 0, count: sentences.count + 1)
        for mention in mentions { sentenceStarts[mention.sentence + 1] += 1 }
        for index in sentences.indices { sentenceStarts[index + 1] += sentenceStarts[index] }
        var foundInSentence = [Int](repeating: 0, count: mentions.count)
        var filled = sentenceStarts
        for (index, mention) in mentions.enumerated() {
            foundInSentence[filled[mention.sentence]] = index
            filled[mention.sentence] += 1
        }
        for (index, sentence) in sentences.enumerated() {
            // The mentions this loop adds to the sentence, after those found before.
            let firstAddedHere = mentions.count
            let foundBefore = foundInSentence[sentenceStarts[index]..<sentenceStarts[index + 1]]
            var position = sentence.range.lowerBound
            while position < sentence.range.upperBound {
                guard !covered[position], let match = trie.longestMatch(in: scalars, at: position, limit: sentence.range.upperBound),
                      !(position..<(position + match.length)).contains(where: { covered[$0] }) else {
                    position += 1
                    continue
                }
                let range = position..<(position + match.length)
                // The last mention found in the sentence that ends before this one.
                let previousIndex = (firstAddedHere..<mentions.count).last(where: { mentions[$0].range.upperBound <= position })
                    ?? foundBefore.last(where: { mentions[$0].range.upperBound <= position })
                let previousList = previousIndex.map { mentions[$0] }
                let joined = previousList.map { finder.isListGap(from: $0.range.upperBound, to: position) } ?? false
                if !joined { list += 1 }
                mentions.append(Mention(range: range, start: position, sentence: index, list: joined ? previousList!.list : list, name: match.value))
                for offset in range { covered[offset] = true }
                position = range.upperBound
            }
        }
    }

    /// 施密特表示 after 克劳斯·施密特: a transcribed name's last part stands for the whole name.
    /// (Made only when such a name occurs: most documents have none.)
    mutating func applyShortForms() {
        var shortForms: NameTable<Int>?
        for mention in mentions {
            guard let last = finder.lastPartAfterDot(mention.range), last.count >= 2 else { continue }
            if shortForms == nil { shortForms = NameTable() }
            shortForms?.insertIfAbsent(last, in: scalars, mention.name)
        }
        guard let shortForms else { return }
        for index in mentions.indices {
            if let full = shortForms.value(for: mentions[index].range, in: scalars) { mentions[index].name = full }
        }
    }
}
