#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The one file of MeetGraphExtraction that calls C (iconv, open/read): every pointer stays in here,
// every C resource is released before a function returns, and callers get Swift values.

/// Converts bytes of a legacy encoding to a `String` with the C library's iconv.
enum Iconv {
    /// Why a conversion failed.
    enum Failure: Error, Equatable {
        /// The C library does not know the encoding (`iconv_open` failed).
        case unsupported
        /// The bytes are invalid or incomplete from this byte offset on.
        case invalidBytes(offset: Int)
    }

    /// Decodes all of `bytes` from `encoding` (an iconv name such as `GB18030`) into a string.
    ///
    /// Fails at the first invalid or incomplete sequence, with its byte offset; never substitutes.
    static func decode(_ bytes: ArraySlice<UInt8>, from encoding: String) -> Result<String, Failure> {
        let converter = iconv_open("UTF-8", encoding)
        // iconv_open returns (iconv_t)-1 on failure.
        if converter == nil || Int(bitPattern: converter) == -1 { return .failure(.unsupported) }
        defer { iconv_close(converter) }
        if bytes.isEmpty { return .success("") }

        // GB18030 → UTF-8 grows at most 3 bytes for 2 (a BMP character) and keeps 1 → 1 and 4 → 4.
        let capacity = bytes.count + bytes.count / 2 + 8
        var failure: Failure?
        let text = bytes.withUnsafeBytes { input -> String in
            String(unsafeUninitializedCapacity: capacity) { output -> Int in
                var inputPointer = UnsafeMutablePointer<CChar>(
                    mutating: input.baseAddress!.assumingMemoryBound(to: CChar.self))
                var inputLeft = input.count
                var outputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outputLeft = output.count
                let result = withUnsafeMutablePointer(to: &inputPointer) { inputHandle -> Int in
                    inputHandle.withMemoryRebound(to: UnsafeMutablePointer<CChar>?.self, capacity: 1) { inputRebound in
                        iconv(converter, inputRebound, &inputLeft, &outputPointer, &outputLeft)
                    }
                }
                if result == -1 || inputLeft != 0 {
                    failure = .invalidBytes(offset: input.count - inputLeft)
                    return 0
                }
                return output.count - outputLeft
            }
        }
        if let failure { return .failure(failure) }
        return .success(text)
    }
}

/// Reads whole files into byte arrays without an intermediate copy.
enum FileBytes {
    /// Why a file could not be read: the C library's message (`No such file or directory`).
    struct Failure: Error {
        let reason: String
    }

    /// The largest file read, in bytes: under 4 GiB, so that every offset of its text fits the 32 bits
    /// ``SourceOffsets`` stores (a file has at least as many bytes as its text has scalars).
    static let sizeLimit = Int(UInt32.max) - 1

    /// The reason given for a file over ``sizeLimit``.
    static func tooLarge(_ size: Int) -> Failure {
        Failure(reason: "it holds \(size / 1_048_576) MB; files of 4 GiB or more are not read, split it into parts "
                    + "at line breaks (split -C 1G FILE PART-)")
    }

    /// All bytes of the file at `path`, unless there are more than ``sizeLimit``.
    static func read(path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 { return .failure(Failure(reason: currentError())) }
        defer { close(descriptor) }

        var status = stat()
        if fstat(descriptor, &status) != 0 { return .failure(Failure(reason: currentError())) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return .failure(Failure(reason: "it is a folder")) }

        // A regular file's size is known; a pipe or device reports 0 and is read in chunks.
        var bytes = [UInt8]()
        let announced = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0
        if announced > sizeLimit { return .failure(tooLarge(announced)) }
        bytes.reserveCapacity(announced + 1)
        var chunk = max(announced + 1, 1 << 16)
        while true {
            var failed = false
            let before = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                var total = 0
                while total < chunk {
                    let count = readDescriptor(descriptor, buffer.baseAddress! + before + total, chunk - total)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failed = true
                        return total
                    }
                    if count == 0 { break }
                    total += count
                }
                return total
            }
            bytes.removeLast(chunk - got)
            if failed { return .failure(Failure(reason: currentError())) }
            if bytes.count > sizeLimit { return .failure(tooLarge(bytes.count)) }
            if got < chunk { break }
            chunk = max(bytes.count, 1 << 16)
        }
        return .success(bytes)
    }

    private static func currentError() -> String {
        String(cString: strerror(errno))
    }
}

/// The C library's `read`, under a name that a `read` method cannot shadow.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
