import Foundation
import MeetGraph

/// The parameters of a request's query string, decoded: `+` is a space, `%XX` a byte of UTF-8.
/// A name may repeat (`kind=meeting&kind=visit`).
struct QueryParameters: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value given for `name`, trimmed; nil when absent or empty.
    subscript(name: String) -> String? {
        let value = pairs.first { $0.name == name }?.value.trimmingCharacters(in: .whitespaces)
        return value?.isEmpty == false ? value : nil
    }

    /// Every value given for `name`, also split at commas.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.flatMap { $0.value.split(separator: ",").map(String.init) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// An integer parameter clamped to `range`; `fallback` when absent or not a number.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        guard let text = self[name], let value = Int(text) else { return fallback }
        return min(max(value, range.lowerBound), range.upperBound)
    }
}

/// The filters of the co-attendance graph, as the CLI's `--since --until --kind --role --top`.
struct GraphFilter: Sendable, Hashable, Codable {
    var since: EventDate?
    var until: EventDate?
    var kinds: [EventKind]
    var roles: [Role]
    var top: Int

    static let defaultTop = 60
    static let maximumTop = 300

    /// Reads the filter from a query; unknown kinds, roles and dates are errors worth reporting.
    init(_ parameters: QueryParameters, defaultTop: Int = GraphFilter.defaultTop) throws(WebError) {
        since = try Self.date(parameters["since"], "since")
        until = try Self.date(parameters["until"], "until")
        kinds = try parameters.all("kind").map { text throws(WebError) in
            guard let kind = EventKind(rawValue: text) else {
                throw .badRequest("kind must be one of \(EventKind.allCases.map(\.rawValue).joined(separator: ", ")), not \(text)")
            }
            return kind
        }
        roles = try parameters.all("role").map { text throws(WebError) in
            guard let role = Role(rawValue: text) else {
                throw .badRequest("role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")), not \(text)")
            }
            return role
        }
        kinds = Array(Set(kinds)).sorted { $0.rawValue < $1.rawValue }
        roles = Array(Set(roles)).sorted()
        top = parameters.integer("top", default: defaultTop, in: 1...Self.maximumTop)
        if let since, let until, until < since { throw .badRequest("since \(since) is after until \(until)") }
    }

    private static func date(_ text: String?, _ name: String) throws(WebError) -> EventDate? {
        guard let text else { return nil }
        guard let date = EventDate(text) else { throw .badRequest("\(name) must be a date YYYY-MM-DD, not \(text)") }
        return date
    }

    /// The filter as the model applies it.
    var attendanceFilter: AttendanceFilter {
        AttendanceFilter(kinds: kinds.isEmpty ? nil : Set(kinds), since: since, until: until,
                         roles: roles.isEmpty ? nil : Roles(roles))
    }

    /// The filter as query parameters, for links.
    var parameters: [(String, String?)] {
        [("since", since?.description), ("until", until?.description),
         ("kind", kinds.isEmpty ? nil : kinds.map(\.rawValue).joined(separator: ",")),
         ("role", roles.isEmpty ? nil : roles.map(\.rawValue).joined(separator: ",")), ("top", String(top))]
    }
}

/// What went wrong with a request, turned into a 400 or 404 page.
enum WebError: Error, Sendable {
    case badRequest(String)
    case notFound(String, suggestions: [String])
    case timedOut(seconds: Int)
}
