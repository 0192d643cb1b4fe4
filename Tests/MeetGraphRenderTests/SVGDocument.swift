import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG file read with an XML parser: the test fails on anything that is not well-formed XML.
struct SVGDocument {
    /// The text of every `<text>` element, in document order.
    var texts: [String] = []
    /// Every `xlink:title` (tooltip) attribute.
    var tooltips: [String] = []
    /// Every `<title>` element (Graphviz writes node and edge identifiers there).
    var titles: [String] = []
    /// The XML declaration's encoding, read from the raw bytes.
    var declaredEncoding: String?

    /// Parses `bytes`; nil with the parser's error when they are not well-formed XML.
    static func parse(_ bytes: [UInt8]) -> Result<SVGDocument, Error> {
        let collector = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        guard parser.parse() else {
            return .failure(parser.parserError ?? CocoaError(.fileReadCorruptFile))
        }
        var document = collector.document
        let head = String(decoding: bytes.prefix(100), as: UTF8.self)
        if let range = head.range(of: "encoding=\"") {
            document.declaredEncoding = String(head[range.upperBound...].prefix { $0 != "\"" })
        }
        return .success(document)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var document = SVGDocument()
        private var element: String?
        private var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if let tooltip = attributes["xlink:title"] { document.tooltips.append(tooltip) }
            if name == "text" || name == "title" {
                element = name
                buffer = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if element != nil { buffer += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard name == element else { return }
            if name == "text" { document.texts.append(buffer) } else { document.titles.append(buffer) }
            element = nil
        }
    }
}
