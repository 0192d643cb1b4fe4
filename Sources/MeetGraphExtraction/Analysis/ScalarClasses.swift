/// Character classes the extractor tests scalar by scalar.
enum ScalarClass {
    /// A CJK ideograph (the unified block and extension A), the characters names are written in.
    @inline(__always)
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        CharacterClass.isUnifiedIdeograph(scalar.value) || CharacterClass.isCompatibilityIdeograph(scalar.value)
    }

    /// · (U+00B7) and U+0387, which Unicode holds for the same character: where a name written
    /// with middle dots splits into its parts (克劳斯·施密特), as a String splits at “·”.
    @inline(__always)
    static func isMiddleDot(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{B7}" || scalar == "\u{387}"
    }

    /// · and •, written between the parts of a transcribed name (某某·某某, 某某•某某): not
    /// punctuation (``isPunctuation(_:)``), and the dots ``NameReading`` joins name parts at.
    @inline(__always)
    static func isDotBetweenNameParts(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "·" || scalar == "•"
    }

    /// Ends a sentence: 。！？；, their ASCII forms, and line breaks (a paragraph ends a sentence).
    @inline(__always)
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B, 0x0A, 0x0D: true
        default: false
        }
    }

    /// Ends a clause inside a sentence: commas, colons and spaces (headlines separate phrases by spaces).
    @inline(__always)
    static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2C, 0xFF0C, 0x3A, 0xFF1A, 0x20, 0x3000, 0xA0, 0x09: true
        default: endsSentence(scalar)
        }
    }

    /// 、 — the list separator.
    static let enumerationComma: Unicode.Scalar = "\u{3001}"

    /// Closing quotation marks and brackets after a name: 」, 』, ”, 》, ).
    @inline(__always)
    static func closesQuotation(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{300D}" || scalar == "\u{300F}" || scalar == "\u{201D}" || scalar == "\u{300B}" || closesBracket(scalar)
    }

    /// Brackets around a second title written after the first: 原主委(会长)某某.
    static func opensBracket(_ scalar: Unicode.Scalar) -> Bool { scalar == "(" || scalar == "\u{FF08}" }
    static func closesBracket(_ scalar: Unicode.Scalar) -> Bool { scalar == ")" || scalar == "\u{FF09}" }

    /// White space of any width.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x3000, 0xA0, 0x09: true
        default: false
        }
    }

    /// Separates names in a list: 、 , ， and spaces.
    @inline(__always)
    static func separatesNames(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001, 0x2C, 0xFF0C, 0x20, 0x3000, 0xA0: true
        default: false
        }
    }

    /// Punctuation or a symbol: anything that is neither an ideograph, a letter nor a digit.
    @inline(__always)
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        !isIdeograph(scalar) && !isDigit(scalar) && !isLatinLetter(scalar) && !isDotBetweenNameParts(scalar)
    }

    /// ASCII or full-width digit.
    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    /// The value of an ASCII, full-width or Chinese digit (〇一二…九), or nil.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        guard let value = numeralValue(scalar), value < 10 else { return nil }
        return value
    }

    /// The value of an ASCII, full-width or Chinese digit, or 10 for 十; nil for anything else.
    static func numeralValue(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if (0x30...0x39).contains(value) { return Int(value - 0x30) }
        if (0xFF10...0xFF19).contains(value) { return Int(value - 0xFF10) }
        return chineseNumerals[scalar]
    }

    /// 十, the Chinese numeral that multiplies the digit before it (二十三 = 23).
    static func isTen(_ scalar: Unicode.Scalar) -> Bool {
        chineseNumerals[scalar] == 10
    }

    /// 〇 零 一 … 九 and 十 with their values, from `Resources/numerals.txt`.
    static let chineseNumerals: [Unicode.Scalar: Int] = {
        var table: [Unicode.Scalar: Int] = [:]
        for columns in Lexicons.rows("numerals", columns: 2) {
            guard columns[0].unicodeScalars.count == 1, let scalar = columns[0].unicodeScalars.first,
                  let value = Int(columns[1]), (0...10).contains(value) else {
                preconditionFailure("MeetGraphExtraction: Resources/numerals.txt: “\(columns[0])\t\(columns[1])” is not a numeral and its value")
            }
            table[scalar] = value
        }
        return table
    }()

    /// ASCII letter.
    @inline(__always)
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }
}

