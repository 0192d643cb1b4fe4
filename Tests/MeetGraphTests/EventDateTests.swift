import Testing
@testable import MeetGraph

/// Issue 18, item 11: only days that exist are dates.
@Suite struct EventDateTests {
    @Test(arguments: ["2022-02-30", "2022-02-29", "2023-04-31", "1900-02-29", "06-31", "02-30", "2022-11-31"])
    func impossibleDaysAreNotDates(text: String) {
        #expect(EventDate(text) == nil)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "02-29", "2022-01-31", "2022-12-31", "2022-04-30"])
    func possibleDaysAreDates(text: String) {
        #expect(EventDate(text)?.description == text)
    }
}
