import MeetGraph

/// Why a file could not be read as a news text. Each message names the file and says what to do.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read (missing, a folder, no permission).
    case unreadable(file: String, reason: String)
    /// The file holds no text (zero bytes, or only white space).
    case empty(file: String)
    /// The file looks binary (NUL bytes or mostly control bytes), not a text.
    case binary(file: String)
    /// The bytes are not valid in the given or detected encoding.
    case undecodable(file: String, encoding: String)
    /// The bytes are not valid in `encoding` from `byteOffset` on (0 is the file's first byte).
    ///
    /// `encoding` names what was tried: `UTF-8`, `GB18030`, or `UTF-8 or GB18030` when neither fits.
    case invalidBytes(file: String, encoding: String, byteOffset: Int)

    /// One line for a person: the file, what is wrong, what to do.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "\(file): cannot read the file (\(reason))"
        case let .empty(file):
            "\(file): the file holds no text (it is empty or only white space); give a file with the news text"
        case let .binary(file):
            "\(file): this looks like a binary file, not a text; give a UTF-8 or GB18030 text file"
        case let .undecodable(file, encoding):
            "\(file): the bytes are not valid \(encoding); try --encoding utf8 or --encoding gb18030"
        case let .invalidBytes(file, encoding, byteOffset):
            "\(file): the bytes are not valid \(encoding) (first bad byte at offset \(byteOffset)); "
                + "convert the file to UTF-8 (iconv -f ENCODING -t UTF-8) or give its encoding with --encoding"
        }
    }
}
