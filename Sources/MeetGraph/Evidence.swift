/// Where in a document a participation is stated: the proof a user can check.
///
/// Offsets count **Unicode scalars** (code points) from the start of the decoded document text,
/// after a byte-order mark is dropped and before any other normalisation: the same unit Python's
/// `str` indexing uses, so `text[start:end]` gives back the sentence as it stands in the file
/// (with its original line breaks). Ranges are half-open.
public struct Evidence: Sendable, Hashable, Codable {
    /// The document's file name.
    public var document: String
    /// The sentence that names the person at the event, with OCR line breaks removed.
    public var sentence: String
    /// Offset of the sentence's first scalar.
    public var start: Int
    /// Offset one past the sentence's last scalar.
    public var end: Int
    /// Offset of the person's name within the document, when it is written in this sentence.
    public var mentionStart: Int?
    /// Offset one past the name.
    public var mentionEnd: Int?

    /// Evidence with every field given.
    public init(document: String, sentence: String, start: Int, end: Int,
                mentionStart: Int? = nil, mentionEnd: Int? = nil) {
        self.document = document
        self.sentence = sentence
        self.start = start
        self.end = end
        self.mentionStart = mentionStart
        self.mentionEnd = mentionEnd
    }

    enum CodingKeys: String, CodingKey {
        case document, sentence, start, end
        case mentionStart = "mention_start"
        case mentionEnd = "mention_end"
    }
}

extension Collection where Element == Evidence {
    /// The sentence that best proves a participation, for showing one: a sentence shared with
    /// `other` (both people are named in it), else the first that reads as a body sentence (ends
    /// with 。！？ or a closing quote after one) rather than a headline, else the first.
    public func bestProof(sharedWith other: [Evidence] = []) -> Evidence? {
        if let shared = first(where: { mine in other.contains { $0.document == mine.document && $0.start == mine.start } }) {
            return shared
        }
        return first(where: \.isBodySentence) ?? first
    }
}

extension Evidence {
    /// Whether the sentence ends like running text (。！？, possibly inside a closing quote or
    /// bracket), as a headline does not.
    var isBodySentence: Bool {
        let trimmed = sentence.trimmingSuffix(while: { $0.isWhitespace || "”」』)）".contains($0) })
        guard let last = trimmed.last else { return false }
        return "。！？!?；;".contains(last)
    }
}

private extension String {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
