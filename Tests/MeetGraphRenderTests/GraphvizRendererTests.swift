import Foundation
import MeetGraph
import Testing
@testable import MeetGraphRender

/// Graphviz, linked in-process, draws MeetGraph's DOT to every format, reports its errors as Swift
/// errors, and survives being called from many tasks at once.
@Suite struct GraphvizRendererTests {
    static var cityDOT: String { DOT.coattendance(Fixtures.city) }

    @Test func svgDeclaresUTF8AndHoldsTheChineseNames() throws {
        let output = try GraphvizRenderer.shared.render(dot: DOT.attendance(Fixtures.city), format: .svg)
        let svg = try SVGDocument.parse(output.bytes).get()
        #expect(svg.declaredEncoding == "UTF-8")
        for person in Fixtures.city.people {
            #expect(svg.texts.contains(person.name))
        }
        #expect(svg.texts.contains("市委常委会会议"))
        #expect(svg.texts.contains("Party 党委"))
        #expect(svg.titles.contains("MeetGraph attendance"))
    }

    @Test func pngHasTheSignatureAndAPicture() throws {
        let output = try GraphvizRenderer.shared.render(dot: Self.cityDOT, format: .png)
        #expect(output.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // Width and height from the IHDR chunk: a drawing of six people is hundreds of pixels wide.
        let width = output.bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = output.bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width > 200 && height > 200, "\(width)×\(height)")
        #expect(output.bytes.count > 10_000)
    }

    @Test func pdfStartsWithItsHeader() throws {
        let output = try GraphvizRenderer.shared.render(dot: Self.cityDOT, format: .pdf)
        #expect(output.bytes.starts(with: Array("%PDF-".utf8)))
        #expect(output.bytes.count > 5_000)
    }

    @Test func dotOutputHasPositions() throws {
        let output = try GraphvizRenderer.shared.render(dot: Self.cityDOT, format: .dot)
        let text = try #require(output.text)
        #expect(text.contains("pos=\""))
        #expect(text.contains("王建平"))
    }

    @Test func layoutChosenByTheCallerOverridesTheGraphsOwn() throws {
        // The DOT says neato; asking for dot must give dot's layered drawing, whose plain output
        // puts every node of the chain's first event on its own rank.
        let dot = DOT.coattendance(Fixtures.chain(4))
        #expect(dot.contains("layout=\"neato\""))
        let renderer = try GraphvizRenderer.shared
        let asWritten = try renderer.render(dot: dot, format: .dot)
        let asDot = try renderer.render(dot: dot, layout: .dot, format: .dot)
        #expect(try #require(asDot.text).contains("layout=dot"))
        #expect(asWritten.text != asDot.text)
    }

    @Test func concurrentRendersAllSucceed() async throws {
        let renderer = try GraphvizRenderer.shared
        let dot = Self.cityDOT
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<20 {
                group.addTask {
                    try renderer.render(dot: dot, format: index.isMultiple(of: 2) ? .svg : .png).bytes.count
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sizes.count == 20)
        #expect(sizes.allSatisfy { $0 > 1000 })
    }

    @Test func separateRenderersShareTheLock() async throws {
        let dot = Self.cityDOT
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let renderer = try GraphvizRenderer()
                    _ = try renderer.render(dot: dot, format: .svg)
                }
            }
            try await group.waitForAll()
        }
    }

    @Test func invalidDOTGivesGraphvizsMessage() throws {
        let renderer = try GraphvizRenderer.shared
        #expect {
            try renderer.render(dot: "graph g { a -- ; }", format: .svg)
        } throws: { error in
            guard case RenderError.invalidDOT(let messages) = error else { return false }
            return messages.contains { $0.contains("syntax error in line 1") }
        }
        // The parser recovers: the next graph is read normally.
        #expect(try renderer.render(dot: "graph g { a -- b }", format: .svg).bytes.count > 100)
    }

    @Test func textWithoutAGraphIsInvalid() throws {
        #expect(throws: RenderError.invalidDOT(messages: ["the text holds no graph"])) {
            try GraphvizRenderer.shared.render(dot: "  \n", format: .svg)
        }
    }

    @Test func badHTMLLabelIsAnErrorAlthoughLayoutSucceeds() throws {
        let renderer = try GraphvizRenderer.shared
        #expect {
            try renderer.render(dot: "graph g { a [label=<<b>unclosed>]; }", format: .svg)
        } throws: { error in
            guard case RenderError.layoutFailed(_, let messages) = error else { return false }
            return !messages.isEmpty && "\(error)".contains(messages[0])
        }
    }

    @Test func warningsAreReturnedNotPrinted() throws {
        let output = try GraphvizRenderer.shared
            .render(dot: "graph g { a [shape=\"no-such-shape\"]; }", format: .svg)
        #expect(output.warnings.contains { $0.contains("no-such-shape") })
    }
}

/// Pictures of graphs with nothing in them, or straight from a graph.
@Suite struct GraphvizRendererGraphTests {
    @Test func emptyGraphGivesALegendOnly() throws {
        let output = try GraphvizRenderer.shared.render(AttendanceGraph(), options: RenderOptions(view: .attendance), format: .svg)
        let svg = try SVGDocument.parse(output.bytes).get()
        #expect(svg.texts == ["Who attended what 人物与活动"])
    }

    @Test func egoOfAnAbsentPersonFailsBeforeGraphviz() {
        #expect(throws: RenderError.unknownPerson("无此人")) {
            try GraphvizRenderer.shared.render(Fixtures.city, options: RenderOptions(view: .ego(person: "无此人", depth: 1)),
                                               format: .svg)
        }
    }
}
