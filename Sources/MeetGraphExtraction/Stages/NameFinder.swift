import Foundation
import MeetGraph

/// One place where a person's name is written.
struct Mention: Sendable {
    /// Normalised offsets of the name.
    var range: Range<Int>
    /// Where the titles written before the name are in the document's title list (the `titles`
    /// that ``NameFinder/find()`` returns: normalised ranges, in order, split at 、), shared by
    /// the members of a list; empty when untitled. Positions rather than an array of its own keep
    /// a mention free of reference counting, so copying one is a plain copy.
    var titles: Range<Int> = 0..<0
    /// Where the titles (or the name when untitled) start.
    var start: Int
    /// Index of the sentence.
    var sentence: Int
    /// Mentions written as one list (“副市长A、B、C”) share a list number.
    var list: Int
    /// The person's number in the document, given once all names are found: people are compared
    /// by number, not by name (hashing and comparing Chinese strings normalises them every time).
    var person = 0
    /// The number of the name that identifies the person in the document, in the order names
    /// are first found (equal names, compared as ``NameTable`` compares them, have one number):
    /// the mention's own name, or for a short form (施密特 after 克劳斯·施密特) the full name's.
    var name = 0
    /// The roles a label gives the name (出席:某某 in minutes), read instead of verbs; empty elsewhere.
    var labelledRoles: Roles = []
}

/// A name found in a byline: a reporter, photographer or editor.
struct BylineName: Sendable {
    /// Normalised offsets of the name.
    var range: Range<Int>
    var reason: NonParticipation
    /// The person's number in the document (see ``Mention/person``).
    var person = 0
    /// The number of the name (see ``Mention/name``).
    var name = 0
}

/// Finds people's names: after titles (市委书记X), continuing lists (副市长A、B、C), in bylines,
/// before role verbs (X主持), and every later occurrence of a name already found.
struct NameFinder {

    let scalars: [Unicode.Scalar]
    let sentences: [Sentence]
    /// The shared lexicons, read in place (a stored copy would retain each of their tables every time this finder is copied).
    var lexicons: Lexicons { Lexicons.shared }

