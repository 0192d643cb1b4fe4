import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test; the names are made up.

/// 出席某某的会议: an attending verb before an owner and 的 says the meeting took place.
@Suite("Meetings named with an owner")
struct MeetingOwnerTests {
    @Test func attendingTheOwnersMeetingIsAnEvent() {
        let document = extract("""
            5月6日,国务院副总理韩立平早上在人民大会堂出席港区人大代表团的会议,出席的还有港澳办主任邵文涛、中联办主任钟立言。
            """)
        #expect(document.events.count == 1)
        #expect(document.events.first?.name == "港区人大代表团的会议")
        #expect(document.events.first?.rows.map(\.name) == ["韩立平", "邵文涛", "钟立言"])
    }

    @Test func aMeetingWhoseOwnerIsOnlyDescribedIsNoEvent() {
        let document = extract("5月6日,市委书记韩立平强调,要开好市委全会的会议。")
        #expect(document.events.isEmpty)
    }
}

/// 某某传达了某某院长的讲话精神: the one who conveys speaks; the one whose speech is conveyed is
/// only mentioned.
@Suite("Conveying a speech")
struct ConveyingTests {
    @Test func theConveyorSpeaksAndTheCitedLeaderIsMentioned() {
        let document = extract("""
            5月6日,县长韩立平主持召开县务会议。会上,骆一鸣副院长先传达了蔡文涛院长的讲话精神。
            """)
        #expect(document.events.first?.rows == [Row("韩立平", .chair, ["县长"]), Row("骆一鸣", .speaker, ["副院长"])])
        #expect(document.excluded["蔡文涛"] == .mentioned)
    }

    @Test func aLeaderSeenOnAnEarlierVisitIsStillOnlyCited() {
        let document = extract("""
            5月6日,县委书记韩立平主持召开县委常委会议,学习骆一鸣在我县调研时的讲话精神。
            """)
        #expect(document.events.first?.rows == [Row("韩立平", .chair, ["县委书记"])])
    }
}

/// Names written before their title after the unit they serve in (外交部某某部长).
@Suite("Names after a unit")
struct NamesAfterUnitsTests {
    @Test(arguments: ["外交部", "观光处", "县医院"])
    func aNameAfterItsUnitAndBeforeItsTitleIsFound(unit: String) {
        let document = extract("5月6日,县长韩立平主持召开县务会议。\(unit)骆一鸣主任出席。")
        #expect(document.events.first?.rows.map(\.name) == ["韩立平", "骆一鸣"])
    }
}

/// Editors' and reviewers' lines at the foot of a report: not participants.
@Suite("Review bylines")
struct ReviewBylineTests {
    @Test func reviewersAndSlashCreditsAreEditorsNotParticipants() {
        let document = extract("""
            5月6日,县长韩立平主持召开县务会议。
            (庞思远/文 谭亦凡/图 柏青禾/审核)
            一审:葛云舟 二审:俞晓帆 终审:严若溪 审签:汤慕白
            """)
        #expect(document.events.first?.rows.map(\.name) == ["韩立平"])
        let excluded = document.excluded
        #expect(excluded["庞思远"] == .reporter)
        #expect(excluded["谭亦凡"] == .photographer)
        for editor in ["柏青禾", "葛云舟", "俞晓帆", "严若溪", "汤慕白"] {
            #expect(excluded[editor] == .editor, "\(editor)")
        }
    }
}

