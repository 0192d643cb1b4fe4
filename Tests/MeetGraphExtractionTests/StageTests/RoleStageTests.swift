import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test; the names are made up.

@Suite("Stage: role reading")
struct RoleStageTests {
    /// What the role reading says of the first mention of `name` in `text`.
    private func finding(of name: String, in text: String) -> DocumentAnalysis.Finding? {
        let input = StageInput(text)
        var analysis = input.analysis()
        guard let mention = analysis.mentions.first(where: { input.text($0.range) == name }) else { return nil }
        return analysis.finding(for: mention)
    }

    private func roles(of name: String, in text: String) -> Roles? {
        if case let .roles(roles, _) = finding(of: name, in: text) { return roles }
        return nil
    }

    @Test func theVerbAfterANameGivesTheRole() {
        #expect(roles(of: "韦立川", in: "3月2日,市长韦立川主持召开常委会会议。") == .chair)
    }

    @Test func verbsJoinedByBingAddUp() {
        #expect(roles(of: "韦立川", in: "3月2日,市委召开常委会会议。市委书记韦立川出席会议并讲话。") == [.attendee, .speaker])
    }

    @Test func theSubjectSpeaksInALaterClause() {
        #expect(roles(of: "韦立川", in: "3月2日,市委书记韦立川主持召开常委会会议,强调要压实责任。") == [.chair, .speaker])
    }

    @Test func theVerbAfterAListReachesItsFirstName() {
        #expect(roles(of: "韦立川", in: "3月2日,市委召开常委会会议。韦立川、柯明远、郑小涵等出席会议。") == .attendee)
    }

    @Test func theVerbBeforeAListWithYouReachesIt() {
        #expect(roles(of: "柯明远", in: "3月2日,市委召开常委会会议,出席会议的有韦立川、柯明远、郑小涵。") == .attendee)
    }

    @Test func aPersonWhoseWordsAreStudiedIsOnlyMentioned() {
        guard case .mentioned = finding(of: "韦立川", in: "3月2日,市委召开常委会会议,传达学习韦立川同志讲话精神。") else {
            Issue.record("expected .mentioned")
            return
        }
    }

    @Test func aPersonWhoSentSomeoneElseIsOnlyMentioned() {
        guard case .mentioned = finding(of: "韦立川", in: "3月2日,全市安全生产工作会议召开。受市长韦立川委托,副市长柯明远出席会议。") else {
            Issue.record("expected .mentioned")
            return
        }
    }
}
