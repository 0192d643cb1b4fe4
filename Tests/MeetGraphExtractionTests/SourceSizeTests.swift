import Foundation
import Testing

/// The limits of issue #13 on the extractor's Swift code (Sources/MeetGraphExtraction): Chinese
/// words belong in `Resources/*.txt`, files stay short enough to read.
///
/// Repeat the count by hand with `swift test --filter SourceSizeTests`; each test prints its figures.
@Suite("Extractor source size")
struct SourceSizeTests {
    /// The extractor's Swift files, relative path and text.
    static let sources: [(path: String, text: String)] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/MeetGraphExtraction")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return files.map { url in
            (String(url.path.dropFirst(root.path.count + 1)), (try? String(contentsOf: url, encoding: .utf8)) ?? "")
        }.sorted { $0.path < $1.path }
    }()

    @Test func theLiteralCounterSkipsCommentsAndCountsChineseLiterals() {
        let text = """
            // "会议" in a comment
            /* "会见" in a block */ let a = "会议" + "abc"
            let b: Character = "\\"" ; let c = "在\\"上"
            """
        #expect(Self.chineseLiterals(in: text) == 2)
    }

    @Test func chineseStringLiteralsAreFewerThanForty() {
        let counts = Self.sources.map { (path: $0.path, count: Self.chineseLiterals(in: $0.text)) }.filter { $0.count > 0 }
        let total = counts.reduce(0) { $0 + $1.count }
        print("Chinese string literals in Sources/MeetGraphExtraction: \(total)")
        for (path, count) in counts.sorted(by: { $0.count > $1.count }) { print("  \(count) \(path)") }
        #expect(total < 40)
    }

    @Test func noFileIsOverFourHundredLines() {
        let long = Self.sources.map { (path: $0.path, lines: $0.text.split(separator: "\n", omittingEmptySubsequences: false).count - 1) }
            .filter { $0.lines > 400 }
        for file in long { print("  \(file.lines) lines: \(file.path)") }
        #expect(long.isEmpty)
    }

    /// The string literals in Swift `text` that hold a Han character, outside comments.
    static func chineseLiterals(in text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var count = 0
        var index = 0
        func starts(_ word: String, at position: Int) -> Bool {
            Array(word.unicodeScalars).enumerated().allSatisfy { position + $0.offset < scalars.count && scalars[position + $0.offset] == $0.element }
        }
        while index < scalars.count {
            if starts("//", at: index) {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else if starts("/*", at: index) {
                index += 2
                while index < scalars.count, !starts("*/", at: index) { index += 1 }
                index += 2
            } else if scalars[index] == "\"" {
                let delimiter = starts("\"\"\"", at: index) ? "\"\"\"" : "\""
                index += delimiter.unicodeScalars.count
                var hasHan = false
                while index < scalars.count, !starts(delimiter, at: index) {
                    if scalars[index] == "\\" { index += 1 }
                    let value = scalars[index].value
                    if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value) {
                        hasHan = true
                    }
                    index += 1
                }
                index += delimiter.unicodeScalars.count
                if hasHan { count += 1 }
            } else {
                index += 1
            }
        }
        return count
    }
}
