import Foundation
import MeetGraph

/// One place where a person's name is written.
struct Mention: Sendable {
    /// Normalised offsets of the name.
    var range: Range<Int>
    /// Where the titles written before the name are in the document's title list (the `titles`
    /// that ``NameFinder/find()`` returns: normalised ranges, in order, split at 、), shared by
    /// the members of a list; empty when untitled. Positions rather than an array of its own keep
    /// a mention free of reference counting, so copying one is a plain copy.
    var titles: Range<Int> = 0..<0
    /// Where the titles (or the name when untitled) start.
    var start: Int
    /// Index of the sentence.
    var sentence: Int
    /// Mentions written as one list (“副市长A、B、C”) share a list number; the names of untitled
    /// lists (A、B、C等) have ``NameFinder/untitledListNumber``.
    var list: Int
    /// The person's number in the document, given once all names are found: people are compared
    /// by number, not by name (hashing and comparing Chinese strings normalises them every time).
    var person = 0
    /// The number of the name that identifies the person in the document, in the order names
    /// are first found (equal names, compared as ``NameTable`` compares them, have one number):
    /// the mention's own name, or for a short form (施密特 after 克劳斯·施密特) the full name's.
    var name = 0
    /// The roles a label gives the name (出席:某某 in minutes), read instead of verbs; empty elsewhere.
    var labelledRoles: Roles = []
}

/// A name found in a byline: a reporter, photographer or editor.
struct BylineName: Sendable {
    /// Normalised offsets of the name.
    var range: Range<Int>
    var reason: NonParticipation
    /// The person's number in the document (see ``Mention/person``).
    var person = 0
    /// The number of the name (see ``Mention/name``).
    var name = 0
}

/// Finds people's names: after titles (市委书记X), continuing lists (副市长A、B、C), in bylines,
/// before role verbs (X主持), and every later occurrence of a name already found.
struct NameFinder {

    let scalars: [Unicode.Scalar]
    let sentences: [Sentence]
    /// The shared lexicons, read in place (a stored copy would retain each of their tables every time this finder is copied).
    var lexicons: Lexicons { Lexicons.shared }

    /// The list number of every name of an untitled list (A、B、C等): they share no title.
    static let untitledListNumber = -1

    /// The mentions, ordered by position, the byline names, and the titles the mentions point to
    /// (``Mention/titles``).
    func find() -> (mentions: [Mention], bylines: [BylineName], titles: [Range<Int>]) {
        var search = NameSearch(finder: self)
        search.findTitledNamesAndBylines()
        search.numberTitledNames()
        search.addVerbAnchoredNames()
        search.addHeaderNames()
        search.addNamesBeforeTitles()
        search.addUntitledLists()
        search.completeLists()
        search.addOtherOccurrences()
        search.mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        search.applyShortForms()
        search.addShortReferences()
        // Byline names are numbered last: they are not looked for elsewhere in the text.
        for index in search.bylines.indices { search.bylines[index].name = search.number(search.bylines[index].range) }
        return (search.mentions, search.bylines, search.titles)
    }

    /// The last part of a name written with middle dots (施密特 in 克劳斯·施密特), or nil when
    /// the name has no dot. Parts are split as a String splits at the Character “·” (which
    /// U+0387, canonically equivalent to it, also matches), empty parts left out.
    func lastPartAfterDot(_ range: Range<Int>) -> Range<Int>? {
        guard range.contains(where: { ScalarClass.isMiddleDot(scalars[$0]) }) else { return nil }
        var end = range.upperBound
        while end > range.lowerBound, ScalarClass.isMiddleDot(scalars[end - 1]) { end -= 1 }
        var start = end
        while start > range.lowerBound, !ScalarClass.isMiddleDot(scalars[start - 1]) { start -= 1 }
        return start < end ? start..<end : nil
    }

}
