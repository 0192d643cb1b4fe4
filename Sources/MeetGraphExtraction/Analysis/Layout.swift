/// One sentence of a normalised text: a stretch ended by 。！？； or a line break.
struct Sentence: Sendable {
    /// Normalised offsets, trimmed of surrounding white space.
    var range: Range<Int>
    /// Index of the paragraph (line) it belongs to.
    var paragraph: Int
    /// Whether its paragraph reads like a headline: short, with no full stop (“…召开 X主持 Y等出席”).
    var isHeadline: Bool
}

/// Splits normalised scalars into sentences and paragraphs.
enum Layout {
    /// Where a sentence whose stop is just before `start` ends: a closing quote or bracket stays
    /// with its sentence (。” 。)).
    static func endAfterClosings(from start: Int, in scalars: [Unicode.Scalar]) -> Int {
        var end = start
        while end < scalars.count, scalars[end] == "”" || scalars[end] == ")" || scalars[end] == "）" || scalars[end] == "’" { end += 1 }
        return end
    }

    /// The sentences of `scalars`, in order; empty stretches are skipped.
    static func sentences(of scalars: [Unicode.Scalar]) -> [Sentence] {
        var result: [Sentence] = []
        var paragraph = 0
        var paragraphStart = result.count
        var paragraphHasStop = false
        var paragraphLength = 0
        var paragraphHasComma = false
        var start = 0
        // A colon opens an enumeration whose items semicolons separate (分别是:甲;乙;丙): they do not end its sentence.
        var enumerating = false

        func closeParagraph() {
            // A headline separates its phrases by spaces; a line with commas is a broken sentence.
            let headline = !paragraphHasStop && !paragraphHasComma && paragraphLength <= 90
            for index in paragraphStart..<result.count { result[index].isHeadline = headline }
            paragraph += 1
            paragraphStart = result.count
            paragraphHasStop = false
            paragraphHasComma = false
            paragraphLength = 0
        }

        func emit(_ end: Int) {
            var lower = start
            var upper = end
            while lower < upper, ScalarClass.isSpace(scalars[lower]) { lower += 1 }
            while upper > lower, ScalarClass.isSpace(scalars[upper - 1]) { upper -= 1 }
            if upper > lower {
                result.append(Sentence(range: lower..<upper, paragraph: paragraph, isHeadline: false))
                paragraphLength += upper - lower
            }
        }

        var index = 0
        let count = scalars.count
        while index < count {
            // Ideographs and most other scalars lie between 。(U+3002) and ！(U+FF01): none of them
            // ends a sentence or a line, nor is a comma. Runs of them are skipped in a loop of their own.
            while index < count, scalars[index].value &- 0x3003 < 0xFF01 - 0x3003 { index &+= 1 }
            guard index < count else { break }
            let scalar = scalars[index]
            if scalar == "," || scalar == "，" { paragraphHasComma = true }
            if scalar == ":" || scalar == "：" { enumerating = true }
            if scalar == "\n" || scalar == "\r" {
                emit(index)
                closeParagraph()
                start = index + 1
                enumerating = false
            } else if enumerating, scalar == ";" || scalar == "；" {
                paragraphHasComma = true
            } else if ScalarClass.endsSentence(scalar) {
                enumerating = false
                let end = endAfterClosings(from: index + 1, in: scalars)
                if scalar == "。" || scalar == "！" || scalar == "？" { paragraphHasStop = true }
                emit(end)
                start = end
                index = end
                continue
            }
            index += 1
        }
        emit(scalars.count)
        closeParagraph()
        return result
    }
}
