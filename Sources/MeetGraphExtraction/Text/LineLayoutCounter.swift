// The first pass of line joining: the column width and whether indents mark paragraphs.
extension LineJoiner {
    /// Counts line widths and indents in a first pass, then gives the ``Layout``.
    ///
    /// Widths count scalars (a full-width and a half-width character alike): close enough to tell
    /// lines broken at a column width, and cheap. Han characters never break or indent a line, so the
    /// first pass only calls ``add(_:at:)`` for other scalars and clears ``inLeadingSpace`` for them.
    struct LayoutCounter {
        static let largestWidth = 160
        private var histogram = [Int](repeating: 0, count: largestWidth + 1)
        /// The widest line counted in ``histogram`` so far.
        private var widestCounted = 0
        private var lines = 0
        private var indented = 0
        private var lineStart = 0
        private var leadingSpaces = 0
        /// Nothing but spaces seen on the line so far.
        var inLeadingSpace = true

        /// Takes the source scalar `value` (below U+3400, so not a Han character) at `index`.
        @inline(__always)
        mutating func add(_ value: UInt32, at index: Int) {
            // Letters, digits and punctuation only end the leading space; the rest are rare.
            if value > 0x20, value != 0xA0, value != 0x3000 {
                inLeadingSpace = false
            } else {
                addSpaceOrControl(value, at: index)
            }
        }

        /// Takes a space, a tab, a line break or another control character. Not inlined: the first
        /// pass's loop over all scalars stays small.
        @inline(never)
        private mutating func addSpaceOrControl(_ value: UInt32, at index: Int) {
            switch value {
            case 0x0A:
                endLine(at: index)
            case 0x20, 0x09, 0x3000, 0xA0, 0x0D:
                if inLeadingSpace { leadingSpaces += 1 }
            default:
                inLeadingSpace = false
            }
        }

        private mutating func endLine(at index: Int) {
            if !inLeadingSpace {
                lines += 1
                if leadingSpaces > 0 { indented += 1 }
                let width = index - lineStart - leadingSpaces
                if width <= Self.largestWidth {
                    histogram[width] += 1
                    widestCounted = max(widestCounted, width)
                }
            }
            lineStart = index + 1
            leadingSpaces = 0
            inLeadingSpace = true
        }

        /// The layout of a text of `count` scalars, once every scalar was added. Consumes the counter,
        /// so that counting the last line does not copy the histogram.
        consuming func layout(count: Int) -> Layout {
            endLine(at: count)  // the last line
            var layout = Layout()
            layout.indentationMarksParagraphs = indented > 0 && indented * 10 < lines * 8
            // The most common width, give or take a few characters, if it covers 4+ lines and 40% of them.
            var best = 0
            var bestCount = 0
            // Columns narrower than 12 characters are lists, not layout. `near` is the count of lines
            // `width - 3 ... width` wide, kept as a sliding sum; beyond the widest line plus 3 it is 0.
            var near = histogram[9] + histogram[10] + histogram[11]
            let widest = min(Self.largestWidth, widestCounted + 3)
            if widest >= 12 {
                for width in 12...widest {
                    near += histogram[width]
                    if near > bestCount {
                        bestCount = near
                        best = width
                    }
                    near -= histogram[width - 3]
                }
            }
            if bestCount >= 4, bestCount * 10 >= lines * 4 { layout.wrapWidth = best }
            return layout
        }
    }
}
