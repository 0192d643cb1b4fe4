import Foundation
import MeetGraph

/// A document's publication date: the day that fills the year of "5月16日" and that 昨天 counts
/// from. Tried in this order: `--date`, the manifest, the file name, the source URL, a date line
/// near the top of the text (then the extractor's own labelled lines, 发布时间：…).
public enum PublicationDate {
    /// Where a publication date was found.
    public enum Origin: String, Sendable, Hashable, CaseIterable {
        /// `--date` on the command line.
        case option
        /// The manifest's date column.
        case manifest
        /// The file's name (`2022-05-17-x.txt`, `20220517.txt`).
        case fileName
        /// The source URL (`…/2022-05/17/…`, `…/t20220517_1.html`).
        case url
        /// A line near the top of the text holding only a date (`2017-01-09 15:40`).
        case dateLine
    }

    /// The first date found, and where, trying `option`, `manifest`, the file name, `url` (or, when
    /// none is given, the first URL written near the top of `text`), then a date line of `text`.
    public static func resolve(option: EventDate?, manifest: EventDate?, fileName: String, url: String?,
                               text: String) -> (date: EventDate, origin: Origin)? {
        if let option { return (option, .option) }
        if let manifest { return (manifest, .manifest) }
        if let date = inFileName(fileName) { return (date, .fileName) }
        let header = headerLines(of: text)
        if let url = url ?? header.lazy.compactMap(firstURL(in:)).first, let date = inURL(url) { return (date, .url) }
        if let date = header.lazy.compactMap(dateLine).first { return (date, .dateLine) }
        return nil
    }

    /// The date in a file name: `2022-05-17-x.txt`, `2022_05_17.txt`, `20220517.txt`, `x-20220517.txt`.
    /// Folders are not looked at.
    public static func inFileName(_ path: String) -> EventDate? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return firstDate(in: name, separated: "-_.", compactSeparators: "")
    }

    /// The date in a URL's path: `/2022-05/17/`, `/2022/05/17/`, `/202205/17/`, `t20220517_1.html`.
    public static func inURL(_ url: String) -> EventDate? {
        var path = Substring(url)
        if let scheme = path.range(of: "://") { path = path[scheme.upperBound...] }
        if let slash = path.firstIndex(of: "/") { path = path[slash...] } else { return nil }
        return firstDate(in: String(path), separated: "-_./", compactSeparators: "/")
    }

    /// The date of a line holding only a date, maybe with a time or a weekday:
    /// `2017-01-09 15:40`, `2017年1月9日`, `2017/01/09 星期一`.
    public static func dateLine(_ line: String) -> EventDate? {
        let scalars = Array(line.trimmingCharacters(in: .whitespaces).unicodeScalars)
        guard let (date, end) = separatedDate(scalars, at: 0, separators: "-./年") else { return nil }
        var rest = String(String.UnicodeScalarView(scalars[end...])).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("日") { rest.removeFirst() }
        for weekday in ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天"] {
            rest = rest.replacingOccurrences(of: weekday, with: "")
        }
        let allowed = Set("0123456789:： ")
        return rest.allSatisfy { allowed.contains($0) } ? date : nil
    }

    /// The first URL (`http://` or `https://`) in `line`.
    static func firstURL(in line: String) -> String? {
        guard let start = line.range(of: "http://") ?? line.range(of: "https://") else { return nil }
        let url = line[start.lowerBound...].prefix { !$0.isWhitespace && $0.isASCII }
        return String(url)
    }

    /// The first ten non-empty lines of `text`, trimmed: where reprints and downloads put their header.
    static func headerLines(of text: String) -> [String] {
        var lines: [String] = []
        for line in text.prefix(2_000).split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { lines.append(trimmed) }
            if lines.count == 10 { break }
        }
        return lines
    }

    /// The first date in `text`, either separated (`2022-05-17`, one or two digits for month and
    /// day) or compact (`20220517`, or `202205` + one of `compactSeparators` + `17`), not inside a
    /// longer run of digits; years 1900...2100.
    static func firstDate(in text: String, separated: String, compactSeparators: String) -> EventDate? {
        let scalars = Array(text.unicodeScalars)
        for start in scalars.indices where isDigit(scalars[start]) && (start == 0 || !isDigit(scalars[start - 1])) {
            if let (date, _) = separatedDate(scalars, at: start, separators: separated) { return date }
            if let date = compactDate(scalars, at: start, separators: compactSeparators) { return date }
        }
        return nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Digits from `index`, at most `limit` of them: their value and where they end.
    private static func number(_ scalars: [Unicode.Scalar], at index: Int, limit: Int) -> (Int, Int)? {
        var position = index
        var value = 0
        while position < scalars.count, position - index < limit, isDigit(scalars[position]) {
            value = value * 10 + Int(scalars[position].value - 48)
            position += 1
        }
        return position == index ? nil : (value, position)
    }

    /// `YYYY?MM?DD` with ? one of `separators` (年 and 月 read as separators), month and day of one or two digits.
    private static func separatedDate(_ scalars: [Unicode.Scalar], at index: Int,
                                      separators: String) -> (EventDate, Int)? {
        let separators = Set(separators.unicodeScalars).union(["月"])
        guard let (year, afterYear) = number(scalars, at: index, limit: 4), afterYear - index == 4,
              afterYear < scalars.count, separators.contains(scalars[afterYear]),
              let (month, afterMonth) = number(scalars, at: afterYear + 1, limit: 2),
              afterMonth < scalars.count, separators.contains(scalars[afterMonth]),
              let (day, end) = number(scalars, at: afterMonth + 1, limit: 2),
              end == scalars.count || !isDigit(scalars[end]),
              (1900...2100).contains(year), let date = EventDate(year: year, month: month, day: day)
        else { return nil }
        return (date, end)
    }

    /// `YYYYMMDD`, or `YYYYMM` + a separator + `DD`.
    private static func compactDate(_ scalars: [Unicode.Scalar], at index: Int, separators: String) -> EventDate? {
        guard let (digits, end) = number(scalars, at: index, limit: 9) else { return nil }
        let separators = Set(separators.unicodeScalars)
        var year = 0, month = 0, day = 0
        if end - index == 8 {
            (year, month, day) = (digits / 10_000, digits / 100 % 100, digits % 100)
        } else if end - index == 6, end < scalars.count, separators.contains(scalars[end]),
                  let (value, dayEnd) = number(scalars, at: end + 1, limit: 3), dayEnd - end - 1 == 2 {
            (year, month, day) = (digits / 100, digits % 100, value)
        } else {
            return nil
        }
        guard (1900...2100).contains(year) else { return nil }
        return EventDate(year: year, month: month, day: day)
    }
}
