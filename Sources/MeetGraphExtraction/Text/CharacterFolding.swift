import Foundation

/// Classes of characters that normalising treats alike.
enum CharacterClass {
    /// White space or an invisible character: a text of only these is empty.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200D, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF:
            true
        default:
            false
        }
    }

    /// The ranges of ``isHan(_:)`` below U+10000.
    static let hanRangesInBMP = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]

    /// A Han character (CJK unified ideographs, extensions and compatibility ideographs).
    static func isHan(_ value: UInt32) -> Bool {
        isUnifiedIdeograph(value) || isCompatibilityIdeograph(value) || (0x20000...0x3134F).contains(value)
    }

    /// A unified ideograph of the Basic Multilingual Plane (一 U+4E00 to U+9FFF, and extension A
    /// from U+3400): a character that neither decomposes nor is the decomposition of another.
    /// The one place these ranges are written; ``ScalarClass/isIdeograph(_:)`` and ``isHan(_:)``
    /// build on it.
    @inline(__always)
    static func isUnifiedIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
    }

    /// A CJK compatibility ideograph (U+F900 to U+FAFF), which decomposes to a unified one.
    @inline(__always)
    static func isCompatibilityIdeograph(_ value: UInt32) -> Bool {
        (0xF900...0xFAFF).contains(value)
    }

    /// An ASCII letter or digit (after full-width folding).
    static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}

/// The per-character part of normalising, as one lookup per scalar.
///
/// Each scalar folds to one scalar, to a space, to a line break, or to nothing:
/// - full-width ASCII letters, digits and `（）：．％／－＋` etc. become half-width; Chinese
///   punctuation the extractor relies on stays: `，` `。` `、` `；` `！` `？` `“”` `《》`;
/// - U+3000, U+00A0, tabs and other spaces become a space; CR, CR LF, form feed, vertical tab,
///   U+2028 and U+2029 become a line break (`\n`);
/// - zero-width characters, soft hyphens and other control characters are dropped;
/// - traditional characters become simplified ones (``TraditionalTable``): those never written in
///   simplified texts always (`議`→`议`, `會`→`会`), those that are valid simplified characters too
///   (`乾`→`干`, `於`→`于`) only when the text is traditional.
///
/// A table entry holds the folded value in its low 21 bits and flags above, so that the common case,
/// a Chinese character that needs nothing, costs one lookup and one test (``needsAttention``).
struct CharacterFolding: Sendable {
    /// A folded value that means "drop this scalar".
    static let dropped: UInt32 = 0x11_0000
    /// The bits of an entry that hold the folded value.
    static let valueMask: UInt32 = 0x1F_FFFF
    /// Set when the folded value differs from the scalar.
    static let changedFlag: UInt32 = 1 << 28
    /// Set when the scalar needs more than copying: it may start a page-jump marker, or folds to a
    /// space, a break, nothing, or punctuation that line joining looks at.
    static let attentionFlag: UInt32 = 1 << 29
    /// Set on a table entry whose source character is never written in simplified texts.
    static let traditionalOnlyFlag: UInt32 = 1 << 30
    /// Set on a simplified-table entry whose scalar is a Han character (``CharacterClass/isHan(_:)``),
    /// so that the first pass of normalising counts Han and traditional-only characters with one lookup.
    static let hanFlag: UInt32 = 1 << 31

    /// The shared tables, built on first use (about 0.5 MB).
    static let shared = CharacterFolding(traditional: TraditionalTable.load())

    /// Entries of each BMP scalar for simplified texts, with ``traditionalOnlyFlag`` and ``hanFlag``
    /// where they apply.
    let simplifiedTable: [UInt32]
    /// Entries of each BMP scalar for traditional texts.
    let traditionalTable: [UInt32]
    /// Conversions of characters beyond the BMP (rare CJK extension characters).
    private let supplementary: [UInt32: TraditionalTable.Entry]

    /// Builds both tables in plain loops over the 65,536 BMP scalars: this runs at every start of the
    /// command line tool, before the first text is normalised.
    init(traditional: TraditionalTable) {
        let count = 0x1_0000
        var table = [UInt32](repeating: 0, count: count)
        for value in 0..<count { table[value] = UInt32(value) }
        // C0 and C1 controls: dropped, except those that break or space a line.
        for value in 0..<0x20 { table[value] = Self.dropped }
        for value in 0x7F...0x9F { table[value] = Self.dropped }
        for value: UInt32 in [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029] { table[Int(value)] = 0x0A }
        for value: UInt32 in [0x09, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000] { table[Int(value)] = 0x20 }
        for value: UInt32 in 0x2000...0x200A { table[Int(value)] = 0x20 }
        // Invisible: zero-width space/non-joiner/joiner, word joiner, BOM as ZWNBSP, soft hyphen.
        for value: UInt32 in [0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF] { table[Int(value)] = Self.dropped }
        // Full-width ASCII U+FF01–FF5E → U+0021–007E, except the punctuation Chinese text uses as its own.
        let keptChinesePunctuation: [UInt32] = [0xFF01, 0xFF0C, 0xFF1B, 0xFF1F]  // ！ ， ； ？
        for value: UInt32 in 0xFF01...0xFF5E where !keptChinesePunctuation.contains(value) {
            table[Int(value)] = value - 0xFEE0
        }
        // Traditional texts also convert the characters that are valid simplified ones (乾 → 干).
        var alsoSimplified: [(index: Int, target: UInt32)] = []
        var traditionalOnly = [Bool](repeating: false, count: count)
        var supplementary: [UInt32: TraditionalTable.Entry] = [:]
        for entry in traditional.entries {
            if entry.source >= 0x1_0000 {
                supplementary[entry.source] = entry
                continue
            }
            let index = Int(entry.source)
            if entry.isTraditionalOnly {
                table[index] = entry.target
                traditionalOnly[index] = true
            } else {
                alsoSimplified.append((index, entry.target))
            }
        }
        for index in 0..<count {
            table[index] = Self.entry(for: UInt32(index), folded: table[index])
        }
        var traditionalVersion = table
        for (index, target) in alsoSimplified {
            traditionalVersion[index] = Self.entry(for: UInt32(index), folded: target)
        }
        // The flags only the first pass reads, on the simplified table alone.
        for index in 0..<count where traditionalOnly[index] { table[index] |= Self.traditionalOnlyFlag }
        for range in CharacterClass.hanRangesInBMP {
            for index in range { table[index] |= Self.hanFlag }
        }
        simplifiedTable = table
        traditionalTable = traditionalVersion
        self.supplementary = supplementary
    }

