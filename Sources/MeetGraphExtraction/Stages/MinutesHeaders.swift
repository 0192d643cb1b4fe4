import MeetGraph

/// Names in the header lines of minutes: 主持:某某  出席:某某 某某 某某  列席:某某、某某  记录:某某.
///
/// Minutes (会议纪要, Taiwan's 會議紀錄) list the people by role on lines of their own, the names
/// set apart by spaces or 、, sometimes each with a title (出席:县长某某 副县长某某) or a note in
/// brackets (某某(代理)). A line of names without a label goes on with the label of the line before.
extension NameFinder {
    /// The longest name in a header, in characters.
    static let longestHeaderName = 4
    /// A note in brackets after a name (某某(公假), 某某(某某代理)) closes within this many scalars of
    /// its opening bracket; a longer bracket is not a note.
    static let noteReach = 12
    /// 假 in a note after a name (某某(公假)): the person was absent.
    static let absenceNotes = WordList(resource: "absence-notes")
    /// 代, 代理 ending a note after a name (某某(某某代)): the one named in the note came instead.
    static let substituteNotes = WordList(resource: "substitute-notes")
    /// Dots between the parts of a name (某某.某某 in Taiwan's minutes, 某某·某某).
    static let nameDots: Set<Unicode.Scalar> = [".", "·", "‧", "・", "•"]

    /// The names of the header line `sentence`, each with the title written before it (or nil),
    /// and the roles its line's label gives; `continuing` is the label's roles when the line before
    /// was a header whose names may go on here. A label alone on its line gives no names, only the
    /// roles for the lines below.
    func headerNames(in sentence: Range<Int>, continuing: Roles?) -> (names: [(name: Range<Int>, title: Range<Int>?)], roles: Roles, titleLine: Range<Int>?)? {
        let opening: HeaderOpening.Names
        switch headerOpening(of: sentence, continuing: continuing) {
        case nil: return nil
        case let .noNames(roles, titleLine)?: return ([], roles, titleLine)
        case let .names(found)?: opening = found
        }
        var position = opening.position
        var roles = opening.roles
        var names: [(name: Range<Int>, title: Range<Int>?)] = []
        var misses = 0
        while position < sentence.upperBound {
            if !ScalarClass.isIdeograph(scalars[position]) {
                position = positionAfterSeparator(at: position, limit: sentence.upperBound)
                continue
            }
            var end = position
            while end < sentence.upperBound, ScalarClass.isIdeograph(scalars[end])
                    || Self.nameDots.contains(scalars[end]) && end + 1 < sentence.upperBound && ScalarClass.isIdeograph(scalars[end + 1]) {
                end += 1
            }
            // Another label on the same line: 主席:某某 记录:某某.
            if let label = lexicons.minutesLabels.longestMatch(in: scalars, at: position, limit: end), position + label.length == end,
               end < sentence.upperBound, isColon(scalars[end]) {
                roles = label.value
                position = end + 1
                continue
            }
            if var item = headerItem(position..<end) {
                // A note after the name: 某某(公假) was absent; 某某(某某代) sent someone in their place.
                if let note = bracketNote(at: end, limit: sentence.upperBound) {
                    if Self.absenceNotes.occurs(in: note, of: scalars) { position = end; continue }
                    if note.count >= 3, let marker = Self.substituteNotes.longestMatch(endingAt: note.upperBound, in: scalars),
                       let substitute = headerItem(note.lowerBound..<(note.upperBound - marker.count)) {
                        item = (substitute.name, nil)
                    }
                }
                names.append(item)
            } else {
                misses += 1
                // A line of prose, not of names.
                if names.isEmpty && misses > 1 || end - position > 12 { return names.isEmpty ? nil : (names, roles, nil) }
            }
            position = end
        }
        if let labelTitle = opening.title, names.count == 1, names[0].title == nil { names[0].title = labelTitle }
        return names.isEmpty && !opening.labelled ? nil : (names, roles, nil)
    }

