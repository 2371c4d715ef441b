import AppCore
import TerminalUI

/// The last row: the deck, the search, and the keys that work now, taken from
/// the key table for the current context.
///
///     AWS Machine Learning …  ↑↓ move  ←→ fold  Tab pane  / search  ? help  q quit  3/22
///     /dropout▏  2 matches   Enter keep  Esc clear
struct StatusBar {
    let state: AppState
    let theme: Theme

    func draw(in line: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(line, with: Cell(" ", style: theme.statusBar))
        var left: StyledLine = []
        let context = state.keyContext
        if let search = state.search {
            let count = search.matches.count
            let found = count == 0 ? "no match" : search.isEditing ? "\(count) \(count == 1 ? "match" : "matches")"
                : "match \((search.currentMatch ?? 0) + 1)/\(count)"
            left.append(StyledRun(" /" + search.query + (search.isEditing ? "▏" : "") + " ", style: theme.statusKey))
            left.append(StyledRun(" " + found + " ", style: theme.statusBar))
            if !search.isEditing && count > 0 {
                left.append(StyledRun(" n", style: theme.statusKey))
                left.append(StyledRun(" next ", style: theme.statusBar))
                left.append(StyledRun(" N", style: theme.statusKey))
                left.append(StyledRun(" prev ", style: theme.statusBar))
                left.append(StyledRun(" Esc", style: theme.statusKey))
                left.append(StyledRun(" clear ", style: theme.statusBar))
            }
        } else if let message = state.message {
            left.append(StyledRun(" " + message + " ", style: theme.statusKey))
        } else if context != .help {
            let deckName = state.decks.count == 1 ? state.decks[0].title : "\(state.decks.count) decks"
            left.append(StyledRun(" " + deckName + " ", style: theme.statusKey))
        }

        var labels: [(keys: String, action: String)] = []
        let shown = context == .searchInput || context == .help || context.isQuiz || context == .stats
            ? state.keyMap.bindings(in: context)
            : state.keyMap.bindings(in: context) + state.keyMap.bindings(in: .global)
        for binding in shown {
            if let label = binding.statusLabel { labels.append((label.keys, label.action)) }
        }
        if context == .help { labels = [("any key", "close help")] }
        // When they do not fit, labels give way from the middle: the first
        // (moving) and the last two (help, quit) stay longest.
        let leftMinimum = left.isEmpty ? 0 : min(width(of: left), 12)
        while labels.count > 3 && labelsWidth(labels) + leftMinimum > line.width {
            labels.remove(at: labels.count - 3)
        }
        var keys: StyledLine = []
        for label in labels {
            keys.append(StyledRun(" " + label.keys, style: theme.statusKey))
            keys.append(StyledRun(" " + label.action + " ", style: theme.statusBar))
        }

        let position = state.rows.isEmpty || context == .searchInput ? "" : " \(state.selectedRow + 1)/\(state.rows.count) "
        let keysWidth = width(of: keys)
        let positionWidth = TextWidth.of(position)
        // The keys matter most; the deck name gives way first, then the position.
        let leftRoom = line.width - keysWidth - positionWidth
        var column = line.x
        if leftRoom >= 8 || state.search != nil {
            column = buffer.write(truncated(left, to: max(0, leftRoom)), x: column, y: line.y, clip: line)
        }
        column = buffer.write(keys, x: column, y: line.y, clip: line)
        if line.maxX - column >= positionWidth {
            buffer.write(position, x: line.maxX - positionWidth, y: line.y, style: theme.statusBar, clip: line)
        }
    }

    private func labelsWidth(_ labels: [(keys: String, action: String)]) -> Int {
        labels.reduce(0) { $0 + TextWidth.of($1.keys) + TextWidth.of($1.action) + 3 }
    }

    private func width(of line: StyledLine) -> Int {
        line.reduce(0) { $0 + TextWidth.of($1.text) }
    }

    /// `line` cut to `columns`, ending in "… " when cut.
    private func truncated(_ line: StyledLine, to columns: Int) -> StyledLine {
        guard width(of: line) > columns else { return line }
        var result: StyledLine = []
        var used = 0
        for run in line {
            let room = columns - used - 2
            if room <= 0 { break }
            let piece = String(TextWidth.prefix(run.text, fitting: room))
            result.append(StyledRun(piece, style: run.style))
            used += TextWidth.of(piece)
            if piece.count < run.text.count {
                result.append(StyledRun("… ", style: run.style))
                return result
            }
        }
        return result
    }
}
