import AppCore
import DeckKit
import TerminalUI

/// The detail of the selected node: its title and place in the tree, its
/// facts as a wrapped bulleted list with nested details (the selected one
/// marked `›` while the pane has the focus), its notes, and what lies below.
struct DetailPane {
    let state: AppState
    let theme: Theme

    /// Where the text goes inside the pane's box: one column of margin each side.
    static func contentRect(in frame: Rect) -> Rect {
        let inside = frame.inset(by: 1)
        return Rect(x: inside.x + 1, y: inside.y, width: inside.width - 2, height: inside.height)
    }

    func draw(in frame: Rect, into buffer: inout ScreenBuffer) {
        let focused = state.focus == .detail
        buffer.drawBox(frame, title: "Detail", lines: focused ? .heavy : .light, style: theme.border,
                       titleStyle: theme.paneTitle)
        let content = Self.contentRect(in: frame)
        guard content.width > 0, content.height > 0 else { return }
        // With the tree focused the pane shows its top: no need to wrap what lies below.
        let detail = DetailContent(state: state, theme: theme, width: content.width,
                                   lineLimit: focused ? nil : content.height)
        let top = detail.topLine(height: content.height, state: state)
        for (offset, line) in detail.lines.dropFirst(top).prefix(content.height).enumerated() {
            buffer.write(line, x: content.x, y: content.y + offset, clip: content)
        }
        if top > 0 { buffer.write("↑", x: frame.maxX - 1, y: frame.y + 1, style: theme.border) }
        if detail.lines.count > top + content.height {
            buffer.write("↓", x: frame.maxX - 1, y: frame.maxY - 2, style: theme.border)
        }
    }
}
