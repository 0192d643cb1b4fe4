import Testing
@testable import MeetGraphExtraction

/// Normalising for matching: characters folded, markers removed, original text kept for reporting.
@Suite("Normalisation")
struct NormalizationTests {
    static func normalize(_ text: String) -> NormalizedText {
        NormalizedText(SourceText(name: "test.txt", text: text))
    }

    @Test func fullWidthLettersDigitsBracketsAndColonBecomeHalfWidth() {
        let text = Self.normalize("２０２３年６月３日（星期六）：ＡＢＣ公司ｘｙｚ").text
        #expect(text == "2023年6月3日(星期六):ABC公司xyz")
    }

    @Test func chinesePunctuationStays() {
        let text = Self.normalize("市长、副市长出席，会议召开。你好！是吗？是；“好”《决定》").text
        #expect(text == "市长、副市长出席，会议召开。你好！是吗？是；“好”《决定》")
    }

    @Test func ideographicAndNoBreakSpacesBecomeOneSpace() {
        #expect(Self.normalize("记者\u{3000}\u{3000}周立新\u{00A0}\u{00A0}\u{00A0}摄").text == "记者 周立新 摄")
        #expect(Self.normalize("记者  \t 周立新").text == "记者 周立新")
    }

    @Test func zeroWidthCharactersAreRemoved() {
        #expect(Self.normalize("陈\u{200B}建\u{200D}华\u{FEFF}出席\u{00AD}会议").text == "陈建华出席会议")
    }

    @Test func lineEndingsAreUnified() {
        let text = Self.normalize("第一段标题\r\n\r\n第二段标题\r第三段标题\u{2029}第四段").text
        #expect(text == "第一段标题\n第二段标题\n第三段标题\n第四段")
    }

    @Test func spacesAtLineEndsAndBlankLinesAtTheEndsGo() {
        #expect(Self.normalize("\n\n  \u{3000}\u{3000}会议召开  \n\n\n  ").text == "会议召开")
    }

    @Test(arguments: [
        ("市委书记孙建(下转第二版)强调", "市委书记孙建强调"),
        ("（上接第一版）会议要求", "会议要求"),
        ("确保安全（转第3版）", "确保安全"),
        ("确保安全 下转2版", "确保安全"),
        ("(下转A2版)要求", "要求"),
        ("（紧接第１版）要求", "要求"),
        ("【下转第十二版】要求", "要求"),
    ])
    func pageJumpMarkersAreRemoved(input: String, expected: String) {
        #expect(Self.normalize(input).text == expected)
    }

    @Test func textThatOnlyResemblesAMarkerStays() {
        #expect(Self.normalize("他转了第二版稿件(转发)").text == "他转了第二版稿件(转发)")
        #expect(Self.normalize("(下转").text == "(下转")
    }

    @Test func traditionalTextIsMatchedSimplifiedAndReportedAsWritten() throws {
        let normalized = Self.normalize("市長劉建國主持會議並講話。副市長陳志遠出席。")
        #expect(normalized.script == .traditional)
        #expect(normalized.text == "市长刘建国主持会议并讲话。副市长陈志远出席。")
        let name = try #require(normalized.text.range(of: "刘建国"))
        let start = normalized.text.unicodeScalars.distance(from: normalized.text.unicodeScalars.startIndex, to: name.lowerBound)
        #expect(normalized.original(start..<(start + 3)) == "劉建國")
    }

    @Test func simplifiedTextKeepsCharactersThatAreAlsoTraditional() {
        // 乾 and 於 are valid simplified characters (乾坤, a surname); only traditional texts convert them.
        let normalized = Self.normalize("於明在乾坤湾景区召开会议,讨论发展问题。")
        #expect(normalized.script == .simplified)
        #expect(normalized.text == "於明在乾坤湾景区召开会议,讨论发展问题。")
    }

    @Test func strayTraditionalCharactersInSimplifiedTextAreStillMatched() {
        let normalized = Self.normalize("市委召开常委会议,研究部署下一阶段的重点工作,会议由书记主持,全体常委出席會議。")
        #expect(normalized.script == .simplified)
        #expect(normalized.text.hasSuffix("出席会议。"))
    }

    @Test func originalReturnsTheSourceIncludingBrokenLines() {
        let source = "市长陈建华出席并讲话,副市长吴海\n\n涛主持会议。"
        let normalized = Self.normalize(source)
        #expect(normalized.text == "市长陈建华出席并讲话,副市长吴海涛主持会议。")
        let scalars = Array(normalized.text.unicodeScalars)
        let start = scalars.firstIndex(of: "吴")!
        #expect(normalized.original(start..<(start + 3)) == "吴海\n\n涛")
        #expect(normalized.originalRange(start..<(start + 3)) == 14..<19)
    }

    @Test func originalDoesNotReachIntoARemovedMarker() {
        let normalized = Self.normalize("市委书记孙建(下转第二版)强调")
        #expect(normalized.original(0..<6) == "市委书记孙建")
        #expect(normalized.original(0..<8) == "市委书记孙建(下转第二版)强调")
    }

    @Test func linesAreTheKeptLines() {
        let normalized = Self.normalize("标题一 副标题\n\n正文第一段。\n\n正文第二段。")
        #expect(normalized.lines.map { normalized.text($0) } == ["标题一 副标题", "正文第一段。", "正文第二段。"])
    }

    @Test func countsOfTheMapHold() {
        let normalized = Self.normalize("（上接第一版）會議\r\n\r\n召開")
        #expect(normalized.originalOffsets.count == normalized.scalars.count + 1)
        #expect(normalized.originalOffsets.last == normalized.originalScalars.count)
        #expect(normalized.originalScalars == Array("（上接第一版）會議\r\n\r\n召開".unicodeScalars))
    }
}
