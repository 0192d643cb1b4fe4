import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test; the names are made up.

@Suite("One person, however the name is spelled")
struct NameIdentityTests {
    @Test func compatibilityIdeographSpellsTheSameName() throws {
        // 隆 written once as U+9686 and once as the compatibility ideograph U+F9DC: the same
        // name (canonically equivalent), so one person with both roles.
        let document = extract("8月2日,市长江海隆主持召开市政府常务会议。副市长宋明远、江海\u{F9DC}参加会议。")
        let event = try #require(document.events.first)
        #expect(event.participants.count == 2)
        #expect(event.participants.first?.roles == [.chair, .attendee])
    }

    @Test func differentLastCharacterIsAnotherPerson() throws {
        let document = extract("8月2日,市长江海隆主持召开市政府常务会议。副市长宋明远、江海莲参加会议。")
        let event = try #require(document.events.first)
        #expect(event.rows.map(\.name) == ["江海隆", "宋明远", "江海莲"])
    }

    @Test func bylineNameIsNotAParticipantElsewhere() {
        // The reporter's name also appears in the text: it stays a byline name.
        let document = extract("""
            本报记者 沈秋白
            8月2日,市长江海隆主持召开市政府常务会议。副市长宋明远参加会议。沈秋白参加会议。
            """)
        #expect(document.excluded["沈秋白"] == .reporter)
        #expect(document.events.first?.rows.map(\.name) == ["江海隆", "宋明远"])
    }

    @Test(arguments: ["\u{9686}", "\u{F9DC}", "·"])
    func nameTableComparesAsStringsDo(last: String) {
        let text = Array("江海隆,江海\(last)".unicodeScalars)
        var table = NameTable<Int>()
        #expect(table.insertIfAbsent(0..<3, in: text, 1) == (1, true))
        let again = table.insertIfAbsent(4..<7, in: text, 2)
        let sameString = String(scalars: text[0..<3]) == String(scalars: text[4..<7])
        #expect(again.isNew == !sameString)
        #expect(again.value == (sameString ? 1 : 2))
    }
}
