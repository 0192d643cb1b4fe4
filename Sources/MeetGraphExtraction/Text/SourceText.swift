import Foundation
import MeetGraph

/// The character encodings MeetGraph reads.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8
    case gb18030
}

/// A document's text as decoded from its bytes: the reference for every evidence offset.
///
/// Offsets into ``text`` count Unicode scalars (see ``MeetGraph/Evidence``). A UTF-8 byte-order mark is
/// dropped before counting.
public struct SourceText: Sendable {
    /// The file name, used in messages and as ``MeetGraph/Document/document``.
    public let name: String
    /// The decoded text, BOM dropped, otherwise as in the file.
    public let text: String
    /// The encoding the bytes were read with.
    public let encoding: TextEncoding

    public init(name: String, text: String, encoding: TextEncoding = .utf8) {
        self.name = name
        self.text = text
        self.encoding = encoding
    }

    /// Decodes `bytes`: with `encoding` when given, else UTF-8 (with or without BOM) or GB18030, detected.
    ///
    /// STUB: UTF-8 only; the full version detects GB18030 and rejects binary input.
    public static func decode(_ bytes: [UInt8], name: String, encoding: TextEncoding? = nil) throws(ExtractionError) -> SourceText {
        guard !bytes.isEmpty else { throw .empty(file: name) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .undecodable(file: name, encoding: "UTF-8")
        }
        return SourceText(name: name, text: text, encoding: .utf8)
    }

    /// Reads and decodes the file at `url`; the error names the file.
    public static func read(contentsOf url: URL, encoding: TextEncoding? = nil) throws(ExtractionError) -> SourceText {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: url.path, reason: error.localizedDescription)
        }
        return try decode([UInt8](data), name: url.lastPathComponent, encoding: encoding)
    }
}
