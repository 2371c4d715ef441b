/// A sum of numbers in 0...1 that is the same in whatever order they are
/// added: each is rounded to a multiple of 2^-32 first (`rounded(_:)`), and
/// a `Double` adds those exactly while the sum stays under 2^21 (two million
/// cards). The statistics and the tree's mastery count cards in the store's
/// order or the notes' order; either way they print the same figures.
public struct ExactSum: Hashable, Sendable {
    public private(set) var value = 0.0

    public init() {}

    public mutating func add(_ number: Double) {
        value += Self.rounded(number)
    }

    /// `number` to the nearest multiple of 2^-32.
    public static func rounded(_ number: Double) -> Double {
        (number * scale).rounded() / scale
    }

    private static let scale = 4_294_967_296.0
}
