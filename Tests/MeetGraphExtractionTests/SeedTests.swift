import Foundation
import MeetGraph
import Testing
@testable import MeetGraphExtraction

/// The seed document shipped in `seeds/` at the package root, scored against its gold file.
@Suite("Seed document")
struct SeedTests {
    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    static var goldFiles: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.lastPathComponent.hasSuffix(".gold.json") }
    }

    @Test(.enabled(if: !SeedTests.goldFiles.isEmpty, "seeds/ holds no gold file"))
    func seedScoresPerfectlyOnPeopleAndRoles() throws {
        var gold: [Document] = []
        var predicted: [Document] = []
        for file in Self.goldFiles {
            let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: file))
            let source = try SourceText.read(contentsOf: Self.seeds.appendingPathComponent(document.document))
            gold.append(document)
            predicted.append(Extractor().document(from: source, published: document.published))
        }
        let evaluation = Evaluation(gold: gold, predicted: predicted)
        #expect(evaluation.names.f1 == 1)
        #expect(evaluation.attend.f1 == 1)
        #expect(evaluation.roles.f1 == 1)
        #expect(evaluation.pairs.f1 == 1)
    }
}
