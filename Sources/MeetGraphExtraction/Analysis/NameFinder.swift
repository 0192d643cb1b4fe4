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
    /// 代表, 领导, 负责人: words naming a group, after which a title is not followed by a name.
    private static let groupWords = WordList(resource: "group-words")
    /// 和, 及, 以及: words joining two names of one list.
    static let listJoiners = WordList(resource: "list-joiners")
    /// Words naming a paper, site or channel after a writer's slash (某某/某某日报).
    private static let mediaWords = WordList(resource: "media-words")
    /// Words that end an organisation's or a place's proper name (同德医院, 和平县).
    private static let organisationWords = WordList(resource: "organisation-words")

    let scalars: [Unicode.Scalar]
    let sentences: [Sentence]
    /// The shared lexicons, read in place (a stored copy would retain each of their tables every time this finder is copied).
    var lexicons: Lexicons { Lexicons.shared }

    /// Titles written after a name (某某总书记, X同志) and 新时代 (X新时代…思想).
    static let titlesAfterName = WordList(resource: "titles-after-name")

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
    private func lastPartAfterDot(_ range: Range<Int>) -> Range<Int>? {
        func isDot(_ scalar: Unicode.Scalar) -> Bool { scalar == "\u{B7}" || scalar == "\u{387}" }
        guard range.contains(where: { isDot(scalars[$0]) }) else { return nil }
        var end = range.upperBound
        while end > range.lowerBound, isDot(scalars[end - 1]) { end -= 1 }
        var start = end
        while start > range.lowerBound, !isDot(scalars[start - 1]) { start -= 1 }
        return start < end ? start..<end : nil
    }

    // MARK: Names

    /// The length of a name starting at `start` (surname + one or two given characters), if the
    /// characters after it are a plausible end of a name; `limit` bounds the search.
    func nameLength(at start: Int, limit: Int, requireEnd: Bool = true) -> Int? {
        guard start < limit, lexicons.surnames.mayStart(with: scalars[start]), ScalarClass.isIdeograph(scalars[start]),
              let surname = lexicons.surnames.longestMatch(in: scalars, at: start, limit: limit) else { return nil }
        // The candidates: surname + two given characters, then surname + one.
        var long: Int?
        var short: Int?
        let givenStart = start + surname.length
        if givenStart < limit, isGivenNameScalar(scalars[givenStart]) {
            short = surname.length + 1
            if givenStart + 1 < limit, isGivenNameScalar(scalars[givenStart + 1]) { long = surname.length + 2 }
        }
        // 钟文一行: a short name followed by a two-character follower word beats a longer name.
        if requireEnd, long != nil, let short, !isNonPerson(start..<(start + short)),
           let follower = lexicons.nameFollowers.longestMatch(in: scalars, at: start + short, limit: limit), follower.length >= 2 {
            return short
        }
        // The longer candidate first (tested without an array: this runs at most positions of a text).
        func accepts(_ length: Int) -> Bool {
            !isNonPerson(start..<(start + length)) && (!requireEnd || isNameEnd(at: start + length, limit: limit))
        }
        if let long, accepts(long), !runsIntoWord(at: start, length: long, limit: limit) { return long }
        if let short, accepts(short) { return short }
        return nil
    }

    /// A surname and one or two given characters, of which some may be ones that rarely occur in
    /// names (李长春, 王有福), ending cleanly: for names right after a title.
    func nameAfterTitle(at start: Int, limit: Int) -> Int? {
        guard start < limit, let surname = lexicons.surnames.longestMatch(in: scalars, at: start, limit: limit) else { return nil }
        func mayBeGiven(_ index: Int) -> Bool {
            index < limit && (isGivenNameScalar(scalars[index]) || lexicons.givenAfterTitles.contains(scalars[index]))
        }
        let givenStart = start + surname.length
        for givenLength in [2, 1] where (givenStart..<(givenStart + givenLength)).allSatisfy(mayBeGiven) {
            let end = givenStart + givenLength
            if givenLength == 2, runsIntoWord(at: start, length: end - start, limit: limit) { continue }
            let dotted = end < limit && (scalars[end] == "·" || scalars[end] == "•")
            if !dotted, !isNonPerson(start..<end), isNameEnd(at: end, limit: limit) { return end - start }
        }
        return nil
    }

    /// Whether a given name may use `scalar`.
    @inline(__always)
    func isGivenNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isIdeograph(scalar) && !(scalar.value < 0x10000 && lexicons.notInNames[Int(scalar.value)])
    }

    /// Whether `range` spells, or starts with, a word that is not a name (强调, 全市, 高度).
    func isNonPerson(_ range: Range<Int>) -> Bool {
        if let match = lexicons.nonPersonWords.longestMatch(in: scalars, at: range.lowerBound), match.length <= range.count { return true }
        // A name does not start with a role verb or an event keyword.
        if lexicons.roleVerbs.longestMatch(in: scalars, at: range.lowerBound, limit: range.upperBound) != nil { return true }
        return false
    }

    /// Whether a name may end at `position`: punctuation, the end, or a word that follows names.
    func isNameEnd(at position: Int, limit: Int) -> Bool {
        guard position < limit else { return true }
        let scalar = scalars[position]
        if !ScalarClass.isIdeograph(scalar) { return true }
        if lexicons.nameFollowers.longestMatch(in: scalars, at: position, limit: limit) != nil { return true }
        if lexicons.roleVerbs.longestMatch(in: scalars, at: position, limit: limit) != nil { return true }
        if lexicons.titles.longestMatch(in: scalars, at: position, limit: limit) != nil { return true }
        return false
    }

    // MARK: Titles

    /// Persons written after a title (市委书记X, 市委常委、常务副市长X), and the untitled names
    /// that continue their lists (副市长A、B、C).
    ///
    /// The mentions are appended to `result`, their titles to `titleList` (see ``Mention/titles``).
    func titledMentions(in range: Range<Int>, sentence: Int, list: inout Int, into result: inout [Mention], titles titleList: inout [Range<Int>]) {
        // Read at every position: kept in a local rather than fetched from the shared lexicons each time.
        let titleEnds = lexicons.titleLastScalars
        var position = range.lowerBound + 1
        var lastEnd = range.lowerBound
        while position < range.upperBound {
            let previous = scalars[position - 1]
            guard position >= lastEnd, previous.value < 0x10000, titleEnds[Int(previous.value)],
                  let head = lexicons.titlesBackwards.longestMatch(in: scalars, backwardsFrom: position, notBefore: lastEnd) else {
                position += 1
                continue
            }
            // After a visited person's label (困难群众X) only a cleanly ending name counts.
            let strict = head.value == false
            // 县领导 周永康 吴大伟: a space may set the names apart from the title.
            var nameStart = position
            if !strict, nameStart < range.upperBound, ScalarClass.isSpace(scalars[nameStart]),
               nameStart + 1 < range.upperBound, ScalarClass.isIdeograph(scalars[nameStart + 1]) {
                nameStart += 1
            }
            guard let length = strict ? labelledName(at: nameStart, limit: range.upperBound)
                    : personName(at: nameStart, limit: range.upperBound, afterTitle: true)
                        ?? delimitedName(at: nameStart, limit: range.upperBound, surnameFirst: true) else {
                position += 1
                continue
            }
            let titleEnd = position
            let titleStart = self.titleStart(headStart: position - head.length, lowerBound: lastEnd)
            let firstTitle = titleList.count
            titleList.append(titleStart..<titleEnd)
            var start = titleStart
            // Titles joined by 、 before this one: 市委常委、常务副市长宋明远 (found backwards, put in order below).
            while start - 1 > lastEnd, scalars[start - 1] == ScalarClass.enumerationComma,
                  let previousHead = lexicons.titlesBackwards.longestMatch(in: scalars, backwardsFrom: start - 1, notBefore: lastEnd) {
                let previousStart = self.titleStart(headStart: start - 1 - previousHead.length, lowerBound: lastEnd)
                guard previousStart < start - 1 else { break }
                titleList.append(previousStart..<(start - 1))
                start = previousStart
            }
            titleList[firstTitle...].reverse()
            let titles = firstTitle..<titleList.count
            list += 1
            let nameRange = nameStart..<(nameStart + length)
            result.append(Mention(range: nameRange, titles: titles, start: start,
                                  sentence: sentence, list: list))
            lastEnd = nameRange.upperBound
            // The list goes on: 、B、C … until a title starts a new person or the list ends.
            var cursor = nameRange.upperBound
            var sharedTitles = titles
            while cursor < range.upperBound {
                guard let next = listContinuation(after: cursor, limit: range.upperBound) else { break }
                if startsTitledPerson(at: next, limit: range.upperBound) { break }
                guard let nextLength = latinOrDoubleSurnameName(at: next, limit: range.upperBound)
                        ?? personName(at: next, limit: range.upperBound) ?? delimitedName(at: next, limit: range.upperBound) else { break }
                let continued = next..<(next + nextLength)
                // 副议长A及B、C、D: a list joined to the first name by 及/和 goes on with 、, so the
                // title was A's alone (a shared title would read 副议长A、B及C).
                if cursor == nameRange.upperBound, next - cursor > 1 || !ScalarClass.separatesNames(scalars[cursor]),
                   continued.upperBound < range.upperBound, scalars[continued.upperBound] == ScalarClass.enumerationComma {
                    sharedTitles = titles.upperBound..<titles.upperBound
                }
                result.append(Mention(range: continued, titles: sharedTitles, start: continued.lowerBound,
                                      sentence: sentence, list: list))
                cursor = continued.upperBound
                lastEnd = cursor
            }
            position = lastEnd
        }
    }

    /// A person's name at `start`: a Chinese name, or a transcribed one written with a middle dot
    /// (帕巴拉·格列朗杰) or in Latin letters.
    func personName(at start: Int, limit: Int, afterTitle: Bool = false) -> Int? {
        // 某某·某某某: a transcribed name, its parts joined by dots (not one that starts inside a
        // title word: 代表团团长克劳斯·施密特 — see below).
        if let length = dottedName(at: start, limit: limit),
           let firstDot = (start..<(start + length)).first(where: { Self.middleDots.contains(scalars[$0]) }),
           !((start + 1)...firstDot).contains(where: { lexicons.titlesBackwards.longestMatch(in: scalars, backwardsFrom: $0, notBefore: max(0, start - 3)) != nil }) {
            return length
        }
        if let length = nameLength(at: start, limit: limit) {
            let end = start + length
            guard end < limit, scalars[end] == "·" || scalars[end] == "•" else { return length }
        }
        // After a title a name is expected: 省长程浩然重要批示 — take the longest plausible name.
        // Not after group words (人大代表陆续…, 领导…): they are often followed by ordinary words.
        if afterTitle, !Self.groupWords.endsWord(at: start, in: scalars),
           let length = nameLength(at: start, limit: limit, requireEnd: false), length >= 3 {
            return runsIntoWord(at: start, length: length, limit: limit) ? length - 1 : length
        }
        // 省委书记尹长春来到…: after a title, characters that rarely belong to names may (长, 有).
        if afterTitle, let length = nameAfterTitle(at: start, limit: limit) { return length }
        // Names with a middle dot (艾力·买买提): parts joined by dots; the last part ends where a name may end.
        func isDot(_ scalar: Unicode.Scalar) -> Bool { scalar == "·" || scalar == "•" }
        // 让-马克·杜邦: a hyphen joins the parts of a given name.
        func inPart(_ index: Int) -> Bool {
            ScalarClass.isIdeograph(scalars[index])
                || (scalars[index] == "-" || scalars[index] == "‐") && index > start && index + 1 < limit
                    && ScalarClass.isIdeograph(scalars[index - 1]) && ScalarClass.isIdeograph(scalars[index + 1])
        }
        var end = start
        while end < limit, inPart(end), end - start < 8 { end += 1 }
        guard end > start, end < limit, isDot(scalars[end]) else { return nil }
        // 代表团团长克劳斯·施密特: the name starts after the last title word, not inside or across it.
        if ((start + 1)...end).contains(where: { lexicons.titlesBackwards.longestMatch(in: scalars, backwardsFrom: $0, notBefore: max(0, start - 3)) != nil }) {
            return nil
        }
        while true {
            let partStart = end + 1
            var partEnd = partStart
            while partEnd < limit, inPart(partEnd), partEnd - partStart < 8 { partEnd += 1 }
            guard partEnd > partStart else { return nil }
            if partEnd < limit, isDot(scalars[partEnd]) {
                end = partEnd
                continue
            }
            for length in 1...(partEnd - partStart) where isNameEnd(at: partStart + length, limit: limit) {
                return partStart + length - start
            }
            return nil
        }
    }

    /// A name after a visited person's label: it must end at punctuation, 家 (困难群众王某家中), a
    /// conjunction before the next visited person (省劳模X和归侨Y) or a two-character follower (送上).
    func labelledName(at start: Int, limit: Int) -> Int? {
        guard let length = nameLength(at: start, limit: limit) else { return nil }
        let end = start + length
        guard end >= limit || !ScalarClass.isIdeograph(scalars[end]) || scalars[end] == "家"
                || "和及与".unicodeScalars.contains(scalars[end]) && labelFollows(after: end + 1, limit: limit)
                || (lexicons.nameFollowers.longestMatch(in: scalars, at: end, limit: limit)?.length ?? 0) >= 2 else { return nil }
        return length
    }

    /// Whether another visited person's label starts within a few characters of `start` (和韩国归侨…).
    private func labelFollows(after start: Int, limit: Int) -> Bool {
        (start..<min(limit, start + 8)).contains { lexicons.peopleLabels.longestMatch(in: scalars, at: $0, limit: limit) != nil }
    }

    /// A name in a title-led list or right after a title, whatever its surname: two or three
    /// ideographs closed by 、 , ， or 等 (市领导…、程浩然、孟家辉、贝思远).
    func delimitedName(at start: Int, limit: Int, surnameFirst: Bool = false) -> Int? {
        var end = start
        while end < limit, ScalarClass.isIdeograph(scalars[end]), end - start < 4 { end += 1 }
        guard (2...3).contains(end - start), end < limit else { return nil }
        let next = scalars[end]
        guard next == ScalarClass.enumerationComma || next == "," || next == "，" || next == "等" else { return nil }
        if isNonPerson(start..<end) { return nil }
        // Without a known surname, only as the first of a list: 市领导欧立新、冉雪.
        if surnameFirst, lexicons.surnames.longestMatch(in: scalars, at: start, limit: end) == nil,
           next != ScalarClass.enumerationComma || nameLength(at: end + 1, limit: limit) == nil {
            return nil
        }
        // Function words and title characters do not occur before a name's last character (孟家辉).
        if (start..<(end - 1)).contains(where: { !isGivenNameScalar(scalars[$0]) }) { return nil }
        var index = start
        while index < end {
            if lexicons.eventKeywords.longestMatch(in: scalars, at: index, limit: end) != nil { return nil }
            index += 1
        }
        if lexicons.titlesBackwards.longestMatch(in: scalars, backwardsFrom: end, notBefore: start) != nil { return nil }
        return end - start
    }

    /// Whether a title followed by a name starts at `position` (so a list ends and a new person begins).
    func startsTitledPerson(at position: Int, limit: Int) -> Bool {
        var end = position + 1
        while end < min(limit, position + 26) {
            let scalar = scalars[end]
            if !ScalarClass.isIdeograph(scalar) && scalar != "(" && scalar != ")" && !ScalarClass.isDigit(scalar) { return false }
            if let head = lexicons.titlesBackwards.longestMatch(in: scalars, backwardsFrom: end, notBefore: position),
               end - head.length >= position, personName(at: end, limit: limit) != nil {
                // The title must not itself be part of a name (宋明远 is not “王” + title).
                return end - head.length > position || nameLength(at: position, limit: limit) == nil
            }
            end += 1
        }
        return false
    }

    /// After a name ending at `position`: where the next name of the same list starts, if the
    /// list goes on (、 , ， 和 及 以及 与, or spaces in a byline-like run).
    func listContinuation(after position: Int, limit: Int) -> Int? {
        guard position < limit else { return nil }
        let scalar = scalars[position]
        if scalar == ScalarClass.enumerationComma || scalar == "," || scalar == "，" { return position + 1 }
        if let word = Self.listJoiners.longestMatch(at: position, in: scalars) { return position + word.count }
        // 县领导 周永康 吴大伟 出席: names set apart by spaces.
        if ScalarClass.isSpace(scalar) {
            var next = position + 1
            while next < limit, next - position < 3, ScalarClass.isSpace(scalars[next]) { next += 1 }
            if next < limit, ScalarClass.isIdeograph(scalars[next]) { return next }
        }
        return nil
    }

    /// Whether the text between two names only joins them into one list.
    func isListGap(from lower: Int, to upper: Int) -> Bool {
        if lower == upper { return true }
        if upper - lower == 1 {
            let scalar = scalars[lower]
            return ScalarClass.separatesNames(scalar) || scalar == "和" || scalar == "及" || scalar == "与"
        }
        return upper - lower == 2 && scalars[lower] == "以" && scalars[lower + 1] == "及"
    }

    /// Where a title whose head word starts at `headStart` begins: back to the previous separator,
    /// a stop word (由, 在, 和 …) or the previous name.
    func titleStart(headStart: Int, lowerBound: Int) -> Int {
        var start = headStart
        while start > lowerBound, headStart - start < 24 {
            let scalar = scalars[start - 1]
            // A quoted word inside the title: 市“三农”总指挥部常务副总指挥.
            if scalar == "”", let open = (max(lowerBound, start - 10)..<(start - 1)).last(where: { scalars[$0] == "“" }),
               !(open..<start).contains(where: { ScalarClass.endsClause(scalars[$0]) }), open > lowerBound,
               ScalarClass.isIdeograph(scalars[open - 1]) || ScalarClass.isLatinLetter(scalars[open - 1]) {
                start = open
                continue
            }
            if ScalarClass.endsClause(scalar) || scalar == ScalarClass.enumerationComma || scalar == "(" || scalar == "（"
                || scalar == ")" || scalar == "）" || scalar == "“" || scalar == "”" || scalar == "《" || scalar == "》" {
                break
            }
            // Digits, bullets and symbols (●, ★, ■) are not part of a title.
            if !ScalarClass.isIdeograph(scalar) && !ScalarClass.isLatinLetter(scalar) { break }
            if let stop = lexicons.titleStopsBackwards.longestMatch(in: scalars, backwardsFrom: start, notBefore: lowerBound),
               !isInsideTitleWord(stopStart: start - stop.length, stopEnd: start, lowerBound: lowerBound, upperBound: headStart) {
                break
            }
            start -= 1
        }
        return start
    }

    /// Whether the stop word at `stopStart..<stopEnd` belongs to a longer word of a title or an
    /// organisation's name (应对, 经开区, 发展和改革), which reaches before or after it.
    func isInsideTitleWord(stopStart: Int, stopEnd: Int, lowerBound: Int, upperBound: Int) -> Bool {
        // At a clause's start a one-character stop before a short proper name and an organisation
        // word (同德医院, 和平县) begins that name: a preposition there would need its object first.
        if stopEnd - stopStart == 1, stopStart == 0 || ScalarClass.endsClause(scalars[stopStart - 1])
            || ScalarClass.separatesNames(scalars[stopStart - 1]) || ScalarClass.isSpace(scalars[stopStart - 1]) || scalars[stopStart - 1] == "\n" {
            for nameLength in 1...2 where stopEnd + nameLength < upperBound {
                if Self.organisationWords.startsWord(at: stopEnd + nameLength, in: scalars) { return true }
            }
        }
        return lexicons.stopIsInsideWord(stopStart..<stopEnd, in: scalars, lowerBound: lowerBound, upperBound: upperBound)
    }

    // MARK: Verbs and bylines

    /// Names written at the start of a clause right before a role verb or 等 (江海潮提出要求, 韦立新等参加).
    func verbAnchoredNames(in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let surnameStarts = lexicons.surnames.startFilter
        // The longest name: surname and two given characters.
        let nameReach = lexicons.surnames.longestEntry + 2
        // The next offset after `position` where a title after a name starts (or past the last
        // one a name in this sentence can reach), kept as `position` moves on.
        let reachable = min(scalars.count, range.upperBound + nameReach + 1)
        var nextTitleAfterName = range.lowerBound
        var position = range.lowerBound
        while position < range.upperBound {
            // Both checks below need a name here, and a name starts with a surname.
            guard surnameStarts.mayContain(scalars[position]), ScalarClass.isIdeograph(scalars[position]) else {
                position += 1
                continue
            }
            if nextTitleAfterName <= position {
                nextTitleAfterName = position + 1
                while nextTitleAfterName < reachable, !startsTitleAfterName(at: nextTitleAfterName) { nextTitleAfterName += 1 }
            }
            let atClauseStart = position == range.lowerBound || ScalarClass.endsClause(scalars[position - 1])
                || scalars[position - 1] == ScalarClass.enumerationComma
            // Reading a name costs several lexicon walks: skip it where neither check below can succeed.
            guard atClauseStart || nextTitleAfterName <= position + nameReach else {
                position += 1
                continue
            }
            // One reading of the name serves both checks below.
            let nameAtPosition = nameLength(at: position, limit: range.upperBound, requireEnd: false)
            // 某某总书记, X同志: a name with its title after it.
            if let length = nameAtPosition, nextTitleAfterName <= position + length {
                for candidate in stride(from: length, through: max(2, length - 1), by: -1) {
                    let end = position + candidate
                    if end < scalars.count, startsTitleAfterName(at: end) {
                        let nameRange = position..<end
                        if !isNonPerson(nameRange) { result.append(nameRange) }
                        break
                    }
                }
            }
            if atClauseStart, let length = nameAtPosition {
                for candidate in stride(from: length, through: max(2, length - 1), by: -1) {
                    let end = position + candidate
                    guard end < range.upperBound else { continue }
                    let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: end, limit: range.upperBound)
                    let isStrongVerb = verb.map { $0.length >= 2 } ?? false
                    if isStrongVerb || scalars[end] == "等" || scalars[end] == "在" && hasVerbInClause(after: end + 1, limit: range.upperBound) {
                        let nameRange = position..<end
                        if !isNonPerson(nameRange), (position + 1..<end).allSatisfy({ isGivenNameScalar(scalars[$0]) }) {
                            result.append(nameRange)
                        }
                        break
                    }
                }
            }
            position += 1
        }
        return result
    }

    /// Whether one of ``titlesAfterName`` starts at `position`.
    @inline(__always)
    private func startsTitleAfterName(at position: Int) -> Bool {
        Self.titlesAfterName.startsWord(at: position, in: scalars)
    }

    /// Names in a list without a title: three or more names joined by 、, or two followed by 等.
    func untitledList(in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        // A list needs 、 (or 等 after two names).
        guard scalars[range].contains(where: { $0 == ScalarClass.enumerationComma }) else { return result }
        // Every list has a second name after 、, so a Chinese first name (at most this long) ends
        // at a 、: positions farther from the next 、 are not read. (Latin names may be longer.)
        let longestName = max(4, lexicons.surnames.longestEntry + 2)
        let surnameStarts = lexicons.surnames.startFilter
        var nextComma = range.lowerBound
        var position = range.lowerBound
        while position < range.upperBound {
            if nextComma <= position {
                nextComma = position + 1
                while nextComma < range.upperBound, scalars[nextComma] != ScalarClass.enumerationComma { nextComma += 1 }
            }
            // A list's first name ends at the next 、 and holds at least two scalars.
            let isLatin = ScalarClass.isLatinLetter(scalars[position])
            guard nextComma - position >= 2, isLatin || surnameStarts.mayContain(scalars[position]) && nextComma - position <= longestName,
                  let first = listName(at: position, limit: range.upperBound) else {
                position += 1
                continue
            }
            // Where a list starts (read only once a name is found here: it walks the stop words).
            let atStart = position == range.lowerBound || !ScalarClass.isIdeograph(scalars[position - 1])
                || lexicons.titleStopsBackwards.longestMatch(in: scalars, backwardsFrom: position) != nil
                || scalars[position - 1] == "了"
            // The names are appended to `result` as read, and taken back if they make no list.
            let firstName = result.count
            result.append(position..<(position + first))
            var cursor = position + first
            while cursor < range.upperBound, scalars[cursor] == ScalarClass.enumerationComma,
                  let length = listName(at: cursor + 1, limit: range.upperBound) {
                result.append((cursor + 1)..<(cursor + 1 + length))
                cursor = cursor + 1 + length
            }
            let names = result.count - firstName
            let endsWithEtc = cursor < range.upperBound && scalars[cursor] == "等"
            if (names >= 3 && (atStart || names >= 4)) || (atStart && names == 2 && endsWithEtc) {
                position = cursor
            } else {
                result.removeSubrange(firstName...)
                position += 1
            }
        }
        return result
    }

    /// A name in an untitled list: followed by 、, 等, punctuation or a follower word.
    private func listName(at start: Int, limit: Int) -> Int? {
        // 某某·某某某: a transcribed name, its parts joined by dots.
        if let length = dottedName(at: start, limit: limit) { return length }
        if let length = latinOrDoubleSurnameName(at: start, limit: limit) { return length }
        guard let length = nameLength(at: start, limit: limit, requireEnd: false) else { return nil }
        // 张领摄: the marker written against the name.
        if length >= 3, lexicons.bylinesBefore.longestMatch(in: scalars, at: start + length - 1, limit: limit) != nil {
            return length - 1
        }
        for candidate in stride(from: length, through: max(2, length - 1), by: -1) {
            let end = start + candidate
            if end >= limit || scalars[end] == ScalarClass.enumerationComma || scalars[end] == "等" || !ScalarClass.isIdeograph(scalars[end]) {
                if (start + 1..<end).allSatisfy({ isGivenNameScalar(scalars[$0]) }), !isNonPerson(start..<end) { return candidate }
            }
        }
        return nil
    }

    /// Inside a list closed by 、: a name in Latin letters (Anna Berg), or four characters starting
    /// with two surnames (a married name such as 蔡苏秋金).
    func latinOrDoubleSurnameName(at start: Int, limit: Int) -> Int? {
        var end = start
        if end < limit, ScalarClass.isLatinLetter(scalars[end]) {
            while end < limit, ScalarClass.isLatinLetter(scalars[end]) || scalars[end] == " " || scalars[end] == "-" || scalars[end] == "." { end += 1 }
            while end > start, scalars[end - 1] == " " { end -= 1 }
            guard end - start >= 3, end < limit, scalars[end] == ScalarClass.enumerationComma || scalars[end] == "等" else { return nil }
            return end - start
        }
        guard start + 4 < limit, scalars[start + 4] == ScalarClass.enumerationComma || scalars[start + 4] == "等",
              let first = lexicons.surnames.longestMatch(in: scalars, at: start, limit: start + 1), first.length == 1,
              lexicons.surnames.longestMatch(in: scalars, at: start + 1, limit: start + 2) != nil,
              (start + 2..<start + 4).allSatisfy({ isGivenNameScalar(scalars[$0]) }) else { return nil }
        return 4
    }

    /// Whether a role verb follows in the same clause (田雨在主席台前排就座, X在会上强调).
    private func hasVerbInClause(after start: Int, limit: Int) -> Bool {
        let verbStarts = lexicons.roleVerbs.startFilter
        var index = start
        while index < min(limit, start + 30), !ScalarClass.endsClause(scalars[index]) {
            if verbStarts.mayContain(scalars[index]),
               let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: limit), verb.length >= 2 { return true }
            index += 1
        }
        return false
    }

    /// Names in bylines: (记者 X Y), X 摄, 编辑:X, 文字整理 X.
    func bylineNames(in range: Range<Int>) -> [BylineName] {
        var result: [BylineName] = []
        // Read at every position: kept in locals rather than fetched from the shared lexicons each time.
        let bylineStarts = lexicons.bylineFirstScalars
        let surnameStarts = lexicons.surnames.startFilter
        var position = range.lowerBound
        while position < range.upperBound {
            // Each case below starts with a byline marker, a bracket or (at a word's start) a
            // surname: one bitmap read rejects most positions.
            let scalar = scalars[position]
            if scalar.value < 0x10000, !bylineStarts[Int(scalar.value)],
               !(surnameStarts.mayContain(scalar) && (position == range.lowerBound || !ScalarClass.isIdeograph(scalars[position - 1]))) {
                position += 1
                continue
            }
            if let marker = lexicons.bylinesAfter.longestMatch(in: scalars, at: position, limit: range.upperBound) {
                var cursor = position + marker.length
                var found = 0
                while cursor < range.upperBound, found < 4 {
                    while cursor < range.upperBound, scalars[cursor] == ":" || scalars[cursor] == "：" || ScalarClass.isSpace(scalars[cursor])
                        || scalars[cursor] == ScalarClass.enumerationComma || scalars[cursor] == "," || scalars[cursor] == "，" {
                        cursor += 1
                    }
                    guard let length = bylineName(at: cursor, limit: range.upperBound) else { break }
                    let nameRange = cursor..<(cursor + length)
                    result.append(BylineName(range: nameRange, reason: marker.value))
                    found += 1
                    cursor = nameRange.upperBound
                }
                if found > 0 {
                    // 记者 X 摄: the reporter took the picture.
                    var next = cursor
                    while next < range.upperBound, ScalarClass.isSpace(scalars[next]) { next += 1 }
                    if marker.value == .reporter, scalars.has("摄", at: next),
                       next + 1 >= range.upperBound || !ScalarClass.isIdeograph(scalars[next + 1]) {
                        for index in (result.count - found)..<result.count { result[index].reason = .photographer }
                        cursor = next + 1
                    }
                    position = cursor
                    continue
                }
            }
            // 邱志远/北京青年报: a writer's name before a slash and the paper or site.
            if position == range.lowerBound || !ScalarClass.isIdeograph(scalars[position - 1]),
               slashFollowsName(at: position, limit: range.upperBound),
               let length = nameLength(at: position, limit: range.upperBound, requireEnd: false),
               position + length < range.upperBound, scalars[position + length] == "/" || scalars[position + length] == "／",
               Self.mediaWords.occurs(in: (position + length)..<min(range.upperBound, position + length + 12), of: scalars) {
                let nameRange = position..<(position + length)
                result.append(BylineName(range: nameRange, reason: .reporter))
                position = nameRange.upperBound + 1
                continue
            }
            // (邱志远) closing an item: the writer's name alone in brackets.
            if scalars[position] == "(" || scalars[position] == "（",
               let length = paddedName(at: position + 1, limit: range.upperBound)
                ?? nameLength(at: position + 1, limit: range.upperBound, requireEnd: false),
               position + 1 + length < range.upperBound, scalars[position + 1 + length] == ")" || scalars[position + 1 + length] == "）",
               position + 2 + length == range.upperBound || ScalarClass.endsSentence(scalars[position + 2 + length]) {
                let nameRange = (position + 1)..<(position + 1 + length)
                result.append(BylineName(range: nameRange, reason: .reporter))
                position = nameRange.upperBound + 1
                continue
            }
            if let marker = lexicons.bylinesBefore.longestMatch(in: scalars, at: position, limit: range.upperBound) {
                let after = position + marker.length
                let endsHere = after >= range.upperBound || ScalarClass.isPunctuation(scalars[after]) || ScalarClass.isSpace(scalars[after])
                if endsHere {
                    // Names before the marker, separated by spaces: “林溪 王一鸣 报道”, “李青山 摄”.
                    var cursor = position
                    var names: [Range<Int>] = []
                    while cursor > range.lowerBound, names.count < 4 {
                        while cursor > range.lowerBound, ScalarClass.isSpace(scalars[cursor - 1]) { cursor -= 1 }
                        var start = cursor
                        while start > range.lowerBound, cursor - start < 4, ScalarClass.isIdeograph(scalars[start - 1]) { start -= 1 }
                        var matched: Range<Int>?
                        for candidateStart in start..<cursor where cursor - candidateStart >= 2 {
                            if let length = nameLength(at: candidateStart, limit: cursor, requireEnd: false), length == cursor - candidateStart {
                                matched = candidateStart..<cursor
                                break
                            }
                        }
                        guard let nameRange = matched else { break }
                        // Only a whole word: the name is preceded by a space, punctuation or the start.
                        let before = nameRange.lowerBound
                        if before > range.lowerBound, ScalarClass.isIdeograph(scalars[before - 1]) { break }
                        names.insert(nameRange, at: 0)
                        cursor = nameRange.lowerBound
                        guard cursor > range.lowerBound, ScalarClass.isSpace(scalars[cursor - 1]) else { break }
                    }
                    for nameRange in names {
                        result.append(BylineName(range: nameRange, reason: marker.value))
                    }
                }
            }
            position += 1
        }
        return result
    }

    /// Whether a slash (/ or ／) stands where a name starting at `start` could end (2 to
    /// ``ScalarTrie/longestEntry`` + 2 scalars on): read before the name itself, which costs more.
    private func slashFollowsName(at start: Int, limit: Int) -> Bool {
        var end = start + 2
        while end < min(limit, start + lexicons.surnames.longestEntry + 3) {
            if scalars[end] == "/" || scalars[end] == "／" { return true }
            end += 1
        }
        return false
    }

    /// A name in a byline: followed by a space, a bracket, punctuation or the end.
    private func bylineName(at start: Int, limit: Int) -> Int? {
        if let padded = paddedName(at: start, limit: limit) { return padded }
        guard let length = nameLength(at: start, limit: limit, requireEnd: false) else { return nil }
        // 张领摄: the marker written against the name.
        if length >= 3, lexicons.bylinesBefore.longestMatch(in: scalars, at: start + length - 1, limit: limit) != nil {
            return length - 1
        }
        for candidate in stride(from: length, through: max(2, length - 1), by: -1) {
            let end = start + candidate
            if end >= limit || !ScalarClass.isIdeograph(scalars[end])
                || lexicons.bylinesBefore.longestMatch(in: scalars, at: end, limit: limit) != nil { return candidate }
        }
        return nil
    }

    /// A two-character name padded to the width of three with a space (蒋 波), as bylines are
    /// typeset: the length including the space.
    private func paddedName(at start: Int, limit: Int) -> Int? {
        guard start + 3 <= limit, ScalarClass.isSpace(scalars[start + 1]),
              lexicons.surnames.longestMatch(in: scalars, at: start, limit: start + 1) != nil,
              isGivenNameScalar(scalars[start + 2]),
              start + 3 == limit || !ScalarClass.isIdeograph(scalars[start + 3]) else { return nil }
        return 3
    }
}

