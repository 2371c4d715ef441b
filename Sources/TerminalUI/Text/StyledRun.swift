/// A piece of text in one style: what views hand to the wrapper and the buffer.
public struct StyledRun: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String, style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// One screen line of styled runs.
public typealias StyledLine = [StyledRun]

extension ScreenBuffer {
    /// Writes a line of runs from `x`, `y`, clipped to `clip`; returns the
    /// column after the last cell written.
    @discardableResult
    public mutating func write(_ line: StyledLine, x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for run in line {
            column = write(run.text, x: column, y: y, style: run.style, clip: clip)
        }
        return column
    }
}
