import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test; the names are made up.

@Suite("Title boundaries")
struct TitleBoundaryTests {
    /// A title read backwards stops at words like 对, 经, 和, 同 — except inside the words of an
    /// organisation's name, where they belong to the title.
    @Test(arguments: [
        "县应对洪涝灾害工作领导小组组长",
        "市发展和改革委员会主任",
        "经开区党工委副书记",
        "同德医院党委书记",
        "市国有资产监督管理委员会主任",
        "省人民代表大会常务委员会副主任",
    ])
    func stopWordInsideAnOrganisationsName(title: String) {
        let document = extract("3月2日,\(title)韩立平主持召开专题会议并讲话。")
        #expect(document.events.first?.rows == [Row("韩立平", [.chair, .speaker], [title])])
    }

    @Test func stopWordStillEndsATitleOutsideSuchWords() {
        let document = extract("3月2日,区长办公会召开。会议由区长韩立平主持。")
        #expect(document.events.first?.rows == [Row("韩立平", .chair, ["区长"])])
    }

    @Test func compoundTitleWithAStopWordInsideKeepsEveryPart() {
        let document = extract("3月2日,区委副书记、区长兼经开区党工委书记、管委会主任韩立平主持召开区长办公会。")
        #expect(document.events.first?.rows == [
            Row("韩立平", .chair, ["区委副书记", "区长兼经开区党工委书记", "管委会主任"]),
        ])
    }

    @Test func bulletBeforeATitleIsNotPartOfIt() {
        let document = extract("4月8日,村党员活动室落成典礼举行。●区政协副主席韩立平出席典礼。")
        #expect(document.events.first?.rows == [Row("韩立平", .attendee, ["区政协副主席"])])
    }

    /// 副议长A及B、C: the list joined to the first name by 及 goes on with 、, so the title is A's
    /// alone; the others still took part.
    @Test func titleBeforeAndThenAListBelongsToTheFirstNameOnly() {
        let document = extract("""
            5月9日,两市友好交流协议签署仪式在市议会举行。议长孔德明与町长宫本健一签署协议。今天包括市议会副议长韩立平及邵文涛、祁海燕、冯晓东等出席。
            """)
        let rows = document.events.first?.rows ?? []
        #expect(rows.first { $0.name == "韩立平" } == Row("韩立平", .attendee, ["市议会副议长"]))
        for name in ["邵文涛", "祁海燕", "冯晓东"] {
            #expect(rows.first { $0.name == name } == Row(name, .attendee, []), "\(name)")
        }
    }

    @Test func titleBeforeAListEndingWithAndIsShared() {
        let document = extract("5月9日,区长办公会召开。副区长邵文涛、祁海燕及冯晓东参加会议。")
        #expect(document.events.first?.rows == [
            Row("邵文涛", .attendee, ["副区长"]), Row("祁海燕", .attendee, ["副区长"]), Row("冯晓东", .attendee, ["副区长"]),
        ])
    }

    @Test func groupLabelOfNationalLeadersIsATitle() {
        let document = extract("12月30日,全国政协在北京举行新年茶话会。党和国家领导人韩立平、邵文涛、祁海燕出席。")
        #expect(document.events.first?.rows == [
            Row("韩立平", .attendee, ["党和国家领导人"]), Row("邵文涛", .attendee, ["党和国家领导人"]),
            Row("祁海燕", .attendee, ["党和国家领导人"]),
        ])
    }

    @Test func visitedPersonsLabelBeforeAGiftVerb() {
        let document = extract("""
            1月20日,市委书记韩立平走访慰问困难群众。在市社会福利院,韩立平查看住宿条件,并为残障老人邵文涛送上慰问金。
            """)
        #expect(document.events.first?.rows.last == Row("邵文涛", .attendee, ["残障老人"]))
    }

    @Test func visitedPersonsLabelStopsAtTheVisitVerb() {
        let document = extract("""
            1月20日,市领导韩立平一行走访慰问群众,首先来到我区归侨邵文涛的家中送去慰问金。
            """)
        #expect(document.events.first?.rows.last == Row("邵文涛", .attendee, ["我区归侨"]))
    }

    @Test func twoVisitedPeopleJoinedByAnd() {
        let document = extract("""
            1月20日,市领导韩立平一行走访慰问群众。在省劳模邵文涛和归侨祁海燕家中,韩立平感谢他们多年来所做的贡献。
            """)
        let rows = document.events.first?.rows ?? []
        #expect(rows.contains(Row("邵文涛", .attendee, ["省劳模"])))
        #expect(rows.contains(Row("祁海燕", .attendee, ["归侨"])))
    }

    @Test func wordsAfterALabelAreNoNameWithoutAnotherLabel() {
        let document = extract("""
            1月20日,市委书记韩立平走访慰问困难群众。他要求各地确保困难群众安乐祥和过节。
            """)
        #expect(document.events.first?.participants.map(\.name) == ["韩立平"])
    }
}

@Suite("Names after titles")
struct NamesAfterTitlesTests {
    /// 长, 有, 道 rarely belong to names, but after a title a name is expected.
    @Test(arguments: ["尹长春", "王有福", "林道明", "孟安有"])
    func uncommonGivenCharacterAfterATitle(name: String) {
        let document = extract("今天上午,省委书记\(name)来到我市调研经济运行情况,副省长韩立平陪同调研。")
        #expect(document.events.first?.participants.map(\.name) == [name, "韩立平"])
        #expect(document.events.first?.name == "调研经济运行情况")
        #expect(document.events.first?.place == "我市")
    }

    @Test func withoutATitleTheyStayOrdinaryWords() {
        let document = extract("5月9日,区长韩立平主持召开区长办公会。会议指出,要加强长效管理。")
        #expect(document.events.first?.participants.map(\.name) == ["韩立平"])
    }
}

@Suite("Lists set apart by spaces")
struct SpacedListTests {
    @Test func titleAndNamesSeparatedBySpaces() {
        let document = extract("2月8日,全县三级干部大会召开。县领导 田永波 吴大伟 郑丽华 出席会议。")
        #expect(document.events.first?.rows == [
            Row("田永波", .attendee, ["县领导"]), Row("吴大伟", .attendee, ["县领导"]), Row("郑丽华", .attendee, ["县领导"]),
        ])
    }

    @Test func aSpaceBeforeAVerbEndsTheList() {
        let document = extract("2月8日,全县三级干部大会召开。县长田永波 主持会议。")
        #expect(document.events.first?.participants.map(\.name) == ["田永波"])
    }
}
