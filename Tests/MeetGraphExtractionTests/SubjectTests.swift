import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test; the names are made up.

/// The subject of a sentence carries over its commas: a speech verb opening a later clause is
/// the subject's.
@Suite("Subject across clauses")
struct SubjectAcrossClausesTests {
    @Test func speechVerbInALaterClauseMakesTheVisitorASpeaker() {
        let document = extract("""
            6月2日下午,省水利厅副厅长韩立平一行来我县督导防汛工作。在城南堤防,韩立平实地查看了护岸工程,要求各单位扎实做好防汛准备。
            """)
        #expect(document.events.first?.rows == [Row("韩立平", [.speaker, .attendee], ["省水利厅副厅长"])])
    }

    @Test func connectorBeforeTheVerbKeepsTheSubject() {
        let document = extract("""
            6月2日,区长邵文涛深入园区企业进行现场调研,并提出工作要求。
            """)
        #expect(document.events.first?.rows == [Row("邵文涛", [.speaker, .attendee], ["区长"])])
    }

    @Test func meetingsBusinessAfterTheChairIsNotASpeech() {
        let document = extract("1月25日下午,县长韩立平主持召开全县防汛工作调度会,传达上级有关文件精神,部署当前防汛工作。")
        #expect(document.events.first?.rows == [Row("韩立平", .chair, ["县长"])])
    }

    @Test func theVisitedPersonDoesNotTakeTheVisitorsWords() {
        let document = extract("""
            1月20日,县委书记韩立平走访慰问困难群众。韩立平来到街道社区,看望慰问困难群众邵文涛家庭,勉励他们坚定信心,要求属地做好帮扶。
            """)
        let rows = document.events.first?.rows ?? []
        #expect(rows.first { $0.name == "邵文涛" }?.roles == .attendee)
    }

    @Test func aNewSubjectEndsTheCarryOver() {
        let document = extract("""
            6月2日,区长邵文涛主持召开区长办公会。邵文涛通读了方案文本,副区长韩立平要求各部门抓好落实。
            """)
        let rows = document.events.first?.rows ?? []
        #expect(rows.first { $0.name == "邵文涛" }?.roles == .chair)
        #expect(rows.first { $0.name == "韩立平" }?.roles.contains(.speaker) == true)
    }
}

@Suite("Joining an outing by its verb")
struct JoiningOutingTests {
    /// 陪同检查 names the inspection, even after another outing (看望检查组) was reported.
    @Test func peopleJoiningByTheVerbGoToThatOuting() {
        let document = extract("""
            5月12日,省防汛检查组组长韩立平率检查组到我市检查防汛工作。副省长邵文涛陪同检查,市委书记祁海燕到驻地看望检查组。市水利局局长冯晓东陪同检查,市长孟庆云看望检查组。
            """)
        let inspection = document.events.first { $0.name.hasPrefix("检查") }
        let call = document.events.first { $0.name.contains("看望") }
        #expect(inspection?.participants.map(\.name) == ["韩立平", "邵文涛", "冯晓东"])
        #expect(call?.participants.map(\.name) == ["祁海燕", "孟庆云"])
    }
}

@Suite("A visit and a meeting in one sentence")
struct VisitThenMeetingTests {
    static let text = """
        1月28日,春节假期后第一个工作日,市委书记韩立平带队走访市政府机关,向大家致以新春问候,并召开座谈会。市长邵文涛,市政府领导祁海燕、冯晓东等参加座谈会,市委副书记孟庆云参加走访活动。
        韩立平指出,过去一年市政府工作取得了显著成绩。
        """

    @Test func bothAreEventsAndEachNamesItsPeople() {
        let document = extract(Self.text)
        let visit = document.events.first { $0.kind == .visit }
        let meeting = document.events.first { $0.kind == .meeting }
        #expect(visit?.name == "走访市政府机关")
        #expect(meeting?.name == "座谈会")
        #expect(visit?.participants.map(\.name) == ["韩立平", "孟庆云"])
        #expect(meeting?.participants.map(\.name) == ["韩立平", "邵文涛", "祁海燕", "冯晓东"])
    }

