/// The body a person's titles place them in, used to colour people in pictures.
///
/// Inferred from words in titles, not from names: `市委副书记` → party, `副市长` → government.
public enum Organisation: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Party committees and their organs: 市委, 党委, 党组, 纪委 …
    case party
    /// People's governments and their departments: 政府, 市长, 县长, 区长 …
    case government
    /// People's congresses: 人大.
    case peoplesCongress
    /// The political consultative conferences: 政协.
    case cppcc
    /// Anything else, or no title.
    case other

    /// Words that place a title, most specific body first: `市人大常委会党组书记` holds 党组 but is a
    /// people's congress post, so 人大 and 政协 are looked for before the party and government words.
    static let keywords: [(Organisation, [String])] = [
        (.peoplesCongress, ["人大"]),
        (.cppcc, ["政协"]),
        (.party, ["市委", "党委", "省委", "县委", "区委", "州委", "党组", "纪委", "党工委", "书记"]),
        (.government, ["政府", "省长", "市长", "县长", "区长", "州长", "乡长", "镇长", "厅长", "局长"]),
    ]

    /// The organisation of the first of `titles` that names one; ``other`` when none does.
    ///
    /// Titles keep the order they were first written in, and reports give the principal post
    /// first (`市委副书记、市长`: party).
    public init(titles: [String]) {
        for title in titles {
            for (organisation, words) in Self.keywords where words.contains(where: title.contains) {
                self = organisation
                return
            }
        }
        self = .other
    }

    /// How the legend names it, in English and Chinese.
    public var legendName: String {
        switch self {
        case .party: "Party 党委"
        case .government: "Government 政府"
        case .peoplesCongress: "People's Congress 人大"
        case .cppcc: "CPPCC 政协"
        case .other: "Other 其他"
        }
    }

    /// Fill colour of the person's node: light, so that black text stays readable.
    var fillColor: String {
        switch self {
        case .party: "#f4a6a6"
        case .government: "#9ecae1"
        case .peoplesCongress: "#fdd49e"
        case .cppcc: "#b8e0b0"
        case .other: "#dddddd"
        }
    }

    /// Outline colour: a darker shade of the fill.
    var lineColor: String {
        switch self {
        case .party: "#b22222"
        case .government: "#2b6ca3"
        case .peoplesCongress: "#c77c02"
        case .cppcc: "#3a8a3a"
        case .other: "#777777"
        }
    }

    /// Legend order: the order of the cases.
    public static func < (lhs: Organisation, rhs: Organisation) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
