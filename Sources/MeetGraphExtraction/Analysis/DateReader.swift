import MeetGraph

/// A date phrase found in a text: what it says, before it is resolved against the document's date.
struct DatePhrase: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        /// 2016年5月6日, 5月16日, 16日 (missing parts are nil).
        case absolute(year: Int?, month: Int?, day: Int)
        /// 今天 (0), 昨天 (-1), 前天 (-2).
        case relative(days: Int)
    }
    var value: Value
    /// 上午, 中午, 下午, 晚 when written right after the date.
    var timeOfDay: String?
    /// Normalised offsets of the phrase.
    var range: Range<Int>
}

/// Reads dates (“5月16日”, “16日”, “今天上午(12月26日)”, “昨天”) and resolves them.
enum DateReader {
    /// Every date phrase in `range` of `scalars`, in order.
    static func phrases(in scalars: [Unicode.Scalar], range: Range<Int>) -> [DatePhrase] {
        var result: [DatePhrase] = []
        let starts = phraseStarts
        var index = range.lowerBound
        while index < range.upperBound {
            index = nextPossibleStart(in: scalars, from: index, limit: range.upperBound, starts: starts)
            guard index < range.upperBound else { break }
            if let phrase = phrase(in: scalars, at: index, limit: range.upperBound) {
                // 今天上午(12月26日): the written date in brackets replaces the relative one.
                if case .absolute = phrase.value, let last = result.last, case .relative = last.value,
                   phrase.range.lowerBound - last.range.upperBound <= 1 {
                    result[result.count - 1] = DatePhrase(value: phrase.value, timeOfDay: last.timeOfDay ?? phrase.timeOfDay,
                                                          range: last.range.lowerBound..<phrase.range.upperBound)
                } else {
                    result.append(phrase)
                }
                index = phrase.range.upperBound
            } else {
                index += 1
            }
        }
        return result
    }

    /// The first of ``phrases(in:range:)``, found without reading the rest of the range.
    static func firstPhrase(in scalars: [Unicode.Scalar], range: Range<Int>) -> DatePhrase? {
        let starts = phraseStarts
        var index = range.lowerBound
        while index < range.upperBound {
            index = nextPossibleStart(in: scalars, from: index, limit: range.upperBound, starts: starts)
            guard index < range.upperBound, let found = phrase(in: scalars, at: index, limit: range.upperBound) else {
                index += 1
                continue
            }
            guard case .relative = found.value else { return found }
            // 今天上午(12月26日): the written date in brackets replaces the relative one.
            for next in found.range.upperBound..<min(found.range.upperBound + 2, range.upperBound) {
                guard let written = phrase(in: scalars, at: next, limit: range.upperBound) else { continue }
                if case .absolute = written.value {
                    return DatePhrase(value: written.value, timeOfDay: found.timeOfDay ?? written.timeOfDay,
                                      range: found.range.lowerBound..<written.range.upperBound)
                }
                break
            }
            return found
        }
        return nil
    }

