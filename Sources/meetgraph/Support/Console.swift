import Foundation

/// Where the CLI writes messages: results go to stdout, everything else to stderr.
enum Console {
    /// Writes `message` and a newline to stderr.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Writes `text` to stdout exactly (no newline added).
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Whether stderr is a terminal, so a progress line can be redrawn in place.
    static let stderrIsTerminal: Bool = isatty(STDERR_FILENO) != 0
}

/// A progress line on stderr for long runs: redrawn in place on a terminal, a line every few
/// seconds otherwise, and nothing at all for runs too short to need it.
final class Progress {
    private let total: Int
    private let label: String
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drewSomething = false

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    /// Reports that `done` of `total` items are finished; `item` names the current one.
    func update(_ done: Int, item: String = "") {
        let now = Date()
        let interval: TimeInterval = Console.stderrIsTerminal ? 0.1 : 5
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) >= interval || done == total else { return }
        lastDraw = now
        drewSomething = true
        let percent = total > 0 ? done * 100 / total : 100
        let width = 24
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\(label) [\(bar)] \(done)/\(total) \(percent)% \(item.suffix(40))"
        if Console.stderrIsTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        } else {
            Console.error(line)
        }
    }

    /// Ends the progress line so that later messages start on a fresh line.
    func finish() {
        if drewSomething && Console.stderrIsTerminal {
            FileHandle.standardError.write(Data("\n".utf8))
        }
    }
}
