import Dispatch
import Foundation

/// Runs the store's and Graphviz's blocking calls off Swift's cooperative threads, with a deadline.
///
/// SQLite reads and Graphviz layouts block their thread; on the cooperative pool (one thread per
/// core, two here) two slow requests would stall every other one. After `timeout` the request
/// answers 503; the work itself, which cannot be interrupted, finishes in the background.
enum Blocking {
    static func run<T: Sendable>(timeout: Double, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = Once(continuation)
            DispatchQueue.global().async { once.resume(with: Result { try work() }) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                once.resume(with: .failure(WebError.timedOut(seconds: Int(timeout.rounded(.up)))))
            }
        }
    }

    /// Resumes a continuation with the first result given, ignoring later ones.
    private final class Once<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T, any Error>?

        init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = continuation }

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
