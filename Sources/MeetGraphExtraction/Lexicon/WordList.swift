import Foundation

/// A list of words read from one resource file, `Resources/NAME.txt`: one word a line, blank lines
/// and lines starting with `#` ignored.
///
/// The list builds its own filter of first scalars, so a new word in the file is found without a
/// Swift edit, and it offers only questions about the whole list (does a word start here, end here,
/// occur in this range): no code reads "the first word" or "the second word". The one exception is
/// ``firstFound(in:of:)``, for a list whose header says that earlier lines win.
struct WordList: Sendable {
    /// What is wrong with a word-list file.
    enum Problem: Error, Equatable, CustomStringConvertible {
        /// A line holds more than one word (white space inside it).
        case notOneWord(file: String, line: Int, text: String)
        /// The file holds no word at all.
        case empty(file: String)

        var description: String {
            switch self {
            case let .notOneWord(file, line, text):
                "Resources/\(file).txt line \(line): “\(text)” is not one word; write one word a line (# starts a comment)"
            case let .empty(file):
                "Resources/\(file).txt holds no word"
            }
        }
    }

    /// The words, in the file's order.
    private let words: [[Unicode.Scalar]]
    /// The distinct first scalars of ``words``.
    private let firstScalars: [Unicode.Scalar]
    /// One bit per `value % 64` of the first scalars: rejects most scalars before ``firstScalars``
    /// is searched.
    private let firstScalarBits: UInt64
    /// The longest word, in scalars.
    let longestWord: Int

    /// The words of `Resources/NAME.txt`; a missing or malformed file stops the program with a
    /// message naming the file and line (the files are part of the package, not user input).
    init(resource name: String) {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("MeetGraphExtraction: word list Resources/\(name).txt is missing from the bundle")
        }
        do {
            self = try WordList(parsing: text, file: name)
        } catch {
            preconditionFailure("MeetGraphExtraction: \(error)")
        }
    }

    /// The words of a file's text (see ``init(resource:)``); `file` names it in errors.
    init(parsing text: String, file: String) throws(Problem) {
        var words: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                throw .notOneWord(file: file, line: number + 1, text: trimmed)
            }
            words.append(trimmed)
        }
        guard !words.isEmpty else { throw .empty(file: file) }
        self.init(words)
    }

    /// A list of the given words (for tests and lists built from others).
    init(_ words: [String]) {
        self.words = words.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
        var firsts: [Unicode.Scalar] = []
        var bits: UInt64 = 0
        for word in self.words where !firsts.contains(word[0]) {
            firsts.append(word[0])
            bits |= 1 << (word[0].value & 63)
        }
        firstScalars = firsts
        firstScalarBits = bits
        longestWord = self.words.map(\.count).max() ?? 0
    }

    /// The words of both lists.
    static func + (lhs: WordList, rhs: WordList) -> WordList {
        WordList((lhs.words + rhs.words).map { String(String.UnicodeScalarView($0)) })
    }

    /// Number of words.
    var count: Int { words.count }

    /// Whether some word starts with `scalar`.
    @inline(__always)
    func mayStart(_ scalar: Unicode.Scalar) -> Bool {
        firstScalarBits & 1 << (scalar.value & 63) != 0 && firstScalars.contains(scalar)
    }

    /// Whether `word` is one of the words.
    func contains(_ word: [Unicode.Scalar]) -> Bool {
        words.contains(word)
    }

    /// Whether `word` is one of the words.
    func contains(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        words.contains { $0.elementsEqual(word) }
    }

    /// The longest word that starts at `index` in `scalars` and ends by `limit` (the end of
    /// `scalars` when nil).
    func longestMatch(at index: Int, in scalars: [Unicode.Scalar], limit: Int? = nil) -> [Unicode.Scalar]? {
        let end = limit ?? scalars.count
        guard index >= 0, index < end, mayStart(scalars[index]) else { return nil }
        var best: [Unicode.Scalar]?
        for word in words where word.count > (best?.count ?? 0) && index + word.count <= end && scalars.has(word, at: index) {
            best = word
        }
        return best
    }

    /// Whether some word starts at `index` in `scalars`.
    @inline(__always)
    func startsWord(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard index >= 0, index < scalars.count, mayStart(scalars[index]) else { return false }
        return words.contains { scalars.has($0, at: index) }
    }

    /// The longest word that ends exactly at `end` in `scalars`.
    func longestMatch(endingAt end: Int, in scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var best: [Unicode.Scalar]?
        for word in words where word.count > (best?.count ?? 0) && scalars.has(word, endingAt: end) { best = word }
        return best
    }

    /// Every word that starts at `index` in `scalars` (会议 and 会议上 both, where both are written).
    func matches(at index: Int, in scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        guard index >= 0, index < scalars.count, mayStart(scalars[index]) else { return [] }
        return words.filter { scalars.has($0, at: index) }
    }

    /// Whether some word satisfies `predicate` (asked of every word, in no promised order).
    func contains(where predicate: ([Unicode.Scalar]) throws -> Bool) rethrows -> Bool {
        try words.contains(where: predicate)
    }

    /// Whether some word ends exactly at `end` in `scalars`.
    func endsWord(at end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        words.contains { scalars.has($0, endingAt: end) }
    }

    /// Whether some word starts in `range` of `scalars` (and ends by the end of `scalars`).
    func occurs(in range: Range<Int>, of scalars: [Unicode.Scalar]) -> Bool {
        for position in range where mayStart(scalars[position]) {
            if words.contains(where: { scalars.has($0, at: position) }) { return true }
        }
        return false
    }

    /// Whether some word occurs in `scalars` (a name, a short stretch).
    func occurs(in scalars: [Unicode.Scalar]) -> Bool {
        occurs(in: scalars.indices, of: scalars)
    }

    /// For a list whose header says that earlier lines win: the first word, in the file's order,
    /// found anywhere in `range`, with where it starts.
    func firstFound(in range: Range<Int>, of scalars: [Unicode.Scalar]) -> (word: [Unicode.Scalar], start: Int)? {
        for word in words {
            if let start = scalars.find(word, in: range) { return (word, start) }
        }
        return nil
    }

    /// For a list whose header says that earlier lines are tried first: every word found in
    /// `range`, in the file's order, with where it first starts there.
    func allFound(in range: Range<Int>, of scalars: [Unicode.Scalar]) -> [(word: [Unicode.Scalar], start: Int)] {
        words.compactMap { word in scalars.find(word, in: range).map { (word, $0) } }
    }

    /// `scalars` without any of the words, each word's occurrences removed left to right, word
    /// after word in the file's order (召开 and 举行 removed from an event's name).
    func removingAll(from scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        words.reduce(scalars) { $0.removingAll($1) }
    }

    /// Every word, in the file's order: for building tables (a trie, a bitmap) whose lookups do
    /// not depend on that order.
    var entries: [[Unicode.Scalar]] { words }

    /// The distinct scalars of all the words (for lists of single characters read as a set).
    var scalarSet: Set<Unicode.Scalar> { Set(words.joined()) }
}
