import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MeetGraphWeb

/// Debian's headless Chromium, when it can start here. `.ci/run` installs it; on a machine
/// without it these tests are skipped with a message saying so.
enum Chromium {
    /// The browser's path, if one starts.
    static let path: String? = {
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            if let result = try? run(candidate, ["--version"]), result.status == 0 { return candidate }
        }
        return nil
    }()

    static let skipMessage = "headless Chromium cannot be started here (install Debian's chromium; .ci/run does): browser tests skipped"

    /// Where screenshots go: `MEETGRAPH_SCREENSHOTS`, else `.build/screenshots` in the package.
    static let screenshots: URL = {
        if let folder = ProcessInfo.processInfo.environment["MEETGRAPH_SCREENSHOTS"] { return URL(fileURLWithPath: folder) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/screenshots")
    }()

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errorData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    static func common(_ profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + profile.path,
         "--virtual-time-budget=4000", "--run-all-compositor-stages-before-draw"]
    }

    /// The page's DOM after its scripts ran (the ego picture loaded, suggestions fetched).
    static func dom(_ url: String) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("meetgraph-chromium-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try run(path!, common(profile) + ["--dump-dom", url])
        return result.stdout
    }

    /// Saves a screenshot of `url` as `name` in ``screenshots`` and returns its file.
    @discardableResult
    static func screenshot(_ url: String, name: String, width: Int = 1200, height: Int = 900) throws -> URL {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("meetgraph-chromium-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: profile) }
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let file = screenshots.appendingPathComponent(name)
        _ = try run(path!, common(profile) + ["--hide-scrollbars", "--window-size=\(width),\(height)",
                                              "--screenshot=" + file.path, url])
        return file
    }
}

/// Pages loaded in a real browser: the server runs on a loopback port, Chromium loads the page,
/// and the DOM it ends with is checked.
@Suite(.serialized, .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.skipMessage)))
struct BrowserTests {
    let fixture: TestStore

    init() throws { fixture = try TestStore(Samples.all) }

    /// Runs `body` with the site served on a free loopback port.
    func live(_ body: @Sendable (_ base: String) async throws -> Void) async throws {
        let app = WebServer.application(site: fixture.site, configuration: .init(host: "127.0.0.1", port: 0))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)")
        }
    }

    @Test func searchPageListsTheMatchingPeople() async throws {
        try await live { base in
            let dom = try Chromium.dom(base + HTML.url("/search", [("q", "聞")]))
            #expect(dom.contains("闻若溪"))
            #expect(dom.contains("id=\"results\""))
            try Chromium.screenshot(base + HTML.url("/search", [("q", "若")]), name: "search.png", height: 500)
        }
    }

    @Test func personPageShowsEventsAndTheClickableCircle() async throws {
        try await live { base in
            let url = base + HTML.url("/person", [("name", "闻若溪")])
            let dom = try Chromium.dom(url)
            #expect(dom.contains("全市河湖治理工作会议"))
            #expect(dom.contains("邵启航"))
            // The script fetched the ego picture, put it in the page and made its people clickable.
            #expect(dom.contains("data-loaded=\"true\""))
            #expect(dom.contains("data-person=\"邵启航\""))
            #expect(dom.contains("data-a="))
            try Chromium.screenshot(url, name: "person.png", height: 1100)
        }
    }

    @Test func eventPageShowsTheEvidenceWithNamesHighlighted() async throws {
        try await live { base in
            let url = base + HTML.url("/event", [("key", "river.txt#e1")])
            let dom = try Chromium.dom(url)
            #expect(dom.contains("市委书记<mark>祁明远</mark>主持召开全市河湖治理工作会议。"))
            #expect(dom.contains("chair"))
            try Chromium.screenshot(url, name: "event.png", height: 700)
        }
    }

    @Test func graphPageColoursCommunities() async throws {
        try await live { base in
            let url = base + "/graph"
            let dom = try Chromium.dom(url)
            #expect(dom.contains("data-loaded=\"true\""))
            #expect(dom.contains("data-person=\"祁明远\""))
            try Chromium.screenshot(url, name: "graph.png", height: 1000)
        }
    }

    /// The hostile-name test in the browser: the names appear as text, and the only script
    /// elements and event handlers in the final DOM are the site's own.
    @Test func hostileNamesAreShownAsTextAndRunNothing() async throws {
        try await live { base in
            for url in [base + HTML.url("/event", [("key", "hostile.txt#e1")]),
                        base + HTML.url("/person", [("name", Samples.scriptName)]),
                        base + HTML.url("/person", [("name", "祁明远")]),
                        base + "/graph"] {
                let dom = try Chromium.dom(url)
                #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(url): name not shown as text")
                let scripts = dom.components(separatedBy: "<script").count - 1
                let ours = dom.components(separatedBy: "<script src=\"/static/app.js\"></script>").count - 1
                let data = dom.components(separatedBy: "<script type=\"application/json\" id=\"communities\">").count - 1
                #expect(scripts == ours + data, "\(url): a script element that is not the site's")
                // Escaped text holds no `<`, so any `<tag … onX=` in the serialised DOM is a real handler.
                let handler = try NSRegularExpression(pattern: "<[a-zA-Z][^>]*\\son[a-z]+\\s*=")
                #expect(handler.firstMatch(in: dom, range: NSRange(dom.startIndex..., in: dom)) == nil,
                        "\(url): an event handler attribute")
            }
            try Chromium.screenshot(base + HTML.url("/event", [("key", "hostile.txt#e1")]), name: "hostile.png", height: 600)
        }
    }
}
