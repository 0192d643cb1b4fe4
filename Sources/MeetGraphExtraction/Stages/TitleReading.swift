import MeetGraph

// Titles: persons written after a title (市委书记X), and the untitled names that continue their lists (副市长A、B、C).
extension NameFinder {
    /// 和, 及, 以及: words joining two names of one list.
    static let listJoiners = WordList(resource: "list-joiners")
    /// Words that end an organisation's or a place's proper name (同德医院, 和平县).
    static let organisationWords = WordList(resource: "organisation-words")

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
            // 秘书长孙某某: the title goes on (秘书长), so no name starts inside it (长孙某某).
            if let longer = lexicons.titles.longestMatch(in: scalars, at: position - head.length, limit: range.upperBound),
               longer.length > head.length {
                position += 1
                continue
            }
            // After a visited person's label (困难群众X) only a cleanly ending name counts.
            let strict = head.value == false
            // 县领导 田永波 吴大伟: a space may set the names apart from the title.
            var nameStart = position
            if !strict, nameStart < range.upperBound, ScalarClass.isSpace(scalars[nameStart]),
               nameStart + 1 < range.upperBound, ScalarClass.isIdeograph(scalars[nameStart + 1]) {
                nameStart += 1
            }
            // 原主委(会长)某某: a second title in brackets stands between the first and the name.
            let headStart = position - head.length
            let bracketed = !strict && nameStart + 1 < range.upperBound && ScalarClass.closesBracket(scalars[nameStart])
                && headStart > lastEnd && ScalarClass.opensBracket(scalars[headStart - 1])
            if bracketed { nameStart += 1 }
            guard let length = strict ? labelledName(at: nameStart, limit: range.upperBound)
                    : personName(at: nameStart, limit: range.upperBound, afterTitle: true)
                        ?? delimitedName(at: nameStart, limit: range.upperBound, surnameFirst: true) else {
                position += 1
                continue
            }
            let (titles, start) = collectTitles(endingAt: position, headStart: headStart, bracketed: bracketed,
                                                lowerBound: lastEnd, into: &titleList)
            list += 1
            let nameRange = nameStart..<(nameStart + length)
            result.append(Mention(range: nameRange, titles: titles, start: start,
                                  sentence: sentence, list: list))
            lastEnd = continueList(after: nameRange, titles: titles, sentence: sentence, list: list, limit: range.upperBound, into: &result)
            position = lastEnd
        }
    }

    /// The titles of a person whose last title's head word starts at `headStart` and ends at
    /// `end`, appended to `titleList` in text order: that title, the one before a bracketed
    /// second title (原主委(会长)某某), and those joined by 、 before it (市委常委、常务副市长某某).
    /// Returns their indices in `titleList` and where the first of them starts.
    private func collectTitles(endingAt end: Int, headStart: Int, bracketed: Bool, lowerBound: Int,
                               into titleList: inout [Range<Int>]) -> (titles: Range<Int>, start: Int) {
        let titleStart = self.titleStart(headStart: headStart, lowerBound: lowerBound)
        let firstTitle = titleList.count
        titleList.append(titleStart..<end)
        var start = titleStart
        // The title before the brackets is the person's too, and where the mention starts.
        if bracketed, let outer = lexicons.titlesBackwards.longestMatch(in: scalars, backwardsFrom: titleStart - 1, notBefore: lowerBound) {
            let outerStart = self.titleStart(headStart: titleStart - 1 - outer.length, lowerBound: lowerBound)
            titleList.append(outerStart..<(titleStart - 1))
            start = outerStart
        }
        // Found backwards, put in order below.
        while start - 1 > lowerBound, scalars[start - 1] == ScalarClass.enumerationComma,
              let previousHead = lexicons.titlesBackwards.longestMatch(in: scalars, backwardsFrom: start - 1, notBefore: lowerBound) {
            let previousStart = self.titleStart(headStart: start - 1 - previousHead.length, lowerBound: lowerBound)
            guard previousStart < start - 1 else { break }
            titleList.append(previousStart..<(start - 1))
            start = previousStart
        }
        titleList[firstTitle...].reverse()
        return (firstTitle..<titleList.count, start)
    }

    /// The list that the titled name at `nameRange` opens, going on (、B、C …) until a title
    /// starts a new person or the list ends: its names appended to `result`; where it ends.
    private func continueList(after nameRange: Range<Int>, titles: Range<Int>, sentence: Int, list: Int, limit: Int,
                              into result: inout [Mention]) -> Int {
        var cursor = nameRange.upperBound
        var sharedTitles = titles
        while cursor < limit {
            guard let next = listContinuation(after: cursor, limit: limit) else { break }
            if startsTitledPerson(at: next, limit: limit) { break }
            guard let nextLength = latinOrDoubleSurnameName(at: next, limit: limit)
                    ?? personName(at: next, limit: limit) ?? delimitedName(at: next, limit: limit) else { break }
            let continued = next..<(next + nextLength)
            // 副议长A及B、C、D: a list joined to the first name by 及/和 goes on with 、, so the
            // title was A's alone (a shared title would read 副议长A、B及C).
            if cursor == nameRange.upperBound, next - cursor > 1 || !ScalarClass.separatesNames(scalars[cursor]),
               continued.upperBound < limit, scalars[continued.upperBound] == ScalarClass.enumerationComma {
                sharedTitles = titles.upperBound..<titles.upperBound
            }
            result.append(Mention(range: continued, titles: sharedTitles, start: continued.lowerBound, sentence: sentence, list: list))
            cursor = continued.upperBound
        }
        return cursor
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
        // 县领导 田永波 吴大伟 出席: names set apart by spaces.
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
}
