import MeetGraph

/// A ``SourceText`` prepared for matching, with a map back to the original offsets.
///
/// What normalising does, in this order:
/// 1. Per character (``CharacterFolding``): full-width ASCII letters, digits, brackets and `：` become
///    half-width (`（` → `(`, `：` → `:`), while `，` `。` `、` `；` `！` `？` stay; U+3000, U+00A0 and tabs
///    become spaces; CR LF, CR, form feed and U+2028/2029 become `\n`; zero-width characters and
///    control characters go; traditional characters become simplified ones (`會議` → `会议`; those
///    that are also simplified characters, `乾` `於`, only when ``script`` is traditional).
/// 2. Page-jump markers such as `(下转第二版)` are removed.
/// 3. Lines (``LineJoiner``): a line broken inside a sentence by OCR or PDF layout is joined to the
///    next, even across a blank line, while paragraph breaks and headlines stay separate lines. Each
///    kept break is one `\n`; spaces at line ends go, runs of spaces become one.
///
/// Every normalised scalar comes from one source scalar (a kept `\n` from the first break of its
/// run), in order, so ``originalOffsets`` is strictly increasing and offsets into the source are exact.
/// Runs in O(n) time, two passes, with 12 bytes of memory per source scalar (plus the source text
/// until the first pass has read it).
public struct NormalizedText: Sendable {
    /// The normalised scalars, what patterns match against.
    public let scalars: [Unicode.Scalar]
    /// For each normalised scalar, its offset in the source text (`originalOffsets.count == scalars.count + 1`,
    /// the last entry is the source length, so half-open ranges map with it too).
    public let originalOffsets: SourceOffsets
    /// The source's scalars, for reporting names and sentences as written.
    public let originalScalars: [Unicode.Scalar]
    /// Whether the source is written in traditional characters: at least 1 in 10 of its Han characters
    /// (and at least 2) are never used in simplified writing. (Traditional news texts have 30–40 %,
    /// simplified ones a stray character or none.)
    public let script: Script

    /// Normalises `source` in two linear passes over its scalars.
    ///
    /// `source` is taken, not borrowed: once its scalars are read, its text is let go (when the caller
    /// keeps no copy) before the second pass allocates, so a long text is not held three times over.
    public init(_ source: consuming SourceText) {
        let folding = CharacterFolding.shared
        let (original, traditional, layout) = Self.readScalars(of: source.text, folding: folding)
        _ = consume source
        (scalars, originalOffsets) = Self.assemble(original, folding: folding, traditional: traditional, layout: layout)
        originalScalars = original
        script = traditional ? .traditional : .simplified
    }

    /// The stretch `range` of `whole` as a text of its own: ``scalars`` are those of `range` (a copy),
    /// while ``originalOffsets`` and ``originalScalars`` still refer to the whole source, so offsets
    /// found in the window are offsets in the document. What ``Extractor`` analyses of a long text.
    init(window range: Range<Int>, of whole: NormalizedText) {
        scalars = Array(whole.scalars[range])
        originalOffsets = SourceOffsets(storage: Array(whole.originalOffsets.storage[range.lowerBound...range.upperBound]))
        originalScalars = whole.originalScalars
        script = whole.script
    }

