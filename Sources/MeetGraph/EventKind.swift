/// What sort of gathering an event is, as GUIDELINE.md defines the kinds.
public enum EventKind: String, Codable, Sendable, CaseIterable {
    /// Any 会议: 常委会, 座谈会, 调度会, 推进会, 发布会, 学习会, 视频会 …
    case meeting
    /// A leader going somewhere: 调研, 暗访, 督导, 视察, 检查, 慰问, 走访, 考察.
    case visit
    /// Receptions (会见, 会谈), signing and opening ceremonies and the like.
    case other
}

/// How an event was held, when the text says so.
public enum EventForm: String, Codable, Sendable, CaseIterable {
    /// 视频形式, 视频会议, 电视电话会议.
    case video
}

/// Why a named person is not a participant of any event.
public enum NonParticipation: String, Codable, Sendable, CaseIterable {
    /// 记者, 通讯员, 作者 in a byline.
    case reporter
    /// X 摄, 摄影.
    case photographer
    /// 编辑, 责任编辑, 文字整理, 制图.
    case editor
    /// Referred to but not present: whose speech is studied, who sent instructions, 请假.
    case mentioned
}

/// Whether a text is written in simplified or traditional characters.
public enum Script: String, Codable, Sendable, CaseIterable {
    /// Simplified characters (简体), as mainland reports use.
    case simplified
    /// Traditional characters (繁體).
    case traditional
}
