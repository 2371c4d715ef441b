import SafeText

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
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle = .plain, clip: Rect? = nil) -> Int {
        write(text[...], x: x, y: y, style: style, clip: clip)
    }

    /// The same for a slice of a string (no copy is made).
    @discardableResult
    public mutating func write(_ text: Substring, x: Int, y: Int, style: CellStyle = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return x }
        var bytes = text
        if let end = bytes.withUTF8({ writeASCII($0, x: x, y: y, style: style, area: area) }) { return end }
        if let end = writeNarrow(text.unicodeScalars, x: x, y: y, style: style, area: area) { return end }
        var column = x
        for character in text {
            if column >= area.maxX { break }
            guard let shown = Self.displayable(character) else { continue }
            // Drawn in the form `TextWidth` measures (`DrawnGrapheme`).
            let drawn = DrawnGrapheme(shown)
            if drawn.width == 0 { continue }
            if drawn.isSpelledOut {
                // A flag's letters: a narrow cell each.
                for value in [drawn.scalars.0, drawn.scalars.1, drawn.scalars.2, drawn.scalars.3].prefix(drawn.width) {
                    if column >= area.maxX { break }
                    if column >= area.x { place(Cell(scalar: Unicode.Scalar(value)!, style: style), x: column, y: y) }
                    column += 1
                }
                continue
            }
            let width = drawn.width
            if column < area.x { column += width; continue }
            if width == 2 && column + 1 >= area.maxX {
                place(Cell(scalar: " ", style: style), x: column, y: y)
                column += 1
                break
            }
            place(Cell(scalarValues: drawn.scalars, style: style), x: column, y: y)
            if width == 2 { place(.continuation(style: style), x: column + 1, y: y) }
            column += width
        }
        return column
    }

    /// The common case, printable ASCII, without grapheme breaking or width
    /// lookups: one cell per byte. Returns nil (nothing written) for any other text.
    private mutating func writeASCII(_ bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, style: CellStyle,
                                     area: Rect) -> Int? {
        guard PrintableASCII.test(bytes) else { return nil }
        return writeCells(count: bytes.count, x: x, y: y, area: area) { Cell(scalar: Unicode.Scalar(bytes[$0]), style: style) }
    }

    /// The next most common case: every scalar a narrow grapheme of its own
    /// (Latin text, `›`, `▾`, box lines). One cell per scalar, no grapheme
    /// breaking. Returns nil (nothing written) for any other text.
    private mutating func writeNarrow(_ scalars: Substring.UnicodeScalarView, x: Int, y: Int, style: CellStyle,
                                      area: Rect) -> Int? {
        var count = 0
        for scalar in scalars {
            guard NarrowScalar.standsAlone(scalar) else { return nil }
            count += 1
        }
        // `writeCells` asks for the cells left to right from the first column shown.
        var remaining = scalars.makeIterator()
        for _ in 0..<max(0, area.x - x) { _ = remaining.next() }
        return writeCells(count: count, x: x, y: y, area: area) { _ in
            Cell(scalar: remaining.next() ?? " ", style: style)
        }
    }

    /// Puts `count` one-column cells from `x`, clipped to `area`; returns the
    /// column after the text, as `write` does.
    private mutating func writeCells(count: Int, x: Int, y: Int, area: Rect, cell: (Int) -> Cell) -> Int {
        let first = max(x, area.x)
        let end = min(x + count, area.maxX)
        guard first < end else { return min(x + count, max(x, area.maxX)) }
        let rowStart = y * size.width
        for column in first..<end {
            if column == first || column == end - 1 {
                place(cell(column - x), x: column, y: y) // mends a wide grapheme cut at either end
            } else {
                cells[rowStart + column] = cell(column - x)
            }
        }
        return end
    }

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

        var glyphs: (topLeft: Unicode.Scalar, topRight: Unicode.Scalar, bottomLeft: Unicode.Scalar,
                     bottomRight: Unicode.Scalar, horizontal: Unicode.Scalar, vertical: Unicode.Scalar) {
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
        let horizontal = Cell(scalar: glyph.horizontal, style: style)
        fill(Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), with: horizontal)
        fill(Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1), with: horizontal)
        place(Cell(scalar: glyph.topLeft, style: style), x: rect.x, y: rect.y)
        place(Cell(scalar: glyph.topRight, style: style), x: rect.maxX - 1, y: rect.y)
        place(Cell(scalar: glyph.bottomLeft, style: style), x: rect.x, y: rect.maxY - 1)
        place(Cell(scalar: glyph.bottomRight, style: style), x: rect.maxX - 1, y: rect.maxY - 1)
        let vertical = Cell(scalar: glyph.vertical, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            place(vertical, x: rect.x, y: row)
            place(vertical, x: rect.maxX - 1, y: row)
        }
        if let title, rect.width > 4 {
            let room = rect.width - 4
            let padded = " " + title + " "
            // A title that does not fit is cut with "…", never silently mid-word.
            let shown = TextWidth.of(padded) <= room ? padded
                : " " + TextWidth.prefix(title, fitting: max(0, room - 3)) + "… "
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
            cells[index - 1] = Cell(scalar: " ", style: cells[index - 1].style)
        }
        if !cells[index].isContinuation, x + 1 < size.width, cells[index + 1].isContinuation, !cell.isContinuation {
            cells[index + 1] = Cell(scalar: " ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// What to draw for `character`: controls, DEL and C1 controls become
    /// U+FFFD; bidi controls give nil, as they are not drawn at all. The
    /// rule is `TerminalSafe`'s, which the commands print by too.
    static func displayable(_ character: Character) -> Character? {
        TerminalSafe.displayable(character)
    }
}
