import AppCore
import TerminalUI

/// Turns a mouse click or wheel turn at a screen cell into an `AppAction`,
/// using the same layout and detail lines the renderer draws, so what is
/// clicked is what was seen.
public struct HitTester: Sendable {
    public var theme: Theme

    public init(theme: Theme) {
        self.theme = theme
    }

    /// The action for a click at `x`, `y`, or nil when it lands on nothing.
    public func click(x: Int, y: Int, in state: AppState) -> AppAction? {
        let layout = state.layout
        guard !layout.isTooSmall else { return nil }
        if state.overlay == .help { return .keyPressed("Esc") }
        // Only the browsing screen answers the mouse: the quiz covers the
        // tree, and the stats cover the detail, so a click there must not move
        // a hidden selection.
        guard state.screen == .browse, state.overlay == nil else { return nil }
        let tree = layout.tree.rect
        let detail = layout.detail.rect
        if tree.contains(x: x, y: y) {
            let inside = tree.inset(by: 1)
            let row = state.treeScroll + (y - inside.y)
            if inside.contains(x: x, y: y), state.rows.indices.contains(row) { return .clickedTreeRow(row) }
            return .clickedPane(.tree)
        }
        if detail.contains(x: x, y: y) {
            let content = DetailPane.contentRect(in: detail)
            let lines = DetailContent(state: state, theme: theme, width: content.width)
            let line = lines.topLine(height: content.height, state: state) + (y - content.y)
            if content.contains(x: x, y: y), let fact = lines.factLines.firstIndex(where: { $0.contains(line) }) {
                return .clickedFact(fact)
            }
            return .clickedPane(.detail)
        }
        return nil
    }

    /// The action for the wheel turned by `lines` (positive: down) at `x`, `y`.
    public func wheel(lines: Int, x: Int, y: Int, in state: AppState) -> AppAction? {
        let layout = state.layout
        guard !layout.isTooSmall, state.overlay == nil, state.screen == .browse else { return nil }
        if layout.tree.rect.contains(x: x, y: y) { return .scrolled(.tree, lines: lines) }
        if layout.detail.rect.contains(x: x, y: y) { return .scrolled(.detail, lines: lines) }
        return nil
    }
}
