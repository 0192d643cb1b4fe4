import Testing
@testable import MeetGraphExtraction

/// Lines broken by OCR or PDF layout are joined; paragraphs and headlines stay lines.
@Suite("Line joining")
struct LineJoiningTests {
    static func lines(_ text: String) -> [String] {
        NormalizedText(SourceText(name: "test.txt", text: text)).text.components(separatedBy: "\n")
    }

    @Test func sentenceBrokenAcrossABlankLineIsJoined() {
        let text = """
            本报讯(记者 周立新)6月3日,市政府召开全市安全生产工作会议,要求巩固来之不易

            的工作成果,确保全年安全。
            """
        #expect(Self.lines(text) == ["本报讯(记者 周立新)6月3日,市政府召开全市安全生产工作会议,要求巩固来之不易的工作成果,确保全年安全。"])
    }

    @Test func nameSplitAcrossLinesIsJoined() {
        let text = "市长陈建华出席并讲话,副市长吴海\n\n涛主持会议。"
        #expect(Self.lines(text) == ["市长陈建华出席并讲话,副市长吴海涛主持会议。"])
    }

    @Test func shortLineWithASentenceInsideIsJoined() {
        let text = "重点要落实。要严格规范管理各类人员\n\n密集场所,学校要严格闭环管理。"
        #expect(Self.lines(text) == ["重点要落实。要严格规范管理各类人员密集场所,学校要严格闭环管理。"])
    }

    @Test func openBracketAtTheBreakIsJoined() {
        let text = "市人大常委会举行《某某条例》(以\n\n下简称《条例》)解读会,对条例进行解读。"
        #expect(Self.lines(text) == ["市人大常委会举行《某某条例》(以下简称《条例》)解读会,对条例进行解读。"])
    }

    @Test func lineEndingWithACommaIsJoined() {
        let text = "市委常委、副市长孙立,\n市政协副主席钱文出席。"
        #expect(Self.lines(text) == ["市委常委、副市长孙立,市政协副主席钱文出席。"])
    }

    /// Short wrapped lines make everything look like a full column; a dated opening still starts
    /// the story after its headline.
    @Test func headlineBeforeADatedOpeningInShortColumns() {
        let text = "市政协召开主席会议\n5月12日,市政协主席黎\n志强主持召开主席会\n议。副主席唐小兵出\n席会议。"
        #expect(Self.lines(text) == ["市政协召开主席会议", "5月12日,市政协主席黎志强主持召开主席会议。副主席唐小兵出席会议。"])
    }

    @Test(arguments: ["5月12日,", "12日上午,", "2023年5月12日,"])
    func datedOpenings(opening: String) {
        let scalars = Array((opening + "市长出席").unicodeScalars)
        let dated = LineJoiner.startsWithDate(scalars.span, at: 0, end: scalars.count)
        #expect(dated)
    }

    @Test func aNumberIsNoDatedOpening() {
        let scalars = Array("12项工作,全部完成".unicodeScalars)
        let dated = LineJoiner.startsWithDate(scalars.span, at: 0, end: scalars.count)
        #expect(!dated)
    }

