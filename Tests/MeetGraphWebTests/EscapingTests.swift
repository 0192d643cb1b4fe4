import Foundation
import HummingbirdTesting
import Testing
@testable import MeetGraphWeb

/// People called `<script>alert(1)</script>` and `"onmouseover=…` are shown as text everywhere.
@Suite struct EscapingTests {
    let fixture: TestStore

    init() throws { fixture = try TestStore(Samples.all) }

    /// No raw markup from the hostile document reaches any page.
    static func expectInert(_ page: String, _ what: String) {
        // The graph page's community data is JSON in a script element, checked on its own below.
        var body = page
        if let start = body.range(of: "<script type=\"application/json\""),
           let end = body.range(of: "</script>", range: start.upperBound..<body.endIndex) {
            body.removeSubrange(start.lowerBound..<end.upperBound)
        }
        #expect(!body.contains("<script>alert"), "\(what): raw script tag")
        #expect(!body.contains("\"onmouseover="), "\(what): attribute break-out")
        #expect(!body.contains("<img src=x"), "\(what): raw img tag")
        #expect(!body.contains("<b>座谈会"), "\(what): raw b tag")
        #expect(!body.contains("href=\"javascript:"), "\(what): javascript link")
    }

    @Test func hostileNamesRenderAsTextOnEveryPage() async throws {
        try await fixture.test { client in
            let pages: [(String, [(String, String?)])] = [
                ("/person", [("name", Samples.scriptName)]),
                ("/person", [("name", Samples.attributeName)]),
                ("/person", [("name", "祁明远")]),
                ("/event", [("key", "hostile.txt#e1")]),
                ("/search", [("q", "<")]),
                ("/search", [("q", Samples.scriptName)]),
                ("/tie", [("a", Samples.scriptName), ("b", Samples.attributeName)]),
                ("/graph", []),
                ("/person", [("name", "<script>nobody</script>")]),
            ]
            for (path, parameters) in pages {
                let page = try await client.get(path, parameters)
                #expect(page.status.code < 500, "\(path) \(page.status)")
                Self.expectInert(page.body, "\(path) \(parameters)")
            }
            let event = try await client.get("/event", [("key", "hostile.txt#e1")])
            #expect(event.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(event.body.contains("&quot;onmouseover=alert(2) x=&quot;"))
            #expect(event.body.contains("<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>"))
            #expect(event.body.contains("&lt;b&gt;座谈会&lt;/b&gt;"))
            let person = try await client.get("/person", [("name", Samples.scriptName)])
            #expect(person.status == .ok)
            #expect(person.body.contains("<h1 id=\"person-name\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        }
    }

    @Test func hostileNamesInPicturesAreEscapedXML() async throws {
        try await fixture.test { client in
            for svg in [try await client.get("/ego.svg", [("name", Samples.scriptName)]),
                        try await client.get("/ego.svg", [("name", "祁明远")]),
                        try await client.get("/graph.svg")] {
                #expect(svg.status == .ok)
                #expect(!svg.body.contains("<script"))
                #expect(!svg.body.contains("\"onmouseover="))
                #expect(svg.body.contains("&lt;script&gt;"))
            }
        }
    }

    @Test func communityDataCannotCloseItsScriptElement() async throws {
        try await fixture.test { client in
            let page = try await client.get("/graph")
            let start = try #require(page.body.range(of: "<script type=\"application/json\" id=\"communities\">"))
            let rest = page.body[start.upperBound...]
            let end = try #require(rest.range(of: "</script>"))
            let json = String(rest[..<end.lowerBound])
            #expect(!json.contains("<"))
            let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Int]
            #expect(decoded?[Samples.scriptName] != nil)
            #expect(decoded?[Samples.attributeName] != nil)
        }
    }

    @Test func pagesForbidScriptsFromElsewhere() async throws {
        try await fixture.test { client in
            let page = try await client.get("/event", [("key", "hostile.txt#e1")])
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        }
    }

    @Test(arguments: [
        ("a<b", "a&lt;b"), ("\"x\"", "&quot;x&quot;"), ("'", "&#39;"), ("&amp;", "&amp;amp;"), ("张三", "张三"),
    ])
    func escapingCoversMarkupCharacters(text: String, escaped: String) {
        #expect(HTML.escaped(text) == escaped)
    }

    @Test func highlightingEscapesAroundTheMarks() {
        let sentence = "<i>甲</i>会见张三"
        #expect(HTML.highlighted(sentence, marks: HTML.occurrences(of: ["张三", "<i>"], in: sentence))
                == "<mark>&lt;i&gt;</mark>甲&lt;/i&gt;会见<mark>张三</mark>")
        #expect(HTML.occurrences(of: ["张三", "张三丰"], in: "张三丰到").map(\.end) == [3])
    }
}