    /// The folded value with its flags.
    private static func entry(for value: UInt32, folded: UInt32) -> UInt32 {
        var entry = folded
        if folded != value { entry |= changedFlag }
        if needsAttention(folded) || PageJumpMarker.canStart(value) { entry |= attentionFlag }
        return entry
    }

    /// Whether a folded value may be a space, a break, nothing, or punctuation that line joining looks
    /// at: ASCII other than letters and digits, Latin-1 signs, general punctuation (quotes, dashes),
    /// CJK punctuation (`。` `、` `《》` `「」`) and the full-width forms (`，` `；`). Letters, digits and
    /// Han characters are not.
    private static func needsAttention(_ folded: UInt32) -> Bool {
        switch folded {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: false
        case 0...0xBF, 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFFEF, dropped: true
        default: false
        }
    }

    /// The table for a text of this script.
    func table(traditional: Bool) -> [UInt32] {
        traditional ? traditionalTable : simplifiedTable
    }

    /// Whether `value` is a character only traditional texts use (counts towards ``Script/traditional``).
    @inline(__always)
    func isTraditionalOnly(_ value: UInt32) -> Bool {
        if value < 0x1_0000 { return simplifiedTable[Int(value)] & Self.traditionalOnlyFlag != 0 }
        return supplementary[value]?.isTraditionalOnly ?? false
    }

    /// Whether a text is traditional, from its counts of Han characters and of traditional-only ones:
    /// at least 2, and at least 1 in 10. (Traditional news texts have 30–40 %, simplified ones a stray
    /// character or none.)
    static func isTraditional(han: Int, traditionalOnly: Int) -> Bool {
        traditionalOnly >= 2 && traditionalOnly * 10 >= han
    }

    /// The folded value of `value`: a scalar value, `0x20` for a space, `0x0A` for a line break, or ``dropped``.
    @inline(__always)
    func fold(_ value: UInt32, traditional: Bool) -> UInt32 {
        if value < 0x1_0000 {
            let folded = traditional ? traditionalTable[Int(value)] : simplifiedTable[Int(value)]
            return folded & Self.valueMask
        }
        return foldSupplementary(value, traditional: traditional)
    }

    /// The folded value of a scalar beyond the BMP.
    func foldSupplementary(_ value: UInt32, traditional: Bool) -> UInt32 {
        guard let entry = supplementary[value] else { return value }
        return traditional || entry.isTraditionalOnly ? entry.target : value
    }
}

/// The traditional → simplified character table (`Resources/t2s.txt`, from OpenCC; see
/// `scripts/generate-t2s.sh`): one scalar to one scalar, so offsets survive conversion.
struct TraditionalTable: Sendable {
    /// One conversion.
    struct Entry: Sendable {
        let source: UInt32
        let target: UInt32
        /// The source character is never written in simplified texts (not in GB2312).
        let isTraditionalOnly: Bool
    }

    let entries: [Entry]

    /// Parses the table's text: `TRADITIONAL<TAB>SIMPLIFIED<TAB>t|s` lines, `#` comments. Lines that do
    /// not hold one scalar in each of the first two columns are skipped.
    init(parsing text: String) {
        var entries = [Entry]()
        entries.reserveCapacity(4_200)
        // One pass over the scalars that keeps, per line, the first scalar of the first three columns
        // and how many scalars each of them holds: no String or array is made per line.
        var column = 0
        var first: (UInt32, UInt32, UInt32) = (0, 0, 0)
        var lengths = (0, 0, 0)
        func endLine() {
            if column >= 1, lengths.0 == 1, lengths.1 == 1, first.0 != 0x23 {  // not a `#` comment
                let isTraditionalOnly = column < 2 || !(lengths.2 == 1 && first.2 == 0x73)  // `s`
                entries.append(Entry(source: first.0, target: first.1, isTraditionalOnly: isTraditionalOnly))
            }
            column = 0
            lengths = (0, 0, 0)
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                endLine()
            case "\t":
                column += 1
            case "\r":
                continue
            default:
                switch column {
                case 0:
                    if lengths.0 == 0 { first.0 = scalar.value }
                    lengths.0 += 1
                case 1:
                    if lengths.1 == 0 { first.1 = scalar.value }
                    lengths.1 += 1
                case 2:
                    if lengths.2 == 0 { first.2 = scalar.value }
                    lengths.2 += 1
                default:
                    break
                }
            }
        }
        endLine()
        self.entries = entries
    }

    /// The table shipped in the bundle; empty (no conversion) if the resource is missing.
    static func load() -> TraditionalTable {
        guard let url = Bundle.module.url(forResource: "t2s", withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "t2s", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return TraditionalTable(parsing: "") }
        return TraditionalTable(parsing: text)
    }
}
