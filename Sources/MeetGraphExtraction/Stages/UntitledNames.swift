import MeetGraph

// Names without a title before them: before a role verb (X主持), with a title after them (X同志), in lists (A、B、C等).
extension NameFinder {
    /// Titles written after a name (某某总书记, X同志) and 新时代 (X新时代…思想).
    static let titlesAfterName = WordList(resource: "titles-after-name")

    // MARK: Verbs and bylines

    /// Names written at the start of a clause right before a role verb or 等 (江海潮提出要求, 韦立新等参加).
    func verbAnchoredNames(in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let words = FunctionWords.shared
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
                    if isStrongVerb || scalars[end] == words.etc || scalars[end] == words.at && hasVerbInClause(after: end + 1, limit: range.upperBound) {
                        let nameRange = position..<end
                        if !isNonPerson(nameRange), (position + 1..<end).allSatisfy({ isGivenNameScalar(scalars[$0]) }) {
                            result.append(nameRange)
                        }
                        break
                    }
                }
            } else if atClauseStart, position == range.lowerBound, let length = nameBetweenTitleAndVerb(at: position, limit: range.upperBound) {
                // 某同德主持会议。 opening a sentence: a rarer given name right before a role verb.
                result.append(position..<(position + length))
            }
            position += 1
        }
        return result
    }

    /// Whether one of ``titlesAfterName`` starts at `position`.
    @inline(__always)
    func startsTitleAfterName(at position: Int) -> Bool {
        Self.titlesAfterName.startsWord(at: position, in: scalars)
    }

    /// Names in a list without a title: three or more names joined by 、, or two followed by 等.
    func untitledList(in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let words = FunctionWords.shared
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
                || scalars[position - 1] == words.perfective
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
            let endsWithEtc = cursor < range.upperBound && scalars[cursor] == words.etc
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
    func listName(at start: Int, limit: Int) -> Int? {
        // 某某·某某某: a transcribed name, its parts joined by dots.
        if let length = dottedName(at: start, limit: limit) { return length }
        if let length = latinOrDoubleSurnameName(at: start, limit: limit) { return length }
        guard let length = nameLength(at: start, limit: limit, requireEnd: false) else { return nil }
        // 柯舟摄: the marker written against the name.
        if length >= 3, lexicons.bylinesBefore.longestMatch(in: scalars, at: start + length - 1, limit: limit) != nil {
            return length - 1
        }
        for candidate in stride(from: length, through: max(2, length - 1), by: -1) {
            let end = start + candidate
            if end >= limit || scalars[end] == ScalarClass.enumerationComma || scalars[end] == FunctionWords.shared.etc || !ScalarClass.isIdeograph(scalars[end]) {
                if (start + 1..<end).allSatisfy({ isGivenNameScalar(scalars[$0]) }), !isNonPerson(start..<end) { return candidate }
            }
        }
        return nil
    }

    /// Whether a role verb follows in the same clause (田雨在主席台前排就座, X在会上强调).
    func hasVerbInClause(after start: Int, limit: Int) -> Bool {
        let verbStarts = lexicons.roleVerbs.startFilter
        var index = start
        while index < min(limit, start + 30), !ScalarClass.endsClause(scalars[index]) {
            if verbStarts.mayContain(scalars[index]),
               let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: limit), verb.length >= 2 { return true }
            index += 1
        }
        return false
    }
}
