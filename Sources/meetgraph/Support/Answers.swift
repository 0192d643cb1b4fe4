import Foundation
import MeetGraph

/// The JSON schema of every query's answer: snake_case keys (the encoder converts the camelCase
/// property names), events named by their id (`a.txt#e1`) with their name and date beside it.
/// README.md ("JSON answers") documents each shape; a change here is a change there.
enum Answer {
    /// An event as every answer names it: the id that `query events` and the exports use, and
    /// what a person reads.
    struct EventReference: Encodable {
        var id: String
        var name: String
        var date: String?

        init(_ event: AttendanceGraph.EventNode) {
            id = event.key
            name = event.name
            date = event.date?.description
        }

        /// An event the store no longer describes: the id stands for the name.
        init(id: String) {
            self.id = id
            name = id
            date = nil
        }
    }

    /// An event with everything the store holds about it.
    struct EventDetail: Encodable {
        var id: String
        var name: String
        var date: String?
        var timeOfDay: String?
        var kind: String
        var place: String?
        var document: String

        init(_ event: AttendanceGraph.EventNode) {
            id = event.key
            name = event.name
            date = event.date?.description
            timeOfDay = event.timeOfDay
            kind = event.kind.rawValue
            place = event.place
            document = event.document
        }
    }

    /// Encodes `value` as the CLI's JSON (pretty, sorted keys) with snake_case keys.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
