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

    /// A Han character (CJK unified ideographs, extensions and compatibility ideographs).
    static func isHan(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x3134F).contains(value)
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
struct CharacterFolding: Sendable {
    /// A folded value that means "drop this scalar".
    static let dropped: UInt32 = 0x11_0000
    /// Set on a table entry whose source character is never written in simplified texts.
    static let traditionalOnlyFlag: UInt32 = 1 << 30

    /// The shared tables, built on first use (about 0.5 MB).
    static let shared = CharacterFolding(traditional: TraditionalTable.load())

    /// Folded value of each BMP scalar for simplified texts, with ``traditionalOnlyFlag`` where it applies.
    private let simplifiedTable: [UInt32]
    /// Folded value of each BMP scalar for traditional texts.
    private let traditionalTable: [UInt32]
    /// Conversions of characters beyond the BMP (rare CJK extension characters).
    private let supplementary: [UInt32: TraditionalTable.Entry]

    init(traditional: TraditionalTable) {
        var table = [UInt32](unsafeUninitializedCapacity: 0x1_0000) { buffer, count in
            for value in 0..<0x1_0000 { buffer[value] = UInt32(value) }
            count = 0x1_0000
        }
        // C0 and C1 controls: dropped, except those that break or space a line.
        for value in 0..<0x20 { table[value] = Self.dropped }
        for value in 0x7F...0x9F { table[value] = Self.dropped }
        for value: UInt32 in [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029] { table[Int(value)] = 0x0A }
        for value: UInt32 in [0x09, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000] { table[Int(value)] = 0x20 }
        for value: UInt32 in 0x2000...0x200A { table[Int(value)] = 0x20 }
        // Invisible: zero-width space/non-joiner/joiner, word joiner, BOM as ZWNBSP, soft hyphen.
        for value: UInt32 in [0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF] { table[Int(value)] = Self.dropped }
        // Full-width ASCII U+FF01–FF5E → U+0021–007E, except the punctuation Chinese text uses as its own.
        let keptChinesePunctuation: Set<UInt32> = [0xFF01, 0xFF0C, 0xFF1B, 0xFF1F]  // ！ ， ； ？
        for value: UInt32 in 0xFF01...0xFF5E where !keptChinesePunctuation.contains(value) {
            table[Int(value)] = value - 0xFEE0
        }
        var traditionalVersion = table
        var supplementary: [UInt32: TraditionalTable.Entry] = [:]
        for entry in traditional.entries {
            if entry.source >= 0x1_0000 {
                supplementary[entry.source] = entry
                continue
            }
            let index = Int(entry.source)
            traditionalVersion[index] = entry.target
            if entry.isTraditionalOnly {
                table[index] = entry.target | Self.traditionalOnlyFlag
            }
        }
        simplifiedTable = table
        traditionalTable = traditionalVersion
        self.supplementary = supplementary
    }

    /// Whether `value` is a character only traditional texts use (counts towards ``Script/traditional``).
    @inline(__always)
    func isTraditionalOnly(_ value: UInt32) -> Bool {
        if value < 0x1_0000 { return simplifiedTable[Int(value)] & Self.traditionalOnlyFlag != 0 }
        return supplementary[value]?.isTraditionalOnly ?? false
    }

    /// The folded value of `value`: a scalar value, `0x20` for a space, `0x0A` for a line break, or ``dropped``.
    @inline(__always)
    func fold(_ value: UInt32, traditional: Bool) -> UInt32 {
        if value < 0x1_0000 {
            let folded = traditional ? traditionalTable[Int(value)] : simplifiedTable[Int(value)]
            return folded & ~Self.traditionalOnlyFlag
        }
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

    /// Parses the table's text: `TRADITIONAL<TAB>SIMPLIFIED<TAB>t|s` lines, `#` comments.
    init(parsing text: String) {
        var entries = [Entry]()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            guard columns.count >= 2,
                  let source = columns[0].unicodeScalars.first, columns[0].unicodeScalars.count == 1,
                  let target = columns[1].unicodeScalars.first, columns[1].unicodeScalars.count == 1
            else { continue }
            let kind = columns.count >= 3 ? columns[2] : "t"
            entries.append(Entry(source: source.value, target: target.value, isTraditionalOnly: kind != "s"))
        }
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
