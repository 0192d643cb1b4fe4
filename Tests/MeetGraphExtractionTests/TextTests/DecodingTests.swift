import Foundation
import Testing
@testable import MeetGraphExtraction

/// Decoding files: encodings found, bad input refused with a message that names the file.
@Suite("Decoding")
struct DecodingTests {
    /// 会议由李明远主持。 in GB18030.
    static let gb18030Sentence: [UInt8] = [
        0xBB, 0xE1, 0xD2, 0xE9, 0xD3, 0xC9, 0xC0, 0xEE, 0xC3, 0xF7, 0xD4, 0xB6, 0xD6, 0xF7, 0xB3, 0xD6, 0xA1, 0xA3,
    ]

    @Test func utf8WithoutMarkIsRead() throws {
        let source = try SourceText.decode(Array("会议由李明远主持。".utf8), name: "a.txt")
        #expect(source.text == "会议由李明远主持。")
        #expect(source.encoding == .utf8)
        #expect(source.name == "a.txt")
    }

    @Test func utf8MarkIsDroppedSoOffsetsStartAtTheText() throws {
        let source = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("市长张华讲话".utf8), name: "bom.txt")
        #expect(source.text == "市长张华讲话")
        #expect(source.text.unicodeScalars.first == "市")
        #expect(source.encoding == .utf8)
    }

    @Test func gb18030IsDetected() throws {
        let source = try SourceText.decode(Self.gb18030Sentence, name: "gb.txt")
        #expect(source.text == "会议由李明远主持。")
        #expect(source.encoding == .gb18030)
    }

    @Test func gb18030FourByteSequencesAreRead() throws {
        // 㐀 (81 39 EE 39) and 𠀀 (95 32 82 36) use GB18030's four-byte form.
        let source = try SourceText.decode([0x81, 0x39, 0xEE, 0x39, 0x95, 0x32, 0x82, 0x36], name: "rare.txt")
        #expect(source.text == "㐀𠀀")
    }

    @Test func gb18030ProducedByIconvRoundTrips() throws {
        let phrase = "市委书记韦晓川出席并讲话,副市长赵一鸣主持会议。"
        guard let bytes = Self.iconv(phrase, to: "GB18030") else { return }  // no iconv command: covered above
        let source = try SourceText.decode(bytes, name: "gb-iconv.txt")
        #expect(source.text == phrase)
        #expect(source.encoding == .gb18030)
    }

    @Test func forcedEncodingIsUsed() throws {
        let source = try SourceText.decode(Self.gb18030Sentence, name: "gb.txt", encoding: .gb18030)
        #expect(source.text == "会议由李明远主持。")
    }

    @Test func forcedWrongEncodingFailsNamingTheFile() {
        #expect {
            try SourceText.decode(Self.gb18030Sentence, name: "report.txt", encoding: .utf8)
        } throws: { error in
            guard case let .invalidBytes(file, encoding, offset) = error as? ExtractionError else { return false }
            let message = String(describing: error)
            return file == "report.txt" && encoding == "UTF-8" && offset == 0
                && message.contains("report.txt") && message.contains("--encoding")
        }
    }

    @Test func emptyFileIsRefused() {
        #expect(throws: ExtractionError.empty(file: "none.txt")) {
            try SourceText.decode([], name: "none.txt")
        }
    }

    @Test(arguments: [
        Array(" \n\t\r\n ".utf8),
        [0xEF, 0xBB, 0xBF, 0x20, 0x0A],
        Array("\u{3000}\u{3000}\n\u{00A0}\u{200B}".utf8),
    ])
    func whiteSpaceOnlyIsEmpty(bytes: [UInt8]) {
        #expect(throws: ExtractionError.empty(file: "blank.txt")) {
            try SourceText.decode(bytes, name: "blank.txt")
        }
    }

    @Test func pngIsBinary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(throws: ExtractionError.binary(file: "photo.png")) {
            try SourceText.decode(png, name: "photo.png")
        }
        let message = ExtractionError.binary(file: "photo.png").description
        #expect(message.contains("photo.png") && message.contains("text file"))
    }

    @Test func manyControlBytesAreBinary() {
        let bytes: [UInt8] = Array("会议".utf8) + [0x01, 0x02, 0x03, 0x04, 0x05] + Array("召开".utf8)
        #expect(throws: ExtractionError.binary(file: "x.bin")) {
            try SourceText.decode(bytes, name: "x.bin")
        }
    }

    @Test func formFeedFromPdfTextIsNotBinary() throws {
        let source = try SourceText.decode(Array("第一页\u{0C}第二页".utf8), name: "pdf.txt")
        #expect(source.text == "第一页\u{0C}第二页")
    }

    @Test func damagedUTF8IsReportedAtTheBadByte() {
        // A long UTF-8 text with one stray byte is damaged UTF-8, not GB18030.
        let good = Array(String(repeating: "会议由李明远主持。", count: 10).utf8)
        let bytes = Array(good[0..<30]) + [0xFF] + Array(good[30...])
        #expect(throws: ExtractionError.invalidBytes(file: "cut.txt", encoding: "UTF-8", byteOffset: 30)) {
            try SourceText.decode(bytes, name: "cut.txt")
        }
    }

    @Test func bytesValidInNoEncodingAreRefused() {
        // 0xFF is never valid in UTF-8 nor in GB18030.
        let bytes: [UInt8] = [0x41, 0x42, 0xFF, 0xFF, 0x43]
        #expect {
            try SourceText.decode(bytes, name: "junk.txt")
        } throws: { error in
            guard case let .invalidBytes(file, encoding, offset) = error as? ExtractionError else { return false }
            return file == "junk.txt" && encoding == "UTF-8 or GB18030" && offset == 2
        }
    }

    @Test func invalidForcedGB18030ReportsTheOffset() {
        let bytes: [UInt8] = Self.gb18030Sentence + [0x80]
        #expect(throws: ExtractionError.invalidBytes(file: "gb.txt", encoding: "GB18030", byteOffset: 18)) {
            try SourceText.decode(bytes, name: "gb.txt", encoding: .gb18030)
        }
    }

    @Test func utf16WithMarkIsRead() throws {
        let text = "出席会议"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try SourceText.decode(little, name: "le.txt").text == text)
        #expect(try SourceText.decode(big, name: "be.txt").text == text)
        #expect(try SourceText.decode(big, name: "be.txt").encoding == .utf16)
    }

    @Test func utf16WithLoneSurrogateIsRefused() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x1A, 0x4F, 0x00, 0xD8, 0x41, 0x00]  // 会, lone high surrogate, A
        #expect(throws: ExtractionError.invalidBytes(file: "s.txt", encoding: "UTF-16", byteOffset: 4)) {
            try SourceText.decode(bytes, name: "s.txt")
        }
    }

    @Test func missingFileIsUnreadableWithItsPath() {
        let url = URL(fileURLWithPath: "/nonexistent/folder/report.txt")
        #expect {
            try SourceText.read(contentsOf: url)
        } throws: { error in
            guard case let .unreadable(file, reason) = error as? ExtractionError else { return false }
            return file == url.path && !reason.isEmpty && String(describing: error).contains("report.txt")
        }
    }

    @Test func folderIsUnreadable() {
        let url = URL(fileURLWithPath: NSTemporaryDirectory())
        #expect(throws: ExtractionError.self) { try SourceText.read(contentsOf: url) }
    }

    @Test func fileIsReadFromDisk() throws {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("meetgraph-decoding-\(UUID().uuidString).txt")
        try Data(Self.gb18030Sentence).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let source = try SourceText.read(contentsOf: url)
        #expect(source.text == "会议由李明远主持。")
        #expect(source.name == url.lastPathComponent)
    }

    /// Converts `text` with the iconv command, or nil when the command is missing.
    static func iconv(_ text: String, to encoding: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Array(data) : nil
    }
}