/// A colon opens an enumeration whose items semicolons separate: they stay in one sentence.
@Suite("Semicolon lists")
struct SemicolonListTests {
    @Test func everyGroupOfAColonListTakesTheListsRole() {
        let document = extract("""
            5月6日,市委召开记者见面会。新闻发言人分别是:市纪委常委钟立言;市委组织部秘书长骆一鸣、副巡视员蔡文涛;市档案局副局长谭亦凡。
            """)
        #expect(document.events.first?.rows == [
            Row("钟立言", .speaker, ["市纪委常委"]), Row("骆一鸣", .speaker, ["市委组织部秘书长"]),
            Row("蔡文涛", .speaker, ["副巡视员"]), Row("谭亦凡", .speaker, ["市档案局副局长"]),
        ])
    }

    @Test func withoutAColonASemicolonStillEndsTheSentence() {
        let document = extract("5月6日,县长韩立平主持召开县务会议;县委书记骆一鸣在省城学习考察。")
        #expect(document.events.first?.rows.map(\.name) == ["韩立平"])
    }
}

/// Committees whose names hold 和 (社会和法制委员会): the 和 does not end the title.
@Suite("Committee names with 和")
struct CommitteeNameTests {
    @Test func everyCommitteeChairOfTheListReports() {
        let document = extract("""
            5月6日,市政协召开常委会议。经济委员会主任钟立言、社会和法制委员会主任骆一鸣、文史和学习委员会主任庞思远,分别汇报了本委员会年度工作情况。
            """)
        #expect(document.events.first?.rows == [
            Row("钟立言", .speaker, ["经济委员会主任"]), Row("骆一鸣", .speaker, ["社会和法制委员会主任"]),
            Row("庞思远", .speaker, ["文史和学习委员会主任"]),
        ])
    }
}

/// A study session of a 理论学习中心组: the group's name holds 学习 but the session took place,
/// and those who lead the reading or join the discussion speak at it.
@Suite("Study sessions")
struct StudySessionTests {
    @Test func theGroupsStudySessionIsAnEventAndItsReadersSpeak() {
        let document = extract("""
            2月26日,校党委理论学习中心组第2次集体学习举行。校长钟立言主持并讲话。会上,纪委书记骆一鸣领学了《廉洁自律准则》。\
            党委副书记蔡文涛、庞思远作研讨交流。政治部主任谭亦凡组织学习《工作条例》。
            """)
        #expect(document.events.count == 1)
        #expect(document.events.first?.rows == [
            Row("钟立言", [.chair, .speaker], ["校长"]), Row("骆一鸣", .speaker, ["纪委书记"]),
            Row("蔡文涛", .speaker, ["党委副书记"]), Row("庞思远", .speaker, ["党委副书记"]),
            Row("谭亦凡", .speaker, ["政治部主任"]),
        ])
    }
}

/// 听取了某某关于…的报告: the report is given at the meeting by that person.
@Suite("Reports heard")
struct ReportsHeardTests {
    @Test func theOneWhoseReportIsHeardSpeaks() {
        let document = extract("""
            5月6日,省人大常委会举行会议。会议听取了省人大财经委主任委员钟立言关于计划报告审查情况的报告。
            """)
        #expect(document.events.first?.rows == [Row("钟立言", .speaker, ["省人大财经委主任委员"])])
    }

    @Test func aSpeechCitedByItsSubjectIsStillCited() {
        let document = extract("5月6日,县委召开常委会议,传达学习省委书记钟立言关于作风建设的重要讲话精神。县委书记骆一鸣主持。")
        #expect(document.events.first?.rows.map(\.name) == ["骆一鸣"])
        #expect(document.excluded["钟立言"] == .mentioned)
    }

    @Test func delegatesToACongressAreNoSessionOfIt() {
        let document = extract("""
            5月6日,县人大常委会召开会议。会议表决通过了我县出席第十届市人民代表大会代表候选人名单草案。会议由主任钟立言主持。
            """)
        #expect(document.events.map(\.name) == ["县人大常委会会议"])
    }
}

/// A gathering whose host meets people named between the host and the verb (与…共进早餐):
/// an event of its own, or the one just reported when no date says otherwise.
@Suite("Gatherings with companions")
struct CompanionGatheringTests {
    @Test func aBreakfastAfterItsMeetingIsThatMeeting() {
        let document = extract("""
            3月8日上午,第九场政企早餐会举行。市政协主席钟立言与政协委员企业家代表共进早餐,听取意见建议。
            """)
        #expect(document.events.map(\.name) == ["第九场政企早餐会"])
        #expect(document.events.first?.rows.map(\.name) == ["钟立言"])
    }

