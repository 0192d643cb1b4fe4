// swift-tools-version: 6.1
// MeetGraph: reads Chinese news reports of official meetings and builds a graph of who met whom.
import PackageDescription

let package = Package(
    name: "MeetGraph",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "meetgraph", targets: ["meetgraph"]),
        .library(name: "MeetGraph", targets: ["MeetGraph"]),
        .library(name: "MeetGraphExtraction", targets: ["MeetGraphExtraction"]),
        .library(name: "MeetGraphStore", targets: ["MeetGraphStore"]),
        .library(name: "MeetGraphRender", targets: ["MeetGraphRender"]),
        .library(name: "MeetGraphExport", targets: ["MeetGraphExport"]),
        .library(name: "MeetGraphWeb", targets: ["MeetGraphWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // The model and graph algorithms. Depends on nothing.
        .target(name: "MeetGraph"),
        // Text → events and participants.
        .target(
            name: "MeetGraphExtraction",
            dependencies: ["MeetGraph"],
            resources: [.copy("Resources")]
        ),
        // The store interface, its SQLite backend (GRDB) and its PostgreSQL backend (postgres-nio).
        .target(
            name: "MeetGraphStore",
            dependencies: [
                "MeetGraph", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // libgvc + libcgraph from Debian's libgraphviz-dev.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev", "pkg-config"])]
        ),
        // DOT writer and in-process Graphviz layout/rendering.
        .target(name: "MeetGraphRender", dependencies: ["MeetGraph", "CGraphviz"]),
        // CSV, Gephi, GraphML, JSON and Neo4j writers.
        .target(
            name: "MeetGraphExport",
            dependencies: ["MeetGraph", .product(name: "CSV", package: "CSV.swift")]
        ),
        // The web page behind `meetgraph serve`: Hummingbird routes, HTML, JSON API; read-only on the store.
        .target(
            name: "MeetGraphWeb",
            dependencies: [
                "MeetGraph", "MeetGraphStore", "MeetGraphRender", "MeetGraphExport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("Assets")]
        ),
        // The command-line tool: a thin shell over the libraries.
        .executableTarget(
            name: "meetgraph",
            dependencies: [
                "MeetGraph", "MeetGraphExtraction", "MeetGraphStore", "MeetGraphRender", "MeetGraphExport",
                "MeetGraphWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput and scale benchmarks, run on demand (`make bench`), never in `swift test`.
        .executableTarget(
            name: "meetgraph-bench",
            dependencies: [
                "MeetGraph", "MeetGraphExtraction", "MeetGraphStore", "MeetGraphRender", "MeetGraphExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/MeetGraphBenchmarks"
        ),
        // What the fuzz harnesses check, shared with the corpus replay test (Fuzz/README.md).
        .target(
            name: "MeetGraphFuzzChecks",
            dependencies: ["MeetGraph", "MeetGraphExtraction", "MeetGraphRender", "MeetGraphExport"],
            path: "Fuzz/Checks"
        ),
        // libFuzzer harness (scripts/fuzz.sh builds it with -sanitize=fuzzer); a replay tool otherwise.
        .executableTarget(name: "meetgraph-fuzz", dependencies: ["MeetGraphFuzzChecks"], path: "Fuzz/Harness"),
        .testTarget(name: "MeetGraphTests", dependencies: ["MeetGraph"]),
        .testTarget(name: "MeetGraphExtractionTests", dependencies: ["MeetGraphExtraction"]),
        // A throwaway PostgreSQL server for the tests that need one; no product depends on it.
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
        .testTarget(
            name: "MeetGraphStoreTests",
            dependencies: ["MeetGraphStore", "MeetGraphExtraction", "MeetGraphExport", "PostgresTestSupport"]
        ),
        .testTarget(name: "MeetGraphRenderTests", dependencies: ["MeetGraphRender"], exclude: ["Snapshots"]),
        .testTarget(name: "MeetGraphExportTests", dependencies: ["MeetGraphExport"]),
        .testTarget(
            name: "MeetGraphWebTests",
            dependencies: [
                "MeetGraphWeb", "MeetGraphStore", "MeetGraph", "MeetGraphExtraction",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "meetgraphTests", dependencies: ["meetgraph", "MeetGraphFuzzChecks", "PostgresTestSupport"]),
    ]
)
