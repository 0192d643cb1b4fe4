import Foundation
import MeetGraph

extension DOT {
    /// Accumulates one DOT graph: attribute defaults, nodes and edges as ``DOT`` feeds them, then the
    /// legend as an HTML-like graph label. Holds no ordering logic: callers feed sorted input.
    struct Writer {
        private var text: String
        private let large: Bool
        private let layout: Layout
        private let options: RenderOptions
        private let view: RenderOptions.View
        /// What has been drawn so far: people, events and lines.
        private(set) var people = 0, events = 0, lines = 0

        init(name: String, view: RenderOptions.View, options: RenderOptions, layout: Layout, large: Bool) {
            self.view = view
            self.large = large
            self.layout = layout
            self.options = options
            let font = DOTText.quoted(options.fontName)
            text = "graph \(DOTText.quoted(name)) {\n"
            var graphAttributes = [
                "charset=\"UTF-8\"", "fontname=\(font)", "fontsize=\(large ? 36 : 14)",
                "layout=\(DOTText.quoted(layout.engine ?? "neato"))",
                "outputorder=\"edgesfirst\"", "pad=\"0.3\"", "labelloc=\"b\"", "labeljust=\"l\"",
            ]
            if layout != .dot { graphAttributes.append("overlap=\"prism\"") }
            if layout == .twopi { graphAttributes.append("ranksep=\"1.6\"") }
            text += "  graph [" + graphAttributes.joined(separator: ", ") + "];\n"
            text += "  node [fontname=\(font), fontsize=\(large ? 10 : 12), shape=\"ellipse\", style=\"filled\", penwidth=\"1.2\", margin=\"0.08,0.04\"];\n"
            text += "  edge [fontname=\(font), fontsize=\"10\", fontcolor=\"#333333\", color=\(large ? "\"#55555566\"" : "\"#7f7f7f\"")];\n"
        }

        /// Sets one graph attribute; `value` is already quoted.
        mutating func graphAttribute(_ name: String, _ value: String) {
            text += "  graph [\(name)=\(value)];\n"
        }

        /// The identifier of a person's node: the name, prefixed so that no name can equal an event's.
        static func personID(_ name: String) -> String { DOTText.identifier(name, prefix: "person:") }

        /// The identifier of an event's node: its key.
        static func eventID(_ key: String) -> String { DOTText.identifier(key, prefix: "event:") }

        /// Writes a person's node: coloured by organisation, larger the more events they attended.
        @discardableResult
        mutating func person(_ id: PersonID, in graph: AttendanceGraph, isEgo: Bool = false) -> Organisation {
            let person = graph[id]
            people += 1
            let organisation = Organisation(titles: person.titles)
            let events = graph.attendances(of: id).count
            let base = large ? 10.0 : 12.0
            var fontSize = base + min(18, 3 * log2(Double(max(events, 1))))
            if isEgo { fontSize += 4 }
            var tooltip = person.name
            if !person.titles.isEmpty { tooltip += "\n" + person.titles.joined(separator: "、") }
            tooltip += "\n\(events) event\(events == 1 ? "" : "s")"
            var attributes = [
                "label=\(DOTText.label(person.name))",
                "tooltip=\(DOTText.tooltip(tooltip))",
                "fillcolor=\"\(organisation.fillColor)\"",
                "color=\"\(organisation.lineColor)\"",
                "fontsize=\"\(DOTText.number(fontSize))\"",
            ]
            if isEgo { attributes += ["peripheries=\"2\"", "penwidth=\"2.5\""] }
            node(Self.personID(person.name), attributes)
            return organisation
        }

        /// Writes an event's node: a rounded box with the name over the date.
        mutating func event(_ id: EventID, in graph: AttendanceGraph) {
            let event = graph[id]
            events += 1
            let name = event.name.isEmpty ? event.key : event.name
            var label = name
            if let date = event.date { label += "\n" + date.description }
            var tooltip = label
            if let time = event.timeOfDay { tooltip += " " + time }
            if let place = event.place { tooltip += "\n" + place }
            tooltip += "\n" + event.document
            node(Self.eventID(event.key), [
                "shape=\"box\"", "style=\"rounded,filled\"",
                "label=\(DOTText.label(label))",
                "tooltip=\(DOTText.tooltip(tooltip))",
                "fillcolor=\"\(Self.fillColor(of: event.kind))\"",
                "color=\"#8c7a3a\"",
            ])
        }

        /// Writes a participation edge, styled by the highest role: chair, then speaker, then attendee.
        mutating func attendanceEdge(_ attendance: AttendanceGraph.Attendance, in graph: AttendanceGraph) {
            let person = graph[attendance.person].name
            let event = graph[attendance.event]
            var attributes: [String]
            if attendance.roles.contains(.chair) {
                attributes = ["style=\"bold\"", "color=\"#b22222\"", "penwidth=\"2.5\""]
            } else if attendance.roles.contains(.speaker) {
                attributes = ["style=\"dashed\"", "color=\"#2b6ca3\"", "penwidth=\"1.6\""]
            } else {
                attributes = []
            }
            let roles = attendance.roles.sorted.map { Self.roleName($0) }.joined(separator: ", ")
            attributes.append("tooltip=\(DOTText.tooltip(person + ": " + roles + "\n" + event.label))")
            edge(Self.personID(person), Self.eventID(event.key), attributes)
        }

        /// Writes a co-attendance tie: width by weight relative to the heaviest tie, `weight` the
        /// number of shared events, and the events in the tooltip.
        mutating func tieEdge(_ tie: CoAttendance.Tie, in projection: CoAttendance, heaviest: Double) {
            let graph = projection.graph
            let (a, b) = (graph[tie.a].name, graph[tie.b].name)
            let (first, second) = a < b ? (a, b) : (b, a)
            var attributes = [
                "weight=\"\(tie.count)\"",
                "penwidth=\"\(DOTText.number(Self.lineWidth(tie, weighting: projection.weighting, heaviest: heaviest)))\"",
            ]
            if !large && tie.count >= 2 { attributes.append("label=\"\(tie.count)\"") }
            // Tooltips are in English only; the names and event labels in them are as written.
            var tooltip = "\(first) — \(second): \(tie.count) shared event\(tie.count == 1 ? "" : "s")"
            if projection.weighting == .collaboration { tooltip += ", weight \(DOTText.number(tie.weight))" }
            // In date order (undated last), then by key: event IDs follow the order documents were read.
            let shared = projection.sharedEvents(tie).map { graph[$0] }.sorted { x, y in
                switch (x.date, y.date) {
                case let (a?, b?) where a != b: a < b
                case (nil, _?): false
                case (_?, nil): true
                default: x.key < y.key
                }
            }
            for event in shared.prefix(tooltipEventLimit) { tooltip += "\n" + event.label }
            if shared.count > tooltipEventLimit { tooltip += "\n… \(shared.count - tooltipEventLimit) more" }
            attributes.append("tooltip=\(DOTText.tooltip(tooltip))")
            edge(Self.personID(first), Self.personID(second), attributes)
        }

        /// A tie's line width: 1 for one shared event, 2 more each time the count doubles (at most 9);
        /// for collaboration weights, 1 to 6 in proportion to the heaviest tie.
        static func lineWidth(_ tie: CoAttendance.Tie, weighting: CoAttendance.Weighting, heaviest: Double) -> Double {
            switch weighting {
            case .count:
                return min(9, 1 + 2 * log2(Double(max(tie.count, 1))))
            case .collaboration:
                return 1 + 5 * (heaviest > 0 ? max(0, tie.weight) / heaviest : 0)
            }
        }

        /// Writes the legend (title, organisations, event kinds, line styles) as the graph's label.
        mutating func legend(organisations: Set<Organisation>, eventKinds: Set<EventKind>, roles: Roles,
                             tieNote: String?, ego: String?) {
            var rows: [String] = []
            let title = options.title ?? Self.defaultTitle(of: view)
            rows.append("<tr><td colspan=\"2\" align=\"left\"><b>\(DOTText.html(DOTText.cut(title, to: DOTText.labelLimit)))</b></td></tr>")
            for organisation in organisations.sorted() {
                rows.append(swatch(fill: organisation.fillColor, line: organisation.lineColor, rounded: false,
                                   text: organisation.legendName))
            }
            for kind in EventKind.allCases where eventKinds.contains(kind) {
                rows.append(swatch(fill: Self.fillColor(of: kind), line: "#8c7a3a", rounded: true,
                                   text: Self.kindName(kind)))
            }
            let lines: [(Role, String, String)] = [
                (.chair, "#b22222", "<b>━━━</b>"), (.speaker, "#2b6ca3", "- - -"), (.attendee, "#7f7f7f", "───"),
            ]
            for (role, color, sample) in lines where roles.contains(role) {
                rows.append("<tr><td><font color=\"\(color)\">\(sample)</font></td><td align=\"left\">\(DOTText.html(Self.roleName(role)))</td></tr>")
            }
            if let tieNote {
                rows.append("<tr><td><font color=\"#7f7f7f\"><b>━━</b></font></td><td align=\"left\">\(DOTText.html(tieNote))</td></tr>")
            }
            if let ego {
                rows.append("<tr><td>◎</td><td align=\"left\">\(DOTText.html(DOTText.cut(ego, to: DOTText.labelLimit)))</td></tr>")
            }
            let size = large ? 28 : 11
            text += "  graph [label=<<font point-size=\"\(size)\"><table border=\"0\" cellborder=\"0\" cellspacing=\"1\" cellpadding=\"2\">"
            text += rows.joined() + "</table></font>>];\n"
        }

        /// The finished DOT text.
        func finish() -> String { text + "}\n" }

        /// The finished DOT text with what it draws.
        func drawing() -> Drawing { Drawing(dot: finish(), people: people, events: events, lines: lines) }

        // MARK: - Pieces

        private mutating func node(_ id: String, _ attributes: [String]) {
            text += "  " + DOTText.quoted(id) + " [" + attributes.joined(separator: ", ") + "];\n"
        }

        private mutating func edge(_ from: String, _ to: String, _ attributes: [String]) {
            lines += 1
            text += "  " + DOTText.quoted(from) + " -- " + DOTText.quoted(to)
            text += attributes.isEmpty ? ";\n" : " [" + attributes.joined(separator: ", ") + "];\n"
        }

        private func swatch(fill: String, line: String, rounded: Bool, text: String) -> String {
            let style = rounded ? " style=\"rounded\"" : ""
            return "<tr><td bgcolor=\"\(fill)\" color=\"\(line)\" border=\"1\"\(style) width=\"\(large ? 48 : 20)\" height=\"\(large ? 28 : 12)\"></td>"
                + "<td align=\"left\">\(DOTText.html(text))</td></tr>"
        }

        static func fillColor(of kind: EventKind) -> String {
            switch kind {
            case .meeting: "#fff2b3"
            case .visit: "#e6dcf5"
            case .other: "#eeeeee"
            }
        }

        static func kindName(_ kind: EventKind) -> String {
            switch kind {
            case .meeting: "meeting 会议"
            case .visit: "visit 调研"
            case .other: "other event 其他活动"
            }
        }

        static func roleName(_ role: Role) -> String {
            switch role {
            case .chair: "chair 主持"
            case .speaker: "speaker 讲话"
            case .attendee: "attendee 出席"
            }
        }

        static func defaultTitle(of view: RenderOptions.View) -> String {
            switch view {
            case .attendance: "Who attended what 人物与活动"
            case .coattendance: "Who met whom 共同出席"
            case .ego(let person, let depth): "Around \(person), \(depth) step\(depth == 1 ? "" : "s") 关系圈"
            }
        }
    }
}
