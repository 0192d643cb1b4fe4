// What a line starts with: a list marker, a label or a dateline (a new unit), or a date (a new story).
extension LineJoiner {
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
