import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test; the names are made up.

@Suite("Roles from verbs")
struct RoleTests {
    @Test func chairSpeakerAndAttendeeVerbs() {
        let document = extract("""
            5月16日,市长江海潮主持召开全市安全生产工作会议并讲话。市委副书记韦立新出席会议并讲话。副市长宋明远、贺思齐参加会议。
            """)
        #expect(document.events.count == 1)
        let event = document.events[0]
        #expect(event.kind == .meeting)
        #expect(event.name == "全市安全生产工作会议")
        #expect(event.date == EventDate(month: 5, day: 16))
        #expect(event.rows == [
            Row("江海潮", [.chair, .speaker], ["市长"]),
            Row("韦立新", [.speaker, .attendee], ["市委副书记"]),
            Row("宋明远", .attendee, ["副市长"]),
            Row("贺思齐", .attendee, ["副市长"]),
        ])
    }

    @Test func chairAfterYou() {
        let document = extract("6月3日上午,县委常委会召开会议。会议由县委书记钟文博主持。县长田雨桐,县委副书记苏晓岚出席会议。")
        #expect(document.events.count == 1)
        let event = document.events[0]
        #expect(event.name == "县委常委会会议")
        #expect(event.timeOfDay == "上午")
        #expect(event.rows == [
            Row("钟文博", .chair, ["县委书记"]),
            Row("田雨桐", .attendee, ["县长"]),
            Row("苏晓岚", .attendee, ["县委副书记"]),
        ])
    }

    @Test(arguments: [
        ("强调", Roles.speaker), ("指出", .speaker), ("提出要求", .speaker), ("作报告", .speaker),
        ("致辞", .speaker), ("传达", .speaker), ("列席", .attendee), ("陪同", .attendee),
    ])
    func verbAfterTitledName(verb: String, expected: Roles) {
        let document = extract("7月1日,区长办公会召开。区长程浩然主持会议。副区长邱志远\(verb)。")
        let row = document.events.first?.rows.first { $0.name == "邱志远" }
        #expect(row == Row("邱志远", expected, ["副区长"]))
    }

    @Test func laterShortReferenceAddsSpeaker() {
        let document = extract("8月2日,市长江海潮主持召开市政府常务会议。会议研究了有关事项。江海潮强调,要抓好落实。")
        #expect(document.events.first?.rows == [Row("江海潮", [.chair, .speaker], ["市长"])])
    }

    @Test func pronounAfterChairAddsSpeaker() {
        let document = extract("8月2日,市长江海潮主持召开市政府常务会议。会议研究了有关事项。他要求,要抓好落实。")
        #expect(document.events.first?.rows == [Row("江海潮", [.chair, .speaker], ["市长"])])
    }
}

@Suite("Headlines, lists and titles")
struct ListTests {
    @Test func headlineShorthandAndBody() {
        let document = extract("""
            全市防汛工作推进会召开 程浩然主持 邱志远等出席

            本报讯(记者 林小溪)7月2日,全市防汛工作推进会召开。市长程浩然主持会议。市委常委、常务副市长邱志远,副市长马晓光出席会议。
            """)
        #expect(document.events.count == 1)
        #expect(document.events[0].name == "全市防汛工作推进会")
        #expect(document.events[0].rows == [
            Row("程浩然", .chair, ["市长"]),
            Row("邱志远", .attendee, ["市委常委", "常务副市长"]),
            Row("马晓光", .attendee, ["副市长"]),
        ])
        #expect(document.excluded == ["林小溪": .reporter])
    }

    @Test func groupTitleAppliesToEveryNameOfTheList() {
        let document = extract("9月9日,市委常委会召开会议。市委书记钟文博主持会议。市领导韩立峰、贝思远、欧阳明珠、冉雪等参加会议。")
        let rows = document.events.first?.rows ?? []
        #expect(rows.dropFirst().map(\.name) == ["韩立峰", "贝思远", "欧阳明珠", "冉雪"])
        #expect(rows.dropFirst().allSatisfy { $0.titles == ["市领导"] && $0.roles == .attendee })
    }

    @Test func compoundTitlesSplitAtTheEnumerationComma() {
        let document = extract("10月8日,县政府召开常务会议。县委副书记、县长田雨桐主持会议。县委常委、县政府党组副书记、常务副县长宋明远参加会议。")
        #expect(document.events.first?.rows == [
            Row("田雨桐", .chair, ["县委副书记", "县长"]),
            Row("宋明远", .attendee, ["县委常委", "县政府党组副书记", "常务副县长"]),
        ])
    }

    @Test func groupJoinsTheListBeforeItsVerb() {
        let document = extract("10月21日晚,我县召开疫情防控工作调度会。县长田雨桐主持会议。副县长宋明远,贺思齐,各乡镇、各有关部门主要负责人参加会议。")
        #expect(document.events.first?.rows.map(\.name) == ["田雨桐", "宋明远", "贺思齐"])
        #expect(document.events.first?.rows.last?.roles == .attendee)
    }
}

