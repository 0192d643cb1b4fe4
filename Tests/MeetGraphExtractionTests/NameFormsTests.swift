import MeetGraphExtraction
import Testing

@Suite struct NameFormsTests {
    @Test(arguments: [("張文華", "张文华"), ("陳立國", "陈立国"), ("张文华", "张文华"), ("Anna Berg", "Anna Berg")])
    func traditionalAndSimplifiedSpellingsShareAKey(name: String, key: String) {
        #expect(NameForms.simplifiedKey(name) == key)
    }
}
