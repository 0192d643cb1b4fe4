import Foundation
import MeetGraph
import Testing
@testable import MeetGraphRender

/// Names full of DOT, XML and Graphviz syntax are drawn exactly as written, and never break the SVG.
@Suite struct HostileNameTests {
    /// What a reader should see for `name`: tabs as spaces, one entry per line.
    static func shownLines(_ name: String) -> [String] {
        name.replacingOccurrences(of: "\t", with: " ").components(separatedBy: "\n")
    }

    @Test(arguments: [RenderOptions.View.attendance, .coattendance])
    func hostileNamesSurviveInSVG(view: RenderOptions.View) throws {
        let dot = try DOT.picture(of: Fixtures.hostile, options: RenderOptions(view: view))
        let output = try GraphvizRenderer.shared.render(dot: dot, format: .svg)
        let svg = try SVGDocument.parse(output.bytes).get()
        for name in Fixtures.hostileNames {
            for line in Self.shownLines(name) {
                #expect(svg.texts.contains(line), "label line \(line.debugDescription) of \(name.debugDescription) missing")
            }
            let shown = name.replacingOccurrences(of: "\t", with: " ")
            #expect(svg.tooltips.contains { $0.hasPrefix(shown + "\n") }, "tooltip of \(name.debugDescription) missing")
        }
        #expect(output.warnings.isEmpty, "\(output.warnings)")
    }

    @Test func hostileEventNameIsShownAsWritten() throws {
        let dot = DOT.attendance(Fixtures.hostile)
        let svg = try SVGDocument.parse(try GraphvizRenderer.shared.render(dot: dot, format: .svg).bytes).get()
        #expect(svg.texts.contains("<i>会议</i> & \\N \"quoted\""))
        #expect(svg.texts.contains("2024-01-02"))
    }

    @Test func hostileTitleAndEgoNameSurviveInLegend() throws {
        let name = "<b>x</b>"
        let options = RenderOptions(view: .ego(person: name, depth: 1), title: "A & B <i>\\N</i> \"q\"")
        let dot = try DOT.picture(of: Fixtures.hostile, options: options)
        let svg = try SVGDocument.parse(try GraphvizRenderer.shared.render(dot: dot, format: .svg).bytes).get()
        #expect(svg.texts.contains("A & B <i>\\N</i> \"q\""))
        #expect(svg.texts.contains(name))
    }

    @Test func controlCharactersBecomeReplacementCharacters() throws {
        var graph = AttendanceGraph()
        let event = graph.addEvent(.init(key: "k#e1", document: "k", kind: .other, name: "bell\u{07}zero\u{0}end"))
        graph.attend(person: graph.addPerson(named: "a\u{1B}b"), event: event, roles: .attendee)
        let dot = DOT.attendance(graph)
        #expect(!dot.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let svg = try SVGDocument.parse(try GraphvizRenderer.shared.render(dot: dot, format: .svg).bytes).get()
        #expect(svg.texts.contains("a\u{FFFD}b"))
        #expect(svg.texts.contains("bell\u{FFFD}zero\u{FFFD}end"))
    }
}
