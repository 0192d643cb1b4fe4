// The fuzz harness: libFuzzer's entry point when built with `-sanitize=fuzzer -D FUZZING`
// (scripts/fuzz.sh), else a small replay tool over files. The only file of the harness that sees
// a C pointer, as libFuzzer hands inputs over as one.
import Foundation
import MeetGraphFuzzChecks

/// The harness chosen by `MEETGRAPH_FUZZ_TARGET` (extractor, importer or writers).
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["MEETGRAPH_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set MEETGRAPH_FUZZ_TARGET to one of: \(known)\n".utf8))
        exit(2)
    }
    return target
}()

/// Runs the selected check on one input; a broken invariant stops the process so the fuzzer keeps the input.
func check(_ bytes: [UInt8]) {
    let problems = selectedTarget.problems(for: bytes)
    guard problems.isEmpty else {
        fatalError("\(selectedTarget.rawValue): " + problems.joined(separator: "; "))
    }
}

#if FUZZING
/// libFuzzer's driver (in libclang_rt.fuzzer): parses its flags and calls `callback` for each input.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// libFuzzer's entry point: one input per call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    check(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// The program's entry: SwiftPM links an executable target's `main` to `<module>_main`, which
/// would hide libFuzzer's own `main`, so this one hands over to libFuzzer's driver.
@_cdecl("meetgraph_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = selectedTarget
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
/// Without libFuzzer: `MEETGRAPH_FUZZ_TARGET=extractor meetgraph-fuzz FILE…` runs each file once.
@main
struct Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            check(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            print("\(path): ok")
        }
    }
}
#endif
