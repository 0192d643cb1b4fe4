/// Spellings of one name: traditional and simplified forms of a person's name map to one key.
public enum NameForms {
    /// `name` with every traditional-only character replaced by its simplified form (張三 → 张三),
    /// used as the identity key of a person so that both spellings are one person. Characters that
    /// are also valid simplified characters (乾, 於) are kept: in a name they are usually meant.
    public static func simplifiedKey(_ name: String) -> String {
        let folding = CharacterFolding.shared
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            guard folding.isTraditionalOnly(scalar.value),
                  let folded = Unicode.Scalar(folding.fold(scalar.value, traditional: false))
            else {
                scalars.append(scalar)
                continue
            }
            scalars.append(folded)
        }
        return String(scalars)
    }

    /// ``written(_:)`` of the name spelled by `scalars`, without a String to search when the
    /// scalars hold no white space (most names).
    static func written(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        if !scalars.contains(where: { $0.value <= 0x3000 && $0.properties.isWhitespace }) { return String(scalars: scalars) }
        return written(String(scalars: scalars))
    }

    /// A name as written in the source without the line breaks and spaces that layout put inside
    /// it (黎志⏎强 → 黎志强, 韦 舟 → 韦舟); a space between Latin words stays one space (Anna Berg).
    static func written(_ original: String) -> String {
        // Most names hold no white space at all: then nothing changes, and the walk over
        // characters (grapheme breaking) below is skipped. White space scalars all lie at or
        // below U+3000, so an ideograph needs no property lookup.
        if !original.unicodeScalars.contains(where: { $0.value <= 0x3000 && $0.properties.isWhitespace }) { return original }
        var result = ""
        var pendingSpace = false
        for character in original {
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = result.last, last.isASCII, last.isLetter, character.isASCII, character.isLetter {
                result.append(" ")
            }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}
