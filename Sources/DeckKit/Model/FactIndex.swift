/// The position of each fact id in a list (a deck's facts in post order),
/// looked up by the 64 bits a loader-made id spells rather than by
/// `Hashable`: statistics look up 100,000 ids against 90,000 cards and as
/// many review counts, and each `Dictionary` probe cost a SipHash and a
/// cache miss in keys and values apart. Here a hex id's top bits pick a
/// slot directly (open addressing, linear probing, at most half full): the
/// ids are SHA-256 digits, already spread evenly, and taken in order (as
/// `review_fact_count`, keyed by id, is read) they walk the table in order
/// instead of missing the cache at every look-up. Ids that crowd one part
/// of the table (made by hand: the longest probe passes `crowdedProbe`)
/// are spread by a multiplication instead. Any id that is not 16 hex
/// digits (tests, a store edited by hand) is kept in a dictionary beside it.
///
///     let index = FactIndex(scope.map(\.0))
///     index.position(of: id)   // 0..<index.count, or nil
public struct FactIndex: Equatable, Sendable {
    /// One slot: an id's bits and its position, side by side so a look-up
    /// misses the cache once (position -1: an empty slot).
    private struct Slot: Equatable {
        var key: UInt64
        var position: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    /// The ids crowded one part of the table: slots by `bits × 2^64/φ`.
    private var spread = false
    /// A probe this long while indexing means ids that are not evenly spread.
    static let crowdedProbe = 64
    private var others: [FactID: Int] = [:]
    /// How many ids the list held (a repeated id counted at each place).
    public private(set) var count: Int
    /// Whether some id is in the list twice (then only its first place is
    /// found; a caller that needs every place looks the others up itself).
    public private(set) var hasRepeats = false

    /// Indexes `ids`; a repeated id keeps its first position.
    public init(_ ids: [FactID]) {
        self.init(ids, spread: false)
    }

    private init(_ ids: [FactID], spread: Bool) {
        count = ids.count
        var capacityBits: UInt64 = 4
        while (1 << capacityBits) < ids.count * 2 { capacityBits += 1 }
        shift = 64 - capacityBits
        self.spread = spread
        slots = [Slot](repeating: Slot(key: 0, position: -1), count: 1 << capacityBits)
        let mask = (1 << Int(capacityBits)) - 1
        for (position, id) in ids.enumerated() {
            guard id.other == nil else {
                if others[id] == nil { others[id] = position } else { hasRepeats = true }
                continue
            }
            var slot = slot(of: id.bits), probe = 0
            while slots[slot].position >= 0 {
                if slots[slot].key == id.bits { break }
                slot = (slot + 1) & mask
                probe += 1
                if probe == Self.crowdedProbe && !spread {
                    self = FactIndex(ids, spread: true)
                    return
                }
            }
            if slots[slot].position < 0 {
                slots[slot] = Slot(key: id.bits, position: Int32(position))
            } else {
                hasRepeats = true
            }
        }
    }

    /// Where `id` is in the list (its first place), or nil.
    public func position(of id: FactID) -> Int? {
        guard id.other == nil else { return others[id] }
        let mask = slots.count - 1
        var slot = slot(of: id.bits)
        while true {
            let found = slots[slot]
            if found.position < 0 { return nil }
            if found.key == id.bits { return Int(found.position) }
            slot = (slot + 1) & mask
        }
    }

    public func contains(_ id: FactID) -> Bool { position(of: id) != nil }

    /// The top bits of the id (in order), or for crowded ids Fibonacci
    /// hashing: the top bits of the bits times 2^64/φ.
    private func slot(of bits: UInt64) -> Int {
        Int((spread ? bits &* 0x9E37_79B9_7F4A_7C15 : bits) >> shift)
    }

    /// Whether the ids crowded the table and were spread (for tests).
    var isSpread: Bool { spread }
}
