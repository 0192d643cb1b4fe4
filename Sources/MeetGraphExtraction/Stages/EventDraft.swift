import MeetGraph

// An event as it is built, sentence by sentence.
extension DocumentAnalysis {
    /// An event being built.
    struct EventDraft {
        var kind: EventKind
        /// Normalised name, to recognise the same event.
        var name: String {
            didSet { nameScalars = Array(name.unicodeScalars) }
        }
        /// The scalars of ``name``, for matching against the text without building Strings.
        private(set) var nameScalars: [Unicode.Scalar]
        /// The name as written.
        var writtenName: String
        var date: EventDate?
        var timeOfDay: String?
        var place: String?
        var isVideo: Bool
        var fromHeadline: Bool
        var hasBodyTrigger: Bool
        var sentence: Int
        var nameSpans: [Range<Int>]
        var participants: [ParticipantDraft] = []

        init(kind: EventKind, name: String, writtenName: String, date: EventDate?, timeOfDay: String?, place: String?,
             isVideo: Bool, fromHeadline: Bool, hasBodyTrigger: Bool, sentence: Int, nameSpans: [Range<Int>]) {
            self.kind = kind
            self.name = name
            nameScalars = Array(name.unicodeScalars)
            self.writtenName = writtenName
            self.date = date
            self.timeOfDay = timeOfDay
            self.place = place
            self.isVideo = isVideo
            self.fromHeadline = fromHeadline
            self.hasBodyTrigger = hasBodyTrigger
            self.sentence = sentence
            self.nameSpans = nameSpans
        }
    }
}
