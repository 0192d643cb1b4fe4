import ArgumentParser

struct StoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store", abstract: "Not written yet.")
    func run() throws { print("not written yet") }
}