    @Test func headlinesStaySeparate() {
        let text = """
            全市安全生产工作会议召开

            陈建华强调 压实责任 守住底线

            吴海涛主持 孙立等参加

            本报讯(记者 周立新)6月3日,全市安全生产工作会议召开。
            """
        #expect(Self.lines(text) == [
            "全市安全生产工作会议召开",
            "陈建华强调 压实责任 守住底线",
            "吴海涛主持 孙立等参加",
            "本报讯(记者 周立新)6月3日,全市安全生产工作会议召开。",
        ])
    }

    @Test func fieldLinesStaySeparate() {
        let text = "时间:6月3日上午\n地点:市政府第一会议室\n出席:陈建华、吴海涛\n列席:孙立"
        #expect(Self.lines(text) == ["时间:6月3日上午", "地点:市政府第一会议室", "出席:陈建华、吴海涛", "列席:孙立"])
    }

    @Test func paragraphsEndingASentenceStaySeparate() {
        let text = "会议指出,要抓好落实。\n\n会议强调,要守住底线。\n会议要求,要压实责任。”\n“下一步,要继续努力。"
        #expect(Self.lines(text).count == 4)
    }

    @Test func bodyLineBeforeANewStoryIsNotJoinedToIt() {
        let text = "会议要求,各部门要严格做好防控工\n\n本报讯(记者 周立新)市政协召开主席会议。"
        #expect(Self.lines(text).count == 2)
    }

    @Test func bodyLineBeforeAHeadlineIsNotJoinedToIt() {
        let text = "会议要求,各部门要严格做好防控工\n\n市政协召开主席会议 钱文主持 孙立等出席\n\n本报讯 市政协召开主席会议。"
        #expect(Self.lines(text) == [
            "会议要求,各部门要严格做好防控工", "市政协召开主席会议 钱文主持 孙立等出席", "本报讯 市政协召开主席会议。",
        ])
    }

    @Test func listItemsStartNewLines() {
        let text = "会议提出三点要求,具体如下\n一、压实责任,确保安全\n二、加强检查,消除隐患\n(三)强化宣传,营造氛围"
        #expect(Self.lines(text).count == 4)
    }

    @Test func indentedParagraphStartIsKept() {
        let text = "\u{3000}\u{3000}会议指出,要加强领导,统筹推进各项\n工作,确保落实。\n\u{3000}\u{3000}会议强调,各级各部门要压实责任,确保\n\u{3000}\u{3000}市长陈建华讲话。"
        #expect(Self.lines(text) == ["会议指出,要加强领导,统筹推进各项工作,确保落实。", "会议强调,各级各部门要压实责任,确保", "市长陈建华讲话。"])
    }

    @Test func fixedWidthPdfLinesAreJoinedEvenWithoutPunctuation() {
        // Lines broken at a width of 16 characters; the second line has no punctuation at all.
        let text = """
            市委召开常委会议研究部署安全生产工作,
            市委书记陈建华主持会议并讲话市长吴海
            涛副市长孙立市政协主席钱文等参加会议
            会议认为全市安全形势总体平稳,但仍存
            在一些隐患和问题需要认真加以解决。
            会议要求各级各部门要进一步压实责任。
            """
        #expect(Self.lines(text) == [
            "市委召开常委会议研究部署安全生产工作,市委书记陈建华主持会议并讲话市长吴海涛副市长孙立市政协主席钱文等参加会议会议认为全市安全形势总体平稳,但仍存在一些隐患和问题需要认真加以解决。",
            "会议要求各级各部门要进一步压实责任。",
        ])
    }

    @Test func latinWordsAcrossABreakKeepASpace() {
        #expect(Self.lines("会议通过视频系统连线,与会人员使用Zoom\n\nMeetings参会,会议时长2小时。") == ["会议通过视频系统连线,与会人员使用Zoom Meetings参会,会议时长2小时。"])
    }

    @Test func threeBlankLinesAreASectionBreak() {
        let text = "会议要求,各部门要严格做好防控\n\n\n\n工作,确保安全。"
        #expect(Self.lines(text).count == 2)
    }
}

/// Line joining around page-jump markers and punctuation at a line's start.
@Suite("Line joining at markers")
struct LineJoiningAtMarkersTests {
    @Test func storyContinuedOnAnotherPageIsNotJoinedToTheNextStory() {
        let text = "会议强调,要坚持和完善(下转第二版)\n\n全省春耕生产现场会召开,副省长钱文出席。"
        #expect(LineJoiningTests.lines(text) == ["会议强调,要坚持和完善", "全省春耕生产现场会召开,副省长钱文出席。"])
    }

    @Test func continuationFromAnotherPageIsNotJoinedToTheLineBefore() {
        let text = "会议强调,要抓好春耕,确保\n\n(上接第一版)全面落实各项措施,推动发展。"
        #expect(LineJoiningTests.lines(text) == ["会议强调,要抓好春耕,确保", "全面落实各项措施,推动发展。"])
    }

    @Test func lineStartingWithPunctuationJoinsTheLineBefore() {
        let text = "市长陈建华出席会议\n\n,并作重要讲话。"
        #expect(LineJoiningTests.lines(text) == ["市长陈建华出席会议,并作重要讲话。"])
    }
}

/// Lines of similar length that are a list, not a column.
@Suite("Line joining of lists")
struct LineJoiningOfListsTests {
    @Test func listOfNamesAndTitlesStaysOneLineEach() {
        // Five lines of 11 to 13 characters: as even as a PDF column, but spaced like a list.
        let text = "出席会议的领导有\n陈建华 市委书记市人大主任\n吴海涛 市委副书记市长\n孙立 市委常委常务副市长\n钱文 市委常委市委秘书长\n赵一鸣 市委常委宣传部长"
        #expect(LineJoiningTests.lines(text).count == 6)
    }

    @Test func columnOfEqualLinesWithoutPunctuationIsStillJoined() {
        let text = "市委召开常委会议研究部署全市安全生产\n工作市委书记陈建华主持会议并讲话市长\n吴海涛副市长孙立市政协主席钱文等参加\n会议认为全市安全形势总体平稳向好。"
        #expect(LineJoiningTests.lines(text) == ["市委召开常委会议研究部署全市安全生产工作市委书记陈建华主持会议并讲话市长吴海涛副市长孙立市政协主席钱文等参加会议认为全市安全形势总体平稳向好。"])
    }
}