    /// How a header line opens: where its names start and with which roles, or that it gives none.
    private enum HeaderOpening {
        /// Names are read from `position` with `roles`. `labelled`: a label said so, and the line
        /// stays a header line even when its names cannot be read (主席:林召集委員為洲); `title`: a
        /// title served as the label (專門委員:某某).
        struct Names {
            var position: Int
            var roles: Roles
            var labelled: Bool
            var title: Range<Int>?
        }
        case names(Names)
        /// A label alone, its roles for the lines below (主席⏎某某), or a title alone, for the name
        /// on the next line (司法院秘書長⏎某某某).
        case noNames(roles: Roles, titleLine: Range<Int>?)
    }

    /// How the line `sentence` opens as a header line, or nil when it is none; `continuing` as
    /// in ``headerNames(in:continuing:)``.
    private func headerOpening(of sentence: Range<Int>, continuing: Roles?) -> HeaderOpening? {
        var position = sentence.lowerBound
        while position < sentence.upperBound, !ScalarClass.isIdeograph(scalars[position]) { position += 1 }
        if let label = spacedLabel(at: position, limit: sentence.upperBound) {
            return .names(.init(position: label.afterColon, roles: label.roles, labelled: true))
        }
        if let label = lexicons.minutesLabels.longestMatch(in: scalars, at: position, limit: sentence.upperBound),
           position + label.length == sentence.upperBound {
            return .noNames(roles: label.value, titleLine: nil)
        }
        guard let continuing else { return nil }
        // Inside a header: a title for a label is someone present; a title on its own line is
        // the title of the name on the next line.
        if let colon = (position..<min(sentence.upperBound, position + Self.longestTitleLabel)).first(where: { isColon(scalars[$0]) }),
           isTitleLine(position..<colon) {
            return .names(.init(position: colon + 1, roles: .attendee, labelled: false, title: position..<colon))
        }
        if isTitleLine(position..<sentence.upperBound) {
            var end = sentence.upperBound
            while ScalarClass.isSpace(scalars[end - 1]) { end -= 1 }
            return .noNames(roles: continuing, titleLine: position..<end)
        }
        return .names(.init(position: position, roles: continuing, labelled: false))
    }

    /// The longest title line inside a header (國防部法律事務司人權保障處人權政策組組長).
    static let longestTitleLine = 30
    /// The longest title used as a label (專門委員:某某).
    static let longestTitleLabel = 10

    /// A minutes label at `position` followed by a colon, its characters maybe set apart by
    /// spaces (紀  錄:): its roles and where the names after the colon start.
    private func spacedLabel(at position: Int, limit: Int) -> (roles: Roles, afterColon: Int)? {
        var compact: [Unicode.Scalar] = []
        var ends: [Int] = []
        var index = position
        while index < limit, compact.count < 8, !isColon(scalars[index]) {
            if ScalarClass.isIdeograph(scalars[index]) {
                compact.append(scalars[index])
                ends.append(index + 1)
            } else if !ScalarClass.isSpace(scalars[index]) {
                break
            }
            index += 1
        }
        guard let label = lexicons.minutesLabels.longestMatch(in: compact, at: 0, limit: compact.count) else { return nil }
        var after = ends[label.length - 1]
        while after < limit, ScalarClass.isSpace(scalars[after]) { after += 1 }
        guard after < limit, isColon(scalars[after]) else { return nil }
        return (label.value, after + 1)
    }

