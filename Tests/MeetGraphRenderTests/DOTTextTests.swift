import Testing
@testable import MeetGraphRender

/// The quoting rules, one kind of text at a time.
@Suite struct DOTTextTests {
    @Test func identifiersEscapeQuotesAndBackslashes() {
        #expect(DOTText.quoted("a \"b\" c\\") == #""a \"b\" c\\""#)
        #expect(DOTText.quoted("two\nlines") == #""two\nlines""#)
    }

    @Test func labelsDoubleBackslashesAndEscapeAmpersands() {
        #expect(DOTText.label(#"\N & <b>"#) == #""\\N &amp; <b>""#)
        #expect(DOTText.label("one\r\ntwo\rthree") == #""one\ntwo\nthree""#)
    }

    @Test func tooltipsQuadrupleBackslashes() {
        #expect(DOTText.tooltip(#"a\N"#) == #""a\\\\N""#)
    }

    @Test func htmlTextIsXMLEscaped() {
        #expect(DOTText.html("<b>\"x\" & y</b>\n\\N") == #"&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;<br/>\\N"#)
    }

    @Test(arguments: [(2.0, "2"), (2.5, "2.5"), (0.333, "0.33"), (1.005, "1"), (-0.25, "-0.25"), (6.0 / 0.0, "0")])
    func numbersHaveAtMostTwoDecimals(value: Double, text: String) {
        #expect(DOTText.number(value) == text)
    }
}