    @Test func whatFollowsIsSaidAtTheMeeting() {
        let document = extract(Self.text)
        let visit = document.events.first { $0.kind == .visit }
        let meeting = document.events.first { $0.kind == .meeting }
        #expect(meeting?.participants.first { $0.name == "韩立平" }?.roles.contains(.speaker) == true)
        #expect(visit?.participants.first { $0.name == "韩立平" }?.roles == .attendee)
    }
}

@Suite("Meetings named in what a meeting said")
struct ReportedMeetingTests {
    @Test(arguments: ["会议指出", "会议强调", "会上要求", "会议号召"])
    func meetingNamedInTheMeetingsWordsIsNoEvent(opening: String) {
        let document = extract("""
            10月21日,县长韩立平主持召开全县疫情防控工作调度会。副县长邵文涛参加会议。\(opening),当前疫情出现反复,市里紧急召开会议进行安排部署,各级要迅速行动。
            """)
        #expect(document.events.map(\.name) == ["全县疫情防控工作调度会"])
        #expect(document.events.first?.participants.map(\.name) == ["韩立平", "邵文涛"])
    }
}

@Suite("Greeting a group at a ceremony")
struct GreetingAGroupTests {
    @Test func greetingTheHonouredIsPartOfTheCeremony() {
        let document = extract("""
            5月4日,全省青年创新创业标兵表彰大会在省会召开。省委书记韩立平亲切接见受表彰人员,勉励广大青年建功立业。省领导邵文涛出席大会。
            """)
        #expect(document.events.count == 1)
        #expect(document.events.first?.participants.map(\.name) == ["韩立平", "邵文涛"])
    }

    @Test func receivingANamedGuestIsAReception() {
        let document = extract("""
            5月4日,全省招商大会在省会召开。省长邵文涛出席大会。会后,省委书记韩立平会见了集团董事长孟庆云一行。
            """)
        #expect(document.events.map(\.kind) == [.meeting, .other])
        #expect(document.events.last?.participants.map(\.name) == ["韩立平", "孟庆云"])
    }
}

@Suite("One event under a longer and a shorter name")
struct EventNameVariantTests {
    @Test func shorterNameEndingTheLongerIsTheSameEvent() {
        let document = extract("""
            3月2日,区新闻中心举行第五场集体采访。第五场集体采访上,区长韩立平、副区长邵文涛出席并回答记者提问。
            """)
        #expect(document.events.count == 1)
        #expect(document.events.first?.participants.map(\.name) == ["韩立平", "邵文涛"])
    }

    @Test func sharingOnlyTheKeywordKeepsTwoEvents() {
        let document = extract("""
            7月2日,省政府召开全省防溺水工作电视电话会议。会后,我市接着召开全市防溺水工作会议,副市长韩立平出席会议并讲话。
            """)
        #expect(document.events.count == 2)
    }
}

@Suite("Digest items")
struct DigestItemTests {
    static let text = """
        ●7月2日下午,省政府召开防溺水工作电视电话会议,传达省委书记祁海燕重要批示精神。(记者孟 达)
        ●7月2日,市委常委、副市长、市“三农”总指挥部常务副总指挥韩立平,召集市国土等单位负责人,对某公司迁建项目进行实地调研,并召开协调会议。
        ●7月2日上午,市文明办牵头召开相关部门协调会。副市长邵文涛到会并作出具体部署。
        """

    /// The subject named before a long run of clauses is at the meeting those clauses end with,
    /// not at the meeting of the item before.
    @Test func subjectBeforeARunOfClausesIsAtTheMeetingItLeadsTo() {
        let document = extract(Self.text)
        let meeting = document.events.first { $0.name == "协调会议" }
        #expect(meeting?.rows == [Row("韩立平", .attendee, ["市委常委", "副市长", "市“三农”总指挥部常务副总指挥"])])
        #expect(document.excluded["祁海燕"] == .mentioned)
        #expect(document.excluded["韩立平"] == nil)
    }

    @Test func eachItemsMeetingKeepsItsOwnPeople() {
        let document = extract(Self.text)
        let second = document.events.first { $0.name.hasSuffix("协调会") }
        #expect(second?.participants.map(\.name) == ["邵文涛"])
    }
}

@Suite("Meetings named for what they convey")
struct ConveyingMeetingTests {
    @Test func conveningVerbBeforeStudyWordsMakesAnEvent() {
        let document = extract("5月29日,市委召开传达学习全省两会精神大会,市委书记韩立平、市长邵文涛出席。")
        #expect(document.events.map(\.name) == ["市委传达学习全省两会精神大会"])
        #expect(document.events.first?.participants.map(\.name) == ["韩立平", "邵文涛"])
    }

