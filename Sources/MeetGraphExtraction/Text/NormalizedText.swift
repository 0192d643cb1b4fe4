import MeetGraph

/// A ``SourceText`` prepared for matching, with a map back to the original offsets.
///
/// What normalising does, in this order:
/// 1. Per character (``CharacterFolding``): full-width ASCII letters, digits, brackets and `：` become
///    half-width (`（` → `(`, `：` → `:`), while `，` `。` `、` `；` `！` `？` stay; U+3000, U+00A0 and tabs
///    become spaces; CR LF, CR, form feed and U+2028/2029 become `\n`; zero-width characters and
///    control characters go; traditional characters become simplified ones.
/// 2. Page-jump markers such as `(下转第二版)` are removed.
/// 3. Lines (``LineJoiner``): a line broken inside a sentence by OCR or PDF layout is joined to the
///    next, even across a blank line, while paragraph breaks and headlines stay separate lines. Each
///    kept break is one `\n`; spaces at line ends go, runs of spaces become one.
///
/// Every normalised scalar comes from one source scalar (a kept `\n` from the first break of its
/// run), in order, so ``originalOffsets`` is strictly increasing and offsets into the source are exact.
/// Runs in O(n) time with about 16 bytes of memory per source scalar.
struct NormalizedText: Sendable {
    /// The normalised scalars, what patterns match against.
    let scalars: [Unicode.Scalar]
    /// For each normalised scalar, its offset in the source text (`originalOffsets.count == scalars.count + 1`,
    /// the last entry is the source length, so half-open ranges map with it too).
    let originalOffsets: [Int]
    /// The source's scalars, for reporting names and sentences as written.
    let originalScalars: [Unicode.Scalar]
    /// Whether the source is written in traditional characters: at least 1 in 10 of its Han characters
    /// (and at least 2) are never used in simplified writing. (Traditional news texts have 30–40 %,
    /// simplified ones a stray character or none.)
    let script: Script

    init(_ source: SourceText) {
        let original = Self.scalarArray(source.text)
        let folding = CharacterFolding.shared
        let script = Self.detectScript(original, folding: folding)
        var scalars = [Unicode.Scalar]()
        var offsets = [Int]()
        scalars.reserveCapacity(original.count)
        offsets.reserveCapacity(original.count + 1)
        Self.fold(original, folding: folding, traditional: script == .traditional, into: &scalars, offsets: &offsets)
        LineJoiner.joinLines(&scalars, offsets: &offsets)
        offsets.append(original.count)
        self.scalars = scalars
        self.originalOffsets = offsets
        self.originalScalars = original
        self.script = script
    }

    /// The normalised text as a String.
    var text: String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// The source offsets (scalars) of the normalised range `range`: from the first scalar's original to
    /// just after the last one's, so a removed marker or break after the range is not included.
    func originalRange(_ range: Range<Int>) -> Range<Int> {
        let lower = originalOffsets[range.lowerBound]
        guard !range.isEmpty else { return lower..<lower }
        return lower..<(originalOffsets[range.upperBound - 1] + 1)
    }

    /// The source text between the originals of normalised offsets `range`, as written (traditional
    /// characters, full-width digits and line breaks as in the file).
    func original(_ range: Range<Int>) -> String {
        let bounds = originalRange(range)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: originalScalars[bounds])
        return String(result)
    }

    /// The normalised text of `range` as a String.
    func text(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[range])
        return String(result)
    }

    /// The lines of the normalised text (paragraphs and headlines), as ranges of ``scalars`` without their `\n`.
    var lines: [Range<Int>] {
        var result = [Range<Int>]()
        var start = 0
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            result.append(start..<index)
            start = index + 1
        }
        if start < scalars.count { result.append(start..<scalars.count) }
        return result
    }

    // MARK: - Passes

    /// The scalars of `text`, in an array allocated once at its exact size.
    private static func scalarArray(_ text: String) -> [Unicode.Scalar] {
        // Every scalar starts with exactly one byte that is not a continuation byte (10xxxxxx).
        let count = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        } ?? text.unicodeScalars.count
        var scalars = [Unicode.Scalar]()
        scalars.reserveCapacity(count)
        scalars.append(contentsOf: text.unicodeScalars)
        return scalars
    }

    /// Traditional when at least 2, and at least 1 in 10, of the Han characters are traditional-only.
    private static func detectScript(_ scalars: [Unicode.Scalar], folding: CharacterFolding) -> Script {
        var han = 0
        var traditionalOnly = 0
        for scalar in scalars where scalar.value >= 0x3400 {
            let value = scalar.value
            guard CharacterClass.isHan(value) else { continue }
            han += 1
            if folding.isTraditionalOnly(value) { traditionalOnly += 1 }
        }
        return traditionalOnly >= 2 && traditionalOnly * 10 >= han ? .traditional : .simplified
    }

    /// Pass 1: folds each scalar and drops page-jump markers, recording where each kept scalar came from.
    private static func fold(_ original: [Unicode.Scalar], folding: CharacterFolding, traditional: Bool,
                             into scalars: inout [Unicode.Scalar], offsets: inout [Int]) {
        var index = 0
        let count = original.count
        while index < count {
            let value = original[index].value
            if PageJumpMarker.canStart(value), let end = PageJumpMarker.match(original, at: index) {
                index = end
                continue
            }
            // CR LF is one break: keep the LF.
            if value == 0x0D, index + 1 < count, original[index + 1].value == 0x0A {
                index += 1
                continue
            }
            let folded = folding.fold(value, traditional: traditional)
            if folded != CharacterFolding.dropped, let scalar = Unicode.Scalar(folded) {
                scalars.append(scalar)
                offsets.append(index)
            }
            index += 1
        }
    }
}
