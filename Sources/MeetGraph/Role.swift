/// The part a person plays at an event.
///
/// A person can hold several roles at once (a chair who also speaks), so participations
/// carry a ``Roles`` set rather than a single role.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Presides: 主持, 主持召开, "会议由X主持", 主持人.
    case chair
    /// Speaks at or for the event: 讲话, 强调, 指出, 提出要求, 作报告, 发言, 致辞 …
    case speaker
    /// Is present: 参加, 出席, 列席, 陪同, listed with them, or visited.
    case attendee

    /// Chair first, then speaker, then attendee: the order used in every output.
    public static func < (lhs: Role, rhs: Role) -> Bool {
        lhs.order < rhs.order
    }

    var order: Int {
        switch self {
        case .chair: 0
        case .speaker: 1
        case .attendee: 2
        }
    }
}

/// A set of ``Role`` values, stored in one byte.
///
/// Encodes to JSON as a sorted array of role names (`["chair","speaker"]`), as in the gold files.
public struct Roles: OptionSet, Sendable, Hashable, Codable, CustomStringConvertible {
    /// One bit per role: chair 1, speaker 2, attendee 4.
    public let rawValue: UInt8
    /// The set with these bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Presides.
    public static let chair = Roles(rawValue: 1 << 0)
    /// Speaks.
    public static let speaker = Roles(rawValue: 1 << 1)
    /// Is present.
    public static let attendee = Roles(rawValue: 1 << 2)

    /// The set holding just `role`.
    public init(_ role: Role) {
        switch role {
        case .chair: self = .chair
        case .speaker: self = .speaker
        case .attendee: self = .attendee
        }
    }

    /// The set holding every role in `roles`.
    public init<S: Sequence>(_ roles: S) where S.Element == Role {
        self = roles.reduce(into: Roles()) { $0.formUnion(Roles($1)) }
    }

    /// Whether `role` is in the set.
    public func contains(_ role: Role) -> Bool { isSuperset(of: Roles(role)) }

    /// The roles in chair, speaker, attendee order.
    public var sorted: [Role] { Role.allCases.filter { contains($0) } }

    /// Role names joined by `;` (`chair;speaker`), the form used in CSV files.
    public var description: String { sorted.map(\.rawValue).joined(separator: ";") }

    /// Parses `chair;speaker` (also `,` or `|` separated); returns nil on an unknown name.
    public init?(parsing text: String) {
        var roles = Roles()
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" || $0 == " " }) {
            guard let role = Role(rawValue: part.lowercased()) else { return nil }
            roles.formUnion(Roles(role))
        }
        self = roles
    }

    /// Decodes a JSON array of role names.
    public init(from decoder: Decoder) throws {
        let names = try decoder.singleValueContainer().decode([Role].self)
        self.init(names)
    }

    /// Encodes as a sorted JSON array of role names.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(sorted)
    }
}
