import DeckKit

/// Each fact's position in the question index, by its id: the map every
/// question starts from, built over the whole deck when a session starts.
///
/// A fact's id is 16 hex digits of a SHA-256 (`FactID`), so it is read as the
/// 64-bit number it spells and kept in an open-addressed table of numbers.
/// A `[FactID: Int]` hashed each 16-byte string with SipHash: on a
/// 100,000-fact deck that was most of the 30 ms the index took to build, on
/// the key press that starts a session. Reading 16 hex digits as a number is
/// one-to-one (only lowercase digits are read so), so no string is compared
/// on a look-up; an id of another form (a test's "a") goes to a dictionary.
///
///     var positions = FactPositions(capacity: 2)
///     positions.insert(FactID(rawValue: "00ff00ff00ff00ff"), at: 0)
///     positions[FactID(rawValue: "00ff00ff00ff00ff")]   // 0
struct FactPositions: Sendable {
    /// The number each slot's id spells (meaningful where `values` is not 0).
    private var keys: [UInt64]
    /// Position + 1 of the fact in each slot; 0 is an empty slot.
    private var values: [Int]
    private let mask: Int
    private var count = 0
    private var others: [FactID: Int] = [:]

    /// A table for about `capacity` ids, at most half full (it does not grow).
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Sets the position of an id; a second insert of one id replaces the
    /// first, as a dictionary's would.
    mutating func insert(_ id: FactID, at position: Int) {
        guard let key = Self.number(id) else {
            others[id] = position
            return
        }
        var slot = Self.slot(key, mask)
        while values[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if values[slot] == 0 {
            // Past half full, probes grow long: the rest go to the dictionary.
            guard count * 2 < keys.count else {
                others[id] = position
                return
            }
            count += 1
        }
        keys[slot] = key
        values[slot] = position + 1
    }

    subscript(id: FactID) -> Int? {
        guard let key = Self.number(id) else { return others[id] }
        var slot = Self.slot(key, mask)
        while values[slot] != 0 {
            if keys[slot] == key { return values[slot] - 1 }
            slot = (slot + 1) & mask
        }
        // Ids inserted once the table was half full went to the dictionary.
        return others.isEmpty ? nil : others[id]
    }

    /// The start slot: the id is a hash already, but a made-up one
    /// ("0000000000000001") need not be, so its bits are mixed.
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The number 16 lowercase hex digits spell; nil for any other id.
    static func number(_ id: FactID) -> UInt64? {
        let utf8 = id.rawValue.utf8
        guard utf8.count == 16 else { return nil }
        let read = utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            var value: UInt64 = 0
            for byte in bytes {
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt64(digit)
            }
            return value
        }
        if let read { return read }
        // A bridged or otherwise non-contiguous string: the slow walk.
        var value: UInt64 = 0
        for byte in utf8 {
            switch byte {
            case 0x30...0x39: value = value << 4 | UInt64(byte - 0x30)
            case 0x61...0x66: value = value << 4 | UInt64(byte - 0x61 + 10)
            default: return nil
            }
        }
        return value
    }
}
