import Foundation

/// A throwaway PostgreSQL cluster for the tests: `initdb` into a temporary folder, a free port on
/// 127.0.0.1, started once per test process and stopped (its folder removed) when the process exits.
///
/// `MEETGRAPH_TEST_POSTGRES` (a `postgres://` URL of a server whose user may create databases)
/// is used instead when set. When neither works, ``shared`` says why, and the tests that need a
/// server are skipped with that message.
public final class PostgresTestServer: Sendable {
    /// The server's URL without a database: `postgres://meetgraph@127.0.0.1:PORT`.
    public let baseURL: String
    /// The cluster's folder, when this process started it.
    let folder: URL?

    /// The server, or why none could be started.
    public static let shared: Result<PostgresTestServer, Unavailable> = start()

    /// Why no server could be had.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    private init(baseURL: String, folder: URL?) {
        self.baseURL = baseURL
        self.folder = folder
    }

    /// Whether the tests that need a server can run: the condition of `.enabled(if:)`.
    public static var isAvailable: Bool {
        if case .success = shared { return true }
        if case .failure(let reason) = shared {
            FileHandle.standardError.write(Data("PostgreSQL tests skipped: \(reason)\n".utf8))
        }
        return false
    }

    /// A new, empty database on the server; returns its URL.
    public func makeDatabase() throws -> String {
        let name = "meetgraph_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        guard let psql = Self.binary("psql") ?? ["/usr/bin/psql"].first(where: FileManager.default.isExecutableFile) else {
            throw Unavailable(description: "no psql to create a database with")
        }
        let created = Self.run([psql, "-X", "-q", "-d", baseURL + "/postgres", "-c",
                                "CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'"])
        guard created.status == 0 else { throw Unavailable(description: "cannot create a database: \(created.output)") }
        return baseURL + "/" + name
    }

    // MARK: Starting and stopping

    private static let binaryFolders = ["/usr/local/bin"] + ((try? FileManager.default.contentsOfDirectory(
        atPath: "/usr/lib/postgresql")) ?? []).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin" }

    private static func binary(_ name: String) -> String? {
        binaryFolders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func start() -> Result<PostgresTestServer, Unavailable> {
        if let url = ProcessInfo.processInfo.environment["MEETGRAPH_TEST_POSTGRES"], !url.isEmpty {
            return .success(PostgresTestServer(baseURL: url.hasSuffix("/") ? String(url.dropLast()) : url, folder: nil))
        }
        guard let initdb = binary("initdb"), let pgCtl = binary("pg_ctl") else {
            return .failure(Unavailable(description: "no initdb or pg_ctl (install Debian's postgresql package: make deps)"))
        }
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("meetgraph-pg-" + UUID().uuidString.prefix(8), isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return .failure(Unavailable(description: "cannot make \(folder.path): \(error)"))
        }
        // PostgreSQL refuses to run as root: run it as the `postgres` user, who owns the folder.
        let asUser: [String]
        if geteuid() == 0 {
            guard let user = getpwnam("postgres") else {
                return .failure(Unavailable(description: "running as root and no postgres user to run the server as"))
            }
            chown(folder.path, user.pointee.pw_uid, user.pointee.pw_gid)
            asUser = ["/usr/sbin/runuser", "-u", "postgres", "--"]
        } else {
            asUser = []
        }
        let data = folder.appendingPathComponent("data").path
        let initialised = run(asUser + [initdb, "-D", data, "-U", "meetgraph", "--auth=trust", "-E", "UTF8",
                                        "--locale=C.UTF-8", "--no-sync"])
        guard initialised.status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            return .failure(Unavailable(description: "initdb failed: \(initialised.output.suffix(400))"))
        }
        for _ in 0..<5 {
            let port = freePort()
            let options = "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off "
                + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40"
            let started = run(asUser + [pgCtl, "-D", data, "-o", options, "-l", folder.appendingPathComponent("log").path,
                                        "-w", "-t", "60", "start"])
            if started.status == 0 {
                let server = PostgresTestServer(baseURL: "postgres://meetgraph@127.0.0.1:\(port)", folder: folder)
                Stopper.register(pgCtl: asUser + [pgCtl, "-D", data, "-m", "immediate", "-w", "stop"], folder: folder)
                return .success(server)
            }
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent("log"), encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: folder)
        return .failure(Unavailable(description: "the server did not start: \(log.suffix(400))"))
    }

    /// A TCP port nobody listens on now.
    private static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs `arguments` and returns its exit status and what it printed.
    ///
    /// Spawned and waited for with posix_spawn and waitpid, the output going through a file:
    /// Foundation's Process, called while the shared server is being set up, was seen never to
    /// notice its child's exit, and the server that `pg_ctl start` leaves running could hold a pipe open.
    @discardableResult
    public static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let file = NSTemporaryDirectory() + "meetgraph-pg-\(UUID().uuidString).out"
        defer { unlink(file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { return (-1, "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        // The exit code when the child exited, else 128 + the signal that ended it.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    /// Stops the cluster and removes its folder when the test process exits.
    private enum Stopper {
        nonisolated(unsafe) static var command: [String] = []
        nonisolated(unsafe) static var folder: URL?

        static func register(pgCtl: [String], folder: URL) {
            command = pgCtl
            Stopper.folder = folder
            atexit {
                PostgresTestServer.run(Stopper.command)
                if let folder = Stopper.folder { try? FileManager.default.removeItem(at: folder) }
            }
        }
    }
}
