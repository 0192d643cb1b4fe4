import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test; the names are made up.

@Suite("Stage: names and titles")
struct NameStageTests {
    @Test func aNameAfterATitleIsFoundWithItsTitle() {
        let input = StageInput("3月2日,市委书记韦立川主持召开常委会会议。")
        let found = input.names()
        #expect(found.mentions.map { input.text($0.range) } == ["韦立川"])
        #expect(found.mentions.first.map { found.titles[$0.titles].map(input.text) } == ["市委书记"])
    }

    @Test func aTitleSharedByAListBelongsToEveryName() {
        let input = StageInput("副市长韦立川、柯明远、郑小涵参加会议。")
        let found = input.names()
        #expect(found.mentions.map { input.text($0.range) } == ["韦立川", "柯明远", "郑小涵"])
        // One list: one list number, one title range shared.
        #expect(Set(found.mentions.map(\.list)).count == 1)
        #expect(Set(found.mentions.map(\.titles)).count == 1)
    }

    @Test func aNameBeforeARoleVerbIsFoundWithoutATitle() {
        let input = StageInput("会议由柯明远主持。柯明远强调,要压实责任。")
        let found = input.names()
        #expect(found.mentions.map { input.text($0.range) } == ["柯明远", "柯明远"])
        #expect(found.mentions[0].name == found.mentions[1].name)
    }

    @Test func anUntitledListOfThreeIsFound() {
        let input = StageInput("韦立川、柯明远、郑小涵等参加会议。")
        #expect(input.names().mentions.map { input.text($0.range) } == ["韦立川", "柯明远", "郑小涵"])
    }

    @Test func aBylineNameIsNotAMention() {
        let input = StageInput("本报讯(记者 柯明远)3月2日,市长韦立川主持召开会议。")
        let found = input.names()
        #expect(found.bylines.map { input.text($0.range) } == ["柯明远"])
        #expect(found.bylines.first?.reason == .reporter)
        #expect(found.mentions.map { input.text($0.range) } == ["韦立川"])
    }
}
