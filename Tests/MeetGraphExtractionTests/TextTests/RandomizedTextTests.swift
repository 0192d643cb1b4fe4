import MeetGraph
import Testing
@testable import MeetGraphExtraction

/// The tests' seeded generator: MeetGraph's SplitMix64, so failures reproduce.
typealias SeededGenerator = SplitMix64

/// Randomised inputs with a fixed seed: decoding never crashes, and the offset map always holds.
@Suite("Randomised text")
struct RandomizedTextTests {
    /// Pieces that exercise every rule of normalising: breaks, spaces, markers, full-width and traditional
    /// characters, brackets, punctuation, surrogate-range neighbours, invisible characters.
    static let pieces: [String] = [
        "\n", "\n\n", "\r\n", "\r", " ", "\u{3000}", "\u{00A0}", "\t", "\u{200B}", "\u{FEFF}", "\u{0C}",
        "(", ")", "（", "）", "【", "下转", "上接", "第", "二", "版", "3", "３", "Ａ", "：", ":",
        "，", ",", "。", "、", "；", "！", "“", "”", "《", "》", "一、", "(一)", "时间:", "本报讯",
        "會議", "劉", "乾", "於", "市长", "陈建华", "主持", "出席", "会议", "𠀀", "㐀", "é", "Zoom", "\u{7F}",
    ]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        let length = Int.random(in: 0...40, using: &generator)
        return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// Every normalised scalar comes from the source scalar its offset names.
    static func checkMap(_ normalized: NormalizedText, source: String) {
        let original = Array(source.unicodeScalars)
        #expect(normalized.originalScalars == original)
        #expect(normalized.originalOffsets.count == normalized.scalars.count + 1)
        #expect(normalized.originalOffsets.last == original.count)
        let folding = CharacterFolding.shared
        for (index, scalar) in normalized.scalars.enumerated() {
            let offset = normalized.originalOffsets[index]
            #expect(offset < normalized.originalOffsets[index + 1], "offsets must increase")
            let from = original[offset]
            let folded = folding.fold(from.value, traditional: normalized.script == .traditional)
            if scalar == "\n" {
                #expect(folded == 0x0A, "a kept break comes from a break")
            } else if scalar == " " {
                #expect(folded == 0x20 || folded == 0x0A, "a space comes from a space or a joined break")
            } else {
                #expect(scalar.value == folded, "\(scalar) comes from \(from)")
            }
        }
        #expect(!normalized.text.hasPrefix("\n") && !normalized.text.hasSuffix("\n"))
        #expect(!normalized.text.contains("\n\n") && !normalized.text.contains("  "))
    }

    @Test func offsetsMapBackForRandomTexts() {
        var generator = SeededGenerator(seed: 20_260_601)
        for _ in 0..<400 {
            let text = Self.randomText(&generator)
            let normalized = NormalizedText(SourceText(name: "random.txt", text: text))
            Self.checkMap(normalized, source: text)
            // Random ranges map to increasing source ranges whose text is the source's.
            let count = normalized.scalars.count
            for _ in 0..<5 where count > 0 {
                let a = Int.random(in: 0...count, using: &generator)
                let b = Int.random(in: 0...count, using: &generator)
                let range = min(a, b)..<max(a, b)
                let bounds = normalized.originalRange(range)
                #expect(bounds.lowerBound <= bounds.upperBound)
                let original = Array(text.unicodeScalars)
                #expect(normalized.original(range) == String(String.UnicodeScalarView(original[bounds])))
            }
        }
    }

    @Test func randomBytesNeverCrashDecoding() {
        var generator = SeededGenerator(seed: 7)
        var decoded = 0
        for round in 0..<1500 {
            let bytes = Self.randomBytes(&generator, kind: round % 4)
            let encoding: TextEncoding? = round % 5 == 0 ? TextEncoding.allCases.randomElement(using: &generator) : nil
            do {
                let source = try SourceText.decode(bytes, name: "fuzz.bin", encoding: encoding)
                decoded += 1
                #expect(!source.text.isEmpty)
                Self.checkMap(NormalizedText(source), source: source.text)
            } catch {
                #expect(String(describing: error).hasPrefix("fuzz.bin: "))
            }
        }
        #expect(decoded > 100, "the generator should also produce decodable texts")
    }

    /// Kind 0: any bytes; 1: bytes shaped like GB18030; 2: UTF-8 pieces with a few damaged bytes; 3: UTF-16.
    static func randomBytes(_ generator: inout SeededGenerator, kind: Int) -> [UInt8] {
        let length = Int.random(in: 0...60, using: &generator)
        switch kind {
        case 0:
            return (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        case 1:
            var bytes = [UInt8]()
            for _ in 0..<length {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.append(UInt8.random(in: 0x20...0x7E, using: &generator))
                case 3:
                    bytes += [UInt8.random(in: 0x81...0xFE, using: &generator), UInt8.random(in: 0x30...0x39, using: &generator),
                              UInt8.random(in: 0x81...0xFE, using: &generator), UInt8.random(in: 0x30...0x39, using: &generator)]
                default: bytes += [UInt8.random(in: 0x81...0xFE, using: &generator), UInt8.random(in: 0x40...0xFE, using: &generator)]
                }
            }
            return bytes
        case 2:
            var bytes = Array(randomText(&generator).utf8)
            if !bytes.isEmpty && Bool.random(using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0x80...0xFF, using: &generator)
            }
            if Bool.random(using: &generator) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            return bytes
        default:
            let units = Array(randomText(&generator).utf16)
            var bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            if !bytes.isEmpty && Bool.random(using: &generator) { bytes.removeLast() }
            return bytes
        }
    }

    /// Inputs that once were, or could be, trouble.
    @Test(arguments: [
        [0xEF, 0xBB], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF, 0x00], [0xFF, 0xFE, 0x00, 0xD8],
        [0x81], [0x81, 0x30], [0x81, 0x30, 0x81], [0x0A], [0x0D], [0xE4, 0xBD], [0x80, 0x80, 0x80],
        Array("(下转第".utf8), Array("（上接第一版".utf8), Array("版)".utf8), Array("\n\n\n(".utf8),
    ] as [[UInt8]])
    func edgeInputsDecodeOrFailCleanly(bytes: [UInt8]) {
        do {
            let source = try SourceText.decode(bytes, name: "edge.txt")
            Self.checkMap(NormalizedText(source), source: source.text)
        } catch {
            #expect(String(describing: error).hasPrefix("edge.txt: "))
        }
    }
}
