import MeetGraph

/// Builds HTML text. Every piece of stored text (a name, a title, a sentence, an event name) goes
/// through ``escaped(_:)`` or ``attribute(_:)``, so that a person called `<script>` or
/// `"onmouseover=` is shown as text and never read as markup.
enum HTML {
    /// `text` safe between tags: `&`, `<`, `>`, `"` and `'` become entities.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` safe inside a double-quoted attribute value.
    static func attribute(_ text: String) -> String { escaped(text) }

    /// `text` percent-encoded for a URL query value: everything but unreserved ASCII is encoded.
    static func queryValue(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                result.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result += "%"
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// A URL with query parameters, each value percent-encoded; nil values are left out.
    static func url(_ path: String, _ parameters: [(String, String?)] = []) -> String {
        let query = parameters.compactMap { name, value in value.map { name + "=" + queryValue($0) } }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// The page of a person, as an HTML attribute value.
    static func personLink(_ name: String) -> String {
        "<a class=\"person\" href=\"\(attribute(url("/person", [("name", name)])))\">\(escaped(name))</a>"
    }

    /// The page of an event, as a link labelled with its name.
    static func eventLink(_ event: AttendanceGraph.EventNode) -> String {
        let label = event.name.isEmpty ? event.key : event.name
        return "<a class=\"event\" href=\"\(attribute(url("/event", [("key", event.key)])))\">\(escaped(label))</a>"
    }

    /// `sentence` with the scalars from `start` to `end` (offsets into the sentence, counted in
    /// Unicode scalars) wrapped in `<mark>`, the rest escaped. Ranges outside the sentence or
    /// overlapping an earlier one are ignored.
    static func highlighted(_ sentence: String, marks: [(start: Int, end: Int)]) -> String {
        let scalars = Array(sentence.unicodeScalars)
        var result = ""
        var position = 0
        for mark in marks.sorted(by: { $0.start < $1.start }) {
            guard mark.start >= position, mark.start < mark.end, mark.end <= scalars.count else { continue }
            result += escaped(String(String.UnicodeScalarView(scalars[position..<mark.start])))
            result += "<mark>" + escaped(String(String.UnicodeScalarView(scalars[mark.start..<mark.end]))) + "</mark>"
            position = mark.end
        }
        result += escaped(String(String.UnicodeScalarView(scalars[position...])))
        return result
    }

    /// Where each of `names` occurs in `sentence`, as scalar offsets, for ``highlighted(_:marks:)``.
    static func occurrences(of names: [String], in sentence: String) -> [(start: Int, end: Int)] {
        let scalars = Array(sentence.unicodeScalars)
        var marks: [(start: Int, end: Int)] = []
        for name in Set(names) where !name.isEmpty {
            let needle = Array(name.unicodeScalars)
            guard needle.count <= scalars.count else { continue }
            var index = 0
            while index + needle.count <= scalars.count {
                if scalars[index] == needle[0] && scalars[index..<index + needle.count].elementsEqual(needle) {
                    marks.append((index, index + needle.count))
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        // Keep the longest of overlapping marks (张三 inside 张三丰).
        marks.sort { ($0.start, $1.end) < ($1.start, $0.end) }
        var kept: [(start: Int, end: Int)] = []
        for mark in marks where kept.last.map({ mark.start >= $0.end }) ?? true { kept.append(mark) }
        return kept
    }

    /// A whole page: the header with the search box, then `body`.
    static func page(title: String, body: String, query: String = "", scripts: [String] = ["/static/app.js"]) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(title)) · MeetGraph</title>
        <link rel="stylesheet" href="/static/style.css">
        </head>
        <body>
        <header>
        <a class="home" href="/">MeetGraph</a>
        <form class="search" action="/search" method="get" autocomplete="off">
        <input id="q" name="q" type="search" placeholder="姓名 / name" value="\(attribute(query))" aria-label="search people">
        <button type="submit">Search</button>
        <ul id="suggestions" role="listbox"></ul>
        </form>
        <nav><a href="/graph">Co-attendance graph</a> <a href="/api">API</a></nav>
        </header>
        <main>
        \(body)
        </main>
        \(scripts.map { "<script src=\"\($0)\"></script>" }.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    /// A table with a header row; `rows` hold HTML already escaped.
    static func table(_ header: [String], _ rows: [[String]], id: String? = nil) -> String {
        var text = "<table\(id.map { " id=\"\($0)\"" } ?? "")><thead><tr>"
        text += header.map { "<th>\(escaped($0))</th>" }.joined()
        text += "</tr></thead><tbody>\n"
        for row in rows { text += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        return text + "</tbody></table>\n"
    }
}
