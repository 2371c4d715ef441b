/// A small deterministic random source (SplitMix64) for fuzzing intervals:
/// seeded from a card's id and review count, so the same history always gives
/// the same schedule, in tests and after a restart.
struct SeededRandom {
    private var state: UInt64

    init(seed text: String, counter: UInt64) {
        var hash: UInt64 = 0xcbf29ce484222325 // FNV-1a
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        state = hash ^ (counter &* 0x9E3779B97F4A7C15)
    }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1).
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

extension SeededRandom {
    /// Fisher–Yates shuffle driven by this generator.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            items.swapAt(index, other)
        }
    }
}
