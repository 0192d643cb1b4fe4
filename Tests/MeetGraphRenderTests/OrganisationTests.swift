import Testing
@testable import MeetGraphRender

/// People are coloured by the body their first placing title names.
@Suite struct OrganisationTests {
    @Test(arguments: [
        (["市委书记"], Organisation.party),
        (["区委常委", "宣传部部长"], .party),
        (["市委副书记", "市长"], .party),
        (["副市长"], .government),
        (["县人民政府办公室主任"], .government),
        (["市人大常委会党组书记"], .peoplesCongress),
        (["区政协副主席"], .cppcc),
        (["企业代表"], .other),
        ([], .other),
        (["董事长", "区长"], .government),
    ])
    func titlesPlacePeople(titles: [String], expected: Organisation) {
        #expect(Organisation(titles: titles) == expected)
    }
}
