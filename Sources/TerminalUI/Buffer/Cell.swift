/// One cell of the screen: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) fills its cell and the one to its right;
/// that second cell holds `Cell.continuation` so the grid stays one entry per
/// column.
///
/// The grapheme is kept as up to four scalar values inline, not as a
/// `String`: a cell is then plain data, so filling, copying and comparing a
/// screen of them touches no reference counts (a key at 100,000 facts spent a
/// fifth of its time retaining and releasing cell strings). Four is what an
/// ncurses cell holds (`CCHARW_MAX` − 1). The buffer fills a cell with a
/// grapheme's drawn form (`DrawnGrapheme`): one scalar and the combining
/// marks on it, never a joined sequence (a family emoji of seven scalars is
/// drawn as its first picture), so what a terminal shows in a cell takes the
/// columns the buffer gave it.
///
///     Cell("é").content          // "é" (e + U+0301: two scalars)
///     Cell("").isContinuation    // true
public struct Cell: Hashable, Sendable {
    /// How many scalars of a grapheme a cell keeps.
    public static let scalarCapacity = 4

    // Scalar values, zero after the last one; all zero for a continuation.
    private var first: UInt32
    private var second: UInt32 = 0
    private var third: UInt32 = 0
    private var fourth: UInt32 = 0
    public var style: CellStyle

    public init(_ content: String, style: CellStyle = .plain) {
        self.first = 0
        self.style = style
        for (index, scalar) in content.unicodeScalars.prefix(Self.scalarCapacity).enumerated() {
            switch index {
            case 0: first = scalar.value
            case 1: second = scalar.value
            case 2: third = scalar.value
            default: fourth = scalar.value
            }
        }
    }

    /// A cell of one scalar (an ASCII byte, a box-drawing glyph): the fast
    /// path the buffer takes for most of a frame.
    public init(scalar: Unicode.Scalar, style: CellStyle = .plain) {
        self.first = scalar.value
        self.style = style
    }

    /// A cell of up to four scalar values, zero after the last (a drawn
    /// grapheme's form).
    init(scalarValues: (UInt32, UInt32, UInt32, UInt32), style: CellStyle) {
        (first, second, third, fourth) = scalarValues
        self.style = style
    }

    public static let blank = Cell(scalar: " ")

    /// The right half of a wide grapheme.
    public static func continuation(style: CellStyle) -> Cell { Cell("", style: style) }

    public var isContinuation: Bool { first == 0 }

    /// The grapheme, or "" for a continuation.
    public var content: String {
        var text = String.UnicodeScalarView()
        for value in [first, second, third, fourth] {
            guard value != 0, let scalar = Unicode.Scalar(value) else { break }
            text.append(scalar)
        }
        return String(text)
    }

    /// The scalar values, zero after the last: what a backend copies into its
    /// own cell type without making a `String`.
    public var scalarValues: (UInt32, UInt32, UInt32, UInt32) { (first, second, third, fourth) }
}