/// Big5, the legacy encoding of traditional texts, whose bytes are valid GB18030 too.
@Suite("Decoding Big5")
struct Big5DecodingTests {
    /// 市長劉建國主持會議並講話。副市長陳志遠出席。 in Big5.
    static let big5Sentence: [UInt8] = [
        0xA5, 0xAB, 0xAA, 0xF8, 0xBC, 0x42, 0xAB, 0xD8, 0xB0, 0xEA, 0xA5, 0x44, 0xAB, 0xF9, 0xB7, 0x7C, 0xC4, 0xB3,
        0xA8, 0xC3, 0xC1, 0xBF, 0xB8, 0xDC, 0xA1, 0x43, 0xB0, 0xC6, 0xA5, 0xAB, 0xAA, 0xF8, 0xB3, 0xAF, 0xA7, 0xD3,
        0xBB, 0xB7, 0xA5, 0x58, 0xAE, 0x75, 0xA1, 0x43,
    ]

    @Test func big5IsDetectedRatherThanReadAsGB18030Gibberish() throws {
        let source = try SourceText.decode(Self.big5Sentence, name: "tw.txt")
        #expect(source.text == "市長劉建國主持會議並講話。副市長陳志遠出席。")
        #expect(source.encoding == .big5)
    }

    @Test func gb18030WithTraditionalCharactersStaysGB18030() throws {
        let phrase = "市長劉建國主持會議並講話，副市長陳志遠出席會議。"
        guard let bytes = DecodingTests.iconv(phrase, to: "GB18030") else { return }
        let source = try SourceText.decode(bytes, name: "gbk-traditional.txt")
        #expect(source.text == phrase)
        #expect(source.encoding == .gb18030)
    }

    @Test func forcedBig5IsUsed() throws {
        #expect(try SourceText.decode(Self.big5Sentence, name: "tw.txt", encoding: .big5).text.hasPrefix("市長劉建國"))
    }
}
