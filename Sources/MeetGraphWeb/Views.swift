import Foundation
import MeetGraph
import MeetGraphExport

// HTML and CSV of each page. Stored text reaches HTML only through HTML.escaped, HTML.attribute,
// HTML.personLink, HTML.eventLink and HTML.highlighted.

extension SearchPage {
    var html: String {
        var body = "<h1>Search</h1>\n"
        if query.isEmpty {
            body += "<p>Type a name above: simplified or traditional characters find both spellings.</p>\n"
        } else if people.isEmpty {
            body += "<p class=\"empty\">Nobody whose name contains “\(HTML.escaped(query))”.</p>\n"
        } else {
            body += "<p>\(people.count) \(people.count == 1 ? "person" : "people") matching “\(HTML.escaped(query))”. "
                + "<a class=\"download\" href=\"\(HTML.attribute(HTML.url("/search", [("q", query), ("format", "csv")])))\">CSV</a></p>\n"
            body += HTML.table(["person", "events"], people.map { [HTML.personLink($0.name), String($0.events)] }, id: "results")
        }
        return HTML.page(title: query.isEmpty ? "Search" : query, body: body, query: query)
    }

    var table: ResultTable {
        ResultTable(header: ["person", "events"], numericColumns: [1], rows: people.map { [$0.name, String($0.events)] })
    }
}

extension PersonPage {
    var html: String {
        let link = HTML.url("/person", [("name", person)])
        var body = "<h1 id=\"person-name\">\(HTML.escaped(person))</h1>\n"
        body += "<p class=\"summary\">\(eventCount) event\(eventCount == 1 ? "" : "s") · "
            + "<a class=\"download\" href=\"\(HTML.attribute(link + "&format=csv"))\">CSV</a> · "
            + "<a href=\"\(HTML.attribute(link + "&format=json"))\">JSON</a></p>\n"
        body += "<section class=\"ego\"><h2>Circle</h2>\n"
        body += "<div class=\"picture\" data-src=\"\(HTML.attribute(HTML.url("/ego.svg", [("name", person)])))\" "
            + "data-kind=\"ego\"><a href=\"\(HTML.attribute(HTML.url("/ego.svg", [("name", person)])))\">picture (SVG)</a></div>\n"
        body += "<div id=\"tie-panel\" class=\"panel\" hidden></div>\n"
        body += "<p class=\"hint\">Drag to move, wheel to zoom; click a person to open them, a line to list the shared events.</p>\n"
        body += "</section>\n"
        body += "<section><h2>Titles over time</h2>\n"
        body += titles.isEmpty ? "<p class=\"empty\">No title recorded.</p>\n" : HTML.table(
            ["title", "first", "last", "events"],
            titles.map { [HTML.escaped($0.title), HTML.escaped($0.first ?? ""), HTML.escaped($0.last ?? ""), String($0.count)] },
            id: "titles")
        body += "</section>\n<section><h2>Met most</h2>\n"
        body += metMost.isEmpty ? "<p class=\"empty\">Nobody else at these events.</p>\n" : HTML.table(
            ["person", "shared events", "first", "last"],
            metMost.map { met in
                [HTML.personLink(met.person),
                 "<a class=\"tie\" href=\"\(HTML.attribute(HTML.url("/tie", [("a", person), ("b", met.person)])))\">\(met.count)</a>",
                 HTML.escaped(met.first ?? ""), HTML.escaped(met.last ?? "")]
            }, id: "met")
        body += "</section>\n<section><h2>Events</h2>\n"
        if eventsTruncated { body += "<p>The \(events.count) most recent of \(eventCount).</p>\n" }
        body += HTML.table(
            ["date", "event", "kind", "role", "titles", "document"],
            events.map { entry in
                [HTML.escaped(entry.event.date ?? ""), eventLink(entry.event), HTML.escaped(entry.event.kind),
                 HTML.escaped(entry.roles.map(\.rawValue).joined(separator: ", ")),
                 HTML.escaped(entry.titles.joined(separator: "、")), HTML.escaped(entry.event.document)]
            }, id: "events")
        body += "</section>\n"
        return HTML.page(title: person, body: body)
    }

    var table: ResultTable {
        ResultTable(header: ["date", "event", "event key", "kind", "roles", "titles", "document"], rows: events.map { entry in
            [entry.event.date ?? "", entry.event.name, entry.event.key, entry.event.kind,
             entry.roles.map(\.rawValue).joined(separator: ";"), entry.titles.joined(separator: "、"), entry.event.document]
        })
    }
}

