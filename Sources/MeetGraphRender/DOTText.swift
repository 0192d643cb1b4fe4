/// Quoting for the three kinds of text a DOT file holds: identifiers, escaped strings (labels and
/// tooltips, where Graphviz reads `\N`, `\n` … and HTML entities) and HTML-like labels.
///
/// Every function first makes the text safe for XML output: line breaks become `\n`, other control
/// characters (which XML forbids and which would end a C string) become U+FFFD.
enum DOTText {
    /// A double-quoted DOT identifier or plain attribute value: `"a \"b\""`.
    ///
    /// Backslashes are doubled so that a trailing one cannot swallow the closing quote.
    static func quoted(_ text: String) -> String {
        doubleQuoted(text, backslash: "\\\\", escapesAmpersand: false)
    }

    /// A double-quoted escString (label, tooltip) that Graphviz shows exactly as `text` reads.
    ///
    /// Graphviz interprets `\N`, `\G`, `\n`, `\l` … in these strings even when set through the C API,
    /// so every backslash is doubled; it also decodes HTML entities (`&amp;`) in them, so `&` is
    /// written `&amp;`. Line breaks become centred line breaks (`\n`).
    static func label(_ text: String) -> String {
        doubleQuoted(cut(text, to: labelLimit), backslash: "\\\\", escapesAmpersand: true)
    }

    /// The most characters (Unicode scalars) a label shows; longer ones end in `…`. A name of
    /// millions of characters (a damaged table) would otherwise keep Graphviz busy for minutes.
    static let labelLimit = 120
    /// The most characters a tooltip shows.
    static let tooltipLimit = 4_000
    /// Names longer than this get a shortened node identifier (see ``identifier(_:prefix:)``).
    static let identifierLimit = 200

    /// `text` cut to `limit` scalars, `…` marking the cut.
    static func cut(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        var result = String.UnicodeScalarView(scalars.prefix(limit - 1))
        result.append("…")
        return String(result)
    }

    /// A node identifier for `text`: `prefix` and the text, or for a text longer than
    /// ``identifierLimit``, its start and a 64-bit FNV-1a hash of the whole, unique in practice.
    static func identifier(_ text: String, prefix: String) -> String {
        guard text.unicodeScalars.count > identifierLimit else { return prefix + text }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return prefix + String(String.UnicodeScalarView(text.unicodeScalars.prefix(100))) + "…#" + String(hash, radix: 16)
    }

    /// A double-quoted tooltip that SVG viewers show exactly as `text` reads.
    ///
    /// Graphviz 2.43 reads escapes in tooltips twice (`\\N` still becomes the node's name), so each
    /// backslash is written four times.
    static func tooltip(_ text: String) -> String {
        doubleQuoted(cut(text, to: tooltipLimit), backslash: "\\\\\\\\", escapesAmpersand: true)
    }

    /// `text` cleaned and quoted: `"` and line breaks escaped, each backslash written as
    /// `backslash`, and `&` as `&amp;` when Graphviz decodes entities in the attribute.
    private static func doubleQuoted(_ text: String, backslash: String, escapesAmpersand: Bool) -> String {
        var result = "\""
        for scalar in cleaned(text) {
            switch scalar {
            case "\\": result += backslash
            case "\"": result += "\\\""
            case "&" where escapesAmpersand: result += "&amp;"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
    }

    /// Text inside an HTML-like label (`<…>`): XML-escaped, line breaks as `<br/>`, and backslashes
    /// doubled because Graphviz reads `\N` … in HTML text too.
    static func html(_ text: String) -> String {
        var result = ""
        for scalar in cleaned(text) {
            switch scalar {
            case "\\": result += "\\\\"
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "<br/>"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` with CR LF and CR turned into LF, tabs into spaces, and characters that XML 1.0 does
    /// not allow (other C0 controls, U+FFFE, U+FFFF) into U+FFFD.
    static func cleaned(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.unicodeScalars.count)
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0D: result.append("\n")
            case 0x0A: if !previousWasReturn { result.append("\n") }
            case 0x09: result.append(" ")
            case 0x00...0x1F, 0xFFFE, 0xFFFF: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return result
    }

    /// `value` with at most two decimals and no trailing zeros: `2`, `2.5`, `0.33`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
        return sign + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
