import ArgumentParser

struct ExtractionBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extraction", abstract: "Not written yet.")
    func run() throws { print("not written yet") }
}
