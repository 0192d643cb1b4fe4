/// What can go wrong in a graph computation, with what to do about it.
public enum GraphError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An iterative method did not settle within its iteration budget.
    case notConverged(method: String, iterations: Int, tolerance: Double)

    /// One line for a person reading the command's output.
    public var description: String {
        switch self {
        case let .notConverged(method, iterations, tolerance):
            "\(method) did not converge within \(iterations) iterations (tolerance \(tolerance)); "
                + "allow more iterations or a larger tolerance, or look at one connected part of the graph"
        }
    }
}
