/// A prefix tree over Unicode scalars that finds the longest lexicon entry starting at a position.
///
/// Lookups run on `[Unicode.Scalar]` without building strings; a bitmap of first scalars rejects
/// most positions with one array read, which keeps the one-pass keyword scans fast. The edges live
/// in one open-addressing table keyed by (node, scalar), so a step is a multiply and an array read
/// instead of a dictionary lookup per node.
struct ScalarTrie<Value: Sendable>: Sendable {
    /// Edge keys: `node << 32 | scalar`, or `emptyKey` for a free slot.
    private var edgeKeys: [UInt64]
    /// The child node of the edge in the same slot.
    private var edgeTargets: [Int32]
    /// `edgeKeys.count - 1` (the table's size is a power of two).
    private var edgeMask: Int
    /// Number of edges (the nodes other than the root).
    private var edgeCount = 0
    private var values: [Value?] = [nil]
    private var firstScalars: [Bool]
    private let filterMask: UInt32
    /// Longest entry, in scalars.
    private(set) var longestEntry = 0
    /// Number of entries.
    private(set) var count = 0

    private static var emptyKey: UInt64 { .max }

    /// An empty trie. The first-scalar filter has 65,536 entries for the shared lexicons (scanned at
    /// every position); a per-document trie passes `small: true` for a 1,024-entry filter, which is
    /// cheaper to create. A filter entry may be shared by several scalars: it only rejects.
    /// `expectedScalars`, the number of scalars the entries are expected to hold together, sizes
    /// the tables so that they need not grow while the entries are added.
    init(small: Bool = false, expectedScalars: Int = 0) {
        let size = small ? 0x400 : 0x10000
        filterMask = UInt32(size - 1)
        firstScalars = [Bool](repeating: false, count: size)
        var edges = small ? 64 : 1024
        while edges < expectedScalars * 2 { edges *= 2 }
        edgeKeys = [UInt64](repeating: Self.emptyKey, count: edges)
        edgeTargets = [Int32](repeating: 0, count: edges)
        edgeMask = edges - 1
        values.reserveCapacity(expectedScalars + 1)
    }

    /// The slot where the edge `key` is, or the free slot where it would go.
    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & edgeMask
        while true {
            let found = edgeKeys[index]
            if found == key || found == Self.emptyKey { return index }
            index = (index + 1) & edgeMask
        }
    }

    /// The child of `node` along `scalar`, or -1.
    @inline(__always)
    private func child(of node: Int, _ scalar: UInt32) -> Int {
        let key = UInt64(truncatingIfNeeded: node) << 32 | UInt64(scalar)
        let index = slot(for: key)
        return edgeKeys[index] == key ? Int(edgeTargets[index]) : -1
    }

    /// Doubles the edge table.
    private mutating func growEdges() {
        let oldKeys = edgeKeys
        let oldTargets = edgeTargets
        let size = edgeKeys.count * 2
        edgeKeys = [UInt64](repeating: Self.emptyKey, count: size)
        edgeTargets = [Int32](repeating: 0, count: size)
        edgeMask = size - 1
        for (index, key) in oldKeys.enumerated() where key != Self.emptyKey {
            let target = slot(for: key)
            edgeKeys[target] = key
            edgeTargets[target] = oldTargets[index]
        }
    }

    /// Adds `word` with `value`, replacing an earlier value for the same word.
    mutating func insert(_ word: String, _ value: Value) {
        insert(Array(word.unicodeScalars)[...], value)
    }

    /// Adds `word` spelled backwards (last scalar first), for ``longestMatch(in:backwardsFrom:notBefore:)``.
    mutating func insert(reversing word: String, _ value: Value) {
        insert(Array(word.unicodeScalars.reversed())[...], value)
    }

    /// Adds the entry spelled by `scalars` with `value`, replacing an earlier value for the same
    /// entry (a slice of a text: no String is built).
    mutating func insert(_ scalars: ArraySlice<Unicode.Scalar>, _ value: Value) {
        guard let first = scalars.first else { return }
        firstScalars[Int(first.value & filterMask)] = true
        var node = 0
        for scalar in scalars {
            let key = UInt64(truncatingIfNeeded: node) << 32 | UInt64(scalar.value)
            var index = slot(for: key)
            if edgeKeys[index] == key {
                node = Int(edgeTargets[index])
                continue
            }
            // A new edge goes in the free slot the search ended at, unless the table must grow first.
            if (edgeCount + 1) * 2 > edgeKeys.count {
                growEdges()
                index = slot(for: key)
            }
            values.append(nil)
            let created = values.count - 1
            edgeKeys[index] = key
            edgeTargets[index] = Int32(created)
            edgeCount += 1
            node = created
        }
        if values[node] == nil { count += 1 }
        values[node] = value
        longestEntry = max(longestEntry, scalars.count)
    }

    /// Whether some entry may start with `scalar`.
    @inline(__always)
    func mayStart(with scalar: Unicode.Scalar) -> Bool {
        firstScalars[Int(scalar.value & filterMask)]
    }

    /// The first-scalar filter alone (what ``mayStart(with:)`` reads), to keep in a local while
    /// scanning a text: a shared lexicon's trie is not then fetched at every position.
    var startFilter: ScalarFilter { ScalarFilter(bits: firstScalars, mask: filterMask) }

    /// The longest entry that starts at `start` and ends at or before `limit`: its length and value.
    @inline(__always)
    func longestMatch(in scalars: [Unicode.Scalar], at start: Int, limit: Int? = nil) -> (length: Int, value: Value)? {
        let end = limit ?? scalars.count
        guard start < end, mayStart(with: scalars[start]) else { return nil }
        return walk(in: scalars, from: start, end: end)
    }

    /// The longest entry from `start` to at most `end`, once the first-scalar filter has passed.
    private func walk(in scalars: [Unicode.Scalar], from start: Int, end: Int) -> (length: Int, value: Value)? {
        var node = 0
        var best: (Int, Value)?
        var index = start
        while index < end {
            let next = child(of: node, scalars[index].value)
            if next < 0 { break }
            node = next
            index += 1
            if let value = values[node] { best = (index - start, value) }
        }
        return best
    }

    /// The value of the entry spelled exactly by `scalars`.
    func value(for scalars: ArraySlice<Unicode.Scalar>) -> Value? {
        var node = 0
        for scalar in scalars {
            let next = child(of: node, scalar.value)
            if next < 0 { return nil }
            node = next
        }
        return values[node]
    }

    /// In a trie of words spelled backwards (``insert(reversing:_:)``): the longest word that
    /// ends exactly at `end` and starts at or after `lower`, found in one walk backwards (instead
    /// of a walk of the forward trie for every length).
    func longestMatch(in scalars: [Unicode.Scalar], backwardsFrom end: Int, notBefore lower: Int = 0) -> (length: Int, value: Value)? {
        let reach = max(lower, end - longestEntry)
        guard end > reach, mayStart(with: scalars[end - 1]) else { return nil }
        var node = 0
        var best: (Int, Value)?
        var index = end
        while index > reach {
            let next = child(of: node, scalars[index - 1].value)
            if next < 0 { break }
            node = next
            index -= 1
            if let value = values[node] { best = (end - index, value) }
        }
        return best
    }
}

/// A bitmap of scalars (each scalar's value masked to the bitmap's size): a filter that only rejects.
struct ScalarFilter: Sendable {
    let bits: [Bool]
    let mask: UInt32

    /// Whether `scalar` may be one of the filter's scalars.
    @inline(__always)
    func mayContain(_ scalar: Unicode.Scalar) -> Bool {
        bits[Int(scalar.value & mask)]
    }
}
