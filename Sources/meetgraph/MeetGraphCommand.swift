import ArgumentParser

@main
struct MeetGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetgraph",
        abstract: "Reads Chinese news reports of official meetings and builds a graph of who met whom.")
}
