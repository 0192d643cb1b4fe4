import ArgumentParser

/// `meetgraph-bench`: throughput and scale measurements, run on demand (`make bench`), never in tests.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetgraph-bench",
        abstract: "Measures MeetGraph's speed and memory on generated data.",
        subcommands: [
            TextBenchmark.self, ExtractionBenchmark.self, GraphBenchmark.self, StoreBenchmark.self,
            RenderBenchmark.self, ExportBenchmark.self, IOBenchmark.self,
        ])
}

Bench.main()
