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
        /// The people taking part, in the order first found: changed in place, but added only
        /// through ``appendParticipant(_:)``, which keeps their index.
        var participants: [ParticipantDraft] = []
        /// Where each person is in ``participants``, once there are many (a short list is searched
        /// instead): a sentence listing thousands of names would otherwise search them all for each.
        private var participantsByPerson: [Int: Int]?

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

        /// Where the person numbered `person` is in ``participants``.
        func participantIndex(of person: Int) -> Int? {
            if let participantsByPerson { return participantsByPerson[person] }
            return participants.firstIndex { $0.person == person }
        }

        /// Adds a person not yet taking part.
        mutating func appendParticipant(_ participant: ParticipantDraft) {
            participants.append(participant)
            if participantsByPerson != nil {
                participantsByPerson?[participant.person] = participants.count - 1
            } else if participants.count > Self.participantsSearched {
                participantsByPerson = Dictionary(uniqueKeysWithValues: participants.enumerated().map { ($1.person, $0) })
            }
        }

        /// Takes everyone out (a copy of the event for another chair starts empty).
        mutating func removeAllParticipants() {
            participants.removeAll()
            participantsByPerson = nil
        }

        /// How many participants are searched one by one before an index is made.
        static let participantsSearched = 16
    }
}
