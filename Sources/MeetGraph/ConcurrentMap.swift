import Dispatch
import Synchronization

extension RandomAccessCollection where Index == Int, Element: Sendable {
    /// The results of `transform` on every element, in the collection's order, computed on up to
    /// `threads` threads.
    ///
    /// Elements are handed out one at a time to whichever thread is free, so uneven work (one long
    /// document among short ones) still keeps every thread busy. The result does not depend on
    /// scheduling: element *i*'s result is at index *i*. With `threads` 1, or fewer than two
    /// elements, everything runs on the calling thread.
    ///
    /// ```swift
    /// let documents = sources.concurrentMap(threads: 4) { extractor.document(from: $0) }
    /// ```
    public func concurrentMap<Result: Sendable>(threads: Int, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let workers = Swift.min(Swift.max(1, threads), count)
        guard workers > 1 else { return map(transform) }
        let next = Atomic<Int>(0)
        let finished = Mutex<[(Int, Result)]>([])
        let elements = Array(self)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var local: [(Int, Result)] = []
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < elements.count else { break }
                local.append((index, transform(elements[index])))
            }
            finished.withLock { $0 += local }
        }
        var results = finished.withLock { $0 }
        results.sort { $0.0 < $1.0 }
        return results.map(\.1)
    }
}
