import ArgumentParser

struct RenderBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Not written yet.")
    func run() throws { print("not written yet") }
}
