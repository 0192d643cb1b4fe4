import ArgumentParser

struct GraphBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Not written yet.")
    func run() throws { print("not written yet") }
}
