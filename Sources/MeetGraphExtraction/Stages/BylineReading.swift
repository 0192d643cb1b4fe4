import MeetGraph

// Bylines: reporters, photographers and editors ((记者 X), X 摄, 编辑:X), who do not take part.
extension NameFinder {
    /// Words naming a paper, site or channel after a writer's slash (某某/某某日报).
    static let mediaWords = WordList(resource: "media-words")

    /// Names in bylines: (记者 X Y), X 摄, 编辑:X, 文字整理 X.
    func bylineNames(in range: Range<Int>) -> [BylineName] {
        var result: [BylineName] = []
        // Read at every position: kept in locals rather than fetched from the shared lexicons each time.
        let bylineStarts = lexicons.bylineFirstScalars
        let surnameStarts = lexicons.surnames.startFilter
        var position = range.lowerBound
        while position < range.upperBound {
            // Each case below starts with a byline marker, a bracket or (at a word's start) a
            // surname: one bitmap read rejects most positions.
            let scalar = scalars[position]
            if scalar.value < 0x10000, !bylineStarts[Int(scalar.value)],
               !(surnameStarts.mayContain(scalar) && (position == range.lowerBound || !ScalarClass.isIdeograph(scalars[position - 1]))) {
                position += 1
                continue
            }
            if let marker = lexicons.bylinesAfter.longestMatch(in: scalars, at: position, limit: range.upperBound),
               let next = namesAfter(marker: marker, at: position, in: range, into: &result) {
                position = next
                continue
            }
            if let nameRange = slashByline(at: position, in: range) ?? bracketByline(at: position, in: range) {
                result.append(BylineName(range: nameRange, reason: .reporter))
                position = nameRange.upperBound + 1
                continue
            }
            if let marker = lexicons.bylinesBefore.longestMatch(in: scalars, at: position, limit: range.upperBound) {
                for nameRange in namesBefore(markerAt: position, length: marker.length, in: range) {
                    result.append(BylineName(range: nameRange, reason: marker.value))
                }
            }
            position += 1
        }
        return result
    }

    /// How many names a byline marker may introduce.
    static let namesPerByline = 4
    /// How far after a writer's slash the paper or site is looked for (某某/某某日报).
    static let mediaReach = 12

    /// (记者 X Y), 编辑:X: the names after the marker at `position`, appended to `result`; where
    /// reading goes on, or nil when no name follows.
    private func namesAfter(marker: (length: Int, value: NonParticipation), at position: Int, in range: Range<Int>,
                            into result: inout [BylineName]) -> Int? {
        var cursor = position + marker.length
        var found = 0
        while cursor < range.upperBound, found < Self.namesPerByline {
            while cursor < range.upperBound, scalars[cursor] == ":" || scalars[cursor] == "：" || ScalarClass.isSpace(scalars[cursor])
                || scalars[cursor] == ScalarClass.enumerationComma || scalars[cursor] == "," || scalars[cursor] == "，" {
                cursor += 1
            }
            guard let length = bylineName(at: cursor, limit: range.upperBound) else { break }
            let nameRange = cursor..<(cursor + length)
            result.append(BylineName(range: nameRange, reason: marker.value))
            found += 1
            cursor = nameRange.upperBound
        }
        guard found > 0 else { return nil }
        // 记者 X 摄: the reporter took the picture.
        var next = cursor
        while next < range.upperBound, ScalarClass.isSpace(scalars[next]) { next += 1 }
        if marker.value == .reporter, scalars.has("摄", at: next),
           next + 1 >= range.upperBound || !ScalarClass.isIdeograph(scalars[next + 1]) {
            for index in (result.count - found)..<result.count { result[index].reason = .photographer }
            cursor = next + 1
        }
        return cursor
    }

    /// 某某/某某日报: a writer's name at `position` before a slash and the paper or site.
    private func slashByline(at position: Int, in range: Range<Int>) -> Range<Int>? {
        guard position == range.lowerBound || !ScalarClass.isIdeograph(scalars[position - 1]),
              slashFollowsName(at: position, limit: range.upperBound),
              let length = nameLength(at: position, limit: range.upperBound, requireEnd: false),
              position + length < range.upperBound, scalars[position + length] == "/" || scalars[position + length] == "／",
              Self.mediaWords.occurs(in: (position + length)..<min(range.upperBound, position + length + Self.mediaReach), of: scalars)
        else { return nil }
        return position..<(position + length)
    }

