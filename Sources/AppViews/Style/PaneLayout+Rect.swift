import AppCore
import TerminalUI

extension PaneLayout.Frame {
    /// The frame as a TerminalUI rectangle, for drawing.
    var rect: Rect { Rect(x: x, y: y, width: width, height: height) }
}
