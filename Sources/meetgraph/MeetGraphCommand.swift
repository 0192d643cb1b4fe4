import ArgumentParser

@main
struct MeetGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetgraph",
        abstract: "Reads Chinese news reports of official meetings and builds a graph of who met whom.",
        discussion: """
            Start with `meetgraph analyze FOLDER --out DIR`: it extracts every .txt file and writes the \
            pictures, tables and JSON of the whole graph. For an archive, `meetgraph ingest` keeps a \
            SQLite store that `query`, `render` and `export` read.

            Example:
              meetgraph analyze seeds --out output
              meetgraph ingest seeds --db meetgraph.sqlite
              meetgraph query who-met 韩立平
            """,
        version: "0.1.0",
        subcommands: [Analyze.self, Extract.self, Ingest.self, Import.self, Query.self, Render.self, Export.self, Evaluate.self, Serve.self])
}