    /// (某某) closing an item: the writer's name alone in the brackets opening at `position`.
    private func bracketByline(at position: Int, in range: Range<Int>) -> Range<Int>? {
        guard scalars[position] == "(" || scalars[position] == "（",
              let length = paddedName(at: position + 1, limit: range.upperBound)
                ?? nameLength(at: position + 1, limit: range.upperBound, requireEnd: false),
              position + 1 + length < range.upperBound, scalars[position + 1 + length] == ")" || scalars[position + 1 + length] == "）",
              position + 2 + length == range.upperBound || ScalarClass.endsSentence(scalars[position + 2 + length])
        else { return nil }
        return (position + 1)..<(position + 1 + length)
    }

    /// “林溪 王一鸣 报道”, “柯舟远 摄”: the names before the marker at `position`, separated by
    /// spaces, when the marker ends there.
    private func namesBefore(markerAt position: Int, length: Int, in range: Range<Int>) -> [Range<Int>] {
        let after = position + length
        guard after >= range.upperBound || ScalarClass.isPunctuation(scalars[after]) || ScalarClass.isSpace(scalars[after]) else { return [] }
        var cursor = position
        var names: [Range<Int>] = []
        while cursor > range.lowerBound, names.count < Self.namesPerByline {
            while cursor > range.lowerBound, ScalarClass.isSpace(scalars[cursor - 1]) { cursor -= 1 }
            var start = cursor
            while start > range.lowerBound, cursor - start < 4, ScalarClass.isIdeograph(scalars[start - 1]) { start -= 1 }
            var matched: Range<Int>?
            for candidateStart in start..<cursor where cursor - candidateStart >= 2 {
                if let length = nameLength(at: candidateStart, limit: cursor, requireEnd: false), length == cursor - candidateStart {
                    matched = candidateStart..<cursor
                    break
                }
            }
            guard let nameRange = matched else { break }
            // Only a whole word: the name is preceded by a space, punctuation or the start.
            let before = nameRange.lowerBound
            if before > range.lowerBound, ScalarClass.isIdeograph(scalars[before - 1]) { break }
            names.insert(nameRange, at: 0)
            cursor = nameRange.lowerBound
            guard cursor > range.lowerBound, ScalarClass.isSpace(scalars[cursor - 1]) else { break }
        }
        return names
    }

    /// Whether a slash (/ or ／) stands where a name starting at `start` could end (2 to
    /// ``ScalarTrie/longestEntry`` + 2 scalars on): read before the name itself, which costs more.
    func slashFollowsName(at start: Int, limit: Int) -> Bool {
        var end = start + 2
        while end < min(limit, start + lexicons.surnames.longestEntry + 3) {
            if scalars[end] == "/" || scalars[end] == "／" { return true }
            end += 1
        }
        return false
    }

    /// A name in a byline: followed by a space, a bracket, punctuation or the end.
    func bylineName(at start: Int, limit: Int) -> Int? {
        if let padded = paddedName(at: start, limit: limit) { return padded }
        guard let length = nameLength(at: start, limit: limit, requireEnd: false) else { return nil }
        // 柯舟摄: the marker written against the name.
        if length >= 3, lexicons.bylinesBefore.longestMatch(in: scalars, at: start + length - 1, limit: limit) != nil {
            return length - 1
        }
        for candidate in stride(from: length, through: max(2, length - 1), by: -1) {
            let end = start + candidate
            if end >= limit || !ScalarClass.isIdeograph(scalars[end])
                || lexicons.bylinesBefore.longestMatch(in: scalars, at: end, limit: limit) != nil { return candidate }
        }
        return nil
    }

    /// A two-character name padded to the width of three with a space (韦 舟), as bylines are
    /// typeset: the length including the space.
    func paddedName(at start: Int, limit: Int) -> Int? {
        guard start + 3 <= limit, ScalarClass.isSpace(scalars[start + 1]),
              lexicons.surnames.longestMatch(in: scalars, at: start, limit: start + 1) != nil,
              isGivenNameScalar(scalars[start + 2]),
              start + 3 == limit || !ScalarClass.isIdeograph(scalars[start + 3]) else { return nil }
        return 3
    }
}
