import Foundation
import MeetGraph
import MeetGraphExport
import MeetGraphExtraction
import MeetGraphStore
import Synchronization

/// A problem with one input file: reported on stderr, the other files still processed.
struct InputFailure: Error, CustomStringConvertible, Sendable {
    let file: String
    let message: String
    var description: String { message }
}

/// One text file to read.
struct InputFile: Sendable, Hashable {
    /// The path as the file system knows it (bytes, which need not be UTF-8), for `open`.
    var path: [UInt8]
    /// The path for people: relative to the current folder when below it, bytes that are not UTF-8
    /// shown as `\xFF`. Messages and the documents' `source` show it.
    var display: String
    /// The document's name and identity: its path relative to the folder named on the command line
    /// (`x/a.txt`), or the file name for a file named directly; the display path when two inputs of
    /// one run would otherwise share a name. Event keys (`x/a.txt#e1`) and the store's paths use it.
    var key: String
    /// Whether the file was named on the command line (then a FIFO such as `<(…)` may be read).
    var named: Bool
}

/// Finds the text files named on the command line: files as given, folders searched recursively
/// for regular `*.txt` files (hidden entries skipped), in a stable sorted order.
///
/// Inside folders only regular files (or links to them) are read: a FIFO, socket or device called
/// `x.txt` is reported and skipped, so that the walk cannot block on it. Folders that cannot be
/// read are reported as failures, and the others are searched.
struct InputFiles {
    /// `path` relative to the current folder when it lies below it, else the full path.
    static func displayPath(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        return standard.hasPrefix(current) ? String(standard.dropFirst(current.count)) : standard
    }

    /// Bytes of a path for people: UTF-8 as it is, anything else as `\xNN`.
    static func readable(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var rest = bytes[...]
        while let first = rest.first {
            // The longest valid scalar at the start, else one bad byte shown as an escape.
            let width = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0
            if width > 0, rest.count >= width, let scalar = String(validating: rest.prefix(width), as: UTF8.self) {
                out += scalar
                rest = rest.dropFirst(width)
            } else {
                out += String(format: "\\x%02X", first)
                rest = rest.dropFirst()
            }
        }
        return out
    }

    private(set) var files: [InputFile] = []
    private(set) var failures: [InputFailure] = []

    /// Exactly these files, already found.
    init(files: [InputFile]) {
        self.files = files
    }

    init(paths: [String]) {
        var found: [InputFile] = []
        for path in paths {
            // A name that is not UTF-8 reached us with U+FFFD in place of its bytes: take them from argv.
            let raw = Self.rawArgument(for: path)
            let bytes = raw ?? Array(path.utf8)
            var status = stat()
            guard stat(bytes.cString, &status) == 0 else {
                let reason = errno == ENOENT ? "no such file or folder" : String(cString: strerror(errno))
                failures.append(InputFailure(file: path, message: "\(path): \(reason)"))
                continue
            }
            let display = raw.map(Self.readable) ?? Self.displayPath(path)
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                var inFolder: [InputFile] = []
                walk(folder: bytes, display: display, relative: "", into: &inFolder)
                if inFolder.isEmpty && !failures.contains(where: { $0.file.hasPrefix(display) }) {
                    failures.append(InputFailure(file: path, message: "\(display): the folder holds no .txt files"))
                }
                found += inFolder.sorted { $0.path.lexicographicallyPrecedes($1.path) }
            case S_IFREG, S_IFIFO, S_IFSOCK:
                found.append(InputFile(path: bytes, display: display,
                                       key: (display as NSString).lastPathComponent, named: true))
            default:
                failures.append(InputFailure(file: display, message: "\(display): \(Self.kind(of: status.st_mode)), "
                    + "not a text file; give a regular file"))
            }
        }
        files = Self.uniqueKeys(found)
    }

    /// The bytes of the command-line argument that decodes to `text` when they are not UTF-8
    /// (the argument parser only sees the decoded string, bad bytes as U+FFFD); nil otherwise.
    static func rawArgument(for text: String) -> [UInt8]? {
        guard text.unicodeScalars.contains("\u{FFFD}") else { return nil }
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: argument, count: strlen(argument)).map { UInt8(bitPattern: $0) }
            if String(validating: bytes, as: UTF8.self) == nil && String(decoding: bytes, as: UTF8.self) == text {
                return bytes
            }
        }
        return nil
    }

    /// What kind of file-system node `mode` describes, for messages.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    /// Adds the regular `*.txt` files below `folder`, recursively, skipping hidden entries.
    private mutating func walk(folder: [UInt8], display: String, relative: String, into found: inout [InputFile]) {
        guard let directory = opendir(folder.cString) else {
            let reason = String(cString: strerror(errno))
            failures.append(InputFailure(file: display, message: "\(display): cannot read the folder (\(reason))"))
            return
        }
        defer { closedir(directory) }
        var entries: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 {
                    let reason = String(cString: strerror(errno))
                    failures.append(InputFailure(file: display, message: "\(display): cannot read the folder (\(reason))"))
                }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            if name.first == UInt8(ascii: ".") { continue }  // hidden, `.` and `..`
            entries.append(name)
        }
        for name in entries {
            let path = folder + [UInt8(ascii: "/")] + name
            let readableName = Self.readable(name)
            let childDisplay = display + "/" + readableName
            let childRelative = relative.isEmpty ? readableName : relative + "/" + readableName
            var status = stat()
            guard lstat(path.cString, &status) == 0 else {
                let reason = String(cString: strerror(errno))
                failures.append(InputFailure(file: childDisplay, message: "\(childDisplay): cannot read (\(reason))"))
                continue
            }
            var mode = status.st_mode
            let isText = readableName.lowercased().hasSuffix(".txt")
            if mode & S_IFMT == S_IFLNK {
                // Links to files are read; links to folders are not followed (they could loop).
                guard stat(path.cString, &status) == 0 else {
                    let reason = String(cString: strerror(errno))
                    if isText { failures.append(InputFailure(file: childDisplay, message: "\(childDisplay): cannot read the file (\(reason))")) }
                    continue
                }
                mode = status.st_mode
                if mode & S_IFMT == S_IFDIR { continue }
            } else if mode & S_IFMT == S_IFDIR {
                if isText {
                    failures.append(InputFailure(file: childDisplay, message: "\(childDisplay): a folder, not a text file"))
                }
                walk(folder: path, display: childDisplay, relative: childRelative, into: &found)
                continue
            }
            guard isText else { continue }
            guard mode & S_IFMT == S_IFREG else {
                failures.append(InputFailure(file: childDisplay, message: "\(childDisplay): \(Self.kind(of: mode)), "
                    + "not a text file; skipped (only regular files are read inside folders)"))
                continue
            }
            found.append(InputFile(path: path, display: childDisplay, key: childRelative, named: false))
        }
    }

    /// The files with the same file given twice kept once, and keys made unique: files whose
    /// names relative to their folders coincide (`x/a.txt` and `y/a.txt` named directly) are
    /// keyed by their display paths.
    private static func uniqueKeys(_ files: [InputFile]) -> [InputFile] {
        var seen = Set<String>()
        var unique = files.filter { seen.insert($0.display).inserted }
        var count: [String: Int] = [:]
        for file in unique { count[file.key, default: 0] += 1 }
        for index in unique.indices where count[unique[index].key]! > 1 {
            unique[index].key = unique[index].display
        }
        return unique
    }
}

