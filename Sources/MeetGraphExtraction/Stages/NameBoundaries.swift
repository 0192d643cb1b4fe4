/// Where a name ends when its last character could also begin the next word: 某某应邀出席 is 某某
/// followed by 应邀, not 某某应; 某某今日表示 is 某某 followed by 今日, and 某某今(9)日 by a date.
extension NameFinder {
    /// Common two-character verbs, adverbs and time words (Resources/words-after-names.txt, derived
    /// from jieba's dictionary by scripts/generate-words-after-names.py).
    static let wordsAfterNames = WordList(resource: "words-after-names")

    /// Whether the reading of `length` characters at `start` — a surname and two given characters —
    /// ends with a character that starts a common word running past it, so that the name is one
    /// character shorter.
    func runsIntoWord(at start: Int, length: Int, limit: Int) -> Bool {
        let last = start + length - 1
        guard last + 1 < limit, let surname = lexicons.surnames.longestMatch(in: scalars, at: start, limit: limit),
              length == surname.length + 2 else { return false }
        if Self.wordsAfterNames.contains(scalars[last...(last + 1)]) { return true }
        // 某某今(9)日表示: a date phrase starts at the last character.
        return DateReader.mayStart(with: scalars[last]) && !ScalarClass.isDigit(scalars[last])
            && DateReader.phrase(in: scalars, at: last, limit: limit) != nil
    }
}

extension NameFinder {
    /// The longest part of a transcribed name, in characters (阿布都热依木 in 阿布都热依木·某某某).
    static let longestNamePart = 8

    /// A transcribed or minority name, its parts joined by middle dots (某某·某某某, 某某某·某某·某某),
    /// closed like any item of a list or any name: its length, or nil.
    func dottedName(at start: Int, limit: Int) -> Int? {
        var end = start
        var parts = 0
        while true {
            let partStart = end
            while end < limit, ScalarClass.isIdeograph(scalars[end]), end - partStart < Self.longestNamePart { end += 1 }
            guard end > partStart else { return nil }
            parts += 1
            guard end + 1 < limit, Self.middleDots.contains(scalars[end]), ScalarClass.isIdeograph(scalars[end + 1]) else {
                guard parts >= 2 else { return nil }
                // The last part ends at punctuation, 、, 等 or a joining word (the longest such
                // reading), else where a word that follows names starts (某某·某某先后…).
                // Not across a word that follows names (某某·某某一行, 某某·某某出席).
                let reach = (min(partStart + 2, end)..<end).first { position in
                    [lexicons.nameFollowers.longestMatch(in: scalars, at: position, limit: limit)?.length,
                     lexicons.roleVerbs.longestMatch(in: scalars, at: position, limit: limit)?.length].contains { ($0 ?? 0) >= 2 }
                } ?? end
                for partEnd in stride(from: reach, through: partStart + 1, by: -1) where closesList(at: partEnd, limit: limit) || partEnd == reach && reach < end {
                    return partEnd - start
                }
                for partEnd in (partStart + 1)...end where isNameEnd(at: partEnd, limit: limit) { return partEnd - start }
                return nil
            }
            end += 1
        }
    }

    /// Whether an item of a list may end at `position`: punctuation, 、, 等 or a joining word.
    private func closesList(at position: Int, limit: Int) -> Bool {
        position >= limit || !ScalarClass.isIdeograph(scalars[position]) || scalars[position] == FunctionWords.shared.etc
            || Self.listJoiners.startsWord(at: position, in: scalars)
    }

    /// The dots written between the parts of a transcribed name.
    static let middleDots: Set<Unicode.Scalar> = ["·", "•", "‧", "・", "\u{387}"]
}

