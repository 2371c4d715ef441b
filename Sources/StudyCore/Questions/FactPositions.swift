import DeckKit

/// Each fact's position in the question index, by its id: the map every
/// question starts from, built over the whole deck before the first one.
///
/// A fact's id is 16 hex digits of a SHA-256 (`FactID`), so it is read as the
/// 64-bit number it spells; the numbers are kept in insertion order, then
/// sorted (radix, by bytes) and looked up by binary search. A
/// `[FactID: Int]` hashed each 16-byte string with SipHash, and a hash table
/// of the numbers still missed the cache on every insert: on a
/// 100,000-fact deck those were most of the 30 ms the index took. Reading 16
/// hex digits as a number is one-to-one (only lowercase digits are read
/// so), so no string is compared on a look-up; an id of another form (a
/// test's "a") goes to a dictionary.
///
///     var positions = FactPositions()
///     positions.insert(FactID(rawValue: "00ff00ff00ff00ff"), at: 0)
///     positions.finish()
///     positions[FactID(rawValue: "00ff00ff00ff00ff")]   // 0
struct FactPositions: Sendable {
    private struct Entry {
        var key: UInt64
        var position: Int
    }

    /// Sorted by key once `finish()` has run; equal keys in insertion order.
    private var entries: [Entry] = []
    private var others: [FactID: Int] = [:]
    private var finished = true

    init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
    }

    /// Adds an id's position; a second insert of one id replaces the first,
    /// as a dictionary's would. Look-ups wait for `finish()`.
    mutating func insert(_ id: FactID, at position: Int) {
        guard let key = Self.number(id) else {
            others[id] = position
            return
        }
        entries.append(Entry(key: key, position: position))
        finished = false
    }

    /// Sorts what was inserted, so that it can be looked up: a radix sort by
    /// bytes, stable, in passes over the array that read and write in order.
    mutating func finish() {
        guard !finished else { return }
        finished = true
        let count = entries.count
        guard count > 1 else { return }
        var spare = entries
        var source = entries
        for shift in stride(from: 0, to: 64, by: 8) {
            var counts = [Int](repeating: 0, count: 256)
            for entry in source { counts[Int(truncatingIfNeeded: entry.key >> UInt64(shift)) & 0xFF] += 1 }
            // A byte all keys share (the top ones of made-up ids) moves nothing.
            if counts.contains(count) { continue }
            var start = 0
            for byte in 0..<256 {
                let here = counts[byte]
                counts[byte] = start
                start += here
            }
            source.withUnsafeBufferPointer { from in
                spare.withUnsafeMutableBufferPointer { to in
                    for entry in from {
                        let byte = Int(truncatingIfNeeded: entry.key >> UInt64(shift)) & 0xFF
                        to[counts[byte]] = entry
                        counts[byte] += 1
                    }
                }
            }
            swap(&source, &spare)
        }
        entries = source
    }

    subscript(id: FactID) -> Int? {
        precondition(finished, "FactPositions: look-up before finish()")
        guard let key = Self.number(id) else { return others[id] }
        // The first entry past the key; the one before it is the last insert of it.
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key <= key { low = middle + 1 } else { high = middle }
        }
        guard low > 0, entries[low - 1].key == key else { return nil }
        return entries[low - 1].position
    }

    /// The number 16 lowercase hex digits spell; nil for any other id.
    /// (`FactID` keeps that number: spelling the id out as a string and
    /// reading it back was half of the index's time on 100,000 facts.)
    static func number(_ id: FactID) -> UInt64? { id.hexNumber }
}
