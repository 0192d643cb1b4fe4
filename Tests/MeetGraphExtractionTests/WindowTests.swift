import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test; the names are made up.

/// Long texts are analysed in windows; a window length far below a real one makes short texts
/// windowed, so that windowed and whole analysis can be compared on texts written by hand.
@Suite("Windows of long texts")
struct WindowTests {
    /// Four reports, one per paragraph, each with its own meeting, date and people.
    static let reports = """
        本报讯(记者 林小溪)5月16日,市长江海潮主持召开全市安全生产工作会议并讲话。市委副书记韦立新出席会议并讲话。副市长宋明远、贺思齐参加会议。
        6月3日上午,县委常委会召开会议。会议由县委书记钟文博主持。县长田雨桐,县委副书记苏晓岚出席会议。
        7月2日,全市防汛工作推进会召开。市长程浩然主持会议。市委常委、常务副市长邱志远,副市长马晓光出席会议。
        9月9日,市委常委会召开会议。市委书记钟文博主持会议。市领导韩立峰、贝思远、欧阳明珠、冉雪等参加会议。
        """

    static func document(_ text: String, windowLength: Int? = nil) -> Document {
        let extractor = windowLength.map { Extractor(windowLength: $0) } ?? Extractor()
        return extractor.document(from: SourceText(name: "long.txt", text: text))
    }

    static func longestParagraph(_ text: String) -> Int {
        text.split(separator: "\n").map { $0.unicodeScalars.count }.max() ?? 0
    }

    @Test func windowsCutAtParagraphsGiveTheSameEventsAndEvidenceAsTheWholeText() throws {
        let length = Self.longestParagraph(Self.reports) + 10
        let scalars = NormalizedText(SourceText(name: "long.txt", text: Self.reports)).scalars
        #expect(DocumentWindows.ranges(of: scalars, length: length).count >= 3, "the test must cut the text")

        let whole = Self.document(Self.reports)
        let windowed = Self.document(Self.reports, windowLength: length)
        #expect(whole.events.count == 4)
        #expect(windowed.events.map(\.name) == whole.events.map(\.name))
        #expect(windowed.events.map(\.date) == whole.events.map(\.date))
        #expect(windowed.events.map(\.rows) == whole.events.map(\.rows))
        // Offsets count from the start of the document, not of the window.
        #expect(windowed.events.map { $0.participants.map(\.evidence) } == whole.events.map { $0.participants.map(\.evidence) })
        #expect(windowed.events.map(\.id) == ["e1", "e2", "e3", "e4"])
        #expect(windowed.excluded == whole.excluded)
        #expect(windowed.excluded["林小溪"] == .reporter)
    }

    @Test func evidenceOffsetsOfALaterWindowPointIntoTheWholeSource() throws {
        let windowed = Self.document(Self.reports, windowLength: Self.longestParagraph(Self.reports) + 10)
        let source = Array(Self.reports.unicodeScalars)
        let last = try #require(windowed.events.last?.participants.first { $0.name == "欧阳明珠" })
        let evidence = try #require(last.evidence.first)
        let start = try #require(evidence.mentionStart), end = try #require(evidence.mentionEnd)
        #expect(String(String.UnicodeScalarView(source[start..<end])) == "欧阳明珠")
        #expect(String(String.UnicodeScalarView(source[evidence.start..<evidence.end])) == evidence.sentence)
    }

    @Test func oneReportRepeatedOnOneLineMergesIntoOneEventAcrossWindows() throws {
        let report = "3月12日上午,市委常委会召开会议,市委书记欧阳振华主持会议并讲话。市长司马立新,市委常委、常务副市长周德胜出席会议。"
        let text = String(repeating: report, count: 40)
        let length = report.unicodeScalars.count * 3
        let scalars = NormalizedText(SourceText(name: "long.txt", text: text)).scalars
        let windows = DocumentWindows.ranges(of: scalars, length: length)
        #expect(windows.count >= 10)
        // No line break: every window ends after a sentence.
        for window in windows.dropLast() { #expect(scalars[window.upperBound - 1] == "。") }

        let whole = Self.document(text)
        let windowed = Self.document(text, windowLength: length)
        #expect(whole.events.count == 1)
        #expect(windowed.events.map(\.rows) == whole.events.map(\.rows))
        #expect(windowed.events.first?.rows.map(\.name) == ["欧阳振华", "司马立新", "周德胜"])
        // Each repetition is evidence for its chair, whichever window it fell in.
        let chair = try #require(windowed.events.first?.participants.first)
        #expect(chair.evidence.count == 40)
        #expect(Set(chair.evidence.map(\.start)).count == 40)
    }

    @Test func windowsCoverTheTextAndRespectTheLength() {
        let punctuated = Array(String(repeating: "市长司马立新出席会议,讲话。\n", count: 30).unicodeScalars)
        let unbroken = Array(String(repeating: "会议研究部署工作", count: 200).unicodeScalars)
        for scalars in [punctuated, unbroken] {
            for length in [1, 7, 50, 333, scalars.count, scalars.count + 5] {
                let windows = DocumentWindows.ranges(of: scalars, length: length)
                #expect(windows.first?.lowerBound == 0)
                #expect(windows.last?.upperBound == scalars.count)
                #expect(zip(windows, windows.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                #expect(windows.allSatisfy { !$0.isEmpty && $0.count <= length })
            }
        }
        // Line breaks are preferred; text with no break of any kind is cut at the length.
        #expect(DocumentWindows.ranges(of: punctuated, length: 50).dropLast().allSatisfy { punctuated[$0.upperBound - 1] == "\n" })
        #expect(DocumentWindows.ranges(of: unbroken, length: 333).dropLast().allSatisfy { $0.count == 333 })
    }

    @Test func textWithoutAnyBreakIsCutAndStillRead() {
        let report = "市委书记欧阳振华主持会议并讲话"
        let filler = String(repeating: "研究部署", count: 100)
        let text = filler + report + filler + report + filler
        let windowed = Self.document(text, windowLength: 300)
        let whole = Self.document(text)
        // Whatever the cut, the text is read to its end and names stay whole.
        #expect(windowed.events.flatMap(\.participants).allSatisfy { $0.name == "欧阳振华" })
        #expect(windowed.nonParticipants.allSatisfy { $0.name == "欧阳振华" })
        #expect(whole.events.flatMap(\.participants).map(\.name) == windowed.events.flatMap(\.participants).map(\.name))
    }
}
