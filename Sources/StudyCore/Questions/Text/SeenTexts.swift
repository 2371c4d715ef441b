/// A set of texts as UTF-8 bytes, for telling a text seen before from a
/// new one without making a `String` of it.
///
/// The glossary reads every bold and code span of a deck, and notes bold
/// the same terms over and over: on a 100,000-fact post, making a string of
/// each span and hashing it into a `Set<String>` (SipHash, a heap string
/// past 15 bytes) was most of the glossary's 14 ms. Here a span is hashed
/// in place, eight bytes at a step, looked up in an open-addressed table and compared
/// byte for byte only when the hashes agree, so a collision never hides a
/// new text. Its bytes are copied once, when it is new.
///
///     var seen = SeenTexts()
///     seen.insert(bytes)   // true: new
///     seen.insert(bytes)   // false
struct SeenTexts {
    private struct Slot {
        var hash: UInt64 = 0
        var start = 0
        /// -1: an empty slot.
        var length = -1
    }

    /// Every text inserted, one after another.
    private var stored: [UInt8] = []
    /// A power of two in size, never over half full.
    private var slots = [Slot](repeating: Slot(), count: 64)
    private(set) var count = 0

    /// Adds the text; true when it was not in the set.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        // Read through pointers: this runs for every bold span of a deck.
        let found: Int? = slots.withUnsafeBufferPointer { table in
            stored.withUnsafeBufferPointer { all in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot].length >= 0 {
                    let candidate = table[slot]
                    if candidate.hash == hash, candidate.length == bytes.count,
                       bytes.isEmpty || (0..<bytes.count).allSatisfy({ all[candidate.start + $0] == bytes[$0] }) {
                        return nil
                    }
                    slot = (slot + 1) & mask
                }
                return slot
            }
        }
        guard let free = found else { return false }
        slots[free] = Slot(hash: hash, start: stored.count, length: bytes.count)
        stored.append(contentsOf: bytes)
        count += 1
        if count * 2 > slots.count { grow() }
        return true
    }

    private mutating func grow() {
        var larger = [Slot](repeating: Slot(), count: slots.count * 2)
        for old in slots where old.length >= 0 {
            var slot = Int(truncatingIfNeeded: old.hash) & (larger.count - 1)
            while larger[slot].length >= 0 { slot = (slot + 1) & (larger.count - 1) }
            larger[slot] = old
        }
        slots = larger
    }

    /// The bytes read eight at a time, each word multiplied in (the
    /// multiply-and-fold of wyhash): a term of 15 bytes costs two steps,
    /// where a byte at a time was fifteen multiplies in a row.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
            hash = mix(hash ^ tail)
        }
        return hash ^ (hash >> 29)
    }

    /// The 128-bit product's halves folded together.
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return product.high ^ product.low
    }
}
