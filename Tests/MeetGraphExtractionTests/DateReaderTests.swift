import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test.

@Suite("Date phrases in a sentence")
struct DateReaderTests {
    private func phrases(_ text: String) -> [DatePhrase] {
        let scalars = Array(text.unicodeScalars)
        return DateReader.phrases(in: scalars, range: 0..<scalars.count)
    }

    private func first(_ text: String) -> DatePhrase? {
        let scalars = Array(text.unicodeScalars)
        return DateReader.firstPhrase(in: scalars, range: 0..<scalars.count)
    }

    @Test func fullDateWithTimeOfDay() {
        let found = phrases("2023年3月29日上午,市委召开常委会会议。")
        #expect(found.map(\.value) == [.absolute(year: 2023, month: 3, day: 29)])
        #expect(found.first?.timeOfDay == "上午")
        #expect(found.first?.range == 0..<12)
    }

    @Test func dayInChineseNumerals() {
        #expect(phrases("五月二十三日下午,座谈会在县里举行。").map(\.value) == [.absolute(year: nil, month: 5, day: 23)])
    }

    @Test func numbersThatAreNoDates() {
        // A count, a numbered date without a day unit, a number that runs on and a year alone are not dates.
        #expect(phrases("一行三人到场,名单见2020-01-27公告,编号123456日。").isEmpty)
        #expect(phrases("1800年").isEmpty)
    }

    @Test func relativeDayAndTheDateInBrackets() {
        let found = first("今天上午(12月26日),区长来到社区。")
        #expect(found?.value == .absolute(year: nil, month: 12, day: 26))
        #expect(found?.timeOfDay == "上午")
        #expect(found?.range == 0..<11)
        #expect(first("昨天,区里开会。")?.value == .relative(days: -1))
        #expect(first("当天晚上,市里开会。")?.value == .relative(days: 99))
    }

    @Test func firstPhraseAgreesWithAllPhrases() {
        for text in ["前往园区调研,3日下午召开会议,5日结束。", "当地于前天举行仪式。", "今(20)日上午开幕。", "没有日期。"] {
            #expect(first(text) == phrases(text).first, "\(text)")
        }
    }
}
