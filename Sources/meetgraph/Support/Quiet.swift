import ArgumentParser
import MeetGraph
import MeetGraphRender

/// `--quiet`, taken by every command that can run long: no progress line, no notes on stderr;
/// errors and warnings are still written.
struct QuietOption: ParsableArguments {
    @Flag(name: [.short, .long], help: "Write no progress and no notes on stderr, only errors and warnings.")
    var quiet = false

    /// Makes ``Console/note(_:)`` and ``Progress`` silent when `--quiet` was given.
    func apply() {
        if quiet { Console.quiet = true }
    }
}

/// The default pruning of a large attendance picture: above ``nodeLimit`` people and events, only
/// the ``keptPeople`` people with the largest weighted co-attendance degree and their events are
/// drawn, and a note says so. `--top` chooses the number, `--all` draws everything.
struct AttendancePruning {
    /// Above this many nodes an attendance picture is pruned (sfdp then takes seconds and the
    /// picture is tens of megabytes, its labels unreadable).
    static let nodeLimit = 500
    /// How many people a pruned attendance picture keeps.
    static let keptPeople = 100

    /// The `top` to draw with.
    let top: Int?
    /// What was left out and how to have it, when the picture was pruned.
    let note: String?

    init(graph: AttendanceGraph, top: Int?, all: Bool) {
        let nodes = graph.people.count + graph.events.count
        guard top == nil, !all, nodes > Self.nodeLimit, graph.people.count > Self.keptPeople else {
            self.top = top
            note = nil
            return
        }
        self.top = Self.keptPeople
        note = "the attendance picture of \(graph.people.count) people and \(graph.events.count) events is too large "
            + "to read: drawing the \(Self.keptPeople) people with the most co-attendance and their events; "
            + "--all draws everything, --top N chooses how many"
    }

    /// What a picture holds, for the "wrote" line.
    static func describe(_ drawing: Drawing) -> String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        var parts = [count(drawing.people, "person").replacingOccurrences(of: "persons", with: "people")]
        if drawing.events > 0 { parts.append(count(drawing.events, "event")) }
        parts.append(count(drawing.lines, "line"))
        return parts.joined(separator: ", ")
    }
}