@Suite("People who are not participants")
struct NonParticipantTests {
    @Test func bylinesAreReportersPhotographersAndEditors() {
        let document = extract("""
            本报讯(记者 林小溪 王一鸣)3月5日,市长江海潮主持召开全市春耕生产调度会。
            李青岚 摄
            责任编辑:周晓雯
            """)
        #expect(document.events.first?.rows == [Row("江海潮", .chair, ["市长"])])
        #expect(document.excluded == ["林小溪": .reporter, "王一鸣": .reporter, "李青岚": .photographer, "周晓雯": .editor])
    }

    @Test func peopleWhoseWordsAreStudiedAreOnlyMentioned() {
        let document = extract("4月2日,市委常委会召开会议,传达学习省委书记周正国同志重要讲话精神。市委书记钟文博主持会议并讲话。")
        #expect(document.events.first?.rows == [Row("钟文博", [.chair, .speaker], ["市委书记"])])
        #expect(document.excluded["周正国"] == .mentioned)
    }

    @Test func instructionsAreMentions() {
        let document = extract("4月2日,市长江海潮主持召开防汛会议。会议传达了副省长孟家辉作出的重要批示。")
        #expect(document.events.first?.rows.map(\.name) == ["江海潮"])
        #expect(document.excluded["孟家辉"] == .mentioned)
    }

    @Test func leaveOfAbsenceIsNotAttendance() {
        let document = extract("5月6日,市长江海潮主持召开市政府常务会议。副市长宋明远参加会议,副市长卢清远请假。")
        #expect(document.events.first?.rows.map(\.name) == ["江海潮", "宋明远"])
        #expect(document.excluded["卢清远"] == .mentioned)
    }

    @Test func meetingOnlyReferredToIsNoEvent() {
        let document = extract("6月1日,市委书记钟文博主持召开市委常委会会议,传达学习省委常委会会议精神。")
        #expect(document.events.map(\.name) == ["市委常委会会议"])
    }

    @Test func futureMeetingIsNoEvent() {
        let document = extract("市政府将于下月召开全市经济工作会议。")
        #expect(document.events.isEmpty)
    }
}

@Suite("Several events")
struct SeveralEventsTests {
    @Test func timelineGivesEachEventItsDateAndTime() {
        let document = extract("""
            时间:5月9日上午

            市长江海潮主持召开全市疫情防控调度会议。

            时间:5月9日下午

            市委书记钟文博到东湖区调研防汛工作。
            """, published: EventDate(year: 2024, month: 5, day: 10))
        #expect(document.events.count == 2)
        #expect(document.events[0].date == EventDate(year: 2024, month: 5, day: 9))
        #expect(document.events[0].timeOfDay == "上午")
        #expect(document.events[0].rows == [Row("江海潮", .chair, ["市长"])])
        #expect(document.events[1].kind == .visit)
        #expect(document.events[1].timeOfDay == "下午")
        #expect(document.events[1].place == "东湖区")
        #expect(document.events[1].rows == [Row("钟文博", .attendee, ["市委书记"])])
    }

    @Test func twoMeetingsChairedInOneSentence() {
        let document = extract("3月21日,县长田雨桐主持召开县政府党组(扩大)会议和县政府第9次常务会议。")
        #expect(document.events.map(\.name) == ["县政府党组(扩大)会议", "县政府第9次常务会议"])
        #expect(document.events.allSatisfy { $0.rows == [Row("田雨桐", .chair, ["县长"])] })
    }

    @Test func visitWithAccompanyingOfficials() {
        let document = extract("4月8日,省委副书记韩立峰到青山县调研乡村振兴工作。市委书记钟文博,市委常委、秘书长苏晓岚陪同调研。")
        #expect(document.events.count == 1)
        #expect(document.events[0].kind == .visit)
        #expect(document.events[0].place == "青山县")
        #expect(document.events[0].rows == [
            Row("韩立峰", .attendee, ["省委副书记"]),
            Row("钟文博", .attendee, ["市委书记"]),
            Row("苏晓岚", .attendee, ["市委常委", "秘书长"]),
        ])
    }

    @Test func receptionWithForeignNames() {
        let document = extract("9月5日下午,省长江海潮会见了越南驻南宁总领事阮文雄一行。省政府副秘书长艾力·买买提参加会见。")
        #expect(document.events.count == 1)
        #expect(document.events[0].kind == .other)
        #expect(document.events[0].name == "会见")
        #expect(document.events[0].rows.map(\.name) == ["江海潮", "阮文雄", "艾力·买买提"])
        #expect(document.events[0].rows.allSatisfy { $0.roles.contains(.attendee) })
    }

    @Test func videoMeetingsAreMarked() {
        let document = extract("6月2日,市疫情防控指挥部以视频形式召开第八次会议。市长江海潮提出要求。")
        #expect(document.events.first?.name == "市疫情防控指挥部第八次会议")
        #expect(document.events.first?.form == .video)
        #expect(document.events.first?.rows == [Row("江海潮", .speaker, ["市长"])])
    }
}