extension Array where Element == UInt8 {
    /// The bytes NUL-terminated, for C calls.
    var cString: [CChar] { map { CChar(bitPattern: $0) } + [0] }
}

/// Reads an input file's bytes, checking what it is before reading anything.
enum InputBytes {
    /// The largest text read, in bytes: under 4 GiB, like the extractor's own limit.
    static let sizeLimit = Int(UInt32.max) - 1
    private static let chunk = 1 << 16

    /// The bytes of `file`, or why they cannot be read. Regular files are read whole (their size
    /// checked first); a FIFO named on the command line is read in chunks up to ``sizeLimit``;
    /// anything else is refused without reading.
    static func read(_ file: InputFile) -> Result<[UInt8], InputFailure> {
        func failure(_ reason: String) -> Result<[UInt8], InputFailure> {
            .failure(InputFailure(file: file.display, message: "\(file.display): cannot read the file (\(reason))"))
        }
        // Non-blocking, so that a FIFO put where a file was cannot hang the run; cleared for reading.
        let flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (file.named ? 0 : O_NONBLOCK)
        let descriptor = open(file.path.cString, flags)
        if descriptor < 0 { return failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) != 0 { return failure(String(cString: strerror(errno))) }
        let type = status.st_mode & S_IFMT
        let isStream = type == S_IFIFO || type == S_IFSOCK
        guard type == S_IFREG || (isStream && file.named) else {
            return .failure(InputFailure(file: file.display, message: "\(file.display): \(InputFiles.kind(of: status.st_mode)), "
                + "not a text file; give a regular file"))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let announced = type == S_IFREG ? Int(status.st_size) : 0
        if announced > sizeLimit { return failure(tooLarge(announced)) }
        // A regular file is read straight into an array of its size (plus one byte, to see growth);
        // a stream, and a file that grew, in chunks, the limit checked after each.
        var readError: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: announced + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { readError = errno }
                if got <= 0 { break }
                count += got
            }
        }
        if readError != 0 { return failure(String(cString: strerror(readError))) }
        if bytes.count == announced + 1 {
            var chunk = [UInt8](repeating: 0, count: Self.chunk)
            while true {
                let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
                if got < 0 && errno == EINTR { continue }
                if got < 0 { return failure(String(cString: strerror(errno))) }
                if got == 0 { break }
                bytes.append(contentsOf: chunk[..<got])
                if bytes.count > sizeLimit { return failure(tooLarge(bytes.count)) }
            }
        }
        return .success(bytes)
    }

    private static func tooLarge(_ size: Int) -> String {
        "it holds over \(size / 1_048_576) MB; files of 4 GiB or more are not read, split it into parts "
            + "at line breaks (split -C 1G FILE PART-)"
    }

    /// A hint for bytes the decoder called binary that read as UTF-16 without a byte-order mark.
    ///
    /// ASCII in UTF-16 has a zero byte after (little-endian) or before (big-endian) each letter,
    /// digit and line break; Han characters only now and then (开 is U+5F00). So: most zero bytes
    /// on one side, and the bytes decode as UTF-16 of that order.
    static func utf16Hint(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var zerosAtEven = 0, zerosAtOdd = 0
        for index in stride(from: 0, to: bytes.count, by: 2) {
            if bytes[index] == 0 { zerosAtEven += 1 }
            if bytes[index + 1] == 0 { zerosAtOdd += 1 }
        }
        func reads(bigEndian: Bool) -> Bool {
            var swapped = bytes
            if bigEndian { for index in stride(from: 0, to: swapped.count, by: 2) { swapped.swapAt(index, index + 1) } }
            return (try? SourceText.decode(swapped, name: "", encoding: .utf16)) != nil
        }
        if zerosAtOdd > 2 * zerosAtEven && reads(bigEndian: false) {
            return "it looks like UTF-16 (little-endian) without a byte-order mark: pass --encoding utf16"
        }
        if zerosAtEven > 2 * zerosAtOdd && reads(bigEndian: true) {
            return "it looks like UTF-16 (big-endian) without a byte-order mark: convert it with "
                + "iconv -f UTF-16BE -t UTF-8"
        }
        return nil
    }
}

