import Testing
import MeetGraph
@testable import MeetGraphExtraction

@Suite struct PublicationDateTests {
    @Test(arguments: [
        ("2022-05-17-县政府常务会议.txt", "2022-05-17"), ("20220517.txt", "2022-05-17"),
        ("news/2022_5_7_a.txt", "2022-05-07"), ("报道-20191203.txt", "2019-12-03"),
        ("a.txt", nil), ("123202205170.txt", nil), ("20221341.txt", nil), ("2022/05/17/a.txt", nil),
    ] as [(String, String?)])
    func fileNames(name: String, expected: String?) {
        #expect(PublicationDate.inFileName(name)?.description == expected)
    }

    @Test(arguments: [
        ("http://www.example.gov.cn/xwzx/2022-05/17/content_123.htm", "2022-05-17"),
        ("https://example.cn/2019/12/03/art_1.html", "2019-12-03"),
        ("http://example.cn/gzdt/202205/t20220517_4567.html", "2022-05-17"),
        ("http://example.cn/202205/17/c_1.htm", "2022-05-17"),
        ("http://20220517.example.cn/a.html", nil), ("http://example.cn/a/b_1234.html", nil),
    ] as [(String, String?)])
    func urls(url: String, expected: String?) {
        #expect(PublicationDate.inURL(url)?.description == expected)
    }

    @Test(arguments: [
        ("2017-01-09 15:40", "2017-01-09"), ("2017年1月9日 星期一", "2017-01-09"), ("  2017/01/09  ", "2017-01-09"),
        ("2017-01-09 县政府召开会议", nil), ("来源:本报 2017-01-09", nil),
    ] as [(String, String?)])
    func dateLines(line: String, expected: String?) {
        #expect(PublicationDate.dateLine(line)?.description == expected)
    }

    @Test func sourcesAreTriedInOrder() {
        let text = "县政府召开会议\nhttp://example.cn/2020-03/04/c.htm\n2019-02-03 10:00\n正文"
        let option = EventDate("2023-01-02")
        let manifest = EventDate("2022-01-02")
        func origin(_ option: EventDate?, _ manifest: EventDate?, _ file: String, _ url: String?, _ text: String)
            -> String? {
            PublicationDate.resolve(option: option, manifest: manifest, fileName: file, url: url, text: text)
                .map { "\($0.origin.rawValue) \($0.date)" }
        }
        #expect(origin(option, manifest, "2021-01-02.txt", nil, text) == "option 2023-01-02")
        #expect(origin(nil, manifest, "2021-01-02.txt", nil, text) == "manifest 2022-01-02")
        #expect(origin(nil, nil, "2021-01-02.txt", nil, text) == "fileName 2021-01-02")
        #expect(origin(nil, nil, "a.txt", "http://example.cn/2018-06/07/c.htm", text) == "url 2018-06-07")
        #expect(origin(nil, nil, "a.txt", nil, text) == "url 2020-03-04")
        #expect(origin(nil, nil, "a.txt", nil, "县政府召开会议\n2019-02-03 10:00\n正文") == "dateLine 2019-02-03")
        #expect(origin(nil, nil, "a.txt", nil, "县政府召开会议\n正文") == nil)
    }
}
