import MeetGraph
import Testing

@Suite struct EvidenceProofTests {
    let headline = Evidence(document: "a.txt", sentence: "韩立平主持召开区长办公会", start: 0, end: 12)
    let body = Evidence(document: "a.txt", sentence: "5月9日,区长韩立平主持召开区长办公会。", start: 13, end: 33)
    let list = Evidence(document: "a.txt", sentence: "副区长邵文涛、祁海燕参加会议。", start: 34, end: 49)

    @Test func aBodySentenceIsPreferredToTheHeadline() {
        #expect([headline, body].bestProof() == body)
    }

    @Test func aSentenceNamingBothPeopleIsPreferred() {
        let other = [Evidence(document: "a.txt", sentence: list.sentence, start: 34, end: 49)]
        #expect([headline, body, list].bestProof(sharedWith: other) == list)
    }

    @Test func withOnlyAHeadlineTheHeadlineIsShown() {
        #expect([headline].bestProof() == headline)
        #expect([Evidence]().bestProof() == nil)
    }
}
