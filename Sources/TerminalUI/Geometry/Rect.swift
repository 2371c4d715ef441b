/// A rectangle of cells: `x`, `y` is the top-left cell, zero-based.
///
///     let pane = Rect(x: 0, y: 0, width: 30, height: 23)
///     pane.inset(by: 1)   // the inside of a box drawn on its edge
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "(\(x),\(y)) \(width)x\(height)" }

    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The rectangle shrunk by `amount` cells on every side (never negative).
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// The part of this rectangle that is also inside `other`.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Splits off the first `columns` columns: `(left, right)`.
    public func splitColumns(at columns: Int) -> (Rect, Rect) {
        let cut = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: cut, height: height),
                Rect(x: x + cut, y: y, width: width - cut, height: height))
    }

    /// Splits off the first `rows` rows: `(top, bottom)`.
    public func splitRows(at rows: Int) -> (Rect, Rect) {
        let cut = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: cut),
                Rect(x: x, y: y + cut, width: width, height: height - cut))
    }
}