/// Reads and extracts documents, reporting per-file failures on stderr.
struct DocumentReader {
    var encoding: TextEncoding?
    var published: EventDate?
    /// Publication dates and source URLs by file.
    var manifest: Manifest?
    /// How many files are read and extracted at once.
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    let extractor = Extractor()

    /// One extracted file: the document and the text's identity for the store. The text itself is
    /// not kept: a long file would otherwise stay in memory until every file is done.
    struct Item: Sendable {
        var file: InputFile
        /// ``ContentHash/sha256(of:)-(String)`` of the decoded text.
        var contentHash: String
        var document: Document
    }

    /// Extracts every file, `threads` at a time; items come back in the files' order whatever the
    /// scheduling, so results are the same on any machine. `failures` collects what could not be
    /// read, with messages naming the file. `label` names the progress line on stderr; nil draws
    /// none (the caller shows its own).
    func read(_ inputs: InputFiles, label: String? = "extracting") -> (items: [Item], failures: [InputFailure]) {
        let progress = Mutex<(done: Int, line: Progress?)>((0, label.map { Progress(total: inputs.files.count, label: $0) }))
        let outcomes = inputs.files.concurrentMap(threads: threads) { [self] file -> Result<Item, InputFailure> in
            let outcome = extract(file)
            progress.withLock { state in
                state.done += 1
                state.line?.update(state.done, item: file.key)
            }
            return outcome
        }
        progress.withLock { $0.line?.finish() }
        var items: [Item] = []
        var failures = inputs.failures
        for outcome in outcomes {
            switch outcome {
            case .success(let item): items.append(item)
            case .failure(let failure): failures.append(failure)
            }
        }
        return (items, failures)
    }

    func extract(_ file: InputFile) -> Result<Item, InputFailure> {
        let source: SourceText
        switch decode(file) {
        case let .success(text): source = text
        case let .failure(failure): return .failure(failure)
        }
        // Hashed before the extractor takes the text (the String overload is the fast one:
        // it hashes a byte array, while a view of the String goes through unspecialised code).
        let contentHash = ContentHash.sha256(of: source.text)
        let entry = manifest?.entry(for: file.key)
        let found = PublicationDate.resolve(option: published, manifest: entry?.date, fileName: file.key,
                                            url: entry?.url, text: source.text)
        let document = extractor.document(from: consume source, published: found?.date,
                                          sourceLabel: entry?.url ?? file.display)
        return .success(Item(file: file, contentHash: contentHash, document: document))
    }

    /// The file's text, named by its key; its bytes are freed on return.
    private func decode(_ file: InputFile) -> Result<SourceText, InputFailure> {
        let bytes: [UInt8]
        switch InputBytes.read(file) {
        case let .success(read): bytes = read
        case let .failure(failure): return .failure(failure)
        }
        do throws(ExtractionError) {
            // Messages name the display path; the document is named by its key.
            let decoded = try SourceText.decode(bytes, name: file.display, encoding: encoding)
            return .success(SourceText(name: file.key, text: decoded.text, encoding: decoded.encoding))
        } catch {
            var message = error.description
            if case .binary(_) = error, encoding == nil, let hint = InputBytes.utf16Hint(bytes) {
                message = "\(file.display): \(hint)"
            }
            return .failure(InputFailure(file: file.display, message: message))
        }
    }
}
