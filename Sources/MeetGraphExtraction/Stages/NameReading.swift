import MeetGraph

// Names: a surname and one or two given characters, ending where a name may end; transcribed names with a middle dot.
extension NameFinder {
    /// 代表, 领导, 负责人: words naming a group, after which a title is not followed by a name.
    static let groupWords = WordList(resource: "group-words")

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
    /// names (尹长丰, 王有福), ending cleanly: for names right after a title.
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
    /// A surname and two given characters written between a title and a role verb (副院长王又明
    /// 主持), whatever the given characters, unless they spell a common word (再次, 一同) or
    /// hold a character that never occurs in names (的, 了: not-in-names.txt's first lines are
    /// not enough here, so the verb after the name is what makes it one).
    func nameBetweenTitleAndVerb(at start: Int, limit: Int) -> Int? {
        guard let surname = lexicons.surnames.longestMatch(in: scalars, at: start, limit: limit) else { return nil }
        let givenStart = start + surname.length
        let end = givenStart + 2
        guard end < limit, (givenStart..<end).allSatisfy({ ScalarClass.isIdeograph(scalars[$0]) }),
              !Self.wordsAfterNames.contains(scalars[givenStart..<end]),
              // 蔡总统: a surname and a title.
              (lexicons.titles.longestMatch(in: scalars, at: givenStart, limit: limit)?.length ?? 0) < 2,
              !(givenStart..<end).contains(where: { Self.neverInNames.contains(scalars[$0]) }),
              let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: end, limit: limit), verb.length >= 2,
              !isNonPerson(start..<end) else { return nil }
        return end - start
    }

    /// Characters that are never part of a name, even between a title and a verb.
    static let neverInNames = WordList(resource: "never-in-names").scalarSet

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

    /// Whether a name may end at `position`: punctuation, the end, a word that follows names, or a date.
    func isNameEnd(at position: Int, limit: Int) -> Bool {
        guard position < limit else { return true }
        let scalar = scalars[position]
        if !ScalarClass.isIdeograph(scalar) { return true }
        if lexicons.nameFollowers.longestMatch(in: scalars, at: position, limit: limit) != nil { return true }
        if lexicons.roleVerbs.longestMatch(in: scalars, at: position, limit: limit) != nil { return true }
        if lexicons.titles.longestMatch(in: scalars, at: position, limit: limit) != nil { return true }
        // 某某今(9)日, 某某昨天: a date follows the name.
        if DateReader.mayStart(with: scalar), DateReader.phrase(in: scalars, at: position, limit: limit) != nil { return true }
        return false
    }

    /// A person's name at `start`: a Chinese name, or a transcribed one written with a middle dot
    /// (某某·某某某某) or in Latin letters.
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
            if runsIntoWord(at: start, length: length, limit: limit) { return length - 1 }
            return isFourCharacterName(at: start, readAs: length, limit: limit) ? 4 : length
        }
        // 省委书记尹长春来到…: after a title, characters that rarely belong to names may (长, 有).
        if afterTitle, let length = nameAfterTitle(at: start, limit: limit) { return length }
        // 副院长王又明主持: between a title and a role verb, a given name with rarer characters.
        if afterTitle, let length = nameBetweenTitleAndVerb(at: start, limit: limit) { return length }
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

    /// Whether the name read as `length` (three) characters after a title has a fourth that only
    /// a four-character name explains: 团长某某某某一行 (a Japanese name, a married name) — the
    /// fourth character is no word after a name, and a name's end follows it.
    private func isFourCharacterName(at start: Int, readAs length: Int, limit: Int) -> Bool {
        let fourth = start + 3
        guard length == 3, fourth + 1 <= limit, ScalarClass.isIdeograph(scalars[fourth]),
              !isNameEnd(at: fourth, limit: limit), isGivenNameScalar(scalars[fourth]),
              lexicons.surnames.longestMatch(in: scalars, at: start, limit: fourth)?.length ?? 1 == 1 else { return false }
        return closesAName(at: fourth + 1, limit: limit)
    }

    /// Whether what follows `position` closes a name beyond doubt: punctuation, 一行, 等, 率, a
    /// joining word, or a two-character word after a name (not a one-character verb: 某某某接受).
    private func closesAName(at position: Int, limit: Int) -> Bool {
        guard position < limit, ScalarClass.isIdeograph(scalars[position]) else { return true }
        let words = FunctionWords.shared
        if scalars[position] == words.etc || scalars[position] == words.leads || words.joiners.contains(scalars[position]) { return true }
        return (lexicons.nameFollowers.longestMatch(in: scalars, at: position, limit: limit)?.length ?? 0) >= 2
    }

    /// A name after a visited person's label: it must end at punctuation, 家 (困难群众王某家中), a
    /// conjunction before the next visited person (省劳模X和归侨Y) or a two-character follower (送上).
    func labelledName(at start: Int, limit: Int) -> Int? {
        guard let length = nameLength(at: start, limit: limit) ?? nameAfterTitle(at: start, limit: limit) else { return nil }
        let end = start + length
        guard end >= limit || !ScalarClass.isIdeograph(scalars[end]) || Self.homesAfterNames.startsWord(at: end, in: scalars)
                || "和及与".unicodeScalars.contains(scalars[end]) && labelFollows(after: end + 1, limit: limit)
                || (lexicons.nameFollowers.longestMatch(in: scalars, at: end, limit: limit)?.length ?? 0) >= 2 else { return nil }
        return length
    }

    /// 家, 家中: after a visited person's name, the home the visit went to.
    static let homesAfterNames = WordList(resource: "homes-after-names")

    /// Whether another visited person's label starts within a few characters of `start` (和韩国归侨…).
    func labelFollows(after start: Int, limit: Int) -> Bool {
        (start..<min(limit, start + 8)).contains { lexicons.peopleLabels.longestMatch(in: scalars, at: $0, limit: limit) != nil }
    }

    /// A name in a title-led list or right after a title, whatever its surname: two or three
    /// ideographs closed by 、 , ， or 等 (市领导…、程浩然、孟家辉、贝思远).
    func delimitedName(at start: Int, limit: Int, surnameFirst: Bool = false) -> Int? {
        var end = start
        while end < limit, ScalarClass.isIdeograph(scalars[end]), end - start < 4 { end += 1 }
        guard (2...3).contains(end - start), end < limit else { return nil }
        let next = scalars[end]
        guard next == ScalarClass.enumerationComma || next == "," || next == "，" || next == FunctionWords.shared.etc else { return nil }
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

    /// Inside a list closed by 、: a name in Latin letters (Anna Berg), or four characters starting
    /// with two surnames (a married name such as 蔡苏秋金).
    func latinOrDoubleSurnameName(at start: Int, limit: Int) -> Int? {
        var end = start
        if end < limit, ScalarClass.isLatinLetter(scalars[end]) {
            while end < limit, ScalarClass.isLatinLetter(scalars[end]) || scalars[end] == " " || scalars[end] == "-" || scalars[end] == "." { end += 1 }
            while end > start, scalars[end - 1] == " " { end -= 1 }
            guard end - start >= 3, end < limit, scalars[end] == ScalarClass.enumerationComma || scalars[end] == FunctionWords.shared.etc else { return nil }
            return end - start
        }
        guard start + 4 < limit, scalars[start + 4] == ScalarClass.enumerationComma || scalars[start + 4] == FunctionWords.shared.etc,
              let first = lexicons.surnames.longestMatch(in: scalars, at: start, limit: start + 1), first.length == 1,
              lexicons.surnames.longestMatch(in: scalars, at: start + 1, limit: start + 2) != nil,
              (start + 2..<start + 4).allSatisfy({ isGivenNameScalar(scalars[$0]) }) else { return nil }
        return 4
    }
}
