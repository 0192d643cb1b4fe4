import Foundation
import MeetGraphExtraction
import MeetGraphFuzzChecks
import Testing

/// Replays the fuzz corpus (Fuzz/corpus/HARNESS, kept minimized by scripts/fuzz.sh) and the seed
/// texts (Fuzz/seeds/HARNESS) through the same checks the libFuzzer harness runs: no crash, and
/// every invariant holds (evidence inside the text, every participant with a role, errors naming
/// the file, names surviving the CSV round trip).
@Suite struct FuzzCorpusTests {
    static let fuzzFolder = CLIRunner.packageRoot.appendingPathComponent("Fuzz")

    /// Every file under `Fuzz/<folder>/<target>/`.
    static func inputs(_ folder: String, for target: FuzzTarget) throws -> [URL] {
        let directory = fuzzFolder.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.path < $1.path }
    }

    @Test(arguments: FuzzTarget.allCases)
    func corpusReplaysWithoutBrokenInvariants(target: FuzzTarget) throws {
        let files = try Self.inputs("corpus", for: target) + Self.inputs("seeds", for: target)
        #expect(files.count >= 2, "no corpus for \(target.rawValue): run scripts/fuzz.sh \(target.rawValue) 60")
        for file in files {
            let problems = target.problems(for: Array(try Data(contentsOf: file)))
            #expect(problems.isEmpty, "\(target.rawValue) \(file.lastPathComponent): \(problems.joined(separator: "; "))")
        }
    }

    /// The seeds the extractor harness starts from reach the extractor: each UTF-8 seed and its
    /// GB18030 twin decode (the encoding detected) to the same people, and there are people.
    @Test func extractorSeedsGiveTheSamePeopleInBothEncodings() throws {
        let seeds = Self.fuzzFolder.appendingPathComponent("seeds/extractor")
        for name in ["meeting", "visit"] {
            var people: [[String]] = []
            for (file, encoding) in [("\(name).txt", TextEncoding.utf8), ("\(name)-gb18030.txt", .gb18030)] {
                let source = try SourceText.decode(Array(try Data(contentsOf: seeds.appendingPathComponent(file))), name: file)
                #expect(source.encoding == encoding)
                people.append(Extractor().document(from: source).events.flatMap(\.participants).map(\.name))
            }
            #expect(!people[0].isEmpty)
            #expect(people[0] == people[1])
        }
    }
}
