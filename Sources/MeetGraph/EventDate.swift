/// A calendar day as news reports give it: the year may be unknown ("5月16日" with no
/// publication date), the month and day are known.
///
/// Written as `YYYY-MM-DD`, or `MM-DD` without a year, the forms GUIDELINE.md uses.
/// Dates order by (year, month, day), an unknown year sorting first. Stored in 4 bytes; setting
/// a field out of its range clamps it.
public struct EventDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// year << 9 | month << 5 | day, year 0 when unknown: 4 bytes, and ordered as dates are.
    private var packed: UInt32

    /// The year, when the text or the document's date gives it (1...9999).
    public var year: Int? {
        get { packed >> 9 == 0 ? nil : Int(packed >> 9) }
        set { packed = UInt32(min(max(newValue ?? 0, 0), 9999)) << 9 | packed & 0x1FF }
    }

    /// 1...12.
    public var month: Int {
        get { Int(packed >> 5 & 0xF) }
        set { packed = packed & ~0x1E0 | UInt32(min(max(newValue, 1), 12)) << 5 }
    }

    /// 1...31.
    public var day: Int {
        get { Int(packed & 0x1F) }
        set { packed = packed & ~0x1F | UInt32(min(max(newValue, 1), 31)) }
    }

    /// A date; nil unless the day exists: month 1...12, day within the month (2022-02-30 and
    /// 04-31 do not exist; 02-29 only in leap years, or without a year), the year, when given,
    /// 1...9999.
    public init?(year: Int? = nil, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else { return nil }
        if let year, !(1...9999).contains(year) { return nil }
        packed = UInt32(year ?? 0) << 9 | UInt32(month) << 5 | UInt32(day)
    }

    /// How many days `month` has: February 29 in leap years of the Gregorian calendar, and when
    /// the year is unknown.
    public static func days(inMonth month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses `YYYY-MM-DD` or `MM-DD`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        switch numbers.count {
        case 3: self.init(year: numbers[0], month: numbers[1], day: numbers[2])
        case 2: self.init(month: numbers[0], day: numbers[1])
        default: return nil
        }
    }

    /// `YYYY-MM-DD`, or `MM-DD` without a year.
    public var description: String {
        let monthDay = (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
        guard let year else { return monthDay }
        return String(year) + "-" + monthDay
    }

    /// Orders by (year, month, day), an unknown year first.
    public static func < (lhs: EventDate, rhs: EventDate) -> Bool {
        lhs.packed < rhs.packed
    }

    /// Decodes the `YYYY-MM-DD` or `MM-DD` string form.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = EventDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date in YYYY-MM-DD or MM-DD form")
        }
        self = date
    }

    /// Encodes as ``description``.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
