// The second pass of line joining: the normalised text written line by line, OCR breaks taken out.
extension LineJoiner {
    /// Builds the normalised text line by line from folded scalars, in one pass.
    ///
    /// Each non-blank line after the first is preceded by a `\n`; when the line ends and the rule says
    /// the break was an OCR break, that `\n` is taken out again (or becomes a space between Latin words).
    /// Spaces at line ends go, runs of spaces become one. The output goes to two spans that the caller
    /// owns, the scalars and their source offsets, written in step.
    ///
    /// Most scalars are letters or Han characters inside a line: ``appendPlain(_:at:to:offsets:)`` only
    /// copies them. What the decision needs of them (the line's last two scalars, whether inner
    /// punctuation has a scalar after it) is read from the line's output when the line ends.
    struct Assembler {
        let layout: Layout

        private var line = Line()
        /// Output index of the current line's first scalar, or -1 while the line is blank so far.
        private var lineStart = -1
        private var leadingSpace = false
        /// Source offset of the first space of a run inside the line, or -1.
        private var pendingSpace = -1
        private var openBrackets = 0
        /// Output index of the line's first `，` `,` `。` `；` `;`, or -1.
        private var firstInnerPunctuation = -1
        /// Inside a line, with no space waiting and no page-jump marker just removed: a plain scalar
        /// is copied and nothing else changes.
        private var copiesPlainScalars = false

        private var previous: Line?
        /// Output index of the `\n` placed before the current line, or -1.
        private var placeholder = -1
        /// Source offset of the break that ended the previous non-blank line.
        private var breakOffset = 0
        private var blankLines = 0
        /// A page-jump marker was removed since the current line's last scalar (or its start).
        private var jumpMarkerPending = false

        init(layout: Layout) {
            self.layout = layout
        }

        /// Notes that a page-jump marker was removed here.
        mutating func jumpMarkerRemoved() {
            jumpMarkerPending = true
            copiesPlainScalars = false
        }

        /// Takes a folded scalar that needs no attention: a letter, digit or Han character (not
        /// punctuation, not a space).
        @inline(__always)
        mutating func appendPlain(_ scalar: Unicode.Scalar, at offset: Int,
                                  to scalars: inout OutputSpan<Unicode.Scalar>, offsets: inout OutputSpan<UInt32>) {
            guard copiesPlainScalars else {
                append(scalar, at: offset, to: &scalars, offsets: &offsets)
                return
            }
            scalars.append(scalar)
            offsets.append(UInt32(truncatingIfNeeded: offset))
        }

        /// Takes a folded scalar that is not a line break, from source offset `offset`.
        mutating func append(_ scalar: Unicode.Scalar, at offset: Int,
                             to scalars: inout OutputSpan<Unicode.Scalar>, offsets: inout OutputSpan<UInt32>) {
            let value = scalar.value
            if value == 0x20 {
                if lineStart < 0 {
                    leadingSpace = true
                } else if pendingSpace < 0 {
                    pendingSpace = offset
                    copiesPlainScalars = false
                }
                return
            }
            if lineStart < 0 {
                startLine(value, scalars: &scalars, offsets: &offsets)
                line.startsAfterJumpMarker = jumpMarkerPending
            } else {
                if pendingSpace >= 0 {
                    // The scalar before the space is the line's last so far.
                    let lastValue = scalars.span[scalars.count - 1].value
                    scalars.append(" ")
                    offsets.append(UInt32(truncatingIfNeeded: pendingSpace))
                    pendingSpace = -1
                    line.hasInnerSpace = true
                    if value >= 0x80 || lastValue >= 0x80 { line.hasSpacedTail = true }
                }
            }
            jumpMarkerPending = false
            copiesPlainScalars = true
            // Punctuation and brackets are below U+3040 or among the full-width forms.
            if value < 0x3040 || value >= 0xFF00 {
                if isInnerPunctuation(value) {
                    line.hasSpacedTail = false
                    if firstInnerPunctuation < 0 { firstInnerPunctuation = scalars.count }
                } else if isOpener(value) {
                    openBrackets += 1
                } else if isCloser(value) && openBrackets > 0 {
                    openBrackets -= 1
                }
            }
            scalars.append(scalar)
            offsets.append(UInt32(truncatingIfNeeded: offset))
        }

        /// Takes a line break at source offset `offset`.
        mutating func lineBreak(at offset: Int, scalars: inout OutputSpan<Unicode.Scalar>, offsets: inout OutputSpan<UInt32>) {
            if lineStart < 0 {
                if previous != nil { blankLines += 1 }
            } else {
                closeLine(scalars: &scalars, offsets: &offsets)
                breakOffset = offset
            }
            leadingSpace = false
            pendingSpace = -1
            copiesPlainScalars = false
        }

        /// Ends the text: decides about the last line.
        mutating func finish(scalars: inout OutputSpan<Unicode.Scalar>, offsets: inout OutputSpan<UInt32>) {
            if lineStart >= 0 { closeLine(scalars: &scalars, offsets: &offsets) }
        }

        private mutating func startLine(_ firstValue: UInt32, scalars: inout OutputSpan<Unicode.Scalar>, offsets: inout OutputSpan<UInt32>) {
            if previous != nil {
                placeholder = scalars.count
                scalars.append("\n")
                offsets.append(UInt32(truncatingIfNeeded: breakOffset))
            }
            lineStart = scalars.count
            line = Line()
            line.isIndented = leadingSpace
            line.firstValue = firstValue
            openBrackets = 0
            firstInnerPunctuation = -1
        }

        private mutating func closeLine(scalars: inout OutputSpan<Unicode.Scalar>, offsets: inout OutputSpan<UInt32>) {
            let end = scalars.count
            line.endsAtJumpMarker = jumpMarkerPending
            jumpMarkerPending = false
            line.width = end - lineStart
            // Inner punctuation with a scalar after it in the line (a space is only kept before one).
            line.hasInnerPunctuation = firstInnerPunctuation >= 0 && firstInnerPunctuation < end - 1
            // The line's last two scalars other than a space (a kept space always has one either side).
            do {
                let written = scalars.span
                line.lastValue = written[end - 1].value
                if end - 2 >= lineStart {
                    let before = written[end - 2].value
                    line.valueBeforeLast = before == 0x20 ? written[end - 3].value : before
                }
            }
            line.leavesBracketOpen = openBrackets > 0
            line.startsNewUnit = LineJoiner.startsNewUnit(scalars.span, at: lineStart, end: end)
            line.startsWithDate = LineJoiner.startsWithDate(scalars.span, at: lineStart, end: end)
            if let previous, placeholder >= 0, shouldJoin(previous, line, blankLines: blankLines, layout: layout) {
                // Latin words either side of the break keep one space between them.
                if CharacterClass.isASCIIAlphanumeric(previous.lastValue), CharacterClass.isASCIIAlphanumeric(line.firstValue) {
                    var written = scalars.mutableSpan
                    written[placeholder] = " "
                } else {
                    // Take the placeholder out: move the line one place to the left.
                    do {
                        var written = scalars.mutableSpan
                        for index in placeholder..<(end - 1) { written[index] = written[index + 1] }
                    }
                    do {
                        var written = offsets.mutableSpan
                        for index in placeholder..<(end - 1) { written[index] = written[index + 1] }
                    }
                    _ = scalars.removeLast()
                    _ = offsets.removeLast()
                }
            }
            previous = line
            blankLines = 0
            lineStart = -1
            placeholder = -1
        }
    }
}