    /// Pass 1: the source scalars, whether the text is traditional, and the layout of its lines.
    ///
    /// Decodes the UTF-8 bytes itself (the String's bytes are valid UTF-8: no checks needed). Scalars
    /// below U+3400 go to the line layout; a BMP scalar above is counted with one table entry that
    /// says at once whether it is Han and traditional-only.
    private static func readScalars(of text: String, folding: CharacterFolding)
        -> (scalars: [Unicode.Scalar], traditional: Bool, layout: LineJoiner.Layout) {
        var text = text
        text.makeContiguousUTF8()
        var traditional = false
        var layout = LineJoiner.Layout()
        let simplifiedTable = folding.simplifiedTable
        let bytes = text.utf8.span
        // At most one scalar per UTF-8 byte; pages reserved beyond the real count are never touched.
        let scalars = [Unicode.Scalar](capacity: bytes.count) { output in
            // Counters live in the closure, so they stay in registers.
            var han = 0
            var traditionalOnly = 0
            var layoutCounter = LineJoiner.LayoutCounter()
            var index = 0
            var position = 0
            let end = bytes.count
            while position < end {
                let lead = bytes[position]
                if lead < 0x80 {
                    output.append(Unicode.Scalar(lead))
                    layoutCounter.add(UInt32(lead), at: index)
                    position &+= 1
                } else if lead < 0xE0 {
                    let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[position &+ 1] & 0x3F)
                    output.append(Self.scalar(value))
                    layoutCounter.add(value, at: index)
                    position &+= 2
                } else if lead < 0xF0 {
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[position &+ 1] & 0x3F) << 6
                        | UInt32(bytes[position &+ 2] & 0x3F)
                    output.append(Self.scalar(value))
                    if value < 0x3400 {
                        layoutCounter.add(value, at: index)
                    } else {
                        layoutCounter.inLeadingSpace = false
                        let entry = simplifiedTable[Int(value)]
                        let hanBit = entry >> 31
                        han &+= Int(hanBit)
                        traditionalOnly &+= Int(entry >> 30 & hanBit)
                    }
                    position &+= 3
                } else {
                    let value = UInt32(lead & 0x07) << 18 | UInt32(bytes[position &+ 1] & 0x3F) << 12
                        | UInt32(bytes[position &+ 2] & 0x3F) << 6 | UInt32(bytes[position &+ 3] & 0x3F)
                    output.append(Self.scalar(value))
                    layoutCounter.inLeadingSpace = false
                    if CharacterClass.isHan(value) {
                        han &+= 1
                        if folding.isTraditionalOnly(value) { traditionalOnly &+= 1 }
                    }
                    position &+= 4
                }
                index &+= 1
            }
            traditional = CharacterFolding.isTraditional(han: han, traditionalOnly: traditionalOnly)
            layout = layoutCounter.layout(count: index)
        }
        return (scalars, traditional, layout)
    }

    /// The scalar of a value decoded from valid UTF-8 (so never the replacement character).
    @inline(__always)
    private static func scalar(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Pass 2: fold, drop page-jump markers, assemble lines. Never more scalars out than in.
    private static func assemble(_ original: [Unicode.Scalar], folding: CharacterFolding, traditional: Bool,
                                 layout: LineJoiner.Layout) -> (scalars: [Unicode.Scalar], offsets: SourceOffsets) {
        let count = original.count
        let table = folding.table(traditional: traditional)
        precondition(count < UInt32.max, "a text of 2^32 scalars or more (files that long are refused when read)")
        var offsets = [UInt32]()
        let scalars = [Unicode.Scalar](capacity: count) { output in
            offsets = [UInt32](capacity: count + 1) { outputOffsets in
                var assembler = LineJoiner.Assembler(layout: layout)
                var index = 0
                let tableCount = table.count  // the BMP: comparing with it spares the table's bounds check
                while index < count {
                    let scalar = original[index]
                    let value = scalar.value
                    if Int(value) < tableCount {
                        // The common case: a character that is copied, or converted (會 → 会), and nothing else.
                        let entry = table[Int(value)]
                        if entry & CharacterFolding.attentionFlag == 0 {
                            let folded = entry & CharacterFolding.changedFlag == 0
                                ? scalar : Unicode.Scalar(entry & CharacterFolding.valueMask) ?? scalar
                            assembler.appendPlain(folded, at: index, to: &output, offsets: &outputOffsets)
                            index &+= 1
                            continue
                        }
                    }
                    if PageJumpMarker.canStart(value), let end = PageJumpMarker.match(original, at: index) {
                        assembler.jumpMarkerRemoved()
                        index = end
                        continue
                    }
                    let folded = folding.fold(value, traditional: traditional)
                    if folded == 0x0A {
                        // CR LF is one break: the LF counts.
                        if !(value == 0x0D && index + 1 < count && original[index + 1].value == 0x0A) {
                            assembler.lineBreak(at: index, scalars: &output, offsets: &outputOffsets)
                        }
                    } else if folded != CharacterFolding.dropped, let folded = Unicode.Scalar(folded) {
                        assembler.append(folded, at: index, to: &output, offsets: &outputOffsets)
                    }
                    index += 1
                }
                assembler.finish(scalars: &output, offsets: &outputOffsets)
                outputOffsets.append(UInt32(count))
            }
        }
        return (scalars, SourceOffsets(storage: offsets))
    }

    /// The normalised text as a String.
    public var text: String {
        String(scalars: scalars)
    }

    /// The source offsets (scalars) of the normalised range `range`: from the first scalar's original to
    /// just after the last one's, so a removed marker or break after the range is not included.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        let lower = originalOffsets[range.lowerBound]
        guard !range.isEmpty else { return lower..<lower }
        return lower..<(originalOffsets[range.upperBound - 1] + 1)
    }

    /// The source text between the originals of normalised offsets `range`, as written (traditional
    /// characters, full-width digits and line breaks as in the file).
    public func original(_ range: Range<Int>) -> String {
        let bounds = originalRange(range)
        return String(scalars: originalScalars[bounds])
    }

    /// Whether the normalised ranges `a` and `b` are written alike in the source: the Strings
    /// ``original(_:)`` gives for them are equal, compared without building them.
    public func writtenAlike(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        originalScalars[originalRange(a)].elementsEqual(originalScalars[originalRange(b)])
    }

    /// The normalised text of `range` as a String.
    public func text(_ range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    /// The lines of the normalised text (paragraphs and headlines), as ranges of ``scalars`` without their `\n`.
    public var lines: [Range<Int>] {
        var result = [Range<Int>]()
        var start = 0
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            result.append(start..<index)
            start = index + 1
        }
        if start < scalars.count { result.append(start..<scalars.count) }
        return result
    }
}

/// For each normalised scalar, its offset in the source text, as ``NormalizedText/originalOffsets``
/// gives them: read as `Int`, stored in 32 bits (a quarter of a long text's memory otherwise).
/// Texts of 2^32 scalars or more are not normalised: files that long are refused when read.
public struct SourceOffsets: RandomAccessCollection, Sendable, Equatable {
    let storage: [UInt32]

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of offsets.
    public var endIndex: Int { storage.count }

    /// The source offset of normalised scalar `position` (or the source length, for the last entry).
    @inline(__always)
    public subscript(position: Int) -> Int { Int(storage[position]) }
}
