import MeetGraph

// Clues around a meeting's name that say it took place: a date then 在…举行 after it, a chair or
// attendee later in its sentence, a session's title on a line of its own, and the organiser of
// another event.
extension EventFinder {
    /// 于, 本月: words between an event's name and the date written after it.
    static let wordsBeforeDates = WordList(resource: "words-before-dates")

    /// Where the words after a name go on past the date written right after it (仪式11日在某地
    /// 举行, 晚宴」,於本月十一日晚上在某地舉行): past closing quotes, a comma, 于 and the date;
    /// `start` itself when no date follows.
    func pastDate(from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit, ScalarClass.closesQuotation(scalars[index]) { index += 1 }
        if index < limit, ScalarClass.endsClause(scalars[index]), !ScalarClass.endsSentence(scalars[index]) { index += 1 }
        while let word = Self.wordsBeforeDates.longestMatch(at: index, in: scalars, limit: limit) { index += word.count }
        guard index < limit, DateReader.mayStart(with: scalars[index]),
              let date = DateReader.phrase(in: scalars, at: index, limit: limit) else { return start }
        index = date.range.upperBound
        while index < limit, ScalarClass.isSpace(scalars[index]) { index += 1 }
        return index
    }

    /// Whether a verb of chairing or attending (主持, 出席, 参加) follows `name` in its sentence.
    func chairedOrAttendedLater(in name: MeetingName) -> Bool {
        (name.end..<name.sentence.upperBound).contains { position in
            guard let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: position, limit: name.sentence.upperBound) else { return false }
            return verb.length >= 2 && !verb.value.intersection([.chair, .attendee]).isEmpty && !verb.value.contains(.speaker)
        }
    }

    /// How far into its line a session's title may start (立法院第9届第1会期某某委员会第20次…会议).
    static let sessionTitleReach = 30
    /// 纪录, 纪要, 议事录: after a session's name in the title of its minutes.
    static let minutesTitles = WordList(resource: "minutes-titles")

    /// Whether `name` is a numbered session (第N次) standing alone on its line, maybe followed by
    /// 纪录 or 议事录: the title of that session's minutes or report.
    func namesASessionOnItsOwnLine(_ name: MeetingName) -> Bool {
        let line = name.sentence
        guard name.start - line.lowerBound <= Self.sessionTitleReach,
              !(line.lowerBound..<name.start).contains(where: { ScalarClass.endsClause(scalars[$0]) }) else { return false }
        let closesLine = name.end == line.upperBound
            || Self.minutesTitles.longestMatch(at: name.end, in: scalars).map { name.end + $0.count == line.upperBound } ?? false
        guard closesLine else { return false }
        return (line.lowerBound..<name.end).contains { ordinal in
            guard scalars[ordinal] == "第", let (_, end) = DateReader.readNumber(scalars, at: ordinal + 1, limit: name.end) else { return false }
            return end < name.end && scalars[end] == "次"
        }
    }

    /// Whether another event's keyword follows in the clause after the convening verb at `after`
    /// (市人大常委会举行…新闻发布会: the first keyword names the organiser).
    func organisesAnotherEvent(after: Int, before rest: Int) -> Bool {
        let clauseEnd = scalars[after..<rest].firstIndex(where: { ScalarClass.endsClause($0) }) ?? rest
        var index = after + 2
        while index < clauseEnd {
            if let other = eventKeywords.longestMatch(in: scalars, at: index, limit: clauseEnd), !other.value.isVerb { return true }
            index += 1
        }
        return false
    }
}
