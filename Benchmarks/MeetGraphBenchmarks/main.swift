import ArgumentParser

/// `meetgraph-bench`: throughput and scale measurements, run on demand (`make bench`), never in tests.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetgraph-bench",
        abstract: "Measures MeetGraph's speed and memory on generated data.",
        subcommands: [ExtractionBenchmark.self, GraphBenchmark.self, StoreBenchmark.self, RenderBenchmark.self,
                      ExportBenchmark.self])
}

Bench.main()