    @Test func conveyedMeetingWithoutAConveningVerbIsOnlyReferredTo() {
        let document = extract("5月29日,市委常委会召开会议,传达学习全省两会精神。市委书记韩立平主持会议。")
        #expect(document.events.map(\.name) == ["市委常委会会议"])
    }

    @Test func studySessionHeldWithJinxing() {
        let document = extract("5月29日下午,市委理论学习中心组进行了集体学习,市委书记韩立平、市长邵文涛出席。")
        #expect(document.events.count == 1)
        #expect(document.events.first?.participants.map(\.name) == ["韩立平", "邵文涛"])
    }
}

@Suite("Bare meetings")
struct BareMeetingTests {
    @Test func bareMeetingWithNobodyNamedIsDropped() {
        let document = extract("""
            不少县委书记回到本县后,立刻就召开了会议。5月29日上午,县委常委会召开扩大会议,县委书记韩立平主持会议。
            """)
        #expect(document.events.map(\.name) == ["县委常委会扩大会议"])
        #expect(document.events.first?.id == "e1")
    }

    @Test func namedMeetingWithNobodyNamedIsKept() {
        let document = extract("5月29日,全省防汛工作电视电话会议召开。")
        #expect(document.events.map(\.name) == ["全省防汛工作电视电话会议"])
    }
}

@Suite("Two meetings on one day")
struct SameDayMeetingsTests {
    @Test func studySessionAfterAStandingCommitteeKeepsItsOwnPeople() {
        let document = extract("""
            5月29日上午,东湖省委常委会召开扩大会议。东湖省委书记韩立平主持会议。
            当天下午,东湖省委理论学习中心组又进行了集体学习,韩立平、代省长邵文涛均出席了会议。
            """)
        #expect(document.events.map(\.name) == ["东湖省委常委会扩大会议", "东湖省委理论学习中心组集体学习"])
        #expect(document.events.first?.participants.map(\.name) == ["韩立平"])
        #expect(document.events.last?.participants.map(\.name) == ["韩立平", "邵文涛"])
    }

    @Test func meetingWhereACitedSpeechWasGivenIsNoEvent() {
        let document = extract("""
            5月29日,西山省委常委会召开会议,传达学习韩立平在参加全国人大会议西山代表团审议时的重要讲话精神。西山省委书记邵文涛主持会议。
            """)
        #expect(document.events.map(\.name) == ["西山省委常委会会议"])
    }
}

@Suite("Speeches with titles")
struct TitledSpeechTests {
    @Test func speechWithATitleInBookMarks() {
        let document = extract("""
            4月8日,学校年度工作会议在报告厅举行。校党委书记韩立平出席会议。韩立平作了题为《凝心聚力 开创新局》的讲话。
            """)
        #expect(document.events.first?.rows == [Row("韩立平", [.speaker, .attendee], ["校党委书记"])])
    }
}

@Suite("Receptions and foreign guests")
struct ForeignGuestTests {
    @Test func transcribedNameAfterADelegationLeadersTitleAndItsShortForm() {
        let document = extract("""
            11月3日下午,市长韩立平在市政府会见了汉堡市经济代表团团长克劳斯·施密特一行。施密特表示,希望双方加强合作。副市长邵文涛参加会见。
            """)
        #expect(document.events.first?.rows == [
            Row("韩立平", .attendee, ["市长"]),
            Row("克劳斯·施密特", [.speaker, .attendee], ["汉堡市经济代表团团长"]),
            Row("邵文涛", .attendee, ["副市长"]),
        ])
    }

    @Test func hyphenatedTranscribedName() {
        let document = extract("12月20日,总理韩立平在北京会见来华进行正式访问的法国总理让-马克·杜邦。杜邦表示,法方高度重视对华关系。")
        #expect(document.events.first?.rows.last == Row("让-马克·杜邦", [.speaker, .attendee], ["法国总理"]))
    }

    @Test func receptionNamedForTheRepublicWithAnAndInside() {
        let document = extract("""
            10月1日上午,特区政府在会展中心举行庆祝中华人民共和国成立73周年酒会。行政长官韩立平致辞。政务司司长邵文涛等出席酒会。
            """)
        #expect(document.events.count == 1)
        #expect(document.events.first?.kind == .other)
        #expect(document.events.first?.place == "会展中心")
        #expect(document.events.first?.rows == [Row("韩立平", .speaker, ["行政长官"]), Row("邵文涛", .attendee, ["政务司司长"])])
    }
}

