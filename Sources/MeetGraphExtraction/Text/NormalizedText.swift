import MeetGraph

/// A ``SourceText`` prepared for matching, with a map back to the original offsets.
///
/// What normalising does: OCR/PDF line breaks inside a sentence are joined (a paragraph break
/// stays a `\n`), page-jump markers such as `(下转第二版)` are removed, full-width ASCII letters,
/// digits and brackets become half-width, runs of spaces collapse, and traditional characters are
/// mapped to simplified ones for matching (names are reported from the original text).
///
/// STUB: passes the text through unchanged; the full version does all of the above.
struct NormalizedText: Sendable {
    /// The normalised scalars, what patterns match against.
    let scalars: [Unicode.Scalar]
    /// For each normalised scalar, its offset in the source text (`originalOffsets.count == scalars.count + 1`,
    /// the last entry is the source length, so half-open ranges map with it too).
    let originalOffsets: [Int]
    /// The source's scalars, for reporting names and sentences as written.
    let originalScalars: [Unicode.Scalar]
    /// Whether the source is written in traditional characters.
    let script: Script

    init(_ source: SourceText) {
        let original = Array(source.text.unicodeScalars)
        originalScalars = original
        scalars = original
        originalOffsets = Array(0...original.count)
        script = .simplified
    }

    /// The normalised text as a String.
    var text: String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// The source text between the originals of normalised offsets `range`, as written.
    func original(_ range: Range<Int>) -> String {
        let lower = originalOffsets[range.lowerBound]
        let upper = originalOffsets[range.upperBound]
        var result = String.UnicodeScalarView()
        result.append(contentsOf: originalScalars[lower..<upper])
        return String(result)
    }
}
