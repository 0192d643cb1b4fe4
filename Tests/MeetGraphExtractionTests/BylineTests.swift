import MeetGraph
import Testing
@testable import MeetGraphExtraction

// Every text here is invented for the test; the names are made up.

@Suite("Bylines as typeset")
struct BylineTypesettingTests {
    static let meeting = "5月9日,区长办公会召开。区长韩立平主持会议。"

    @Test func reporterWhoTookThePictureIsAPhotographer() {
        let document = extract(Self.meeting + "\n新华社记者 孟达 摄\n")
        #expect(document.excluded["孟达"] == .photographer)
    }

    @Test(arguments: ["(记者冯 涛)", "(冯 涛)"])
    func twoCharacterNamePaddedWithASpace(byline: String) {
        let document = extract(Self.meeting + byline + "\n")
        #expect(document.excluded["冯涛"] == .reporter)
        #expect(document.events.first?.participants.map(\.name) == ["韩立平"])
    }

    @Test func writerBeforeASlashAndThePaper() {
        let document = extract("区长办公会召开\n祁海燕/东湖晚报微信公号\n" + Self.meeting)
        #expect(document.excluded["祁海燕"] == .reporter)
        #expect(document.events.first?.participants.map(\.name) == ["韩立平"])
    }

    @Test func writerAndPhotographerInOneBracket() {
        let document = extract(Self.meeting + "\n(摄影:许志远 文字:韩露)\n")
        #expect(document.excluded["许志远"] == .photographer)
        #expect(document.excluded["韩露"] == .reporter)
    }
}
