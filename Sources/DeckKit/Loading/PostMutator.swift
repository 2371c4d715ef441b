/// Seeded mutations of a post, for fuzzing the loader: flips, inserts of
/// Markdown and control bytes, deletions and duplications of ranges. The same
/// seed always gives the same mutant, so a crash can be replayed.
///
///     var mutator = PostMutator(seed: 42)
///     let mutant = mutator.mutate(Array(post.utf8))
public struct PostMutator: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed &* 0x9E3779B97F4A7C15 | 1
    }

    private mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    private mutating func below(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(next() % UInt64(bound))
    }

    /// Pieces that move a Markdown parser down rare paths.
    static let tokens: [[UInt8]] = [
        "---\n", "- ", "* ", "1. ", "> ", "# ", "###### ", "**", "*", "_", "`", "```\n", "|", "|---|\n", "[x](y)",
        "![a](b)", "<!--", "-->", "<div>", "\\", "\r\n", "\t", "\u{1B}[2J", "\u{7}", "\u{202E}", "\u{0}", "é", "機",
        "👍🏽", "\n\n", "    ", ":", "title: ", "\u{FEFF}",
    ].map { Array($0.utf8) }

    /// One to eight mutations of `bytes`.
    public mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for _ in 0..<(1 + below(8)) {
            let position = below(result.count + 1)
            switch below(6) {
            case 0 where !result.isEmpty: // flip a byte
                let index = min(position, result.count - 1)
                result[index] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            case 1: // insert a token
                result.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: position)
            case 2 where !result.isEmpty: // delete a range
                let end = min(result.count, position + 1 + below(64))
                result.removeSubrange(min(position, result.count - 1)..<end)
            case 3 where !result.isEmpty: // duplicate a range
                let start = min(position, result.count - 1)
                let end = min(result.count, start + 1 + below(256))
                result.insert(contentsOf: result[start..<end], at: below(result.count + 1))
            case 4: // insert a random byte
                result.insert(UInt8(truncatingIfNeeded: next()), at: position)
            default: // repeat a token many times (deep nesting, long lines)
                let token = Self.tokens[below(Self.tokens.count)]
                result.insert(contentsOf: Array(repeating: token, count: 1 + below(200)).joined(), at: position)
            }
        }
        return result
    }
}
