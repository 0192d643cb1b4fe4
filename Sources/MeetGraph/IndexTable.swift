/// A hash set of `Int32` indices into some array the owner keeps (people, events), looked up by
/// a hash and an equality test that the owner supplies.
///
/// Internal: it lets ``AttendanceGraph`` find a name or a key with 8 bytes per slot instead of a
/// `Dictionary` that stores a copy of every key beside its value. Each slot keeps 32 bits of the
/// element's hash beside its index, so most mismatches are rejected without reading the element
/// and growing never rehashes a string. Open addressing with linear probing; load at most 3/4.
struct IndexTable: Sendable {
    /// Hash bits in the high half, index + 1 in the low half; 0 is an empty slot.
    private var slots: [UInt64] = []
    private(set) var count = 0

    /// The index whose element `matches`, probing from `hash`.
    func find(hash: Int, matches: (Int) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        let bits = Self.scramble(hash)
        let mask = slots.count - 1
        var slot = Int(bits) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if stored >> 32 == UInt64(bits), matches(Int(stored & 0xFFFF_FFFF) - 1) {
                return Int(stored & 0xFFFF_FFFF) - 1
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `index`, whose element is not in the table yet.
    mutating func insert(_ index: Int, hash: Int) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        place(UInt64(Self.scramble(hash)) << 32 | UInt64(index + 1))
        count += 1
    }

    private mutating func place(_ entry: UInt64) {
        let mask = slots.count - 1
        var slot = Int(entry >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: max(16, old.count * 2))
        for entry in old where entry != 0 { place(entry) }
    }

    /// 32 well-mixed bits of `hash` (a finaliser from MurmurHash3).
    private static func scramble(_ hash: Int) -> UInt32 {
        var z = UInt64(bitPattern: Int64(hash))
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return UInt32(truncatingIfNeeded: z ^ (z >> 33))
    }
}
