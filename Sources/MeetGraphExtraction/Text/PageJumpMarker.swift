/// Newspaper page-jump markers: `(下转第二版)`, `（上接第1版）`, `(转A3版)`, `下转2版`.
///
/// A front-page story continues on another page; the marker is furniture, not text, and sits
/// inside sentences (`市委书记(下转第二版)`), so normalising removes it.
enum PageJumpMarker {
    /// Whether a marker can start with `value`: an opening bracket or the first character of a prefix.
    @inline(__always)
    static func canStart(_ value: UInt32) -> Bool {
        switch value {
        case 0x28, 0xFF08, 0x3010, 0x4E0B, 0x4E0A, 0x7D27:  // ( （ 【 下 上 紧
            true
        default:
            false
        }
    }

    /// The end (exclusive) of the marker starting at `start`, or nil when none starts there.
    static func match(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        var index = start
        let count = scalars.count
        func value(_ at: Int) -> UInt32 { at < count ? scalars[at].value : 0 }
        func skipSpaces() { while value(index) == 0x20 || value(index) == 0x3000 { index += 1 } }

        var closing: UInt32?
        switch value(index) {
        case 0x28: closing = 0x29  // ( )
        case 0xFF08: closing = 0xFF09  // （ ）
        case 0x3010: closing = 0x3011  // 【 】
        default: break
        }
        if closing != nil {
            index += 1
            skipSpaces()
        }
        // 下转 / 上接 / 紧接 / 接上 anywhere; a bare 转 / 接 / 续 only inside brackets.
        switch (value(index), value(index + 1)) {
        case (0x4E0B, 0x8F6C), (0x4E0A, 0x63A5), (0x7D27, 0x63A5):  // 下转 上接 紧接
            index += 2
        case (0x8F6C, _) where closing != nil, (0x63A5, _) where closing != nil, (0x7EED, _) where closing != nil:
            index += 1  // 转 接 续
        default:
            return nil
        }
        skipSpaces()
        if value(index) == 0x7B2C { index += 1 }  // 第
        // An optional section letter (A3版), then one to three digits or Chinese numerals.
        if isLetter(value(index)) { index += 1 }
        let digitsStart = index
        while index - digitsStart < 3, isNumeral(value(index)) { index += 1 }
        guard index > digitsStart, value(index) == 0x7248 else { return nil }  // 版
        index += 1
        if let closing {
            skipSpaces()
            if value(index) == closing || value(index) == 0x29 || value(index) == 0xFF09 { index += 1 }
        }
        return index
    }

    private static func isLetter(_ value: UInt32) -> Bool {
        (0x41...0x5A).contains(value) || (0xFF21...0xFF3A).contains(value)
    }

    private static func isNumeral(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0xFF10...0xFF19:
            true
        // 〇 一 二 三 四 五 六 七 八 九 十 零
        case 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x96F6:
            true
        default:
            false
        }
    }
}