@Suite("Dates")
struct DateTests {
    @Test(arguments: [
        ("昨天下午", EventDate(year: 2024, month: 3, day: 1), "下午"),
        ("今天上午", EventDate(year: 2024, month: 3, day: 2), "上午"),
        ("2月28日晚", EventDate(year: 2024, month: 2, day: 28), "晚"),
        ("2023年12月30日", EventDate(year: 2023, month: 12, day: 30), nil),
        ("今天上午(3月1日)", EventDate(year: 2024, month: 3, day: 1), "上午"),
        ("今(2)日上午", EventDate(year: 2024, month: 3, day: 2), "上午"),
        ("昨（1）日", EventDate(year: 2024, month: 3, day: 1), nil),
    ] as [(String, EventDate?, String?)])
    func datesResolveAgainstThePublicationDate(phrase: String, expected: EventDate?, time: String?) {
        let document = extract("\(phrase),市委书记钟文博主持召开市委常委会会议。", published: EventDate(year: 2024, month: 3, day: 2))
        #expect(document.events.first?.date == expected)
        #expect(document.events.first?.timeOfDay == time)
    }

    @Test func dateLineGivesThePublicationDate() {
        let document = extract("发布日期:2021-06-05\n\n昨天,市长江海潮主持召开市政府常务会议。")
        #expect(document.published == EventDate(year: 2021, month: 6, day: 5))
        #expect(document.events.first?.date == EventDate(year: 2021, month: 6, day: 4))
    }

    @Test func dayOnlyNeedsAPublicationDate() {
        let text = "16日,市长江海潮主持召开市政府常务会议。"
        #expect(extract(text).events.first?.date == nil)
        #expect(extract(text, published: EventDate(year: 2022, month: 5, day: 17)).events.first?.date == EventDate(year: 2022, month: 5, day: 16))
    }
}

@Suite("Evidence")
struct EvidenceTests {
    @Test func offsetsPointAtTheSentenceAndTheName() {
        let text = "标题行\n\n5月16日,市长江海潮主持召开全市安全生产工作会议。副市长宋明远、贺思齐参加会议。"
        let document = extract(text)
        let scalars = Array(text.unicodeScalars)
        func slice(_ lower: Int, _ upper: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[lower..<upper])
            return String(view)
        }
        let participants = document.events.flatMap(\.participants)
        #expect(participants.count == 3)
        for participant in participants {
            let evidence = try! #require(participant.evidence.first)
            #expect(evidence.document == "test.txt")
            #expect(slice(evidence.start, evidence.end).replacingOccurrences(of: "\n", with: "") == evidence.sentence)
            #expect(slice(evidence.mentionStart!, evidence.mentionEnd!) == participant.name)
            #expect(evidence.sentence.contains(participant.name))
        }
    }
}

@Suite("Lists across clauses")
struct ListAcrossClausesTests {
    @Test func verbAfterSeveralListsAppliesToAll() {
        let document = extract("""
            3日,市委书记钟文博参加市人大会议东湖代表团会议。东湖团韩立峰、贝思远,西山团冉雪、宋明远等代表,围绕乡村振兴踊跃发言。
            """)
        let rows = document.events.first?.rows ?? []
        #expect(rows.map(\.name) == ["钟文博", "韩立峰", "贝思远", "冉雪", "宋明远"])
        #expect(rows.dropFirst().allSatisfy { $0.roles.contains(.speaker) })
        #expect(rows[1].titles == ["东湖团"] && rows[3].titles == ["西山团"])
    }

    @Test func leaderOfTheWholePartyIsOnlyMentioned() {
        let document = extract("5月2日,市长江海潮主持召开市政府常务会议,强调要牢记周正国总书记的嘱托要求。")
        #expect(document.events.first?.rows.map(\.name) == ["江海潮"])
        #expect(document.excluded["周正国"] == .mentioned)
    }

    @Test func speechCitedFromAnEarlierVisitIsAMention() {
        let document = extract("5月2日,市长江海潮主持召开市政府常务会议。会议要求,认真落实省委书记孟家辉在青山调研时的讲话精神。")
        #expect(document.events.first?.rows.map(\.name) == ["江海潮"])
        #expect(document.excluded["孟家辉"] == .mentioned)
    }
}
