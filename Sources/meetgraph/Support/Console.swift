import Foundation

/// Where the CLI writes messages: results go to stdout, everything else to stderr.
///
/// Both are written with `write(2)` and checked: a closed, full or broken stdout ends the run with
/// ``Console/outputFailureStatus`` (quietly for a closed pipe, as `head` expects of Unix tools)
/// instead of crashing; a stderr that cannot be written is ignored, since there is nowhere to say so.
enum Console {
    /// The exit status after stdout could not be written (disk full, closed descriptor).
    static let outputFailureStatus: Int32 = 3
    /// The exit status after the reader of stdout went away (EPIPE), as a shell reports SIGPIPE.
    static let brokenPipeStatus: Int32 = 141

    /// Writes `message` and a newline to stderr, control characters made visible (see ``visible(_:)``).
    static func error(_ message: String) {
        _ = writeAll(STDERR_FILENO, Array((visible(message) + "\n").utf8))
    }

    /// Set by `--quiet`: notes and progress lines are not written.
    nonisolated(unsafe) static var quiet = false

    /// Writes an informational `message` to stderr (what was written, what was left out), unless `--quiet`.
    static func note(_ message: String) {
        if !quiet { error(message) }
    }

    /// Writes `text` to stdout exactly (no newline added); exits when stdout cannot take it.
    static func output(_ text: String) {
        output(bytes: Array(text.utf8))
    }

    /// Writes `bytes` to stdout; exits when stdout cannot take them.
    static func output(bytes: [UInt8]) {
        let failure = writeAll(STDOUT_FILENO, bytes)
        guard failure != 0 else { return }
        if failure == EPIPE { exit(brokenPipeStatus) }
        error("meetgraph: cannot write the output to stdout (\(String(cString: strerror(failure))))")
        exit(outputFailureStatus)
    }

    /// Writes a progress line's bytes to stderr as they are (it redraws with `\r` and an escape code).
    static func progress(_ text: String) {
        _ = writeAll(STDERR_FILENO, Array(text.utf8))
    }

    /// `text` with control characters (C0 but tab, DEL, C1) shown as `\u{1B}`-style escapes, so that
    /// a file name cannot move the cursor, change colours or clear the terminal.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Writes every byte to `descriptor`, retrying after signals; 0, or the `errno` of the failure.
    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { buffer -> Int32 in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return 0
        }
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
        guard !Console.quiet else { return }
        let now = Date()
        let interval: TimeInterval = Console.stderrIsTerminal ? 0.1 : 5
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) >= interval || done == total else { return }
        lastDraw = now
        drewSomething = true
        let percent = total > 0 ? done * 100 / total : 100
        let width = 24
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\(label) [\(bar)] \(done)/\(total) \(percent)% \(Console.visible(String(item.suffix(40))))"
        if Console.stderrIsTerminal {
            Console.progress("\r\u{1B}[K" + line)
        } else {
            Console.error(line)
        }
    }

    /// Ends the progress line so that later messages start on a fresh line.
    func finish() {
        if drewSomething && Console.stderrIsTerminal {
            Console.progress("\n")
        }
    }
}
