import AppCore
import TerminalUI

/// Draws the whole screen for a state into a buffer. Pure: the same state and
/// size always give the same cells, which is what snapshot tests rely on.
///
///     var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
///     ScreenRenderer(theme: .monochrome).render(state, into: &buffer)
public struct ScreenRenderer: Sendable {
    public var theme: Theme

    public init(theme: Theme) {
        self.theme = theme
    }

    public func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        buffer.fill(buffer.bounds)
        let layout = PaneLayout(width: buffer.size.width, height: buffer.size.height)
        if layout.isTooSmall {
            drawTooSmall(into: &buffer)
            return
        }
        switch state.screen {
        case .quiz(let quiz):
            // The quiz takes the whole width: the tree would show topic titles
            // (a which-topic answer, a flip card's hidden term) and its cursor.
            QuizPane(state: state, quiz: quiz, theme: theme).draw(in: Self.quizFrame(layout), into: &buffer)
        case .stats(let view):
            TreePane(state: state, theme: theme).draw(in: layout.tree.rect, into: &buffer)
            StatsPane(state: state, view: view, theme: theme).draw(in: layout.detail.rect, into: &buffer)
        case .changes(let view):
            TreePane(state: state, theme: theme).draw(in: layout.tree.rect, into: &buffer)
            ChangesPane(state: state, view: view, theme: theme).draw(in: layout.detail.rect, into: &buffer)
        case .browse:
            TreePane(state: state, theme: theme).draw(in: layout.tree.rect, into: &buffer)
            DetailPane(state: state, theme: theme).draw(in: layout.detail.rect, into: &buffer)
        }
        StatusBar(state: state, theme: theme).draw(in: layout.statusBar.rect, into: &buffer)
        if state.overlay == .help {
            let panes = Rect(x: 0, y: 0, width: buffer.size.width, height: buffer.size.height - 1)
            HelpOverlay(state: state, theme: theme).draw(in: panes, into: &buffer)
        }
    }

    /// Where the quiz goes: every row above the status bar, full width.
    public static func quizFrame(_ layout: PaneLayout) -> Rect {
        Rect(x: 0, y: 0, width: layout.screenWidth, height: max(0, layout.screenHeight - 1))
    }

    /// A centred message in place of the panes, wrapped to whatever width there is.
    private func drawTooSmall(into buffer: inout ScreenBuffer) {
        let message = "terminal too small: need \(PaneLayout.minimumWidth)x\(PaneLayout.minimumHeight)"
        let lines = TextWrapper.wrap([StyledRun(message, style: theme.warning)], width: buffer.size.width)
        let top = max(0, (buffer.size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < buffer.size.height {
            let width = line.reduce(0) { $0 + TextWidth.of($1.text) }
            buffer.write(line, x: max(0, (buffer.size.width - width) / 2), y: top + offset)
        }
    }
}
