import Foundation

/// Small news texts written for these tests, in the style of local party newspapers, with invented names.
enum Fixtures {
    /// A county government meeting: a chair who speaks and four attendees.
    static let standingMeeting = """
        本报讯(记者 林小雨)3月2日,县政府召开第12次常务会议。县长韩立平主持会议并讲话。副县长朱文静、钱卫东、\
        宋雅琴参加会议。县政府党组成员邓海川列席会议。
        """

    /// A party committee meeting on another day, sharing two people with the first.
    static let partyMeeting = """
        本报讯(记者 周明)3月5日,县委常委会召开会议。县委书记高振宇主持会议。县委副书记、县长韩立平,\
        县委常委、副县长朱文静等参加会议。
        """

    /// A town meeting of two people who attend nothing else: no chain leads to them.
    static let farAwayMeeting = """
        本报讯(记者 程晓)4月1日,镇政府召开防汛工作会议。镇长孔德明主持会议。副镇长包晓梅参加会议。
        """

    /// The people of ``farAwayMeeting``.
    static let farAwayPeople = ["孔德明", "包晓梅"]

    /// Writes each text into `folder` as `NAME.txt` and returns the folder.
    @discardableResult
    static func write(_ texts: [String: String], to folder: URL) throws -> URL {
        for (name, text) in texts {
            try text.write(to: folder.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
        }
        return folder
    }
}