    /// Whether `line` is one title alone: ideographs only, ending with a title word.
    private func isTitleLine(_ line: Range<Int>) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound, ScalarClass.isSpace(scalars[end - 1]) { end -= 1 }
        guard end - line.lowerBound >= 2, end - line.lowerBound <= Self.longestTitleLine,
              (line.lowerBound..<end).allSatisfy({ ScalarClass.isIdeograph(scalars[$0]) }) else { return false }
        return lexicons.titlesBackwards.longestMatch(in: scalars, backwardsFrom: end, notBefore: line.lowerBound) != nil
    }

    /// Where reading a header goes on after the separator at `position`: past a note in brackets
    /// after a name (某某(代理), 某某(公假)) that closes within ``noteReach`` scalars, else at the next scalar.
    private func positionAfterSeparator(at position: Int, limit: Int) -> Int {
        if scalars[position] == "(" || scalars[position] == "（",
           let close = (position..<min(limit, position + Self.noteReach)).first(where: { scalars[$0] == ")" || scalars[$0] == "）" }) {
            return close + 1
        }
        return position + 1
    }

    /// A name in a header item (a run of ideographs between separators), after an optional title.
    private func headerItem(_ item: Range<Int>) -> (name: Range<Int>, title: Range<Int>?)? {
        var start = item.lowerBound
        var title: Range<Int>?
        if let match = lexicons.titles.longestMatch(in: scalars, at: start, limit: item.upperBound), match.length < item.count {
            title = start..<(start + match.length)
            start += match.length
        }
        let name = start..<item.upperBound
        // An indigenous or transcribed name in two parts: 某某.某某, 某某·某某.
        if name.contains(where: { Self.nameDots.contains(scalars[$0]) }) {
            return name.count <= 2 * Self.longestHeaderName + 1 ? (name, title) : nil
        }
        guard (2...Self.longestHeaderName).contains(name.count), !isNonPerson(name) else { return nil }
        // Set apart by separators, a name with a known surname may use any character (某有志, 某再立).
        if lexicons.surnames.longestMatch(in: scalars, at: name.lowerBound, limit: name.upperBound) != nil, name.count <= 3 { return (name, title) }
        guard (name.lowerBound + 1..<name.upperBound).allSatisfy({ isGivenNameScalar(scalars[$0]) }) else { return nil }
        return name.count == 3 ? (name, title) : nil
    }

    /// The inside of a bracketed note at `position` (某某(公假), 某某(某某代)), if one is there.
    private func bracketNote(at position: Int, limit: Int) -> Range<Int>? {
        guard position < limit, scalars[position] == "(" || scalars[position] == "（",
              let close = (position + 1..<min(limit, position + Self.noteReach)).first(where: { scalars[$0] == ")" || scalars[$0] == "）" }) else { return nil }
        return (position + 1)..<close
    }

    private func isColon(_ scalar: Unicode.Scalar) -> Bool { scalar == ":" || scalar == "：" }
}

extension NameSearch {
    /// Header lines of minutes: 主持:某某  出席:某某 某某  列席:某某、某某. A name found already
    /// takes the label's roles; the others are added.
    mutating func addHeaderNames() {
        var headerRoles: Roles?
        // A title on a line of its own, for the one name on the next line (司法院秘書長⏎某某某).
        var titleLine: Range<Int>?
        for (index, sentence) in sentences.enumerated() {
            guard var header = finder.headerNames(in: sentence.range, continuing: headerRoles) else {
                headerRoles = nil
                titleLine = nil
                continue
            }
            headerRoles = header.roles
            if header.names.isEmpty {
                titleLine = header.titleLine
                continue
            }
            if let line = titleLine, header.names.count == 1, header.names[0].title == nil { header.names[0].title = line }
            titleLine = nil
            list += 1
            for found in header.names {
                if let existing = mentions.indices.first(where: { mentions[$0].range == found.name }) {
                    mentions[existing].labelledRoles = header.roles
                    continue
                }
                guard !found.name.contains(where: { covered[$0] }) else { continue }
                var titleRange = 0..<0
                if let title = found.title {
                    titles.append(title)
                    titleRange = (titles.count - 1)..<titles.count
                }
                mentions.append(Mention(range: found.name, titles: titleRange, start: found.title?.lowerBound ?? found.name.lowerBound,
                                        sentence: index, list: list, name: number(found.name), labelledRoles: header.roles))
                for offset in found.name { covered[offset] = true }
            }
        }
    }
}