@Suite("分别: several meetings at once")
struct RespectiveMeetingsTests {
    static let text = """
        5月16日,县委书记韩立平、县长欧阳明分别主持召开县委常委会会议和县政府常务会议。
        县委常委会会议上,县委副书记邵文涛,县委常委祁海燕出席。县政府常务会议上,副县长冯晓东、何晓燕参加。
        """

    @Test func eachChairHasTheirOwnMeeting() {
        let document = extract(Self.text)
        #expect(document.events.map(\.name) == ["县委常委会会议", "县政府常务会议"])
        #expect(document.events.first?.participants.first?.name == "韩立平")
        #expect(document.events.last?.participants.first?.name == "欧阳明")
        #expect(document.events.first?.participants.contains { $0.name == "欧阳明" } == false)
    }

    @Test func aSentenceOpeningWithAMeetingsNameIsAboutThatMeeting() {
        let document = extract(Self.text)
        #expect(document.events.first?.participants.map(\.name) == ["韩立平", "邵文涛", "祁海燕"])
        #expect(document.events.last?.participants.map(\.name) == ["欧阳明", "冯晓东", "何晓燕"])
    }
}

@Suite("Absent leaders")
struct AbsentLeaderTests {
    @Test func leaderWhoSentSomeoneIsOnlyMentioned() {
        let document = extract("5月20日,市政府召开全市安全生产工作会议。副市长韩立平受市长邵文涛委托出席会议并讲话。")
        #expect(document.events.first?.rows == [Row("韩立平", [.speaker, .attendee], ["副市长"])])
        #expect(document.excluded["邵文涛"] == .mentioned)
    }

    @Test func leaderAwayWhoSentAWrittenSpeechIsOnlyMentioned() {
        let document = extract("5月20日,全市安全生产工作会议召开。副市长韩立平出席。市委书记孟庆云因公出差,发来书面讲话。")
        #expect(document.events.first?.participants.map(\.name) == ["韩立平"])
        #expect(document.excluded["孟庆云"] == .mentioned)
    }
}

@Suite("开会")
struct HoldsAMeetingTests {
    @Test func datedKaihuiIsAMeetingOfItsOwn() {
        let document = extract("""
            5月29日,江苏召开了传达全国两会精神大会,省委书记韩立平出席。
            湖北也在29日开会,省委书记邵文涛、省长祁海燕均出席。
            """)
        #expect(document.events.count == 2)
        #expect(document.events.first?.participants.map(\.name) == ["韩立平"])
        #expect(document.events.last?.participants.map(\.name) == ["邵文涛", "祁海燕"])
    }

    @Test func undatedKaihuiIsNoEvent() {
        let document = extract("5月29日,区长办公会召开。区长韩立平主持会议。他要求各部门少开会、开短会。")
        #expect(document.events.count == 1)
    }
}

@Suite("One person at two events")
struct BothEventsTests {
    @Test func joiningTheVisitAndAttendingTheMeeting() {
        let document = extract("""
            县委书记韩立平调研秋粮收购工作
            10月15日,县委书记韩立平深入粮食收购点调研秋粮收购工作。他强调,要确保农民粮食卖得出。
            当天下午,韩立平还主持召开县委农村工作领导小组会议,研究部署秋冬种工作。县委常委、副县长邵文涛参加调研并出席会议。
            """)
        #expect(document.events.map(\.kind) == [.visit, .meeting])
        for event in document.events {
            #expect(event.participants.map(\.name) == ["韩立平", "邵文涛"], "\(event.name)")
        }
    }

    @Test func leaveWithAReasonIsNotAttendance() {
        let document = extract("11月8日,区委常委会召开会议。区委书记韩立平主持会议。副区长邵文涛因公请假。")
        #expect(document.events.first?.participants.map(\.name) == ["韩立平"])
        #expect(document.excluded["邵文涛"] == .mentioned)
    }
}
