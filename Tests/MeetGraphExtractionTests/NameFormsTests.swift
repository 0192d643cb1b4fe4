@testable import MeetGraphExtraction
import Testing

@Suite struct NameFormsTests {
    @Test(arguments: [("張文華", "张文华"), ("陳立國", "陈立国"), ("张文华", "张文华"), ("Anna Berg", "Anna Berg")])
    func traditionalAndSimplifiedSpellingsShareAKey(name: String, key: String) {
        #expect(NameForms.simplifiedKey(name) == key)
    }

    @Test(arguments: [("黎志\n强", "黎志强"), ("韦 舟", "韦舟"), ("Anna\nBerg", "Anna Berg"), ("克劳斯·施密特", "克劳斯·施密特")])
    func layoutBreaksAreNotPartOfAName(original: String, written: String) {
        #expect(NameForms.written(original) == written)
    }
}
