/// Single function words that stages test by name (等 after a list, 在, 上, 了, 分别, 并, 的, 他), from
/// `Resources/function-words.txt`: the Swift code says what a word does, the file how it is written.
struct FunctionWords: Sendable {
    /// 等: ends a list of names (甲、乙等参加).
    let etc: Unicode.Scalar
    /// 在: before a place or an event (在会上).
    let at: Unicode.Scalar
    /// 上: after an event's name, at that event (会议上).
    let on: Unicode.Scalar
    /// 了: after a verb, the action is done (听取了).
    let perfective: Unicode.Scalar
    /// 分别, "respectively": each person before it has an event of their own.
    let respectively: [Unicode.Scalar]
    /// 并: joins two verbs of one person (主持会议并讲话).
    let alsoJoins: Unicode.Scalar
    /// 的: joins a modifier to what follows (调研时的讲话).
    let of: Unicode.Scalar
    /// 他, 她: the person the text was last about.
    let he: Unicode.Scalar
    let she: Unicode.Scalar
    /// 们: after 他 or 她, several people (他们).
    let plural: Unicode.Scalar
    /// 和, 及, 与: join the last name of a list.
    let joiners: Set<Unicode.Scalar>
    /// 与, 同, 和: before those a host meets (与企业家代表共进早餐).
    let companions: Set<Unicode.Scalar>
    /// 率: a visit's leader before it (某某率代表团).
    let leads: Unicode.Scalar
    /// 关于: the subject of a report (某某关于…的报告).
    let about: [Unicode.Scalar]
    /// 精神: a speech or meeting cited, not given (讲话精神).
    let spirit: [Unicode.Scalar]

    /// Whether `scalar` is 他 or 她.
    func isPersonalPronoun(_ scalar: Unicode.Scalar) -> Bool { scalar == he || scalar == she }

    /// The shipped words.
    static let shared = FunctionWords()

    private init() {
        var words: [String: [Unicode.Scalar]] = [:]
        for columns in Lexicons.rows("function-words", columns: 2) { words[columns[0]] = Array(columns[1].unicodeScalars) }
        func word(_ name: String) -> [Unicode.Scalar] {
            guard let word = words[name], !word.isEmpty else {
                preconditionFailure("MeetGraphExtraction: Resources/function-words.txt has no word named “\(name)”")
            }
            return word
        }
        func character(_ name: String) -> Unicode.Scalar {
            let found = word(name)
            precondition(found.count == 1, "MeetGraphExtraction: Resources/function-words.txt: “\(name)” must be one character")
            return found[0]
        }
        etc = character("etc")
        at = character("at")
        on = character("on")
        perfective = character("perfective")
        respectively = word("respectively")
        alsoJoins = character("alsoJoins")
        of = character("of")
        he = character("he")
        she = character("she")
        plural = character("plural")
        joiners = Set(word("joiners"))
        companions = Set(word("companions"))
        leads = character("leads")
        about = word("about")
        spirit = word("spirit")
    }
}