/// Names of one document, compared as Strings compare them (canonical equivalence) without
/// building Strings: a small ``ScalarTrie`` keyed by each name's scalars. The usual names
/// (unified ideographs, ASCII) are their own canonical form; a name holding any other scalar (a
/// compatibility ideograph such as 﨑, an accented letter) is stored decomposed (NFD), where its
/// equivalent spellings meet.
struct NameTable<Value: Sendable> {
    /// The names by their comparable scalars: when ``hasDecomposedNames`` is false, exactly the
    /// names' spellings.
    private(set) var spellings: ScalarTrie<Value>
    /// Whether some name was stored in a decomposed form that differs from its spelling.
    private(set) var hasDecomposedNames = false

    /// An empty table, sized for names of `expectedScalars` scalars in all.
    init(expectedScalars: Int = 0) {
        spellings = ScalarTrie(small: true, expectedScalars: expectedScalars)
    }

    /// Whether no name is stored.
    var isEmpty: Bool { spellings.count == 0 }

    /// The value of the name spelled by `scalars[range]`.
    func value(for range: Range<Int>, in scalars: [Unicode.Scalar]) -> Value? {
        spellings.value(for: Self.comparable(range, in: scalars).scalars)
    }

    /// Stores the name spelled by `scalars[range]` with `value` unless an equivalent name is
    /// stored already: the value the name has, and whether it was stored now.
    @discardableResult
    mutating func insertIfAbsent(_ range: Range<Int>, in scalars: [Unicode.Scalar], _ value: Value) -> (value: Value, isNew: Bool) {
        let (key, isDecomposed) = Self.comparable(range, in: scalars)
        if let stored = spellings.value(for: key) { return (stored, false) }
        spellings.insert(key, value)
        if isDecomposed { hasDecomposedNames = true }
        return (value, true)
    }

    /// The scalars a name is compared by, and whether they differ from its spelling.
    private static func comparable(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> (scalars: ArraySlice<Unicode.Scalar>, isDecomposed: Bool) {
        let written = scalars[range]
        if written.allSatisfy(isOwnCanonicalForm) { return (written, false) }
        let decomposed = Array(String(scalars: written).decomposedStringWithCanonicalMapping.unicodeScalars)
        return (decomposed[...], !decomposed.elementsEqual(written))
    }

    /// Whether `scalar` neither decomposes nor combines, so that it only matches itself: ASCII,
    /// Latin-1 below its letters, and the unified ideographs.
    @inline(__always)
    private static func isOwnCanonicalForm(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0xC0 || (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
    }
}
