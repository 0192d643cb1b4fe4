import Foundation
import Synchronization

/// Writes output files so that an interrupted or failed run never leaves half a file, and without
/// replacing what is not a plain file.
///
/// - A regular file, or a path where nothing exists yet, is written to a hidden temporary file in
///   the same folder (`.NAME.meetgraph-PID-N.tmp`), synced, then renamed over the target.
/// - A symbolic link is followed: its target is replaced that way, the link stays.
/// - A device, FIFO or socket (`/dev/null`, a named pipe) is opened and written directly: renaming a
///   file over it would replace the node.
///
/// The temporary files of a run are registered in ``TemporaryFiles`` so that a signal handler can
/// remove them on the way out.
enum OutputFiles {
    /// Where the bytes for one path go.
    enum Target: Equatable {
        /// Written to a temporary file beside `path`, then renamed to it.
        case replace(path: String, mode: mode_t?)
        /// Opened and written in place.
        case direct(path: String)
    }

    /// A file written to its temporary name and not yet renamed.
    struct Pending {
        var temporary: String
        var target: String
        var slot: Int?
    }

    /// How `path` must be written, after following symbolic links.
    static func target(for path: String) throws(ExportError) -> Target {
        var status = stat()
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                // Follow links to the real file, so that the link itself is kept.
                guard let resolved = realpath(path, nil) else { return .replace(path: path, mode: status.st_mode & 0o7777) }
                defer { free(resolved) }
                return .replace(path: String(cString: resolved), mode: status.st_mode & 0o7777)
            case S_IFDIR:
                throw .cannotWrite(file: path, reason: "it is a folder")
            default:
                return .direct(path: path)
            }
        }
        guard errno == ENOENT else { throw .cannotWrite(file: path, reason: currentError()) }
        // Nothing there, or a link to a file not yet made (`ln -s out/x.svg x.svg`): create the link's target.
        var current = path
        for _ in 0..<40 {
            var linkStatus = stat()
            guard lstat(current, &linkStatus) == 0, linkStatus.st_mode & S_IFMT == S_IFLNK else {
                return .replace(path: current, mode: nil)
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { throw .cannotWrite(file: path, reason: currentError()) }
            let destination = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/")
                ? destination
                : (current as NSString).deletingLastPathComponent + "/" + destination
        }
        throw .cannotWrite(file: path, reason: "too many levels of symbolic links")
    }

    /// Writes `data` to a new temporary file beside `target` and syncs it.
    static func writeTemporary(_ data: Data, for target: String, mode: mode_t?) throws(ExportError) -> Pending {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).meetgraph-\(getpid())-\(TemporaryFiles.nextNumber()).tmp"
        // Registered before it exists, so that a signal arriving at any point after the file is made finds it.
        let slot = TemporaryFiles.register(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
        guard descriptor >= 0 else {
            let reason = currentError()
            TemporaryFiles.unregister(slot)
            throw .cannotWrite(file: target, reason: reason)
        }
        var failure = writeAll(descriptor, data)
        if failure == 0, let mode { _ = fchmod(descriptor, mode) }
        if failure == 0, fsync(descriptor) != 0, errno != EINVAL { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            TemporaryFiles.unregister(slot)
            throw .cannotWrite(file: target, reason: String(cString: strerror(failure)))
        }
        return Pending(temporary: temporary, target: target, slot: slot)
    }

    /// Renames every pending file into place, in order. When one cannot be renamed, the rest are
    /// discarded and the error lists what was written and what is stale.
    static func commitAll(_ pending: [Pending]) throws {
        var renamed: [String] = []
        for (index, item) in pending.enumerated() {
            do {
                try commit(item)
                renamed.append(item.target)
            } catch {
                for rest in pending[(index + 1)...] { discard(rest) }
                let reason: String
                if case let .cannotWrite(_, text) = error { reason = text } else { reason = "\(error)" }
                throw ExportError.partlyWritten(written: renamed, stale: pending[index...].map(\.target), reason: reason)
            }
        }
    }

    /// Renames a temporary file over its target.
    static func commit(_ pending: Pending) throws(ExportError) {
        defer { TemporaryFiles.unregister(pending.slot) }
        guard rename(pending.temporary, pending.target) == 0 else {
            let reason = currentError()
            unlink(pending.temporary)
            throw .cannotWrite(file: pending.target, reason: reason)
        }
    }

    /// Removes a temporary file that will not be renamed.
    static func discard(_ pending: Pending) {
        unlink(pending.temporary)
        TemporaryFiles.unregister(pending.slot)
    }

    /// Opens `path` (a device, FIFO or socket) and writes `data` to it.
    static func writeDirectly(_ data: Data, to path: String) throws(ExportError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw .cannotWrite(file: path, reason: currentError()) }
        var failure = writeAll(descriptor, data)
        if close(descriptor) != 0, failure == 0, errno != EINTR { failure = errno }
        if failure != 0 { throw .cannotWrite(file: path, reason: String(cString: strerror(failure))) }
    }

    /// Writes every byte, retrying after signals; 0 or the `errno` of the failure.
    private static func writeAll(_ descriptor: Int32, _ data: Data) -> Int32 {
        data.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// Writes every byte of `buffer`, retrying after signals; 0 or the `errno` of the failure.
    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
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

    private static func currentError() -> String { String(cString: strerror(errno)) }
}