    @Test func aFourthCharacterThatOnlyCloseTheNameBelongsToIt() {
        let document = extract("11月5日,省长钟立言会见友好代表团团长骆田一鸣一行。")
        #expect(document.events.first?.rows.map(\.name) == ["钟立言", "骆田一鸣"])
    }

    @Test func aThreeCharacterNameBeforeAVerbStaysThree() {
        let document = extract("11月5日,省长钟立言会见友好代表团团长骆一鸣接受采访。")
        #expect(document.events.first?.rows.map(\.name).contains("骆一鸣") == true)
    }
}

/// 某某带领…观摩/督导: the leader, those led, then the outing.
@Suite("Outings led")
struct LedOutingTests {
    @Test(arguments: ["观摩", "督导"])
    func anOutingAfterThoseLedIsAVisit(verb: String) {
        let document = extract("5月20日,县委书记钟立言带领县直部门负责人\(verb)重点项目建设。")
        #expect(document.events.first?.kind == .visit)
        #expect(document.events.first?.rows.map(\.name) == ["钟立言"])
    }
}

/// 由某某带领的考察组一行来…: the group the person leads came; nothing is said of those led.
@Suite("Groups led")
struct GroupLedTests {
    @Test func aGroupLedBySomeoneIsNoOutingOfThoseLed() {
        let document = extract("""
            8月2日下午,由集团公司副总经理钟立言带领的考察组一行来我市考察。市长骆一鸣出席座谈会。
            """)
        #expect(!document.events.contains { $0.name.contains("带领") })
        #expect(document.events.flatMap(\.participants).map(\.name).contains("钟立言"))
    }

    @Test func anActivityAfterThoseLedIsTheLeadersOuting() {
        let document = extract("5月20日,县委书记钟立言带领各乡镇党委书记开展项目建设观摩活动。县长骆一鸣参加观摩。")
        #expect(document.events.count == 1)
        #expect(document.events.first?.kind == .visit)
        #expect(document.events.first?.rows.map(\.name) == ["钟立言", "骆一鸣"])
    }
}

/// Minutes whose officials are listed a title line, then a name line (列席官員:⏎司法院秘書長⏎某某某),
/// with titles for labels (專門委員:某某) and labels spaced out (紀  錄:).
@Suite("Minutes blocks")
struct MinutesBlockTests {
    @Test func officialsUnderTheirTitleLinesAttend() {
        let document = extract("""
            某委員會第19次全體委員會議議事錄
            出席委員:林德海  柯建安
            列席官員:
            司法院秘書長
            林錦華

            法務部政務次長
            陳明遠
            主  席:林召集委員為山
            專門委員:楊育春
            紀  錄:簡任秘書 彭定安
            """)
        #expect(document.events.first?.rows == [
            Row("林德海", .attendee), Row("柯建安", .attendee), Row("林錦華", .attendee, ["司法院秘書長"]),
            Row("陳明遠", .attendee, ["法務部政務次長"]), Row("楊育春", .attendee, ["專門委員"]),
            Row("彭定安", .attendee, ["簡任秘書"]),
        ])
    }
}

/// 某某和夫人某某: the spouse named with a participant takes part too.
@Suite("Spouses")
struct SpouseTests {
    @Test func aSpouseNamedWithAParticipantAttends() {
        let document = extract("12月20日,国家主席钟立言和夫人骆一鸣在行政长官蔡文涛和夫人庞思远陪同下步入会场,出席庆祝大会。")
        #expect(document.events.first?.rows.map(\.name) == ["钟立言", "骆一鸣", "蔡文涛", "庞思远"])
        #expect(document.events.first?.rows[1].titles == ["夫人"])
    }
}
