import Dispatch
import Foundation

/// Runs the store's and Graphviz's blocking calls off Swift's cooperative threads, with a deadline.
///
/// SQLite reads and Graphviz layouts block their thread; on the cooperative pool (one thread per
/// core, two here) two slow requests would stall every other one. After `timeout` the request
/// answers 503; work already started, which cannot be interrupted, finishes in the background,
/// and work still waiting for a thread is skipped.
enum Blocking {
    static func run<T: Sendable>(timeout: Double, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = Once(continuation)
            // The deadline is a task, not a Dispatch timer: Dispatch's global queue runs one thread
            // per core on Linux, so while slow requests hold them a timer there would wait too.
            let deadline = Task {
                try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                once.resume(with: .failure(WebError.timedOut(seconds: Int(timeout.rounded(.up)))))
            }
            let worker = workers.leastBusy()
            workers.queues[worker].async {
                defer { workers.finished(worker) }
                // A request that waited past its deadline for a thread has been answered: skip its work.
                guard !once.isDone else { return }
                once.resume(with: Result { try work() })
                deadline.cancel()
            }
        }
    }

    /// Serial queues of their own, four threads in all. Not `DispatchQueue.global()`: on Linux,
    /// Swift's tasks run on Dispatch's global threads (one per core), so blocking those would stall
    /// every task, the deadlines and the server's own among them. Serial queues get threads of
    /// their own; four bound how many slow requests run at once, the others wait their turn.
    private static let workers = Workers(count: 4)

    private final class Workers: @unchecked Sendable {
        let queues: [DispatchQueue]
        private let lock = NSLock()
        private var pending: [Int]

        init(count: Int) {
            queues = (0..<count).map { DispatchQueue(label: "MeetGraphWeb.worker\($0)") }
            pending = Array(repeating: 0, count: count)
        }

        /// The queue with the fewest requests running or waiting, counted as taken.
        func leastBusy() -> Int {
            lock.lock()
            defer { lock.unlock() }
            let index = pending.indices.min { pending[$0] < pending[$1] } ?? 0
            pending[index] += 1
            return index
        }

        func finished(_ index: Int) {
            lock.lock()
            pending[index] -= 1
            lock.unlock()
        }
    }

    /// Resumes a continuation with the first result given, ignoring later ones.
    private final class Once<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T, any Error>?

        init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = continuation }

        var isDone: Bool {
            lock.lock()
            defer { lock.unlock() }
            return continuation == nil
        }

        func resume(with result: Result<T, any Error>) {
            lock.lock()
            let waiting = continuation
            continuation = nil
            lock.unlock()
            waiting?.resume(with: result)
        }
    }
}

/// A small map from request to answer, for pictures that take long to lay out. The store is
/// read-only while served, so an answer never goes stale; the map is emptied when it fills.
final class AnswerCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func value(for key: String, orMake make: () throws -> Value) rethrows -> Value {
        lock.lock()
        if let value = values[key] {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = try make()
        lock.lock()
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[key] = value
        lock.unlock()
        return value
    }
}
