/// The app's logic: a pure function from the state and what happened to the
/// new state and the I/O to do.
///
///     var state = AppState(decks: [DeckLoader.bundled()])
///     let effects = AppUpdate.update(&state, .keyPressed("j"))
///     // state.selectedRow == 1, effects == []
public enum AppUpdate {
    @discardableResult
    public static func update(_ state: inout AppState, _ action: AppAction) -> [Effect] {
        switch action {
        case .terminalResized(let width, let height):
            state.layout = PaneLayout(width: width, height: height)
            keepSelectionVisible(&state)
            return []
        case .keyPressed(let key):
            guard let command = state.keyMap.command(for: key) else { return [] }
            return perform(command, on: &state)
        }
    }

    static func perform(_ command: Command, on state: inout AppState) -> [Effect] {
        let lastRow = max(0, state.rows.count - 1)
        let page = max(1, state.layout.tree.innerHeight - 1)
        switch command {
        case .moveUp: state.selectedRow = max(0, state.selectedRow - 1)
        case .moveDown: state.selectedRow = min(lastRow, state.selectedRow + 1)
        case .pageUp: state.selectedRow = max(0, state.selectedRow - page)
        case .pageDown: state.selectedRow = min(lastRow, state.selectedRow + page)
        case .moveToFirst: state.selectedRow = 0
        case .moveToLast: state.selectedRow = lastRow
        case .collapse: collapseOrGoToParent(&state)
        case .expand: expandOrGoToChild(&state)
        case .toggle: toggle(&state)
        case .quit:
            state.isRunning = false
            return [.quit]
        }
        keepSelectionVisible(&state)
        return []
    }

    private static func collapseOrGoToParent(_ state: inout AppState) {
        guard state.rows.indices.contains(state.selectedRow) else { return }
        let row = state.rows[state.selectedRow]
        if row.hasChildren && row.isExpanded {
            state.collapsed.insert(row.path)
            state.refreshRows(selecting: row.path)
        } else if let parent = row.path.parent, let index = state.rows.firstIndex(where: { $0.path == parent }) {
            state.selectedRow = index
        }
    }

    private static func expandOrGoToChild(_ state: inout AppState) {
        guard state.rows.indices.contains(state.selectedRow) else { return }
        let row = state.rows[state.selectedRow]
        guard row.hasChildren else { return }
        if row.isExpanded {
            state.selectedRow = min(state.selectedRow + 1, state.rows.count - 1)
        } else {
            state.collapsed.remove(row.path)
            state.refreshRows(selecting: row.path)
        }
    }

    private static func toggle(_ state: inout AppState) {
        guard state.rows.indices.contains(state.selectedRow) else { return }
        let row = state.rows[state.selectedRow]
        guard row.hasChildren else { return }
        if row.isExpanded { state.collapsed.insert(row.path) } else { state.collapsed.remove(row.path) }
        state.refreshRows(selecting: row.path)
    }

    /// Scrolls the tree the least needed to show the selected row.
    static func keepSelectionVisible(_ state: inout AppState) {
        let visible = max(1, state.layout.tree.innerHeight)
        if state.selectedRow < state.treeScroll {
            state.treeScroll = state.selectedRow
        } else if state.selectedRow >= state.treeScroll + visible {
            state.treeScroll = state.selectedRow - visible + 1
        }
        state.treeScroll = max(0, min(state.treeScroll, max(0, state.rows.count - visible)))
    }
}
