import Foundation
import Hummingbird
import MeetGraph
import MeetGraphExport
import MeetGraphStore

/// The web page behind `meetgraph serve`: a Hummingbird application over a read-only store.
///
/// Every route is a GET: there is nothing that writes. Each answer is bounded (see ``Site``), and
/// a request whose work takes longer than ``Configuration/requestTimeout`` answers 503.
public enum WebServer {
    /// Where to listen and how long a request may take.
    public struct Configuration: Sendable {
        /// The address to bind: loopback by default, so that only this machine can connect.
        public var host: String
        /// The TCP port.
        public var port: Int
        /// Seconds a request's work may take before the answer is 503.
        public var requestTimeout: Double
        /// Seconds an idle connection stays open.
        public var idleTimeout: Int

        /// Loopback, port 8080, 10 s per request, 60 s idle.
        public init(host: String = "127.0.0.1", port: Int = 8080, requestTimeout: Double = 10, idleTimeout: Int = 60) {
            self.host = host
            self.port = port
            self.requestTimeout = requestTimeout
            self.idleTimeout = idleTimeout
        }
    }

    /// Why the server could not start, in words for the person who started it.
    public enum StartError: Error, Sendable, CustomStringConvertible {
        /// Another program listens on the port.
        case portInUse(host: String, port: Int)
        /// The address cannot be bound (not an address of this machine, a privileged port…).
        case cannotBind(host: String, port: Int, reason: String)

        public var description: String {
            switch self {
            case .portInUse(let host, let port):
                "port \(port) on \(host) is already in use (another meetgraph serve?): stop that program "
                    + "or choose another port with --port, e.g. --port \(port == 65535 ? 8081 : port + 1)"
            case .cannotBind(let host, let port, let reason):
                "cannot listen on \(host):\(port): \(reason); check --host and --port"
            }
        }
    }

    /// The routes, for the application and for tests (Hummingbird's test client).
    public static func router(site: Site, configuration: Configuration = Configuration()) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        Routes(site: site, timeout: configuration.requestTimeout).add(to: router)
        return router
    }

    /// The application: the routes on an HTTP/1 server at the configured address.
    public static func application(
        site: Site, configuration: Configuration = Configuration(),
        onServerRunning: @escaping @Sendable () async -> Void = {}
    ) -> some ApplicationProtocol {
        Application(
            router: router(site: site, configuration: configuration),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeout)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "meetgraph", reuseAddress: false),
            onServerRunning: { _ in await onServerRunning() })
    }

    /// Serves `site` until the process is interrupted (SIGINT or SIGTERM).
    /// - Throws: ``StartError`` when the address cannot be bound.
    public static func run(site: Site, configuration: Configuration,
                           onServerRunning: @escaping @Sendable () async -> Void = {}) async throws {
        try PortCheck.bindable(host: configuration.host, port: configuration.port)
        let app = application(site: site, configuration: configuration) {
            DispatchQueue.global(qos: .utility).async { site.warmUp() }
            await onServerRunning()
        }
        do {
            try await app.runService()
        } catch {
            if "\(error)".contains("Address already in use") {
                throw StartError.portInUse(host: configuration.host, port: configuration.port)
            }
            throw error
        }
    }
}
