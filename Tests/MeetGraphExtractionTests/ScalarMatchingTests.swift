import Foundation
@testable import MeetGraphExtraction
import Testing

/// The scalar-level matching that replaced Foundation's string searches in the extractor must
/// answer as the string functions did, or extraction output would change.
@Suite struct ScalarMatchingTests {
    private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test(arguments: ["市委常委会召开扩大会议", "召开召开举行", "举召开行", "专题会议", "", "召"])
    func removingWordsAgreesWithReplacingOccurrences(name: String) {
        let removed = scalars(name).removingAll(scalars("召开")).removingAll(scalars("举行"))
        let expected = name.replacingOccurrences(of: "召开", with: "").replacingOccurrences(of: "举行", with: "")
        #expect(String(scalars: removed) == expected)
    }

    @Test(arguments: [("全市视频会议", "视频", true), ("全省电视电话会议", "电视电话", true), ("电视会议", "电视电话", false),
                      ("视", "视频", false), ("", "视频", false)])
    func containsScalarsAgreesWithContains(text: String, word: String, found: Bool) {
        #expect(text.containsScalars(scalars(word)) == found)
        #expect(text.contains(word) == found)
    }

    @Test(arguments: [("本次会议", "本次"), ("该会议", "该"), ("全市大会", "全体"), ("会议", "本次"), ("", "该"),
                      // U+F900 is canonically equivalent to U+8C48: String.hasPrefix says yes, so must the quick path.
                      ("\u{F900}会议", "\u{8C48}"), ("本\u{301}次会议", "本次")])
    func determinerPrefixAgreesWithHasPrefix(written: String, prefix: String) {
        let text = scalars("在" + written)
        #expect(written.hasPrefix(scalars(prefix), writtenAt: 1, in: text) == written.hasPrefix(prefix))
    }

    @Test func namesWithoutWhiteSpaceAreWrittenAsTheyAre() {
        #expect(NameForms.written("宋明远") == "宋明远")
        #expect(NameForms.written("宋明\u{3000}远") == "宋明远")
        #expect(NameForms.written("Anna\u{A0}Berg") == "Anna Berg")
    }

    /// Every width of UTF-8 (1 to 4 bytes), on both sides of the 80 scalars encoded on the stack.
    @Test(arguments: ["", "a", "é", "会", "𠮷", "市长Anna·Berg𠮷é", String(repeating: "会", count: 16),
                      String(repeating: "𠮷", count: 16), String(repeating: "会", count: 17), String(repeating: "𠮷", count: 80), String(repeating: "会", count: 81), "副市长" + String(repeating: "é𠮷a", count: 30)])
    func stringFromScalarsIsTheString(text: String) {
        let all = scalars(text)
        #expect(String(scalars: all) == text)
        #expect(String(scalars: all[...]) == text)
        #expect(String(scalars: all.lazy.filter { _ in true }) == text)
        if all.count > 2 {
            #expect(String(scalars: all[1..<(all.count - 1)]) == String(String.UnicodeScalarView(all[1..<(all.count - 1)])))
        }
    }
}
