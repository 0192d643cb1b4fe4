import MeetGraph
import Synchronization
import Testing

@Suite struct ConcurrentMapTests {
    @Test(arguments: [1, 2, 7])
    func resultsKeepTheElementsOrder(threads: Int) {
        let numbers = Array(0..<1_000)
        // Uneven work: some elements take much longer, so threads finish out of order.
        let squares = numbers.concurrentMap(threads: threads) { number in
            var total = 0
            for step in 0..<(number % 10 == 0 ? 20_000 : 10) { total &+= step }
            return number * number + (total & 0)
        }
        #expect(squares == numbers.map { $0 * $0 })
    }

    @Test func everyElementIsTransformedOnce() {
        let calls = Mutex([Int](repeating: 0, count: 200))
        _ = Array(0..<200).concurrentMap(threads: 4) { index in calls.withLock { $0[index] += 1 } }
        #expect(calls.withLock { $0 } == [Int](repeating: 1, count: 200))
    }

    @Test func emptyInputGivesEmptyOutput() {
        #expect([Int]().concurrentMap(threads: 4) { $0 }.isEmpty)
    }
}
