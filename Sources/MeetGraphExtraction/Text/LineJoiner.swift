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

    // MARK: - The decision

    /// At most this many blank lines may stand between two lines that are joined.
    static let mostBlankLinesBetweenJoinedLines = 2
    /// A line this many scalars shorter than the column width still fills the column: its next
    /// word did not fit.
    static let columnSlack = 3

    /// Whether line `a` goes on in line `b` (the rule in the type's comment), `blankLines` blank
    /// lines between them.
    static func shouldJoin(_ a: Line, _ b: Line, blankLines: Int, layout: Layout) -> Bool {
        guard blankLines <= mostBlankLinesBetweenJoinedLines, !a.endsAtJumpMarker, !b.startsAfterJumpMarker else { return false }
        // A line cannot start with a comma or a full stop: 市长某某出席会议\n,并讲话.
        if continuesPrevious(b.firstValue) { return true }
        guard !endsSentence(a), !b.startsNewUnit else { return false }
        // 市政协召开主席会议 / 5月12日,市政协主席…: a line without punctuation before a dated
        // opening is a headline, however short the column.
        if b.startsWithDate && !a.hasInnerPunctuation { return false }
        // 召开会议,\n研究… : a line ending in a comma or leaving a bracket open goes on.
        if continuesForSure(a.lastValue) || a.leavesBracketOpen { return true }
        let fillsColumn = layout.wrapWidth.map { blankLines == 0 && !a.hasInnerSpace && a.width >= $0 - columnSlack } ?? false
        guard (a.hasInnerPunctuation && !a.hasSpacedTail) || fillsColumn else { return false }
        if b.isIndented && layout.indentationMarksParagraphs { return false }
        let bFillsColumn = layout.wrapWidth.map { !b.hasInnerSpace && b.width >= $0 - columnSlack } ?? false
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
    static func isCloser(_ value: UInt32) -> Bool {
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
    static func isOpener(_ value: UInt32) -> Bool {
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
    static func isInnerPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF0C, 0x2C, 0x3002, 0xFF1B, 0x3B:
            true
        default:
            false
        }
    }
}