extension Array where Element == Unicode.Scalar {
    /// Whether the scalars from `index` spell `word`.
    @inline(__always)
    func has(_ word: String.UnicodeScalarView, at index: Int) -> Bool {
        var position = index
        for scalar in word {
            guard position < count, self[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    /// Whether the scalars from `index` spell `word`.
    @inline(__always)
    func has(_ word: String, at index: Int) -> Bool { has(word.unicodeScalars, at: index) }

    /// Whether the scalars ending at `end` spell `word`.
    func has(_ word: String, endingAt end: Int) -> Bool {
        let length = word.unicodeScalars.count
        return end - length >= 0 && has(word, at: end - length)
    }

    /// The first position in `range` where `word` starts.
    func find(_ word: String, in range: Range<Int>) -> Int? {
        let scalars = word.unicodeScalars
        guard let first = scalars.first else { return nil }
        var index = range.lowerBound
        while index < range.upperBound {
            if self[index] == first, has(scalars, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Whether the scalars from `index` are those of `word`.
    @inline(__always)
    func has(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + word.count <= count else { return false }
        var position = index
        for scalar in word {
            guard self[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    /// Whether the scalars ending at `end` are those of `word`.
    @inline(__always)
    func has(_ word: [Unicode.Scalar], endingAt end: Int) -> Bool {
        end - word.count >= 0 && has(word, at: end - word.count)
    }

    /// The first position in `range` where the scalars of `word` start.
    func find(_ word: [Unicode.Scalar], in range: Range<Int>) -> Int? {
        guard let first = word.first else { return nil }
        var index = range.lowerBound
        while index < range.upperBound {
            if self[index] == first, index + word.count <= count, self[index..<(index + word.count)].elementsEqual(word) { return index }
            index += 1
        }
        return nil
    }

    /// These scalars without the occurrences of `word`, removed from left to right (as
    /// `replacingOccurrences(of:with: "")` does on a string).
    func removingAll(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard !word.isEmpty, let first = find(word, in: 0..<count) else { return self }
        var result = Array(self[..<first])
        result.reserveCapacity(count)
        var index = first
        while index < count {
            if self[index] == word[0], has(word, at: index) {
                index += word.count
            } else {
                result.append(self[index])
                index += 1
            }
        }
        return result
    }

    /// The scalars in `range` as a String.
    @inline(__always)
    func string(_ range: Range<Int>) -> String {
        String(scalars: self[range])
    }
}

extension String {
    /// `hasPrefix(String(prefix))` for a string spelled by `text` from `start`, with a quick answer
    /// when the first scalars differ and the text's first scalar is a unified ideograph (which no
    /// other sequence is canonically equivalent to), as in most texts.
    func hasPrefix(_ prefix: [Unicode.Scalar], writtenAt start: Int, in text: [Unicode.Scalar]) -> Bool {
        guard let first = prefix.first else { return true }
        if start < text.count, text[start] != first {
            if CharacterClass.isUnifiedIdeograph(text[start].value) { return false }
        }
        return hasPrefix(String(scalars: prefix))
    }

    /// The string spelled by `scalars`. Up to 80 scalars (names, titles, most sentences) are
    /// encoded in a buffer on the stack; longer stretches as any sequence.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        guard scalars.count <= 80 else {
            self.init(encoding: scalars)
            return
        }
        var buffer = InlineArray<320, UInt8>(repeating: 0)
        var count = 0
        for scalar in scalars {
            let (bytes, length) = Self.utf8(scalar)
            buffer[count] = UInt8(truncatingIfNeeded: bytes)
            if length > 1 { buffer[count + 1] = UInt8(truncatingIfNeeded: bytes >> 8) }
            if length > 2 { buffer[count + 2] = UInt8(truncatingIfNeeded: bytes >> 16) }
            if length > 3 { buffer[count + 3] = UInt8(truncatingIfNeeded: bytes >> 24) }
            count += length
        }
        // Encoded from scalars, the bytes are valid UTF-8: validation cannot fail.
        guard let utf8 = try? UTF8Span(validating: buffer.span.extracting(0..<count)) else {
            self.init(encoding: scalars)
            return
        }
        self.init(copying: utf8)
    }

    /// The string spelled by `scalars` (see ``init(scalars:)-(ArraySlice<Unicode.Scalar>)``).
    init(scalars: [Unicode.Scalar]) {
        self.init(scalars: scalars[...])
    }

    /// The string spelled by `scalars`, encoded to UTF-8 in one buffer: much cheaper than appending
    /// scalar by scalar to a `String.UnicodeScalarView`, and the same string.
    init<Scalars: Sequence>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        self.init(encoding: scalars)
    }

    private init<Scalars: Sequence>(encoding scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount * 3)
        for scalar in scalars {
            let (packed, length) = Self.utf8(scalar)
            bytes.append(UInt8(truncatingIfNeeded: packed))
            if length > 1 { bytes.append(UInt8(truncatingIfNeeded: packed >> 8)) }
            if length > 2 { bytes.append(UInt8(truncatingIfNeeded: packed >> 16)) }
            if length > 3 { bytes.append(UInt8(truncatingIfNeeded: packed >> 24)) }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 encoding of `scalar`: its bytes packed first byte lowest, and how many there are.
    @inline(__always)
    private static func utf8(_ scalar: Unicode.Scalar) -> (bytes: UInt32, count: Int) {
        let value = scalar.value
        if value < 0x80 { return (value, 1) }
        if value < 0x800 { return ((0xC0 | value >> 6) | (0x80 | value & 0x3F) << 8, 2) }
        if value < 0x10000 {
            return ((0xE0 | value >> 12) | (0x80 | value >> 6 & 0x3F) << 8 | (0x80 | value & 0x3F) << 16, 3)
        }
        return ((0xF0 | value >> 18) | (0x80 | value >> 12 & 0x3F) << 8 | (0x80 | value >> 6 & 0x3F) << 16 | (0x80 | value & 0x3F) << 24, 4)
    }
}
