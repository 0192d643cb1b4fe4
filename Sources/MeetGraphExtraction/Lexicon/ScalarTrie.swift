/// A prefix tree over Unicode scalars that finds the longest lexicon entry starting at a position.
///
/// Lookups run on `[Unicode.Scalar]` without building strings; a bitmap of first scalars rejects
/// most positions with one array read, which keeps the one-pass keyword scans fast.
struct ScalarTrie<Value: Sendable>: Sendable {
    private var children: [[UInt32: Int32]] = [[:]]
    private var values: [Value?] = [nil]
    private var firstScalars: [Bool]
    private var lastScalars: [Bool]
    private let filterMask: UInt32
    /// Longest entry, in scalars.
    private(set) var longestEntry = 0
    /// Number of entries.
    private(set) var count = 0

    /// An empty trie. The first- and last-scalar filters have 65,536 entries for the shared lexicons
    /// (scanned at every position); a per-document trie passes `small: true` for 1,024-entry filters,
    /// which are cheaper to create. A filter entry may be shared by several scalars: it only rejects.
    init(small: Bool = false) {
        let size = small ? 0x400 : 0x10000
        filterMask = UInt32(size - 1)
        firstScalars = [Bool](repeating: false, count: size)
        lastScalars = [Bool](repeating: false, count: size)
    }

    /// Adds `word` with `value`, replacing an earlier value for the same word.
    mutating func insert(_ word: String, _ value: Value) {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first else { return }
        firstScalars[Int(first.value & filterMask)] = true
        if let last = scalars.last { lastScalars[Int(last.value & filterMask)] = true }
        var node = 0
        for scalar in scalars {
            if let next = children[node][scalar.value] {
                node = Int(next)
            } else {
                children.append([:])
                values.append(nil)
                let next = children.count - 1
                children[node][scalar.value] = Int32(next)
                node = next
            }
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

    /// The longest entry that starts at `start` and ends at or before `limit`: its length and value.
    func longestMatch(in scalars: [Unicode.Scalar], at start: Int, limit: Int? = nil) -> (length: Int, value: Value)? {
        let end = limit ?? scalars.count
        guard start < end, mayStart(with: scalars[start]) else { return nil }
        var node = 0
        var best: (Int, Value)?
        var index = start
        while index < end, let next = children[node][scalars[index].value] {
            node = Int(next)
            index += 1
            if let value = values[node] { best = (index - start, value) }
        }
        return best
    }

    /// Whether `word` is an entry.
    func contains(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var node = 0
        for scalar in scalars {
            guard let next = children[node][scalar.value] else { return false }
            node = Int(next)
        }
        return values[node] != nil
    }

    /// The value of the entry spelled exactly by `scalars`.
    func value(for scalars: ArraySlice<Unicode.Scalar>) -> Value? {
        var node = 0
        for scalar in scalars {
            guard let next = children[node][scalar.value] else { return nil }
            node = Int(next)
        }
        return values[node]
    }

    /// The longest entry that ends exactly at `end` (looking back at most `longestEntry` scalars).
    func longestMatch(in scalars: [Unicode.Scalar], endingAt end: Int, notBefore lower: Int = 0) -> (length: Int, value: Value)? {
        guard end > lower else { return nil }
        let last = scalars[end - 1]
        if !lastScalars[Int(last.value & filterMask)] { return nil }
        var length = min(longestEntry, end - lower)
        while length > 0 {
            if let value = value(for: scalars[(end - length)..<end]) { return (length, value) }
            length -= 1
        }
        return nil
    }
}
