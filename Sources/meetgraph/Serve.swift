import ArgumentParser
import Dispatch
import Foundation
import MeetGraphStore
import MeetGraphWeb

/// `meetgraph serve`: a web page to explore the store, read-only, on this machine by default.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the store as a web page: search, people, events with evidence, graphs.",
        discussion: """
            Serves the store given by --db read-only, on 127.0.0.1 (this machine only) unless \
            --host says otherwise. Every page is also JSON (see /api) and its table a CSV download. \
            Stop with Ctrl-C.

            Example (after `meetgraph ingest seeds --db meetgraph.sqlite`; then open \
            http://127.0.0.1:8080/):
              meetgraph serve --db meetgraph.sqlite --port 8080
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The TCP port to listen on.")
    var port: Int = 8080

    @Option(help: "The address to listen on; 0.0.0.0 opens the page to other machines.")
    var host: String = "127.0.0.1"

    @Option(help: "Seconds a page may take before the answer is 503.")
    var timeout: Double = 10

    func validate() throws {
        if !(1...65535).contains(port) { throw ValidationError("--port must be from 1 to 65535") }
        if timeout <= 0 { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        guard store.exists else {
            throw CommandError("no store at \(store.db): run `meetgraph ingest FOLDER --db \(store.db)` first")
        }
        let site = Site(store: try store.openSQLite(readOnly: true, for: "serve"))
        let configuration = WebServer.Configuration(host: host, port: port, requestTimeout: timeout)
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await WebServer.run(site: site, configuration: configuration) {
                    Console.error("serving \(store.db) read-only at \(address) (Ctrl-C stops)")
                }
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw CommandError("\(error)") }
    }
}

/// The error the server stopped with, handed from its task to the command.
private final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? { lock.withLock { stored } }
    func set(_ error: any Error) { lock.withLock { stored = error } }
}
