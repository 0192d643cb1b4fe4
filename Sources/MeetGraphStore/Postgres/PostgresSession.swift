import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// Where a PostgreSQL store lives: `postgres://user[:password]@host[:port]/database`.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// The server's port (5432 unless the URL names another).
    public var port: Int
    /// The user to connect as.
    public var user: String
    /// The password, when the URL gives one.
    public var password: String?
    /// The database.
    public var database: String

    /// Whether `text` names a PostgreSQL store (`postgres://…` or `postgresql://…`) rather than a file.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads `postgres://user[:password]@host[:port]/database`.
    /// - Throws: ``PostgresStoreError/badAddress(_:reason:)`` saying which part is missing.
    public init(url text: String) throws {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw PostgresStoreError.badAddress(text, reason: "not a postgres:// URL")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError.badAddress(text, reason: "no host")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw PostgresStoreError.badAddress(text, reason: "no database after the host") }
        self.host = host
        self.port = components.port ?? 5432
        self.user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        self.password = components.password.flatMap { $0.removingPercentEncoding }
        self.database = database
    }

    /// The URL without the password, for messages.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}

/// What went wrong with a PostgreSQL store, saying what to do.
public enum PostgresStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--db` (or `MEETGRAPH_DB`) looks like a URL but cannot be read.
    case badAddress(String, reason: String)
    /// No connection could be made.
    case cannotConnect(String, reason: String)
    /// The server refused a statement.
    case server(String, message: String, sqlState: String?)
    /// The database was written by a newer MeetGraph.
    case newerSchema(String, unknownMigrations: [String])
    /// The database holds no MeetGraph tables yet and was opened read-only.
    case emptyStore(String)
    /// The command does not work on a PostgreSQL store yet.
    case unsupported(String, operation: String)

    /// One line for stderr: the store, what went wrong, what to do.
    public var description: String {
        switch self {
        case .badAddress(let text, let reason):
            "\(text): \(reason); write the store as postgres://user@host[:port]/database"
        case .cannotConnect(let address, let reason):
            "\(address): cannot connect (\(reason)); check that the server runs and accepts this user"
        case .server(let address, let message, let sqlState):
            "\(address): database error\(sqlState.map { " \($0)" } ?? ""): \(message)"
        case .newerSchema(let address, let unknown):
            "\(address): written by a newer MeetGraph (unknown schema changes: \(unknown.joined(separator: ", "))); "
                + "upgrade meetgraph to read it"
        case .emptyStore(let address):
            "\(address): the store is empty (no MeetGraph tables yet); run `meetgraph ingest FOLDER --db \(address)` first"
        case .unsupported(let address, let operation):
            "\(address): \(operation) is not available on a PostgreSQL store yet; run it on an SQLite store (--db FILE)"
        }
    }
}

/// A value bound to a statement parameter.
enum SQLValue: Sendable {
    case int(Int64)
    case text(String)
    case null
    case ints([Int64])
    case texts([String])

    init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    init(_ value: Int64?) { self = value.map { .int($0) } ?? .null }
    init(_ value: String?) { self = value.map { .text($0) } ?? .null }
}

/// One row of a result, read by column index.
struct SQLRow {
    let cells: PostgresRandomAccessRow

    /// The integer in column `index`, nil when NULL.
    func int(_ index: Int) -> Int? {
        (try? cells[index].decode(Int64?.self)).flatMap { $0.map(Int.init) }
    }

    /// The 64-bit integer in column `index`, nil when NULL.
    func id(_ index: Int) -> Int64? { try? cells[index].decode(Int64?.self) }

    /// The text in column `index`, nil when NULL.
    func text(_ index: Int) -> String? { try? cells[index].decode(String?.self) }
}

/// One connection to the server, used synchronously: the commands are synchronous, and one
/// connection per store keeps transactions simple (a batch is one `BEGIN … COMMIT`).
///
/// Statements are written with `?` placeholders, as for SQLite, and numbered here (`$1`, `$2`…);
/// the SQL of this module never has a `?` inside a string literal.
final class PostgresSession: @unchecked Sendable {
    let address: PostgresAddress
    private let group: MultiThreadedEventLoopGroup
    private let connection: PostgresConnection
    private let logger: Logger
    private let lock = NSLock()

    /// Connects to `address`.
    init(address: PostgresAddress) throws {
        self.address = address
        var logger = Logger(label: "MeetGraphStore.Postgres")
        logger.logLevel = .critical
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        do {
            connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1,
                                                        logger: logger).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw PostgresStoreError.cannotConnect(address.description, reason: Self.reason(error))
        }
    }

    deinit {
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [SQLRow] {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .int(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .null: bindings.appendNull()
            case .ints(let numbers): bindings.append(numbers)
            case .texts(let texts): bindings.append(texts)
            }
        }
        let query = PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings)
        lock.lock()
        defer { lock.unlock() }
        do {
            return try connection.query(query, logger: logger).wait().map { SQLRow(cells: $0.makeRandomAccess()) }
        } catch {
            throw Self.storeError(error, address: address)
        }
    }

    /// Runs one statement.
    func execute(_ sql: String, _ values: [SQLValue] = []) throws {
        try rows(sql, values)
    }

    /// The first row, or nil.
    func row(_ sql: String, _ values: [SQLValue] = []) throws -> SQLRow? {
        try rows(sql, values).first
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a savepoint of the current transaction: only its own work is undone when it throws.
    func savepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT document")
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT document")
            return result
        } catch {
            try? execute("ROLLBACK TO SAVEPOINT document")
            throw error
        }
    }

    /// `sql` with each `?` replaced by `$1`, `$2`…
    static func numbered(_ sql: String) -> String {
        guard sql.contains("?") else { return sql }
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        for character in sql {
            if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The SQLSTATE of a server error, if `error` is one.
    static func sqlState(of error: any Error) -> String? {
        if case .server(_, _, let state) = error as? PostgresStoreError { return state }
        return (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    private static func storeError(_ error: any Error, address: PostgresAddress) -> any Error {
        guard let error = error as? PSQLError else { return error }
        if let info = error.serverInfo {
            return PostgresStoreError.server(address.description, message: info[.message] ?? "\(error.code)",
                                             sqlState: info[.sqlState])
        }
        return PostgresStoreError.cannotConnect(address.description, reason: reason(error))
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return String(describing: underlying) }
            return String(describing: error.code)
        }
        return String(describing: error)
    }
}
