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

    /// A word ending at a position, found in the trie of the words spelled backwards, is the one
    /// the forward trie finds by trying every length, the longest first, with the same lower bound.
    @Test(arguments: ["在传达学习会议上", "召开了市委常委会扩大会议", "由市长和副市长主持", "举行开幕式的", "发展和改革委员会主任",
                      "召召开开", "", "了"])
    func backwardLookupFindsTheLongestWordEndingThere(text: String) {
        var forward = ScalarTrie<Int>()
        var backward = ScalarTrie<Int>()
        for (number, word) in ["召开", "开", "召开了", "了", "在", "上", "会议", "扩大会议", "常委会", "和", "改革", "会", "主持", "由", "的", "开幕式"].enumerated() {
            forward.insert(word, number)
            backward.insert(reversing: word, number)
        }
        let text = scalars(text)
        for end in 0...text.count {
            for lower in 0...end {
                let expected = forward.longestMatch(in: text, endingAt: end, notBefore: lower)
                let found = backward.longestMatch(in: text, backwardsFrom: end, notBefore: lower)
                #expect(found?.length == expected?.length && found?.value == expected?.value, "ending at \(end), not before \(lower)")
            }
        }
    }
}

private extension ScalarTrie {
    /// The longest entry that ends exactly at `end` (looking back at most `longestEntry` scalars),
    /// found by trying every length: the reference that `longestMatch(in:backwardsFrom:notBefore:)`
    /// must agree with.
    func longestMatch(in scalars: [Unicode.Scalar], endingAt end: Int, notBefore lower: Int = 0) -> (length: Int, value: Value)? {
        guard end > lower else { return nil }
        var length = min(longestEntry, end - lower)
        while length > 0 {
            // The first-scalar filter spares the walks of most lengths.
            if mayStart(with: scalars[end - length]), let value = value(for: scalars[(end - length)..<end]) { return (length, value) }
            length -= 1
        }
        return nil
    }
}
