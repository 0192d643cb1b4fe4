import Foundation
import MeetGraph
import MeetGraphExtraction
import MeetGraphStore
import Synchronization

/// A problem with one input file: reported on stderr, the other files still processed.
struct InputFailure: Error, CustomStringConvertible, Sendable {
    let file: String
    let message: String
    var description: String { message }
}

/// Finds the text files named on the command line: files as given, folders searched recursively
/// for `*.txt` (hidden files skipped), in a stable sorted order.
struct InputFiles {
    /// `url`'s path relative to the current folder when it lies below it, else the full path:
    /// what messages and the documents' `source` show.
    static func displayPath(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }

    private(set) var files: [URL] = []
    private(set) var failures: [InputFailure] = []

    /// Exactly these files, already found.
    init(urls: [URL]) {
        files = urls
    }

    init(paths: [String]) {
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failures.append(InputFailure(file: path, message: "\(path): no such file or folder"))
                continue
            }
            let url = URL(fileURLWithPath: path)
            guard isDirectory.boolValue else {
                files.append(url)
                continue
            }
            guard let enumerator = manager.enumerator(
                at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles],
                errorHandler: { [self] url, error in
                    // Unreadable sub-folders are reported, the rest is still searched.
                    _ = self
                    Console.error("\(url.path): cannot read the folder (\(error.localizedDescription))")
                    return true
                })
            else {
                failures.append(InputFailure(file: path, message: "\(path): cannot read the folder"))
                continue
            }
            var found: [URL] = []
            for case let file as URL in enumerator where file.pathExtension.lowercased() == "txt" {
                found.append(file)
            }
            if found.isEmpty {
                failures.append(InputFailure(file: path, message: "\(path): the folder holds no .txt files"))
            }
            files.append(contentsOf: found.sorted { $0.path < $1.path })
        }
    }
}

/// Reads and extracts documents, reporting per-file failures on stderr.
struct DocumentReader {
    var encoding: TextEncoding?
    var published: EventDate?
    /// How many files are read and extracted at once.
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    let extractor = Extractor()

    /// One extracted file: the document and the text's identity for the store. The text itself is
    /// not kept: a long file would otherwise stay in memory until every file is done.
    struct Item: Sendable {
        var url: URL
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
        let outcomes = inputs.files.concurrentMap(threads: threads) { [self] url -> Result<Item, InputFailure> in
            let outcome: Result<Item, InputFailure>
            do throws(ExtractionError) {
                let source = try SourceText.read(contentsOf: url, encoding: encoding)
                // Hashed before the extractor takes the text (the String overload is the fast one:
                // it hashes a byte array, while a view of the String goes through unspecialised code).
                let contentHash = ContentHash.sha256(of: source.text)
                let document = extractor.document(from: consume source, published: published, sourceLabel: InputFiles.displayPath(url))
                outcome = .success(Item(url: url, contentHash: contentHash, document: document))
            } catch {
                outcome = .failure(InputFailure(file: InputFiles.displayPath(url), message: error.description))
            }
            progress.withLock { state in
                state.done += 1
                state.line?.update(state.done, item: url.lastPathComponent)
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
}
