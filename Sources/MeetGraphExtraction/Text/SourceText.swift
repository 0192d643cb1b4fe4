import Foundation
import MeetGraph

/// The character encodings MeetGraph reads.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8
    /// GB18030 (which includes GBK and GB2312), the usual legacy encoding of mainland Chinese files.
    case gb18030
    /// UTF-16 with a byte-order mark (read when the mark is found); little-endian when forced without one.
    case utf16
}

/// A document's text as decoded from its bytes: the reference for every evidence offset.
///
/// Offsets into ``text`` count Unicode scalars (see ``MeetGraph/Evidence``). A byte-order mark is
/// dropped before counting.
public struct SourceText: Sendable {
    /// The file name, used in messages and as ``MeetGraph/Document/document``.
    public let name: String
    /// The decoded text, BOM dropped, otherwise as in the file.
    public let text: String
    /// The encoding the bytes were read with.
    public let encoding: TextEncoding

    /// A text already in memory; `encoding` only records where it came from.
    public init(name: String, text: String, encoding: TextEncoding = .utf8) {
        self.name = name
        self.text = text
        self.encoding = encoding
    }

    /// Decodes `bytes`: with `encoding` when given, else detected.
    ///
    /// Detection: a UTF-16 byte-order mark means UTF-16; valid UTF-8 (with or without a BOM) means
    /// UTF-8; otherwise valid GB18030 means GB18030, except that bytes which are nearly all valid
    /// UTF-8 are reported as damaged UTF-8 rather than read as GB18030 gibberish. Throws `.empty`
    /// for no bytes or only white space, `.binary` for NUL bytes or many control bytes, and
    /// `.invalidBytes` with the offset of the first bad byte when no encoding fits.
    public static func decode(_ bytes: [UInt8], name: String, encoding: TextEncoding? = nil) throws(ExtractionError) -> SourceText {
        guard !bytes.isEmpty else { throw .empty(file: name) }
        let utf16Order = ByteOrderMark.utf16(in: bytes)
        let chosen: TextEncoding
        let text: String
        if encoding == .utf16 || (encoding == nil && utf16Order != nil) {
            chosen = .utf16
            text = try decodeUTF16(bytes, bigEndian: utf16Order == .bigEndian, name: name)
        } else {
            try rejectBinary(bytes, name: name)
            (chosen, text) = try decodeBytes(bytes, name: name, encoding: encoding)
        }
        guard text.unicodeScalars.contains(where: { !CharacterClass.isBlank($0) }) else {
            throw .empty(file: name)
        }
        return SourceText(name: name, text: text, encoding: chosen)
    }

    /// Reads and decodes the file at `url`; the error names the file.
    public static func read(contentsOf url: URL, encoding: TextEncoding? = nil) throws(ExtractionError) -> SourceText {
        switch FileBytes.read(path: url.path) {
        case let .success(bytes):
            return try decode(bytes, name: url.lastPathComponent, encoding: encoding)
        case let .failure(failure):
            throw .unreadable(file: url.path, reason: failure.reason)
        }
    }

    // MARK: - Steps

    /// UTF-8 or GB18030, forced or detected.
    private static func decodeBytes(_ bytes: [UInt8], name: String, encoding: TextEncoding?) throws(ExtractionError) -> (TextEncoding, String) {
        let withoutMark = ByteOrderMark.hasUTF8(bytes) ? bytes[3...] : bytes[...]
        if encoding == .gb18030 {
            switch Iconv.decode(bytes[...], from: "GB18030") {
            case let .success(text): return (.gb18030, text)
            case let .failure(.invalidBytes(offset)):
                throw .invalidBytes(file: name, encoding: "GB18030", byteOffset: offset)
            case .failure(.unsupported):
                throw .undecodable(file: name, encoding: "GB18030 (the C library's iconv lacks it)")
            }
        }
        if let text = String(validating: withoutMark, as: UTF8.self) {
            return (.utf8, text)
        }
        let damage = UTF8Damage(withoutMark)
        let markLength = bytes.count - withoutMark.count
        if encoding == .utf8 || damage.isDamagedUTF8 || markLength > 0 {
            throw .invalidBytes(file: name, encoding: "UTF-8", byteOffset: markLength + damage.firstBadOffset)
        }
        switch Iconv.decode(bytes[...], from: "GB18030") {
        case let .success(text):
            return (.gb18030, text)
        case .failure:
            throw .invalidBytes(file: name, encoding: "UTF-8 or GB18030", byteOffset: damage.firstBadOffset)
        }
    }

    /// UTF-16 after a byte-order mark (or little-endian without one), strictly: a lone surrogate fails.
    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, name: String) throws(ExtractionError) -> String {
        let start = ByteOrderMark.utf16(in: bytes) == nil ? 0 : 2
        var units = [UInt16]()
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        var unitOffset = 0
        var hasNul = false
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                if encoded.count == 1 && encoded.first == 0 { hasNul = true }
                unitOffset += encoded.count
            case .error:
                throw .invalidBytes(file: name, encoding: "UTF-16", byteOffset: start + unitOffset * 2)
            case .emptyInput:
                break loop
            }
        }
        if hasNul { throw .binary(file: name) }
        if (bytes.count - start) % 2 == 1 {
            throw .invalidBytes(file: name, encoding: "UTF-16", byteOffset: bytes.count - 1)
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Throws `.binary` for a NUL byte or when more than 1 byte in 20 is a control byte that texts do not use.
    private static func rejectBinary(_ bytes: [UInt8], name: String) throws(ExtractionError) {
        var controls = 0
        for byte in bytes where byte < 0x20 || byte == 0x7F {
            switch byte {
            case 0: throw .binary(file: name)
            // Tab, line feed, vertical tab, form feed (pdftotext's page break), carriage return, escape.
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B: continue
            default: controls += 1
            }
        }
        if controls > 0 && controls * 20 >= bytes.count { throw .binary(file: name) }
    }
}

/// Byte-order marks at the start of a file.
enum ByteOrderMark {
    /// The order of a UTF-16 byte-order mark.
    enum Order { case littleEndian, bigEndian }

    static func hasUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The byte order a UTF-16 mark announces, or nil without one.
    static func utf16(in bytes: [UInt8]) -> Order? {
        guard bytes.count >= 2 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): return .littleEndian
        case (0xFE, 0xFF): return .bigEndian
        default: return nil
        }
    }
}

/// How far bytes that are not valid UTF-8 are from being valid: told apart from other encodings.
struct UTF8Damage {
    /// Offset of the first invalid byte (from the slice's start).
    private(set) var firstBadOffset = -1
    /// Invalid sequences.
    private(set) var badSequences = 0
    /// Valid sequences of two bytes or more.
    private(set) var validMultibyte = 0

    init(_ bytes: ArraySlice<UInt8>) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                if encoded.count > 1 { validMultibyte += 1 }
                offset += encoded.count
            case let .error(length):
                if firstBadOffset < 0 { firstBadOffset = offset }
                badSequences += 1
                offset += length
            case .emptyInput:
                break loop
            }
        }
    }

    /// True when at least 19 of 20 non-ASCII sequences are valid UTF-8: the file is UTF-8 with some
    /// damage (a cut, a stray byte). GB18030 text only rarely forms valid UTF-8 sequences.
    var isDamagedUTF8: Bool {
        badSequences > 0 && validMultibyte >= 19 * badSequences
    }
}
