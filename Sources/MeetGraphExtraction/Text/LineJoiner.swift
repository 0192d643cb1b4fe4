/// Joins lines that OCR or PDF layout broke inside a sentence; keeps paragraph breaks and headlines.
///
/// Newspaper texts come in two shapes. Web pages and most seeds put a paragraph on one line, but OCR
/// of a page breaks it where a column ended, often with a blank line after
/// (`巩固来之不易\n\n的防控成果,尽快…`), even inside a name. PDF text breaks every line at the
/// column width. Both are undone by one rule over each pair of neighbouring lines A and B:
///
/// A is joined to B (the break and any blank lines between vanish) when
/// - A does not end a sentence (`。！？；:…` or a closing bracket `)` `）`, or a closing quote right after one), and
/// - A reads as running text: it ends with `，` `、` or leaves a bracket or quote open, or has
///   `，` `。` `；` inside it and no byline after them (`。记者 王某 摄`), or (PDF layout) fills
///   the column width without a space inside, and
/// - B does not start something new: no list marker (`一、` `(二)` `3.` `①`), no label
///   (`时间:`), no dateline (`本报讯`), no indentation where paragraphs are indented, and B is not
///   a headline (no `，` `。` `；` inside, not ending with `。`, shorter than the column), and
/// - at most two blank lines separate them.
///
/// Two more rules come first: a line B that starts with `，` `。` `)` and the like always joins A (no
/// line starts with those), and a page-jump marker removed at the end of A or the start of B
/// (`(下转第二版)`, `(上接第一版)`) keeps them apart, since the story goes on elsewhere.
///
/// Headlines (`张某提出要求 李某等参加`) and fields (`时间:5月9日中午`) have no such punctuation
/// inside, so they stay lines of their own.
enum LineJoiner {
    /// What the decision needs to know about one non-blank line.
    struct Line {
        /// Length in scalars, spaces collapsed.
        var width = 0
        var hasInnerPunctuation = false
        /// A bracket or quote opened and not closed in the line: `(以` then `下简称…)` on the next.
        var leavesBracketOpen = false
        /// A space among Chinese words after the last `，` `。`: a byline or caption tail (`。记者 王某 摄`).
        var hasSpacedTail = false
        /// A space inside the line: PDF text lines have none, lists and headlines do (`张某 市长`).
        var hasInnerSpace = false
        var isIndented = false
        var firstValue: UInt32 = 0
        var lastValue: UInt32 = 0
        var valueBeforeLast: UInt32 = 0
        var startsNewUnit = false
        /// `5月12日,` or `12日上午,` at the start: the first sentence of a story.
        var startsWithDate = false
        /// A page-jump marker was removed at the line's start (`(上接第一版)`) or end (`(下转第二版)`):
        /// the text on the other side of the break belongs to another story.
        var startsAfterJumpMarker = false
        var endsAtJumpMarker = false
    }

    /// Facts about the whole text that the decision uses.
    struct Layout {
        /// The column width when lines were broken at a fixed width (PDF text), else nil.
        var wrapWidth: Int?
        /// Whether indentation marks paragraph starts (some lines indented, not nearly all).
        var indentationMarksParagraphs = false
    }

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

    // MARK: - The decision

    static func shouldJoin(_ a: Line, _ b: Line, blankLines: Int, layout: Layout) -> Bool {
        guard blankLines <= 2, !a.endsAtJumpMarker, !b.startsAfterJumpMarker else { return false }
        // A line cannot start with a comma or a full stop: 市长陈建华出席会议\n,并讲话.
        if continuesPrevious(b.firstValue) { return true }
        guard !endsSentence(a), !b.startsNewUnit else { return false }
        // 市政协召开主席会议 / 5月12日,市政协主席…: a line without punctuation before a dated
        // opening is a headline, however short the column.
        if b.startsWithDate && !a.hasInnerPunctuation { return false }
        // 召开会议,\n研究… : a line ending in a comma or leaving a bracket open goes on.
        if continuesForSure(a.lastValue) || a.leavesBracketOpen { return true }
        let fillsColumn = layout.wrapWidth.map { blankLines == 0 && !a.hasInnerSpace && a.width >= $0 - 3 } ?? false
        guard (a.hasInnerPunctuation && !a.hasSpacedTail) || fillsColumn else { return false }
        if b.isIndented && layout.indentationMarksParagraphs { return false }
        let bFillsColumn = layout.wrapWidth.map { !b.hasInnerSpace && b.width >= $0 - 3 } ?? false
        let bIsHeadline = !b.hasInnerPunctuation && b.lastValue != 0x3002 && !bFillsColumn && !continuesForSure(b.lastValue)
        return !bIsHeadline
    }

    /// `。！？；…:` or a closing bracket at the end (`(某某提供)` ends a caption), or a closing quote right
    /// after one of those (`。”`); a quote alone (`实现“双清零”`) may be inside a sentence.
    private static func endsSentence(_ line: Line) -> Bool {
        switch line.lastValue {
        case 0x29, 0xFF09, 0x3011, 0x5D: return true  // ) ） 】 ]
        default: break
        }
        if isSentenceFinal(line.lastValue) { return true }
        return isCloser(line.lastValue) && isSentenceFinal(line.valueBeforeLast)
    }