    /// The date phrase starting at `index`, if one does.
    static func phrase(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> DatePhrase? {
        let first = scalars[index]
        guard mayStart(with: first) else { return nil }
        let words = DateWords.shared
        // 今(20)日, 昨(19)日 (Taiwan's papers): the day of the month in brackets.
        for word in words.bracketedDays where word[0] == first {
            guard index + 1 < limit, scalars[index + 1] == "(" || scalars[index + 1] == "（",
                  let (day, next) = readNumber(scalars, at: index + 2, limit: limit), next + 1 < limit,
                  scalars[next] == ")" || scalars[next] == "）", scalars[next + 1] == word[1], (1...31).contains(day) else { break }
            let (time, afterTime) = timeOfDay(in: scalars, at: next + 2, limit: limit)
            return DatePhrase(value: .absolute(year: nil, month: nil, day: day), timeOfDay: time, range: index..<afterTime)
        }
        for (word, days) in words.relativeDays where word[0] == first && scalars.has(word, at: index) {
            let (time, afterTime) = timeOfDay(in: scalars, at: index + word.count, limit: limit)
            return DatePhrase(value: .relative(days: days), timeOfDay: time, range: index..<afterTime)
        }
        guard ScalarClass.numeralValue(scalars[index]) != nil else { return nil }
        // Do not start inside a number.
        if index > 0, ScalarClass.numeralValue(scalars[index - 1]) != nil { return nil }
        var position = index
        // Up to three numbers, each followed by its unit (年, 月, 日, 号) or a separator (- . /);
        // a later number of the same unit replaces an earlier one.
        var count = 0
        var firstUnit: Unicode.Scalar = " "
        var lastUnit: Unicode.Scalar = " "
        var year: Int?
        var month: Int?
        var day: Int?
        while position < limit, count < 3 {
            guard let (value, next) = readNumber(scalars, at: position, limit: limit) else { break }
            position = next
            guard position < limit else { break }
            let written = scalars[position]
            let unit = words.units[written]
            guard unit != nil || isNumericSeparator(written) else { break }
            if count == 0 { firstUnit = written }
            lastUnit = written
            count += 1
            position += 1
            switch unit {
            case .year?: year = value
            case .month?: month = value
            case .day?: day = value
            case nil: break
            }
            if unit == .day { break }
        }
        if count == 3, isNumericSeparator(firstUnit) {
            // 2020-01-27: the third number has no unit.
            return nil
        }
        if day == nil, count >= 2, lastUnit == "-" || lastUnit == "." { return nil }
        guard let day, (1...31).contains(day) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let year, year < 1900 || year > 2100 { return nil }
        let (time, afterTime) = timeOfDay(in: scalars, at: position, limit: limit)
        return DatePhrase(value: .absolute(year: year, month: month, day: day), timeOfDay: time, range: index..<afterTime)
    }

    /// A numeric date `2020-01-27`, `2020年01月27日`, `2020.1.27` at `index` (used for date lines).
    static func fullDate(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> (EventDate, Int)? {
        var position = index
        var parts: [Int] = []
        while position < limit, parts.count < 3 {
            var value = 0
            var digits = 0
            while position < limit, ScalarClass.isDigit(scalars[position]), digits < 4 {
                value = value * 10 + (ScalarClass.digitValue(scalars[position]) ?? 0)
                digits += 1
                position += 1
            }
            guard digits > 0 else { break }
            parts.append(value)
            guard position < limit else { break }
            let separator = scalars[position]
            let unit = DateWords.shared.units[separator]
            if parts.count < 3, isNumericSeparator(separator) || unit == .year || unit == .month {
                position += 1
            } else {
                if unit == .day { position += 1 }
                break
            }
        }
        guard parts.count == 3, (1900...2100).contains(parts[0]),
              let date = EventDate(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        return (date, position)
    }

    /// A number written in digits (16, １６) or Chinese numerals (十六, 二十三), and where it ends.
    static func readNumber(_ scalars: [Unicode.Scalar], at index: Int, limit: Int) -> (Int, Int)? {
        var position = index
        var value = 0
        if ScalarClass.isDigit(scalars[position]) {
            while position < limit, ScalarClass.isDigit(scalars[position]), position - index < 4 {
                value = value * 10 + (ScalarClass.digitValue(scalars[position]) ?? 0)
                position += 1
            }
            return (value, position)
        }
        // Chinese numerals: 十六 = 16, 二十 = 20, 二十三 = 23, 二〇二二 = 2022.
        var current = 0
        var sawTen = false
        while position < limit, position - index < 5 {
            let scalar = scalars[position]
            if ScalarClass.isTen(scalar) {
                value += (current == 0 ? 1 : current) * 10
                current = 0
                sawTen = true
            } else if let digit = ScalarClass.digitValue(scalar), !ScalarClass.isDigit(scalar) {
                current = sawTen ? digit : current * 10 + digit
            } else {
                break
            }
            position += 1
        }
        guard position > index else { return nil }
        return (value + current, position)
    }

    /// A part of the day at `index` (上午, 中午, 下午, 晚, 晚上 → 晚, 早上, 凌晨: ``DateWords/partsOfDay``),
    /// and where it ends.
    static func timeOfDay(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> (String?, Int) {
        guard index < limit else { return (nil, index) }
        for (word, value) in DateWords.shared.partsOfDay where scalars.has(word, at: index) {
            return (value, index + word.count)
        }
        return (nil, index)
    }

    /// `-` `.` `/` between the numbers of a date written in digits (2020-01-27, 2020.1.27).
    private static func isNumericSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "." || scalar == "/"
    }

    /// Whether a date phrase may start with `scalar`: a digit (ASCII, full-width or Chinese), 十, or
    /// the first scalar of a relative day (今, 昨, 前, 当: ``DateWords/relativeDays``).
    static func mayStart(with scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && phraseStarts[Int(scalar.value)]
    }

    /// ``mayStart(with:)`` for each scalar of the Basic Multilingual Plane (the only plane these
    /// scalars are in): one array read rejects most offsets of a text.
    private static let phraseStarts: [Bool] = {
        let relativeDayStarts = Set(DateWords.shared.relativeDays.map { $0.word[0] })
        return (0..<0x10000).map { value in
            guard let scalar = Unicode.Scalar(value) else { return false }
            return relativeDayStarts.contains(scalar) || ScalarClass.numeralValue(scalar) != nil
        }
    }()

    /// The first offset from `index` before `limit` where a date phrase may start, or `limit`.
    @inline(__always)
    private static func nextPossibleStart(in scalars: [Unicode.Scalar], from index: Int, limit: Int, starts: [Bool]) -> Int {
        var index = index
        while index < limit {
            let value = scalars[index].value
            if value < 0x10000, starts[Int(value)] { return index }
            index += 1
        }
        return limit
    }

    /// Resolves `phrase` against the document's date: a year (and, for “16日”, a month) is only
    /// filled when the document's date is known and the result lies shortly before it.
    static func resolve(_ phrase: DatePhrase, published: EventDate?, contextDate: EventDate? = nil) -> EventDate? {
        switch phrase.value {
        case let .relative(days):
            if days == DateWords.sameDayAsContext { return contextDate }
            guard let published, let year = published.year else { return nil }
            return shift(EventDate(year: year, month: published.month, day: published.day)!, by: days)
        case let .absolute(year, month, day):
            if let month {
                if let year { return EventDate(year: year, month: month, day: day) }
                if let published, let publishedYear = published.year {
                    // A December meeting reported in January belongs to the year before.
                    let resolvedYear = month > published.month + 1 ? publishedYear - 1 : publishedYear
                    return EventDate(year: resolvedYear, month: month, day: day)
                }
                return EventDate(month: month, day: day)
            }
            if let contextDate, contextDate.day >= day, contextDate.day - day <= 7 {
                return EventDate(year: contextDate.year, month: contextDate.month, day: day)
            }
            guard let published, published.day >= day, published.day - day <= 10 else { return nil }
            return EventDate(year: published.year, month: published.month, day: day)
        }
    }

    /// `date` moved by `days` (−2…0) days.
    static func shift(_ date: EventDate, by days: Int) -> EventDate {
        var year = date.year ?? 2000
        var month = date.month
        var day = date.day + days
        while day < 1 {
            month -= 1
            if month < 1 { month = 12; year -= 1 }
            day += daysIn(month: month, year: year)
        }
        return EventDate(year: date.year == nil ? nil : year, month: month, day: day) ?? date
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The document's date from a labelled line (发布日期:2020-01-27, 发布时间, 日期) or, failing
    /// that, a line near the top that is only a full date (2023年03月29日 星期三).
    static func documentDate(in scalars: [Unicode.Scalar], sentences: [Sentence]) -> EventDate? {
        let labels = DateWords.shared.documentDateLabels
        for sentence in sentences {
            for (label, at) in labels.allFound(in: sentence.range, of: scalars) {
                var index = at + label.count
                while index < sentence.range.upperBound, scalars[index] == ":" || scalars[index] == "：" || ScalarClass.isSpace(scalars[index]) {
                    index += 1
                }
                if let (date, _) = fullDate(in: scalars, at: index, limit: sentence.range.upperBound) { return date }
            }
        }
        for sentence in sentences.prefix(4) where sentence.range.count <= 24 {
            var index = sentence.range.lowerBound
            while index < sentence.range.upperBound, ScalarClass.isSpace(scalars[index]) { index += 1 }
            if let (date, _) = fullDate(in: scalars, at: index, limit: sentence.range.upperBound) { return date }
        }
        return nil
    }
}
