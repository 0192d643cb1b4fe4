import Foundation
import MeetGraph
import Testing
@testable import MeetGraphExtraction

/// The unlabeled real articles of Tests/Corpus/unlabeled (collected for mining): every second one
/// (the debug build reads about 70 KB/s; `make mine` reads them all) is extracted without a crash,
/// and every piece of evidence points inside its own text.
@Suite("Real articles")
struct RealTextTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Corpus/unlabeled").standardizedFileURL

    static var texts: [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }

    @Test func everyUnlabeledArticleIsExtractedWithEvidenceInsideIt() throws {
        let texts = Self.texts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        #expect(texts.count >= 500, "the unlabeled articles are in \(Self.folder.path)")
        let extractor = Extractor()
        for url in texts {
            let source = try SourceText.read(contentsOf: url)
            let length = source.text.unicodeScalars.count
            let document = extractor.document(from: source)
            for event in document.events {
                for participant in event.participants {
                    for evidence in participant.evidence {
                        #expect(0 <= evidence.start && evidence.start < evidence.end && evidence.end <= length,
                                "\(url.lastPathComponent): evidence of \(participant.name) outside the text")
                    }
                }
            }
        }
    }

    /// A transcribed name whose last part is one character (found on a real page: a crash before).
    @Test func dottedNameWithAOneCharacterLastPart() {
        let document = extract("3月2日,座谈会召开。代表团团长约翰·史、宋明远出席。")
        #expect(document.events.count == 1)
    }
}
