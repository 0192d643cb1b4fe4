import MeetGraph

// Participant building: a person joins an event with roles, titles and evidence.
extension DocumentAnalysis {
    /// A participant being built.
    struct ParticipantDraft {
        /// The person's number (``Mention/person``).
        var person: Int
        var roles: Roles
        /// Speaker only because of 宣布: dropped for the chair, whose announcements are part of chairing.
        var announcesOnly: Bool
        /// Normalised ranges of the titles, in order, each written differently from the others
        /// (made Strings only for the output).
        var titles: [Range<Int>]
        var titlesFromHeadline: Bool
        var evidence: [Evidence]
        /// The sentence starts of ``evidence`` once there are many (a short list is searched instead),
        /// so that a sentence is recorded once without a set per participant.
        var evidenceStarts: Set<Int>?

        /// Records `item` unless its sentence was recorded already.
        mutating func addEvidence(_ item: Evidence) {
            if var starts = evidenceStarts {
                evidenceStarts = nil
                if starts.insert(item.start).inserted { evidence.append(item) }
                evidenceStarts = starts
            } else if !evidence.contains(where: { $0.start == item.start }) {
                evidence.append(item)
                if evidence.count > 8 { evidenceStarts = Set(evidence.map(\.start)) }
            }
        }
    }

    /// 他强调, 他还要求: a speech verb after 他/她 at the start of a clause belongs to the person
    /// the text was last about.
    mutating func speakerPronoun(in sentenceIndex: Int, subject: Mention, events: [Int]) {
        let range = sentences[sentenceIndex].range
        // Most sentences hold no 他 or 她: one scan rules them out.
        guard scalars[range].contains(where: FunctionWords.shared.isPersonalPronoun) else { return }
        var position = range.lowerBound
        while position < range.upperBound {
            let atClauseStart = position == range.lowerBound || ScalarClass.endsClause(scalars[position - 1])
            if atClauseStart, FunctionWords.shared.isPersonalPronoun(scalars[position]), position + 1 < range.upperBound,
               scalars[position + 1] != FunctionWords.shared.plural {
                var index = position + 1
                while index < min(range.upperBound, position + 14) {
                    if sentenceMentions(sentenceIndex).contains(where: { $0.range.contains(index) }) { break }
                    if let verb = lexicons.roleVerbs.longestMatch(in: scalars, at: index, limit: range.upperBound), verb.value.contains(.speaker) {
                        if lexicons.mentionMarkers.longestMatch(in: scalars, at: index + verb.length, limit: range.upperBound) != nil { break }
                        // The person named last before the pronoun in this sentence, else the text's last subject.
                        let before = sentenceMentions(sentenceIndex).last { $0.range.upperBound <= position }
                        let pronoun = before ?? subject
                        for event in events where drafts[event].participants.contains(where: { $0.person == pronoun.person }) {
                            add(pronoun, roles: .speaker, announcesOnly: false, to: event)
                        }
                        return
                    }
                    index += 1
                }
            }
            position += 1
        }
    }

    mutating func assignMentionedOnly(_ mention: Mention) {
        if case .mentioned = finding(for: mention) { mentionedPeople.append(mention.person) }
    }

    mutating func assign(_ mention: Mention, to events: [Int], triggerSentence: Bool) {
        let finding = finding(for: mention)
        var roles: Roles
        var announcesOnly = false
        switch finding {
        case .mentioned:
            mentionedPeople.append(mention.person)
            return
        case let .roles(found, announces):
            roles = found
            announcesOnly = announces
        case .unknown:
            // Outside the trigger's sentence, an outing's titled people (and the rest of their
            // list: 副议长A及B、C) took part.
            let titled = !mention.titles.isEmpty || mention.list != NameFinder.untitledListNumber && titledLists[mention.list]
            guard triggerSentence || events.contains(where: { drafts[$0].kind != .meeting }) && titled else { return }
            roles = .attendee
        }
        for event in events {
            // A visit's leader and the people he meets are attendees whatever verb carries them.
            var eventRoles = roles
            if drafts[event].kind != .meeting, !eventRoles.contains(.attendee), triggerSentence { eventRoles.insert(.attendee) }
            add(mention, roles: eventRoles, announcesOnly: announcesOnly, to: event)
        }
    }

    mutating func add(_ mention: Mention, roles: Roles, announcesOnly: Bool, to event: Int) {
        let fromHeadline = sentences[mention.sentence].isHeadline
        let titles = titleList[mention.titles]
        // A copy to read while a participant of `drafts` is changed in place (which holds `self`).
        let text = normalized
        let evidence = evidence(for: mention)
        if let index = drafts[event].participantIndex(of: mention.person) {
            // Updated in place: a copy of the draft would copy its evidence list on every mention,
            // which made a long text that repeats one report quadratic.
            func merge(into participant: inout ParticipantDraft) {
                if roles.contains(.speaker), !announcesOnly { participant.announcesOnly = false }
                if !participant.roles.contains(.speaker), roles.contains(.speaker) { participant.announcesOnly = announcesOnly }
                participant.roles.formUnion(roles)
                // Titles come from the article's text; a headline's title only stands in until the text gives one.
                if !fromHeadline, participant.titlesFromHeadline, !titles.isEmpty {
                    participant.titles = []
                    participant.titlesFromHeadline = false
                }
                if !fromHeadline || participant.titles.isEmpty {
                    for title in titles where !participant.titles.contains(where: { text.writtenAlike($0, title) }) { participant.titles.append(title) }
                    if fromHeadline, !titles.isEmpty { participant.titlesFromHeadline = true }
                }
                participant.addEvidence(evidence)
            }
            merge(into: &drafts[event].participants[index])
        } else {
            drafts[event].appendParticipant(ParticipantDraft(person: mention.person, roles: roles, announcesOnly: announcesOnly && roles.contains(.speaker),
                                                               titles: Array(titles), titlesFromHeadline: fromHeadline && !titles.isEmpty,
                                                               evidence: [evidence]))
        }
    }

    mutating func evidence(for mention: Mention) -> Evidence {
        let range = sentences[mention.sentence].range
        let sentence: String
        if let cached = sentenceTexts[mention.sentence] {
            sentence = cached
        } else {
            // The sentence as written, without the line breaks of the source.
            let written = normalized.originalScalars[normalized.originalOffsets[range.lowerBound]..<normalized.originalOffsets[range.upperBound]]
            // Most sentences hold no line break: their scalars are encoded directly, with the size known.
            let breaksLines = written.contains { $0 == "\n" || $0 == "\r" }
            sentence = breaksLines ? String(scalars: written.lazy.filter { $0 != "\n" && $0 != "\r" }) : String(scalars: written)
            sentenceTexts[mention.sentence] = sentence
        }
        return Evidence(document: documentName, sentence: sentence,
                        start: normalized.originalOffsets[range.lowerBound], end: normalized.originalOffsets[range.upperBound],
                        mentionStart: normalized.originalOffsets[mention.range.lowerBound],
                        mentionEnd: normalized.originalOffsets[mention.range.upperBound])
    }
}
