import Testing
@testable import MeetGraphExtraction

@Suite("Word lists")
struct WordListTests {
    @Test func commentsAndBlankLinesAreSkipped() throws {
        let list = try WordList(parsing: "# heading\n\n会议\n  大会  \n# 会\n", file: "test")
        #expect(list.count == 2)
        #expect(list.contains(Array("大会".unicodeScalars)))
        #expect(!list.contains(Array("会".unicodeScalars)))
    }

    @Test func twoWordsOnOneLineAreRejectedWithTheLine() {
        #expect(throws: WordList.Problem.notOneWord(file: "test", line: 3, text: "会议 大会")) {
            try WordList(parsing: "# heading\n会见\n会议 大会\n", file: "test")
        }
    }

    @Test func aFileWithoutWordsIsRejected() {
        #expect(throws: WordList.Problem.empty(file: "test")) { try WordList(parsing: "# only a comment\n", file: "test") }
    }

    @Test func theFirstScalarFilterFollowsTheWords() {
        let list = WordList(["召开", "举行"])
        #expect(list.mayStart("召") && list.mayStart("举"))
        #expect(!list.mayStart("开"))
        // A new word needs no edit elsewhere: its first scalar is known at once.
        let longer = list + WordList(["开幕"])
        #expect(longer.mayStart("开"))
    }

    @Test func theLongestWordStartingOrEndingHereIsFound() {
        let text = Array("会议上强调并且要求".unicodeScalars)
        let subjects = WordList(["会议", "会议上"])
        #expect(subjects.longestMatch(at: 0, in: text).map { String(String.UnicodeScalarView($0)) } == "会议上")
        #expect(subjects.matches(at: 0, in: text).count == 2)
        #expect(WordList(["并", "并且"]).longestMatch(at: 5, in: text)?.count == 2)
        #expect(WordList(["强调"]).endsWord(at: 5, in: text))
        #expect(WordList(["要求"]).occurs(in: 0..<text.count, of: text))
        #expect(!WordList(["要求"]).occurs(in: 0..<7, of: text))
    }

    @Test func aListWhoseEarlierLinesWinFindsTheEarlierLineFirst() {
        let text = Array("在县里来到村中".unicodeScalars)
        let found = WordList(["来到", "在"]).firstFound(in: 0..<text.count, of: text)
        #expect(found?.start == 3)
    }

    @Test(arguments: ["study-words", "titles-after-name", "place-words", "surnames", "titles", "not-in-names"])
    func everyShippedListLoads(name: String) {
        #expect(WordList(resource: name).count > 0)
    }
}