    /// The mentions, ordered by position, the byline names, and the titles the mentions point to
    /// (``Mention/titles``).
    func find() -> (mentions: [Mention], bylines: [BylineName], titles: [Range<Int>]) {
        // Sized for about one name per dozen scalars, as in news reports, so that the arrays
        // seldom grow (each growth copies them).
        var mentions: [Mention] = []
        mentions.reserveCapacity(scalars.count / 12)
        var titles: [Range<Int>] = []
        titles.reserveCapacity(scalars.count / 12)
        var list = 0
        var bylines: [BylineName] = []
        var bylineRanges: [Range<Int>] = []
        for (index, sentence) in sentences.enumerated() {
            for byline in bylineNames(in: sentence.range) {
                bylines.append(byline)
                bylineRanges.append(byline.range)
            }
            let firstTitled = mentions.count
            titledMentions(in: sentence.range, sentence: index, list: &list, into: &mentions, titles: &titles)
            // Titled mentions that overlap a byline name are dropped (looked for first: most overlap none).
            func overlapsAByline(_ mention: Mention) -> Bool { bylineRanges.contains { $0.overlaps(mention.range) } }
            if !bylineRanges.isEmpty, firstTitled < mentions.count, mentions[firstTitled...].contains(where: overlapsAByline) {
                let titled = mentions[firstTitled...].filter { !overlapsAByline($0) }
                mentions.replaceSubrange(firstTitled..., with: titled)
            }
        }
        // Offsets already taken by a mention or a byline name: a candidate overlapping one is
        // skipped (a bitmap instead of a scan of all mentions per candidate).
        var covered = [Bool](repeating: false, count: scalars.count)
        for mention in mentions { for offset in mention.range { covered[offset] = true } }
        for range in bylineRanges { for offset in range { covered[offset] = true } }
        // The names found so far, by number, and the first spelling of each (which later
        // occurrences must match). (Sized for the names found so far and as many again.)
        var known = NameTable<Int>(expectedScalars: 6 * mentions.count)
        var knownSpellings: [Range<Int>] = []
        knownSpellings.reserveCapacity(3 * mentions.count + bylines.count)
        // The number of the name at `range`, given now if it is new.
        func number(_ range: Range<Int>) -> Int {
            let (number, isNew) = known.insertIfAbsent(range, in: scalars, knownSpellings.count)
            if isNew { knownSpellings.append(range) }
            return number
        }
        for index in mentions.indices { mentions[index].name = number(mentions[index].range) }
        // Verb-anchored names (X主持, X强调) at clause starts.
        for (index, sentence) in sentences.enumerated() {
            for range in verbAnchoredNames(in: sentence.range) {
                // The covered check first: it spares looking up a name already found here.
                if range.contains(where: { covered[$0] }) { continue }
                if known.value(for: range, in: scalars) != nil { continue }
                list += 1
                mentions.append(Mention(range: range, start: range.lowerBound, sentence: index, list: list, name: number(range)))
                for offset in range { covered[offset] = true }
            }
        }
        // Header lines of minutes: 主持:某某  出席:某某 某某  列席:某某、某某.
        var headerRoles: Roles?
        for (index, sentence) in sentences.enumerated() {
            guard let header = headerNames(in: sentence.range, continuing: headerRoles) else {
                headerRoles = nil
                continue
            }
            headerRoles = header.roles
            if header.names.isEmpty { continue }
            list += 1
            for found in header.names {
                if let existing = mentions.indices.first(where: { mentions[$0].range == found.name }) {
                    mentions[existing].labelledRoles = header.roles
                    continue
                }
                guard !found.name.contains(where: { covered[$0] }) else { continue }
                var titleRange = 0..<0
                if let title = found.title {
                    titles.append(title)
                    titleRange = (titles.count - 1)..<titles.count
                }
                mentions.append(Mention(range: found.name, titles: titleRange, start: found.title?.lowerBound ?? found.name.lowerBound,
                                        sentence: index, list: list, name: number(found.name), labelledRoles: header.roles))
                for offset in found.name { covered[offset] = true }
            }
        }
        // Names written before their title: 某某省长主持…, 某某副院长先传达….
        for (index, sentence) in sentences.enumerated() {
            for found in namesBeforeTitles(in: sentence.range) where !found.name.contains(where: { covered[$0] }) {
                titles.append(found.title)
                list += 1
                mentions.append(Mention(range: found.name, titles: (titles.count - 1)..<titles.count, start: found.name.lowerBound,
                                        sentence: index, list: list, name: number(found.name)))
                for offset in found.name { covered[offset] = true }
            }
        }
        // Untitled lists: 江海潮、宋明远、贺思齐等23名委员先后发言.
        for (index, sentence) in sentences.enumerated() {
            for range in untitledList(in: sentence.range) {
                if range.contains(where: { covered[$0] }) { continue }
                mentions.append(Mention(range: range, start: range.lowerBound, sentence: index, list: -1, name: number(range)))
                for offset in range { covered[offset] = true }
            }
        }
        // Enumerations around the names found: the items the rules above left out (甲乙丙、丁戊己、庚辛壬出席).
        var mentionsBySentence = [[Int]](repeating: [], count: sentences.count)
        for (index, mention) in mentions.enumerated() { mentionsBySentence[mention.sentence].append(index) }
        for (index, sentence) in sentences.enumerated() where !mentionsBySentence[index].isEmpty {
            let found = mentionsBySentence[index].sorted { mentions[$0].range.lowerBound < mentions[$1].range.lowerBound }
                .map { (range: mentions[$0].range, start: mentions[$0].start, titled: !mentions[$0].titles.isEmpty, mention: $0) }
            for item in missingListItems(in: sentence.range, found: found, isTaken: { covered[$0] })
            where !item.range.contains(where: { covered[$0] }) {
                let neighbour = mentions[item.joins]
                mentions.append(Mention(range: item.range, titles: neighbour.titles,
                                        start: neighbour.titles.isEmpty ? item.range.lowerBound : neighbour.start,
                                        sentence: index, list: neighbour.list, name: number(item.range)))
                for offset in item.range { covered[offset] = true }
            }
        }
        // Every other occurrence of a known name, spelled as first found.
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
            var position = sentence.range.lowerBound
            while position < sentence.range.upperBound {
                if !covered[position], let match = trie.longestMatch(in: scalars, at: position, limit: sentence.range.upperBound) {
                    let range = position..<(position + match.length)
                    if !range.contains(where: { covered[$0] }) {
                        // The last mention found in the sentence that ends before this one.
                        let previousIndex = (firstAddedHere..<mentions.count).last(where: { mentions[$0].range.upperBound <= position })
                            ?? foundInSentence[sentenceStarts[index]..<sentenceStarts[index + 1]].last(where: { mentions[$0].range.upperBound <= position })
                        let previousList = previousIndex.map { mentions[$0] }
                        let joined = previousList.map { isListGap(from: $0.range.upperBound, to: position) } ?? false
                        if !joined { list += 1 }
                        mentions.append(Mention(range: range, start: position,
                                                sentence: index, list: joined ? previousList!.list : list, name: match.value))
                        for offset in range { covered[offset] = true }
                        position = range.upperBound
                        continue
                    }
                }
                position += 1
            }
        }
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        // 施密特表示 after 克劳斯·施密特: a transcribed name's last part stands for the whole name.
        // (Made only when such a name occurs: most documents have none.)
        var shortForms: NameTable<Int>?
        for mention in mentions {
            guard let last = lastPartAfterDot(mention.range), last.count >= 2 else { continue }
            if shortForms == nil { shortForms = NameTable() }
            shortForms?.insertIfAbsent(last, in: scalars, mention.name)
        }
        if let shortForms {
            for index in mentions.indices {
                if let full = shortForms.value(for: mentions[index].range, in: scalars) { mentions[index].name = full }
            }
        }
        // Byline names are numbered last: they are not looked for elsewhere in the text.
        for index in bylines.indices { bylines[index].name = number(bylines[index].range) }
        return (mentions, bylines, titles)
    }

    /// The last part of a name written with middle dots (施密特 in 克劳斯·施密特), or nil when
    /// the name has no dot. Parts are split as a String splits at the Character “·” (which
    /// U+0387, canonically equivalent to it, also matches), empty parts left out.
    func lastPartAfterDot(_ range: Range<Int>) -> Range<Int>? {
        func isDot(_ scalar: Unicode.Scalar) -> Bool { scalar == "\u{B7}" || scalar == "\u{387}" }
        guard range.contains(where: { isDot(scalars[$0]) }) else { return nil }
        var end = range.upperBound
        while end > range.lowerBound, isDot(scalars[end - 1]) { end -= 1 }
        var start = end
        while start > range.lowerBound, !isDot(scalars[start - 1]) { start -= 1 }
        return start < end ? start..<end : nil
    }

}
