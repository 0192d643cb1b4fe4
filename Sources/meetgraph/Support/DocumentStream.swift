import Foundation
import MeetGraph
import Synchronization

extension DocumentReader {
    /// Extracts `inputs` as ``read(_:label:)`` does, but hands each item to `body` in the files'
    /// order as soon as its group of files is done, so that only `group` documents are held at
    /// once instead of all of them. Files are still extracted `threads` at a time.
    /// - Returns: what could not be read, with messages naming the file.
    func forEach(_ inputs: InputFiles, label: String? = "extracting", group: Int = 64,
                 _ body: (Item) throws -> Void) rethrows -> [InputFailure] {
        let progress = Mutex<(done: Int, line: Progress?)>((0, label.map { Progress(total: inputs.files.count, label: $0) }))
        var failures = inputs.failures
        var start = inputs.files.startIndex
        let size = max(group, threads)
        while start < inputs.files.endIndex {
            let end = min(start + size, inputs.files.endIndex)
            let outcomes = inputs.files[start..<end].concurrentMap(threads: threads) { [self] file -> Result<Item, InputFailure> in
                let outcome = extract(file)
                progress.withLock { state in
                    state.done += 1
                    state.line?.update(state.done, item: file.key)
                }
                return outcome
            }
            for outcome in outcomes {
                switch outcome {
                case .success(let item): try body(item)
                case .failure(let failure): failures.append(failure)
                }
            }
            start = end
        }
        progress.withLock { $0.line?.finish() }
        return failures
    }
}

/// Writes documents to stdout one at a time, as the same bytes ``JSON/string(_:)`` gives for
/// the whole array (`json`) or ``JSON/line(_:)`` for each (`jsonl`): no tree of the whole output.
struct JSONDocumentStream {
    /// A JSON array (pretty-printed, sorted keys) or JSON Lines.
    var lines: Bool
    private var count = 0
    private var buffer: [UInt8] = []

    init(lines: Bool) {
        self.lines = lines
    }

    /// Writes `document`.
    mutating func write(_ document: Document) throws {
        if lines {
            buffer.append(contentsOf: try JSON.line(document).utf8)
        } else {
            // An array element is the document's own pretty text indented one level (two spaces);
            // JSON strings hold no raw line break, so indenting after each one is exact. Lines
            // left empty (inside an empty array) stay empty, as the encoder writes them.
            buffer.append(contentsOf: count == 0 ? Array("[\n  ".utf8) : Array(",\n  ".utf8))
            let text = try JSON.encode(document).dropLast()  // its final line break
            var lineStart = false
            for byte in text {
                if lineStart && byte != 0x0A { buffer.append(contentsOf: [0x20, 0x20]) }
                buffer.append(byte)
                lineStart = byte == 0x0A
            }
        }
        count += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Ends the output (the array's closing bracket) and writes what is left.
    mutating func finish() throws {
        if !lines {
            if count == 0 {
                buffer.append(contentsOf: try JSON.encode([Document]()))
            } else {
                buffer.append(contentsOf: Array("\n]\n".utf8))
            }
        }
        flush()
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        Console.output(bytes: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
