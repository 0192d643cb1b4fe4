import MeetGraph
@testable import MeetGraphExtraction

/// One stage's input, made from an invented text: its normalised scalars and sentences.
struct StageInput {
    let normalized: NormalizedText
    let sentences: [Sentence]
    var scalars: [Unicode.Scalar] { normalized.scalars }

    init(_ text: String) {
        normalized = NormalizedText(SourceText(name: "stage.txt", text: text))
        sentences = Layout.sentences(of: normalized.scalars)
    }

    /// The text of `range` as normalised.
    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }

    /// What the name stage finds.
    func names() -> (mentions: [Mention], bylines: [BylineName], titles: [Range<Int>]) {
        NameFinder(scalars: scalars, sentences: sentences).find()
    }

    /// The analysis after every stage has run.
    func analysis() -> DocumentAnalysis {
        var analysis = DocumentAnalysis(normalized: normalized, documentName: "stage.txt", published: nil)
        analysis.run()
        return analysis
    }
}
