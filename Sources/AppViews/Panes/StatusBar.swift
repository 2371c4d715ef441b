import AppCore
import TerminalUI

/// The last row: which deck, where in the tree, and the keys that matter now,
/// taken from the key table.
///
///     AWS Machine Learning Specialty …  ↑↓ move  ←→ fold  Enter toggle  q quit  3/23
struct StatusBar {
    let state: AppState
    let theme: Theme

    func draw(in line: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(line, with: Cell(" ", style: theme.statusBar))
        let position = state.rows.isEmpty ? "" : " \(state.selectedRow + 1)/\(state.rows.count) "
        var keys: StyledLine = []
        for binding in state.keyMap.bindings {
            guard let label = binding.statusLabel else { continue }
            keys.append(StyledRun(" " + label.keys, style: theme.statusKey))
            keys.append(StyledRun(" " + label.action + " ", style: theme.statusBar))
        }
        let keysWidth = keys.reduce(0) { $0 + TextWidth.of($1.text) }
        let positionWidth = TextWidth.of(position)
        let deckName = state.decks.count == 1 ? state.decks[0].title : "\(state.decks.count) decks"
        let nameRoom = line.width - keysWidth - positionWidth - 2
        var column = line.x
        if nameRoom >= 8 {
            var name = String(TextWidth.prefix(deckName, fitting: nameRoom))
            if name.count < deckName.count { name = String(TextWidth.prefix(deckName, fitting: nameRoom - 1)) + "…" }
            column = buffer.write(" " + name + " ", x: column, y: line.y, style: theme.statusKey, clip: line)
        }
        column = buffer.write(keys, x: column, y: line.y, clip: line)
        if line.maxX - column >= positionWidth {
            buffer.write(position, x: line.maxX - positionWidth, y: line.y, style: theme.statusBar, clip: line)
        }
    }
}
