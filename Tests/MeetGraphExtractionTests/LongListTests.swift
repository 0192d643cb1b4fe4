import MeetGraph
import Testing
@testable import MeetGraphExtraction

// The names are made up from a few surnames and given-name characters.

@Suite("Long lists of names")
struct LongListTests {
    /// `count` distinct invented names.
    private static func names(_ count: Int) -> [String] {
        var result: [String] = []
        outer: for surname in "王李张刘陈杨黄赵吴周" {
            for first in "小大立春海文明振子浩" {
                for second in "明伟新燕波静华宇涵然" where second != first {
                    if result.count == count { break outer }
                    result.append(String([surname, first, second]))
                }
            }
        }
        return result
    }

    /// One sentence listing hundreds of names: every one attends, with the verb after the list.
    /// (Reading each name's roles once searched every other name at every offset: a list this
    /// long took minutes in a debug build.)
    @Test func everyNameOfAVeryLongListAttends() {
        let listed = Self.names(900)
        let document = extract("3月2日,市委召开常委会会议。" + listed.joined(separator: "、") + "等出席会议。")
        #expect(document.events.count == 1)
        #expect(document.events.first?.participants.map(\.name) == listed)
        #expect(document.events.first?.participants.allSatisfy { $0.roles == .attendee } == true)
    }

    /// The verb before the list (出席会议的有A、B、C) reaches every name of a long list.
    @Test func aVerbBeforeALongListReachesEveryName() {
        let listed = Self.names(300)
        let document = extract("3月2日,市委召开常委会会议,出席会议的有" + listed.joined(separator: "、") + "。")
        #expect(document.events.first?.participants.map(\.name) == listed)
    }

    /// A list whose names carry titles, joined by commas: each keeps its title, all attend.
    @Test func aLongListOfTitledNamesSeparatedByCommas() {
        let listed = Self.names(200)
        let text = "3月2日,市委召开常委会会议。" + listed.map { "副市长\($0)" }.joined(separator: ",") + "参加会议。"
        let document = extract(text)
        #expect(document.events.first?.rows == listed.map { Row($0, .attendee, ["副市长"]) })
    }
}
