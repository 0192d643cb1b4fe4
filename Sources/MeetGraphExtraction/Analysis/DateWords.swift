/// The Chinese words ``DateReader`` reads, from `Resources/`: relative days (今天, 昨日, 当天),
/// parts of the day (上午, 晚上), the units after a date's numbers (年, 月, 日, 号) and the labels of
/// a document's own date (发布日期). Loaded once, on first use.
struct DateWords: Sendable {
    /// What a number in a date is, by the character written after it.
    enum Unit: String, Sendable {
        case year, month, day
    }

    /// The `days` of a relative day that refers to the date given earlier in the text (当天, 当日)
    /// rather than to the document's date.
    static let sameDayAsContext = 99

    /// 今天 (0), 昨天 (-1), 前天 (-2), 当天 (``sameDayAsContext``) — `Resources/relative-days.txt`.
    let relativeDays: [(word: [Unicode.Scalar], days: Int)]
    /// 今日, 昨日: written 今(20)日 with the day of the month in brackets — `Resources/bracketed-days.txt`.
    let bracketedDays: [[Unicode.Scalar]]
    /// 上午, 晚上 → 晚 …, as written and as reported, longer words first (晚上 before 晚) —
    /// `Resources/parts-of-day.txt`.
    let partsOfDay: [(written: [Unicode.Scalar], reported: String)]
    /// 年, 月, 日, 号 and what the number before them is — `Resources/date-units.txt`.
    let units: [Unicode.Scalar: Unit]
    /// 发布日期, 发布时间, 日期 …, in the file's order (earlier labels are tried first) —
    /// `Resources/document-date-labels.txt`.
    let documentDateLabels: WordList

    /// The shipped words.
    static let shared = DateWords()

    private init() {
        relativeDays = Lexicons.rows("relative-days", columns: 2).map { columns in
            let days = columns[1] == "context" ? Self.sameDayAsContext : Int(columns[1])
            guard let days else {
                preconditionFailure("MeetGraphExtraction: Resources/relative-days.txt: “\(columns[1])” is not a number of days")
            }
            return (Array(columns[0].unicodeScalars), days)
        }
        bracketedDays = WordList(resource: "bracketed-days").entries
        precondition(bracketedDays.allSatisfy { $0.count == 2 }, "MeetGraphExtraction: Resources/bracketed-days.txt holds two-character words")
        let parts = Lexicons.rows("parts-of-day", columns: 2).map { (written: Array($0[0].unicodeScalars), reported: $0[1]) }
        // Longest first, so that the first word found at a position is the longest there.
        partsOfDay = parts.enumerated().sorted { a, b in
            a.element.written.count != b.element.written.count ? a.element.written.count > b.element.written.count : a.offset < b.offset
        }.map(\.element)
        var units: [Unicode.Scalar: Unit] = [:]
        for columns in Lexicons.rows("date-units", columns: 2) {
            guard columns[0].unicodeScalars.count == 1, let scalar = columns[0].unicodeScalars.first,
                  let unit = Unit(rawValue: columns[1]) else {
                preconditionFailure("MeetGraphExtraction: Resources/date-units.txt: “\(columns[0])\t\(columns[1])” is not a character and a unit")
            }
            units[scalar] = unit
        }
        self.units = units
        documentDateLabels = WordList(resource: "document-date-labels")
    }
}
