import MeetGraph

/// Turns a news text into a ``MeetGraph/Document``: its events, who took part in each and in what
/// role, with titles, dates and evidence, and the named people who did not take part.
///
/// The lexicons (surnames, titles, role verbs, event keywords, byline markers) are read once per
/// process, so an `Extractor` is cheap to create and safe to share between threads.
public struct Extractor: Sendable {
    /// The longest stretch of normalised text analysed as one unit, in scalars: a news article is
    /// under 20,000, so only a dump without structure (a whole archive on one line) is cut.
    static let defaultWindowLength = 100_000

    /// The window length in use; tests set a small one to compare windowed with whole analysis.
    let windowLength: Int

    /// An extractor using the lexicons shipped in `Resources/`.
    public init() {
        self.init(windowLength: Self.defaultWindowLength)
    }

    /// An extractor that analyses texts longer than `windowLength` scalars window by window.
    init(windowLength: Int) {
        _ = Lexicons.shared
        self.windowLength = max(windowLength, 1)
    }

    /// The document `source` describes.
    ///
    /// A text longer than 100,000 normalised scalars is analysed in windows of at most that length,
    /// cut after a line break, else after a sentence or a clause, else anywhere (see ``DocumentWindows``),
    /// so that time and memory grow in step with the text. Events of different windows of the same
    /// kind and written name whose dates agree are merged (a stricter form of the rule within one
    /// window, see ``EventMerging``); context (the event being reported, the last date) does not
    /// cross a cut.
    ///
    /// - Parameters:
    ///   - source: the decoded text; evidence offsets count Unicode scalars of `source.text`. Taken:
    ///     pass `consume source` to let the extractor free it early.
    ///   - published: the document's date, used to resolve 今天, 昨天 and years; when nil, a date
    ///     line in the text (发布日期:2020-01-27) is used if there is one.
    ///   - sourceLabel: where the text came from (a URL, a path), stored as ``MeetGraph/Document/source``.
    public func document(from source: consuming SourceText, published: EventDate? = nil, sourceLabel: String? = nil) -> Document {
        let name = source.name
        // Taken, so that the text can go once its scalars are read (see ``NormalizedText/init(_:)``).
        let normalized = NormalizedText(consume source)
        let windows = DocumentWindows.ranges(of: normalized.scalars, length: windowLength)
        guard windows.count > 1 else {
            var analysis = DocumentAnalysis(normalized: normalized, documentName: name, published: published)
            analysis.run()
            return Document(document: name, source: sourceLabel, published: analysis.published,
                            script: normalized.script, events: analysis.events(), nonParticipants: analysis.nonParticipants())
        }
        // The document's date is read once, from the whole text, as without windows.
        let published = published ?? DateReader.documentDate(in: normalized.scalars, sentences: Layout.sentences(of: normalized.scalars))
        var merged = DocumentWindows.Merger()
        for range in windows {
            var analysis = DocumentAnalysis(normalized: NormalizedText(window: range, of: normalized), documentName: name,
                                            published: published, readsDocumentDate: false)
            analysis.run()
            merged.add(events: analysis.events(), nonParticipants: analysis.nonParticipants())
        }
        return Document(document: name, source: sourceLabel, published: published,
                        script: normalized.script, events: merged.events(), nonParticipants: merged.nonParticipants())
    }
}
