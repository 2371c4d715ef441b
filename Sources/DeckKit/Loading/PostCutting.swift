/// When a post is cut into pieces that a worker thread parses while the
/// loader walks the ones already parsed (`PostChunker`, `PipelinedParse`).
/// Every choice gives the same deck; only the time and memory differ.
///
///     DeckLoader.load(text: post, file: "p.md")                           // .standard
///     DeckLoader.load(text: post, file: "p.md", cutting: .atEveryHeading) // what tests compare
public struct PostCutting: Hashable, Sendable {
    /// Posts of at least this many bytes are cut.
    public var threshold: Int
    /// A piece runs to the first safe cut after this many bytes.
    public var pieceSize: Int

    public init(threshold: Int, pieceSize: Int) {
        self.threshold = threshold
        self.pieceSize = pieceSize
    }

    /// Posts of 1 MB or more, in pieces of about 256 KB: a 10 MB post keeps
    /// a worker busy, and a piece's tree stays a few megabytes.
    public static let standard = PostCutting(threshold: 1 << 20, pieceSize: 256 << 10)
    /// Every post, at every heading where a cut is safe: the most cuts, for
    /// tests and fuzzing that check cutting never changes a deck.
    public static let atEveryHeading = PostCutting(threshold: 0, pieceSize: 1)
    /// Never: one parse on the calling thread.
    public static let never = PostCutting(threshold: .max, pieceSize: .max)
}
