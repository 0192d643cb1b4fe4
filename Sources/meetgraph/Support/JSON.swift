import ArgumentParser
import Foundation
import MeetGraph

/// JSON as the CLI writes it: pretty-printed UTF-8, Chinese unescaped, keys sorted so that output is byte-for-byte repeatable.
enum JSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// One line of JSON, for JSON Lines output.
    static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

/// Exit codes: 0 all went well, 1 some inputs failed (the rest was processed), 2 nothing could be done.
enum Exit {
    /// Throws the right exit code after per-file failures were reported.
    static func afterFailures(_ failures: [InputFailure], processed: Int) throws {
        guard !failures.isEmpty else { return }
        if processed == 0 { throw ExitCode(2) }
        throw ExitCode(1)
    }
}

/// A failure the user can fix, printed as one line (`Error: …`) with exit code 1 and no usage text.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