    @inline(__always)
    private static func isSentenceFinal(_ value: UInt32) -> Bool {
        switch value {
        // 。 ！ ？ ； ! ? ; : … .
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B, 0x3A, 0x2026, 0x2E:
            true
        default:
            false
        }
    }

    /// Closing quotes and brackets: ” ’ " ' ) 」 』 】 》 〉 ].
    @inline(__always)
    private static func isCloser(_ value: UInt32) -> Bool {
        switch value {
        case 0x201D, 0x2019, 0x22, 0x27, 0x29, 0x300D, 0x300F, 0x3011, 0x300B, 0x3009, 0x5D:
            true
        default:
            false
        }
    }

    /// Punctuation that never starts a line: ， , 。 、 ； ; ： ！ ？ ） 》 ” 」 』.
    @inline(__always)
    private static func continuesPrevious(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF0C, 0x2C, 0x3002, 0x3001, 0xFF1B, 0x3B, 0xFF01, 0xFF1F, 0x29, 0x300B, 0x201D, 0x300D, 0x300F:
            true
        default:
            false
        }
    }

    /// Opening brackets and quotes: ( 《 “ 「 『 【 〈 ‘.
    @inline(__always)
    private static func isOpener(_ value: UInt32) -> Bool {
        switch value {
        case 0x28, 0x300A, 0x201C, 0x300C, 0x300E, 0x3010, 0x3008, 0x2018:
            true
        default:
            false
        }
    }

    /// `，` `,` `、` and opening brackets and quotes ( ( 《 “ 「 『 【 ) at a line's end.
    @inline(__always)
    private static func continuesForSure(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF0C, 0x2C, 0x3001, 0x28, 0x300A, 0x201C, 0x300C, 0x300E, 0x3010:
            true
        default:
            false
        }
    }

    /// `，` `,` `。` `；` `;` inside a line: running text rather than a headline or field.
    @inline(__always)
    private static func isInnerPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF0C, 0x2C, 0x3002, 0xFF1B, 0x3B:
            true
        default:
            false
        }
    }

    /// A list marker (`一、` `(二)` `3、` `4.` `第一,` `①` `●`), a label (`时间:`, up to four
    /// characters before the colon) or a dateline (`本报讯` `新华社`) at `start`.
    static func startsNewUnit(_ scalars: Span<Unicode.Scalar>, at start: Int, end: Int) -> Bool {
        func value(_ index: Int) -> UInt32 { index < end ? scalars[index].value : 0 }
        let first = value(start)
        switch first {
        case 0x2460...0x2473, 0x2776...0x277F, 0x25CF, 0x25A0, 0x25C6, 0x25B2, 0x2605, 0x2022, 0xB7:
            return true  // ① ❶ ● ■ ◆ ▲ ★ • ·
        default:
            break
        }
        // 一、 二、 十二、 / 3、 4. (not 4.5) / (一) (3)
        var index = start
        let opened = first == 0x28
        if opened { index += 1 }
        let numeralStart = index
        while index - numeralStart < 3, isListNumeral(value(index)) { index += 1 }
        if index > numeralStart {
            let next = value(index)
            if opened && next == 0x29 { return true }
            if !opened && next == 0x3001 { return true }
            if !opened && next == 0x2E && isASCIIDigit(value(numeralStart)) && !isASCIIDigit(value(index + 1)) { return true }
        }
        // 第一, 第二、
        if first == 0x7B2C, isListNumeral(value(start + 1)), [0xFF0C, 0x2C, 0x3001].contains(value(start + 2)) {
            return true
        }
        // 时间: 地点: 出席: — two to four Han characters and a colon.
        var han = start
        while han - start < 4, CharacterClass.isHan(value(han)) { han += 1 }
        if han - start >= 2, value(han) == 0x3A { return true }
        // 本报讯 / 本报记者 / 新华社: the first line of a new story.
        if first == 0x672C, value(start + 1) == 0x62A5 { return true }  // 本报
        if first == 0x65B0, value(start + 1) == 0x534E, value(start + 2) == 0x793E { return true }  // 新华社
        return false
    }

    /// Whether a date and a comma open the line at `start`: `5月12日,`, `12日上午,`, `2023年5月12日，`.
    static func startsWithDate(_ scalars: Span<Unicode.Scalar>, at start: Int, end: Int) -> Bool {
        func value(_ index: Int) -> UInt32 { index < end ? scalars[index].value : 0 }
        guard isASCIIDigit(value(start)) else { return false }
        var index = start
        var sawDay = false
        while index < min(end, start + 16) {
            let current = value(index)
            if isASCIIDigit(current) || current == 0x5E74 || current == 0x6708 {  // digits 年 月
                index += 1
            } else if current == 0x65E5 {  // 日
                sawDay = true
                index += 1
            } else {
                break
            }
        }
        guard sawDay else { return false }
        // 上午 下午 晚上 …: at most two Han characters before the comma.
        var han = 0
        while han < 2, CharacterClass.isHan(value(index)) {
            han += 1
            index += 1
        }
        return value(index) == 0x2C || value(index) == 0xFF0C
    }

    @inline(__always)
    private static func isASCIIDigit(_ value: UInt32) -> Bool { (0x30...0x39).contains(value) }

    /// 0–9 and 一 to 十.
    @inline(__always)
    private static func isListNumeral(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341:
            true
        default:
            false
        }
    }
}
