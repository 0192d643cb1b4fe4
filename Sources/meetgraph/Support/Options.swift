import ArgumentParser
import MeetGraph
import MeetGraphExtraction
import MeetGraphExport
import Foundation

extension TextEncoding: ExpressibleByArgument {}
extension EventKind: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}

extension EventDate: ExpressibleByArgument {
    /// Accepts `YYYY-MM-DD` (or `MM-DD`) on the command line.
    public init?(argument: String) {
        self.init(argument)
    }
}

/// How to read news texts: encoding and the publication date that relative dates count from.
struct ReadingOptions: ParsableArguments {
    @Option(help: "The files' encoding: utf8, gb18030, big5 or utf16 (default: detected per file).")
    var encoding: TextEncoding?

    @Option(help: ArgumentHelp(
        "The publication date (YYYY-MM-DD) that 今天, 昨天 and bare days count from.",
        discussion: """
            Without it, each file's date comes from the --manifest, else its name (2022-05-17-x.txt, \
            20220517.txt), else its source URL, else a date line near the top of the text.
            """))
    var date: EventDate?

    @Option(help: ArgumentHelp(
        "A CSV of file,date[,url] giving each file's publication date and source URL.",
        discussion: "file is the path inside the folder given, or the bare file name; date is YYYY-MM-DD."),
            transform: { try Manifest.read(contentsOf: URL(fileURLWithPath: $0)) })
    var manifest: Manifest?

    @Option(help: ArgumentHelp(
        "How many files to read and extract at once (default: the machine's cores).",
        discussion: "Results are the same whatever the number; 1 reads one file after another."))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func reader() -> DocumentReader {
        var reader = DocumentReader(encoding: encoding, published: date)
        reader.manifest = manifest
        if let jobs { reader.threads = jobs }
        return reader
    }
}

/// Which events and participations to look at.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("kind"), help: "Keep only events of this kind: meeting, visit, other (repeatable).")
    var kinds: [EventKind] = []

    @Option(help: "Keep events on or after this date (YYYY-MM-DD).")
    var since: EventDate?

    @Option(help: "Keep events on or before this date (YYYY-MM-DD).")
    var until: EventDate?

    @Option(name: .customLong("role"), help: "Keep participations with this role: chair, speaker, attendee (repeatable).")
    var roles: [Role] = []

    var filter: AttendanceFilter {
        AttendanceFilter(
            kinds: kinds.isEmpty ? nil : Set(kinds), since: since, until: until,
            roles: roles.isEmpty ? nil : Roles(roles))
    }

    func validate() throws {
        if let since, let until, until < since {
            throw ValidationError("--since \(since) is after --until \(until)")
        }
    }
}
