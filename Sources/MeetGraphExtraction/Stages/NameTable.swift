import Foundation

/// Names of one document, compared as Strings compare them (canonical equivalence) without
/// building Strings: a small ``ScalarTrie`` keyed by each name's scalars. The usual names
/// (unified ideographs, ASCII) are their own canonical form; a name holding any other scalar (a
/// compatibility ideograph such as 﨑, an accented letter) is stored decomposed (NFD), where its
/// equivalent spellings meet.
struct NameTable<Value: Sendable> {
    /// The names by their comparable scalars: when ``hasDecomposedNames`` is false, exactly the
    /// names' spellings.
    private(set) var spellings: ScalarTrie<Value>
    /// Whether some name was stored in a decomposed form that differs from its spelling.
    private(set) var hasDecomposedNames = false

    /// An empty table, sized for names of `expectedScalars` scalars in all.
    init(expectedScalars: Int = 0) {
        spellings = ScalarTrie(small: true, expectedScalars: expectedScalars)
    }

    /// Whether no name is stored.
    var isEmpty: Bool { spellings.count == 0 }

    /// The value of the name spelled by `scalars[range]`.
    func value(for range: Range<Int>, in scalars: [Unicode.Scalar]) -> Value? {
        spellings.value(for: Self.comparable(range, in: scalars).scalars)
    }

    /// Stores the name spelled by `scalars[range]` with `value` unless an equivalent name is
    /// stored already: the value the name has, and whether it was stored now.
    @discardableResult
    mutating func insertIfAbsent(_ range: Range<Int>, in scalars: [Unicode.Scalar], _ value: Value) -> (value: Value, isNew: Bool) {
        let (key, isDecomposed) = Self.comparable(range, in: scalars)
        if let stored = spellings.value(for: key) { return (stored, false) }
        spellings.insert(key, value)
        if isDecomposed { hasDecomposedNames = true }
        return (value, true)
    }

    /// The scalars a name is compared by, and whether they differ from its spelling.
    private static func comparable(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> (scalars: ArraySlice<Unicode.Scalar>, isDecomposed: Bool) {
        let written = scalars[range]
        if written.allSatisfy(isOwnCanonicalForm) { return (written, false) }
        let decomposed = Array(String(scalars: written).decomposedStringWithCanonicalMapping.unicodeScalars)
        return (decomposed[...], !decomposed.elementsEqual(written))
    }

    /// Whether `scalar` neither decomposes nor combines, so that it only matches itself: ASCII,
    /// Latin-1 below its letters, and the unified ideographs.
    @inline(__always)
    private static func isOwnCanonicalForm(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0xC0 || CharacterClass.isUnifiedIdeograph(value)
    }
}
