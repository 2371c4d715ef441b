import TerminalUI

/// A right-hand pane's body: a heavy box with a title, and lines scrolled so
/// the selected one stays in view (`margin` lines of what follows it shown
/// too), with `↑` / `↓` on the border when there is more above or below.
/// The stats and "what changed" screens draw through it.
struct ScrollingLines {
    let title: String
    let theme: Theme

    func draw(in frame: Rect, into buffer: inout ScreenBuffer, margin: Int,
              lines makeLines: (_ width: Int) -> ([StyledLine], Int?)) {
        buffer.drawBox(frame, title: title, lines: .heavy, style: theme.border, titleStyle: theme.paneTitle)
        let content = DetailPane.contentRect(in: frame)
        guard content.width > 0, content.height > 0 else { return }
        let (lines, selectedLine) = makeLines(content.width)
        let top = selectedLine.map { max(0, $0 - content.height + margin) } ?? 0
        for (offset, line) in lines.dropFirst(top).prefix(content.height).enumerated() {
            buffer.write(line, x: content.x, y: content.y + offset, clip: content)
        }
        if top > 0 { buffer.write("↑", x: frame.maxX - 1, y: frame.y + 1, style: theme.border) }
        if lines.count > top + content.height { buffer.write("↓", x: frame.maxX - 1, y: frame.maxY - 2, style: theme.border) }
    }
}
