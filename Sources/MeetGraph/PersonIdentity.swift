/// Who is who: the one rule that decides which written names are the same person.
///
/// Every route to a graph applies it: ``AttendanceGraph`` keys its people with it, and the store
/// keys its stored people with the same rule, so `analyze`, `--from` and a store give the same
/// people on the same input.
///
/// A written name is first followed through the aliases (a spelling → the name it stands for),
/// then mapped by `nameKey` (for instance traditional → simplified characters): two names with
/// the same key are one person.
public struct PersonIdentity: Sendable {
    /// Spelling → the name it stands for. Applied to the name as written, then to its key.
    public var aliases: [String: String]
    /// Maps a name to the key that identifies a person (张三 and 張三 → 张三).
    public var nameKey: @Sendable (String) -> String

    /// A rule with `aliases` and `nameKey`; by default every written name is its own person.
    public init(aliases: [String: String] = [:], nameKey: @escaping @Sendable (String) -> String = { $0 }) {
        self.aliases = aliases
        self.nameKey = nameKey
    }

    /// Every written name is its own person.
    public static let exact = PersonIdentity()

    /// Follows aliases from `name` (as written, then as keyed) to the name it stands for.
    ///
    /// An alias between two spellings with the same key (张三 → 張三) stops there: both already are one person.
    /// - Throws: ``IdentityError/aliasCycle(name:)`` when the aliases lead back to a name.
    public func canonicalName(_ name: String) throws(IdentityError) -> String {
        var current = name
        var seen: Set<String> = [name]
        while let next = aliases[current] ?? aliases[nameKey(current)], next != current {
            if nameKey(next) == nameKey(current) { return next }
            guard seen.insert(next).inserted else { throw IdentityError.aliasCycle(name: name) }
            current = next
        }
        return current
    }

    /// The key of the person `name` stands for: ``nameKey`` of ``canonicalName(_:)``; a name
    /// caught in an alias cycle keys as itself.
    public func key(of name: String) -> String {
        nameKey((try? canonicalName(name)) ?? name)
    }
}

/// Why the who-is-who rule cannot be applied, with what to do about it.
public enum IdentityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Following the aliases from `name` comes back to a name already seen.
    case aliasCycle(name: String)

    /// One line for a person reading the command's output.
    public var description: String {
        switch self {
        case .aliasCycle(let name):
            "the aliases starting at \(name) lead back to a name already seen; remove one alias of the cycle"
        }
    }
}

/// The spellings a person is written with, counted, so that the name shown is the one most
/// texts use (ties go to the spelling seen first).
struct SpellingTally: Sendable {
    /// Spelling and count, in order of first appearance; empty for a person seen with one spelling only.
    private var variants: [Int: [(name: String, count: Int)]] = [:]
    /// Mentions of the only spelling, for people without variants.
    private var single: [Int32] = []

    mutating func addPerson() { single.append(0) }

    /// Counts one mention of `spelling` for the person at `index`, shown as `shown` so far;
    /// returns the spelling to show from now on.
    mutating func count(_ spelling: String, of index: Int, shown: String) -> String {
        if var list = variants[index] {
            if let position = list.firstIndex(where: { $0.name == spelling }) {
                list[position].count += 1
            } else {
                list.append((spelling, 1))
            }
            variants[index] = list
            var best = list[0]
            for entry in list.dropFirst() where entry.count > best.count { best = entry }
            return best.name
        }
        if spelling == shown || single[index] == 0 {
            single[index] += 1
            return spelling
        }
        variants[index] = [(shown, Int(single[index])), (spelling, 1)]
        return single[index] >= 1 ? shown : spelling
    }
}
