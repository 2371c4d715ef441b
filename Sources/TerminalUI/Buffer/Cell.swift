/// One cell of the screen: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) fills its cell and the one to its right;
/// that second cell holds `Cell.continuation` so the grid stays one entry per
/// column.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, or "" for the right half of a wide one.
    public var content: String
    public var style: CellStyle

    public init(_ content: String, style: CellStyle = .plain) {
        self.content = content
        self.style = style
    }

    public static let blank = Cell(" ")

    /// The right half of a wide grapheme.
    public static func continuation(style: CellStyle) -> Cell { Cell("", style: style) }

    public var isContinuation: Bool { content.isEmpty }
}
