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
}
