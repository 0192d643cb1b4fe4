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
///   the column width, and
/// - B does not start something new: no list marker (`一、` `(二)` `3.` `①`), no label
///   (`时间:`), no dateline (`本报讯`), no indentation where paragraphs are indented, and B is not
///   a headline (no `，` `。` `；` inside, not ending with `。`, shorter than the column), and
/// - at most two blank lines separate them.
///
/// Headlines (`张某提出要求 李某等参加`) and fields (`时间:5月9日中午`) have no such punctuation
/// inside, so they stay lines of their own.
enum LineJoiner {
    /// What the decision needs to know about one non-blank line.
    struct Line {
        /// Index of the first and last scalar that is not a space.
        var first = 0
        var last = 0
        /// Display width in columns: 2 for CJK and full-width characters, 1 for the rest.
        var width = 0
        var hasInnerPunctuation = false
        /// A bracket or quote opened and not closed in the line: `(以` then `下简称…)` on the next.
        var leavesBracketOpen = false
        /// A space among Chinese words after the last `，` `。`: a byline or caption tail (`。记者 王某 摄`).
        var hasSpacedTail = false
        var isIndented = false
        var firstValue: UInt32 = 0
        var lastValue: UInt32 = 0
        var valueBeforeLast: UInt32 = 0
        var startsNewUnit = false
    }

    /// Facts about the whole text that the decision uses.
    struct Layout {
        /// The column width when lines were broken at a fixed width (PDF text), else nil.
        var wrapWidth: Int?
        /// Whether indentation marks paragraph starts (some lines indented, not nearly all).
        var indentationMarksParagraphs = false
    }

    /// Rewrites `scalars` (and their `offsets`) in place: joins broken lines, one `\n` per kept
    /// break, spaces trimmed at line ends and collapsed inside lines.
    static func joinLines(_ scalars: inout [Unicode.Scalar], offsets: inout [Int]) {
        let layout = layout(of: scalars)
        let count = scalars.count
        var write = 0
        var previous: Line?
        var previousBreak = 0
        var blankLines = 0
        var read = 0
        while read <= count {
            let (line, end) = scan(scalars, from: read)
            defer { read = end + 1 }
            guard let line else {
                if previous != nil, end < count { blankLines += 1 }
                continue
            }
            if let previous {
                if shouldJoin(previous, line, blankLines: blankLines - 1, layout: layout) {
                    // Latin words either side of the break keep one space between them.
                    if CharacterClass.isASCIIAlphanumeric(previous.lastValue), CharacterClass.isASCIIAlphanumeric(line.firstValue) {
                        scalars[write] = " "
                        offsets[write] = offsets[previousBreak]
                        write += 1
                    }
                } else {
                    scalars[write] = "\n"
                    offsets[write] = offsets[previousBreak]
                    write += 1
                }
            }
            // Copy the line's visible part, one space for each run of spaces.
            var afterSpace = false
            for index in line.first...line.last {
                let scalar = scalars[index]
                if scalar == " " {
                    if afterSpace { continue }
                    afterSpace = true
                } else {
                    afterSpace = false
                }
                scalars[write] = scalar
                offsets[write] = offsets[index]
                write += 1
            }
            previous = line
            previousBreak = end
            // The break that ends this line counts as the first "blank line" until a line follows.
            blankLines = 1
        }
        scalars.removeLast(count - write)
        offsets.removeLast(offsets.count - write)
    }

    // MARK: - Lines

    /// The line starting at `start`: its facts (nil when blank) and the index of the `\n` ending it (or `count`).
    static func scan(_ scalars: [Unicode.Scalar], from start: Int) -> (Line?, end: Int) {
        let count = scalars.count
        var index = start
        var line = Line()
        var found = false
        var punctuationBeforeLast = false
        var openBrackets = 0
        var spaceBefore = false
        while index < count {
            let value = scalars[index].value
            if value == 0x0A { break }
            if value == 0x20 {
                if found { spaceBefore = true }
            } else {
                if spaceBefore && (value >= 0x80 || line.lastValue >= 0x80) { line.hasSpacedTail = true }
                spaceBefore = false
                if isInnerPunctuation(value) { line.hasSpacedTail = false }
                if isOpener(value) {
                    openBrackets += 1
                } else if isCloser(value) && openBrackets > 0 {
                    openBrackets -= 1
                }
                if !found {
                    found = true
                    line.first = index
                    line.firstValue = value
                    line.isIndented = index > start
                } else if isInnerPunctuation(line.lastValue) {
                    punctuationBeforeLast = true
                }
                line.valueBeforeLast = line.lastValue
                line.lastValue = value
                line.last = index
            }
            line.width += value < 0x1100 ? 1 : 2
            index += 1
        }
        guard found else { return (nil, index) }
        line.hasInnerPunctuation = punctuationBeforeLast
        line.leavesBracketOpen = openBrackets > 0
        line.startsNewUnit = startsNewUnit(scalars, at: line.first, end: line.last + 1)
        return (line, index)
    }

    /// Pass over all lines: is the text broken at a fixed width, and do indents mark paragraphs?
    static func layout(of scalars: [Unicode.Scalar]) -> Layout {
        let largestWidth = 160
        var histogram = [Int](repeating: 0, count: largestWidth + 1)
        var lines = 0
        var indented = 0
        var start = 0
        while start <= scalars.count {
            let (line, end) = scan(scalars, from: start)
            start = end + 1
            guard let line else { continue }
            lines += 1
            if line.isIndented { indented += 1 }
            if line.width <= largestWidth { histogram[line.width] += 1 }
        }
        var layout = Layout()
        layout.indentationMarksParagraphs = indented > 0 && indented * 10 < lines * 8
        // The most common width, give or take one character, if it covers 4+ lines and 40% of them.
        var best = 0
        var bestCount = 0
        for width in 12...largestWidth {
            let near = histogram[(width - 3)...width].reduce(0, +)
            if near > bestCount {
                bestCount = near
                best = width
            }
        }
        if bestCount >= 4, bestCount * 10 >= lines * 4 { layout.wrapWidth = best }
        return layout
    }

    // MARK: - The decision

    static func shouldJoin(_ a: Line, _ b: Line, blankLines: Int, layout: Layout) -> Bool {
        guard blankLines <= 2, !endsSentence(a), !b.startsNewUnit else { return false }
        // 召开会议,\n研究… : a line ending in a comma or an opening bracket goes on.
        if continuesForSure(a.lastValue) || a.leavesBracketOpen { return true }
        let fillsColumn = layout.wrapWidth.map { blankLines == 0 && a.width >= $0 - 3 } ?? false
        guard (a.hasInnerPunctuation && !a.hasSpacedTail) || fillsColumn else { return false }
        if b.isIndented && layout.indentationMarksParagraphs { return false }
        let bFillsColumn = layout.wrapWidth.map { b.width >= $0 - 3 } ?? false
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
    static func startsNewUnit(_ scalars: [Unicode.Scalar], at start: Int, end: Int) -> Bool {
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