/// A link to an event listed by its summary.
func eventLink(_ event: EventSummary) -> String {
    let label = event.name.isEmpty ? event.key : event.name
    return "<a class=\"event\" href=\"\(HTML.attribute(HTML.url("/event", [("key", event.key)])))\">\(HTML.escaped(label))</a>"
}

extension EventPage {
    var html: String {
        let title = event.name.isEmpty ? event.key : event.name
        let link = HTML.url("/event", [("key", event.key)])
        var body = "<h1 id=\"event-name\">\(HTML.escaped(title))</h1>\n<dl class=\"facts\">\n"
        var facts: [(String, String)] = [("kind", HTML.escaped(event.kind))]
        if let date = event.date { facts.append(("date", HTML.escaped(date + (event.timeOfDay.map { " " + $0 } ?? "")))) }
        if let place = event.place { facts.append(("place", HTML.escaped(place))) }
        if let form = event.form { facts.append(("form", HTML.escaped(form))) }
        facts.append(("document", documentLink))
        if let published { facts.append(("published", HTML.escaped(published))) }
        for (name, value) in facts { body += "<dt>\(name)</dt><dd>\(value)</dd>\n" }
        body += "</dl>\n<p><a class=\"download\" href=\"\(HTML.attribute(link + "&format=csv"))\">CSV</a> · "
            + "<a href=\"\(HTML.attribute(link + "&format=json"))\">JSON</a></p>\n"
        body += "<h2>Who took part</h2>\n"
        body += HTML.table(["person", "role", "titles", "written"], participants.map { part in
            [HTML.personLink(part.person), HTML.escaped(part.roles.map(\.rawValue).joined(separator: ", ")),
             HTML.escaped(part.titles.joined(separator: "、")), HTML.escaped(part.writtenName)]
        }, id: "participants")
        body += "<h2>Evidence</h2>\n<ol id=\"evidence\">\n"
        let names = participants.flatMap { [$0.writtenName, $0.person] }
        for sentence in evidenceSentences {
            body += "<li><blockquote>\(HTML.highlighted(sentence.text, marks: HTML.occurrences(of: names, in: sentence.text)))"
                + "</blockquote><span class=\"who\">\(sentence.people.map(HTML.personLink).joined(separator: " "))</span></li>\n"
        }
        body += "</ol>\n"
        return HTML.page(title: title, body: body)
    }

    /// Each distinct sentence once, in the order first given, with the people it proves.
    var evidenceSentences: [(text: String, people: [String])] {
        var order: [String] = []
        var people: [String: [String]] = [:]
        for part in participants {
            for evidence in part.evidence {
                if people[evidence.sentence] == nil { order.append(evidence.sentence) }
                if !(people[evidence.sentence]?.contains(part.person) ?? false) {
                    people[evidence.sentence, default: []].append(part.person)
                }
            }
        }
        return order.map { ($0, people[$0] ?? []) }
    }

    /// The source as a link when it is a web address, else as text, with the document's name.
    var documentLink: String {
        var text = HTML.escaped(event.document)
        if let source, source.hasPrefix("http://") || source.hasPrefix("https://") {
            text += " · <a class=\"source\" href=\"\(HTML.attribute(source))\" rel=\"noreferrer noopener\">source</a>"
        } else if let source, !source.isEmpty {
            text += " · <span class=\"source\">\(HTML.escaped(source))</span>"
        }
        return text
    }

    var table: ResultTable {
        var table = ResultTable(header: ["event", "date", "kind", "person", "roles", "titles", "sentence", "start", "end"],
                                numericColumns: [7, 8])
        for part in participants {
            let proofs = part.evidence.isEmpty ? [nil] : part.evidence.map(Optional.some)
            for evidence in proofs {
                table.rows.append([event.name, event.date ?? "", event.kind, part.person,
                                   part.roles.map(\.rawValue).joined(separator: ";"), part.titles.joined(separator: "、"),
                                   evidence?.sentence ?? "", evidence.map { String($0.start) } ?? "",
                                   evidence.map { String($0.end) } ?? ""])
            }
        }
        return table
    }
}

