/// An in-memory grid of cells that views draw into; a backend copies it to the
/// terminal, and tests read it back as text.
///
///     var buffer = ScreenBuffer(size: Size(width: 20, height: 3))
///     buffer.write("Hello", x: 1, y: 1, style: CellStyle(attributes: .bold))
///     buffer.textLines()   // ["", " Hello", ""]
///
/// Writes are clipped to the buffer (and to `clip`, when given) by display
/// width, wide graphemes take two cells, and control characters are shown as
/// U+FFFD: nothing written here can drive the terminal.
public struct ScreenBuffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, filling cell: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: cell, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
    }

    /// Fills `rect` (clipped to the buffer) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        if area == bounds {
            // The whole screen (every frame starts so): no neighbours to mend.
            for index in cells.indices { cells[index] = cell }
            return
        }
        for row in area.y..<area.maxY {
            let start = row * size.width
            // Mend wide graphemes cut at the edges, then overwrite the inside.
            place(cell, x: area.x, y: row)
            place(cell, x: area.maxX - 1, y: row)
            for index in (start + area.x)..<(start + area.maxX) { cells[index] = cell }
        }
    }

    /// Writes `text` from `x`, `y` on one line and returns the column after
    /// the last cell written. Text past the right edge of `clip` (default: the
    /// buffer) is cut at a grapheme boundary; a wide grapheme that would be cut
    /// in half is replaced by a space.
    @discardableResult
    public mutating func write<S: StringProtocol>(_ text: S, x: Int, y: Int, style: CellStyle = .plain,
                                                  clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return x }
        if let end = writeASCII(text, x: x, y: y, style: style, area: area) { return end }
        var column = x
        for character in text {
            if column >= area.maxX { break }
            guard let shown = Self.displayable(character) else { continue }
            let width = TextWidth.of(shown)
            if width == 0 { continue }
            if column < area.x { column += width; continue }
            if width == 2 && column + 1 >= area.maxX {
                place(Cell(" ", style: style), x: column, y: y)
                column += 1
                break
            }
            place(Cell(String(shown), style: style), x: column, y: y)
            if width == 2 { place(.continuation(style: style), x: column + 1, y: y) }
            column += width
        }
        return column
    }

    /// The common case, printable ASCII, without grapheme breaking or width
    /// lookups: one cell per byte. Returns nil (nothing written) for any other text.
    private mutating func writeASCII<S: StringProtocol>(_ text: S, x: Int, y: Int, style: CellStyle, area: Rect) -> Int? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let first = max(x, area.x)
        let end = min(x + utf8.count, area.maxX)
        guard first < end else { return min(x + utf8.count, max(x, area.maxX)) }
        let rowStart = y * size.width
        var index = 0
        for byte in utf8 {
            let column = x + index
            index += 1
            guard column >= first else { continue }
            guard column < end else { break }
            let cell = Cell(Self.asciiStrings[Int(byte)], style: style)
            if column == first || column == end - 1 {
                place(cell, x: column, y: y) // mends a wide grapheme cut at either end
            } else {
                cells[rowStart + column] = cell
            }
        }
        return end
    }

    /// One-character strings for every ASCII byte, made once.
    private static let asciiStrings: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// Sets the style of the cells in `rect`, keeping their content.
    public mutating func setStyle(_ style: CellStyle, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { cells[row * size.width + column].style = style }
        }
    }

    /// The line style of a box: light `┌─┐`, or heavy `┏━┓` (the focused pane,
    /// so focus shows without colour).
    public enum BoxLines: Sendable {
        case light, heavy

        var glyphs: (topLeft: String, topRight: String, bottomLeft: String, bottomRight: String,
                     horizontal: String, vertical: String) {
            switch self {
            case .light: ("┌", "┐", "└", "┘", "─", "│")
            case .heavy: ("┏", "┓", "┗", "┛", "━", "┃")
            }
        }
    }

    /// Draws a box on the edge of `rect`, with an optional title in its top
    /// edge: `┌─ Topics ─────┐`.
    public mutating func drawBox(_ rect: Rect, title: String? = nil, lines: BoxLines = .light,
                                 style: CellStyle = .plain, titleStyle: CellStyle? = nil) {
        let area = rect.intersection(bounds)
        guard rect.width >= 2, rect.height >= 2, area == rect else { return }
        let glyph = lines.glyphs
        let horizontal = Cell(glyph.horizontal, style: style)
        fill(Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), with: horizontal)
        fill(Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1), with: horizontal)
        write(glyph.topLeft, x: rect.x, y: rect.y, style: style)
        write(glyph.topRight, x: rect.maxX - 1, y: rect.y, style: style)
        write(glyph.bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
        write(glyph.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            write(glyph.vertical, x: rect.x, y: row, style: style)
            write(glyph.vertical, x: rect.maxX - 1, y: row, style: style)
        }
        if let title, rect.width > 4 {
            let room = rect.width - 4
            let shown = TextWidth.prefix(" " + title + " ", fitting: room)
            write(shown, x: rect.x + 2, y: rect.y, style: titleStyle ?? style)
        }
    }

    /// The screen as text, one string per row, trailing spaces removed: what
    /// snapshot tests compare.
    public func textLines() -> [String] {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width {
                let cell = cells[row * size.width + column]
                line += cell.content
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Rows whose cells differ from `previous` (all rows when the sizes differ).
    public func rowsChanged(since previous: ScreenBuffer?) -> [Int] {
        guard let previous, previous.size == size else { return Array(0..<size.height) }
        return (0..<size.height).filter { row in
            let start = row * size.width
            return cells[start..<(start + size.width)] != previous.cells[start..<(start + size.width)]
        }
    }

    // MARK: - Private

    /// Puts `cell` at a position, mending any wide grapheme it half covers.
    private mutating func place(_ cell: Cell, x: Int, y: Int) {
        let index = y * size.width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if !cells[index].isContinuation, x + 1 < size.width, cells[index + 1].isContinuation, !cell.isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// What to draw for `character`: controls, DEL and C1 controls become
    /// U+FFFD; bidi controls give nil, as they are not drawn at all.
    static func displayable(_ character: Character) -> Character? {
        guard let first = character.unicodeScalars.first else { return character }
        let value = first.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return "\u{FFFD}" }
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return nil }
        return character
    }
}
