import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test; the names are made up.

@Suite("Stage: event triggers")
struct EventStageTests {
    /// The triggers of the input's first sentence.
    private func triggers(_ text: String) -> [EventTrigger] {
        let input = StageInput(text)
        let mentions = input.names().mentions
        let finder = EventFinder(scalars: input.scalars, mentions: mentions, original: { input.text($0) })
        let sentence = input.sentences[0]
        return finder.triggers(in: sentence, mentionsInSentence: mentions.filter { $0.sentence == 0 })
    }

    @Test func aConvenedMeetingIsATriggerWithoutItsVerb() {
        let found = triggers("3月2日,市长韦立川主持召开全市安全生产工作会议。")
        #expect(found.map(\.kind) == [.meeting])
        #expect(found.first?.name == "全市安全生产工作会议")
        #expect(found.first?.refersBack == false)
    }

    @Test func theOrganiserJoinsTheNameOfWhatItConvenes() {
        #expect(triggers("3月2日,市委常委会召开扩大会议。").first?.name == "市委常委会扩大会议")
    }

    @Test func aMeetingOnlyReferredToIsNoTrigger() {
        #expect(triggers("会议传达学习了全省安全生产工作会议精神。").isEmpty)
    }

    @Test func aFutureMeetingIsNoTrigger() {
        #expect(triggers("全市安全生产工作会议将于下周召开。").isEmpty)
    }

    @Test func attendingTheBareMeetingRefersBack() {
        let found = triggers("副市长柯明远出席会议。")
        #expect(found.count == 1)
        #expect(found.first?.refersBack == true)
    }

    @Test func aVisitIsNamedByItsVerbAndLedByThePersonBeforeIt() {
        let found = triggers("3月2日,市委书记韦立川到青山乡调研乡村振兴工作。")
        #expect(found.map(\.kind) == [.visit])
        #expect(found.first?.place == "青山乡")
        #expect(found.first?.leader != nil)
    }
}

@Suite("Stage: event tracking and dates")
struct TrackingStageTests {
    @Test func aDateCarriesOverForThreeSentences() {
        var tracker = EventTracker()
        #expect(!tracker.dateCarriesOver(to: 0))
        tracker.lastDateSentence = 2
        #expect(tracker.dateCarriesOver(to: 2 + EventTracker.dateReach))
        #expect(!tracker.dateCarriesOver(to: 3 + EventTracker.dateReach))
    }

    @Test func noDateWrittenBeforeTheFirstDate() {
        var tracker = EventTracker()
        #expect(tracker.noDateWritten(after: 0))
        tracker.lastDateSentence = 4
        #expect(tracker.noDateWritten(after: 4) && !tracker.noDateWritten(after: 3))
    }

    @Test func theSameMeetingNamedTwiceIsOneEvent() {
        let analysis = StageInput("3月2日,市长韦立川主持召开全市安全生产工作会议。全市安全生产工作会议要求,压实责任。").analysis()
        #expect(analysis.drafts.count == 1)
        #expect(analysis.drafts.first?.date == EventDate(year: nil, month: 3, day: 2))
    }

    @Test func aNewDateMakesTheSameNameAnotherEvent() {
        let analysis = StageInput("3月2日,柯明远主持召开安全生产调度会。3月9日,柯明远主持召开安全生产调度会。").analysis()
        #expect(analysis.drafts.count == 2)
    }

    @Test(arguments: [
        ("第四场集体采访", "新闻中心第四场集体采访", true),
        ("集体采访", "新闻中心集体采访", false),
        ("常委会会议", "常委会会议", true),
    ])
    func aShorterNameEndingALongerOneIsTheSameEvent(shorter: String, longer: String, same: Bool) {
        #expect(EventMerging.sameName(Array(shorter.unicodeScalars), Array(longer.unicodeScalars), sameKind: true) == same)
    }

    @Test func unknownDatesAgreeWithAnyDate() {
        let date = EventDate(year: 2026, month: 3, day: 2)
        #expect(EventMerging.datesAgree(nil, "上午", with: date, nil))
        #expect(!EventMerging.datesAgree(date, nil, with: EventDate(year: 2026, month: 3, day: 9), nil))
        #expect(!EventMerging.datesAgree(date, "上午", with: date, "下午"))
    }
}