extension TiePage {
    var html: String {
        var body = "<h1>\(HTML.personLink(a)) · \(HTML.personLink(b))</h1>\n"
        body += "<p>\(events.count) shared event\(events.count == 1 ? "" : "s").</p>\n"
        body += HTML.table(["date", "event", HTML.escaped(a), HTML.escaped(b), "sentence"], events.map { item in
            [HTML.escaped(item.event.date ?? ""), eventLink(item.event),
             HTML.escaped(item.rolesA.map(\.rawValue).joined(separator: ", ")),
             HTML.escaped(item.rolesB.map(\.rawValue).joined(separator: ", ")),
             HTML.highlighted(item.sentence ?? "", marks: HTML.occurrences(of: [a, b], in: item.sentence ?? ""))]
        }, id: "shared")
        return HTML.page(title: "\(a) · \(b)", body: body)
    }

    var table: ResultTable {
        ResultTable(header: ["date", "event", "event key", a, b, "sentence"], rows: events.map {
            [$0.event.date ?? "", $0.event.name, $0.event.key, $0.rolesA.map(\.rawValue).joined(separator: ";"),
             $0.rolesB.map(\.rawValue).joined(separator: ";"), $0.sentence ?? ""]
        })
    }
}

extension GraphPage {
    var html: String {
        var body = "<h1>Co-attendance</h1>\n"
        body += "<form class=\"filters\" action=\"/graph\" method=\"get\">\n"
        body += "<label>since <input type=\"date\" name=\"since\" value=\"\(HTML.attribute(filter.since?.description ?? ""))\"></label>\n"
        body += "<label>until <input type=\"date\" name=\"until\" value=\"\(HTML.attribute(filter.until?.description ?? ""))\"></label>\n"
        for kind in EventKind.allCases {
            body += "<label><input type=\"checkbox\" name=\"kind\" value=\"\(kind.rawValue)\"\(filter.kinds.contains(kind) ? " checked" : "")> \(kind.rawValue)</label>\n"
        }
        for role in Role.allCases {
            body += "<label><input type=\"checkbox\" name=\"role\" value=\"\(role.rawValue)\"\(filter.roles.contains(role) ? " checked" : "")> \(role.rawValue)</label>\n"
        }
        body += "<label>top <input type=\"number\" name=\"top\" min=\"1\" max=\"\(GraphFilter.maximumTop)\" value=\"\(filter.top)\"></label>\n"
        body += "<button type=\"submit\">Show</button></form>\n"
        let query = filter.parameters
        body += "<p class=\"summary\">\(people.count) of \(peopleInFilter) people, \(ties.count) ties, \(communities) communities · "
            + "<a class=\"download\" href=\"\(HTML.attribute(HTML.url("/graph", query + [("format", "csv")])))\">CSV</a> · "
            + "<a href=\"\(HTML.attribute(HTML.url("/graph", query + [("format", "json")])))\">JSON</a></p>\n"
        body += "<div class=\"picture\" data-kind=\"graph\" data-src=\"\(HTML.attribute(HTML.url("/graph.svg", query)))\">"
            + "<a href=\"\(HTML.attribute(HTML.url("/graph.svg", query)))\">picture (SVG)</a></div>\n"
        body += "<div id=\"tie-panel\" class=\"panel\" hidden></div>\n"
        body += "<p class=\"hint\">Colours: communities (Louvain). Drag to move, wheel to zoom; click a person or a line.</p>\n"
        body += "<script type=\"application/json\" id=\"communities\">\(communityJSON)</script>\n"
        body += HTML.table(["person", "community", "events", "weighted degree"], people.map {
            ["<span class=\"swatch c\($0.community % 12)\"></span>" + HTML.personLink($0.name), String($0.community + 1),
             String($0.events), String(format: "%.0f", $0.weightedDegree)]
        }, id: "people")
        return HTML.page(title: "Co-attendance", body: body)
    }

    /// `{"name": community}` for the script that colours the picture; `<` is escaped so that no
    /// name can close the script element.
    var communityJSON: String {
        var text = "{"
        for (index, person) in people.enumerated() {
            text += (index == 0 ? "" : ",") + JSONText.string(person.name) + ":" + String(person.community)
        }
        return text + "}"
    }

    var table: ResultTable {
        ResultTable(header: ["person", "other", "shared events"], numericColumns: [2],
                    rows: ties.map { [$0.a, $0.b, String($0.count)] })
    }
}

/// JSON string literals safe inside an HTML `<script>` element.
enum JSONText {
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
