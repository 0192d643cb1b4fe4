import MeetGraph
@testable import MeetGraphExtraction

/// Extracts `text` as a document called `test.txt`.
func extract(_ text: String, published: EventDate? = nil) -> Document {
    Extractor().document(from: SourceText(name: "test.txt", text: text), published: published)
}

/// A participant's name, roles and titles, for whole-list comparisons.
struct Row: Equatable, CustomStringConvertible {
    var name: String
    var roles: Roles
    var titles: [String]

    init(_ name: String, _ roles: Roles, _ titles: [String] = []) {
        self.name = name
        self.roles = roles
        self.titles = titles
    }

    var description: String { "\(name) \(roles) \(titles)" }
}

extension Event {
    /// Every participant as a row, in order.
    var rows: [Row] { participants.map { Row($0.name, $0.roles, $0.titles) } }
}

extension Document {
    /// The non-participants as (name, reason) pairs.
    var excluded: [String: NonParticipation] {
        Dictionary(nonParticipants.map { ($0.name, $0.role) }, uniquingKeysWith: { first, _ in first })
    }
}
