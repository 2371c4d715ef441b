import AppCore
import DeckKit
import TerminalUI

/// The topic tree: one row per visible node, indented by depth, with a fold
/// marker and the node's fact count.
///
///     ┌ Topics ─────────────────────┐
///     │› ▾ AWS Machine Learning… 42 │
///     │    ▾ AWS Machine Learn… 42  │
///     │      · Model Retraining  1  │
struct TreePane {
    let state: AppState
    let theme: Theme

    func draw(in frame: Rect, into buffer: inout ScreenBuffer) {
        buffer.drawBox(frame, title: "Topics", lines: state.focus == .tree && state.screen == .browse ? .heavy : .light,
                       style: theme.border, titleStyle: theme.paneTitle)
        let inside = frame.inset(by: 1)
        guard !inside.isEmpty else { return }
        let firstRow = state.treeScroll
        for screenRow in 0..<inside.height {
            let rowIndex = firstRow + screenRow
            guard state.rows.indices.contains(rowIndex) else { break }
            drawRow(state.rows[rowIndex], selected: rowIndex == state.selectedRow,
                    at: Rect(x: inside.x, y: inside.y + screenRow, width: inside.width, height: 1),
                    into: &buffer)
        }
        if state.rows.count > firstRow + inside.height {
            buffer.write("↓", x: frame.maxX - 1, y: frame.maxY - 2, style: theme.border)
        }
        if firstRow > 0 {
            buffer.write("↑", x: frame.maxX - 1, y: frame.y + 1, style: theme.border)
        }
    }

    /// The right-hand label of a row: `3d 5n` (3 due, 5 new), `1x` (one
    /// suspended), `2z` (two buried today), `1L` (one leech: forgotten again
    /// and again), `✓` when all is studied and nothing is due, or the fact
    /// count before any study.
    static func progressLabel(_ progress: NodeProgress?, factCount: Int) -> String {
        guard let progress, progress.studied > 0 || progress.suspended > 0 || progress.buried > 0 else {
            return "\(factCount)"
        }
        var parts: [String] = []
        if progress.due > 0 { parts.append("\(progress.due)d") }
        if progress.new > 0 { parts.append("\(progress.new)n") }
        if progress.suspended > 0 { parts.append("\(progress.suspended)x") }
        if progress.buried > 0 { parts.append("\(progress.buried)z") }
        if progress.leeches > 0 { parts.append("\(progress.leeches)L") }
        return parts.isEmpty ? "✓" : parts.joined(separator: " ")
    }

    /// How well a leaf is known, by mean mastery (retrievability a week
    /// ahead): `·` not studied, `◔` under 50%, `◑` under 80%, `◕` under 95%,
    /// `●` from 95%.
    static func masteryGlyph(_ progress: NodeProgress?) -> String {
        guard let mean = progress?.meanMastery else { return "·" }
        switch mean {
        case ..<0.5: return "◔"
        case ..<0.8: return "◑"
        case ..<0.95: return "◕"
        default: return "●"
        }
    }

    private func drawRow(_ row: TreeRow, selected: Bool, at line: Rect, into buffer: inout ScreenBuffer) {
        let base = selected ? theme.selection : theme.treeTitle
        if selected { buffer.fill(line, with: Cell(" ", style: base)) }
        let marker = selected ? "›" : " "
        let fold = row.hasChildren ? (row.isExpanded ? "▾" : "▸") : Self.masteryGlyph(state.nodeProgress[row.path])
        let indent = String(repeating: "  ", count: row.depth)
        let count = " " + Self.progressLabel(state.nodeProgress[row.path], factCount: row.factCount)
        let countWidth = TextWidth.of(count)
        var titleStyle = base
        if case .deck = row.kind { titleStyle.attributes.insert(.bold) }
        if case .group = row.kind { titleStyle.attributes.insert(.italic) }
        var column = buffer.write(marker + indent + fold + " ", x: line.x, y: line.y, style: base, clip: line)
        let titleRoom = line.maxX - column - countWidth - 1
        if titleRoom > 0 {
            var title = String(TextWidth.prefix(row.title, fitting: titleRoom))
            if title.count < row.title.count, titleRoom > 1 {
                title = String(TextWidth.prefix(row.title, fitting: titleRoom - 1)) + "…"
            }
            let runs = SearchHighlighter.highlight([StyledRun(title, style: titleStyle)], query: state.search?.query,
                                                   style: theme.match)
            column = buffer.write(runs, x: column, y: line.y, clip: line)
            let countStyle = selected ? base : theme.count
            buffer.write(count, x: line.maxX - countWidth - 1, y: line.y, style: countStyle, clip: line)
        }
    }
}