/// The temporary files being written, kept where a signal handler can reach them without
/// allocating or locking: ``removeAll()`` is async-signal-safe (it only calls `unlink`).
public enum TemporaryFiles {
    private static let slotCount = 64
    private static let slotSize = Int(PATH_MAX) + 1
    /// Fixed slots of NUL-terminated paths; a slot whose first byte is 0 is free.
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<CChar> = {
        let table = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        table.initialize(repeating: 0, count: slotCount * slotSize)
        return table
    }()
    private static let state = Mutex<(counter: Int, used: [Bool])>((0, [Bool](repeating: false, count: 64)))

    /// Makes the table ready; call once before installing a signal handler that uses ``removeAll()``.
    public static func prepare() {
        _ = table
        state.withLock { _ in }
    }

    /// Removes every registered temporary file. Safe to call from a signal handler.
    public static func removeAll() {
        for slot in 0..<slotCount where table[slot * slotSize] != 0 {
            unlink(table + slot * slotSize)
        }
    }

    static func nextNumber() -> Int {
        state.withLock { state in
            state.counter += 1
            return state.counter
        }
    }

    /// Records `path`; nil when the table is full or the path too long (the file is then only removed on errors).
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard bytes.count < slotSize, !bytes.isEmpty else { return nil }
        return state.withLock { state -> Int? in
            guard let slot = state.used.firstIndex(of: false) else { return nil }
            state.used[slot] = true
            let start = table + slot * slotSize
            for (index, byte) in bytes.enumerated().dropFirst() { start[index] = CChar(bitPattern: byte) }
            start[bytes.count] = 0
            start[0] = CChar(bitPattern: bytes[0])  // last: the slot is complete before it is seen
            return slot
        }
    }

    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        state.withLock { state in
            table[slot * slotSize] = 0
            state.used[slot] = false
        }
    }
}

extension OutputFiles {
    /// A temporary file open for writing in pieces, renamed over its target by ``commit(_:)``
    /// after ``close()``; for files too large to build in memory first.
    final class OpenFile {
        private var descriptor: Int32
        private let pending: Pending
        private let mode: mode_t?

        fileprivate init(descriptor: Int32, pending: Pending, mode: mode_t?) {
            self.descriptor = descriptor
            self.pending = pending
            self.mode = mode
        }

        /// Appends `bytes`.
        func write(_ bytes: [UInt8]) throws(ExportError) {
            let failure = bytes.withUnsafeBytes { OutputFiles.writeAll(descriptor, $0) }
            if failure != 0 { throw .cannotWrite(file: pending.target, reason: String(cString: strerror(failure))) }
        }

        /// Syncs and closes the file, ready for ``OutputFiles/commit(_:)``; removes it when that fails.
        func close() throws(ExportError) -> Pending {
            var failure: Int32 = 0
            if let mode { _ = fchmod(descriptor, mode) }
            if fsync(descriptor) != 0, errno != EINVAL { failure = errno }
            if closeDescriptor(descriptor) != 0, failure == 0 { failure = errno }
            descriptor = -1
            if failure != 0 {
                OutputFiles.discard(pending)
                throw .cannotWrite(file: pending.target, reason: String(cString: strerror(failure)))
            }
            return pending
        }

        /// Closes (if still open) and removes the temporary file.
        func discard() {
            if descriptor >= 0 { _ = closeDescriptor(descriptor) }
            descriptor = -1
            OutputFiles.discard(pending)
        }
    }

    /// Creates a temporary file beside `target` (registered for removal on a signal) and opens it.
    static func openTemporary(for target: String, mode: mode_t?) throws(ExportError) -> OpenFile {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).meetgraph-\(getpid())-\(TemporaryFiles.nextNumber()).tmp"
        let slot = TemporaryFiles.register(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
        guard descriptor >= 0 else {
            let reason = currentError()
            TemporaryFiles.unregister(slot)
            throw .cannotWrite(file: target, reason: reason)
        }
        return OpenFile(descriptor: descriptor, pending: Pending(temporary: temporary, target: target, slot: slot), mode: mode)
    }
}

/// `close(2)`, under a name the ``OutputFiles/OpenFile`` methods do not shadow.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
