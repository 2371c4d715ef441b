import AppCore
import StudyCore
import TerminalUI

/// The "what changed" screen in the right-hand pane: each fact whose
/// progress moved, or waits to be placed, since the notes were last opened,
/// with its text before and after and the keys that act on it. The selected
/// change is marked `›`; what was done shows on its line. (The buffer makes
/// every character displayable, as for the other panes.)
///
/// With the picker of `r` open, the pane shows it instead: the progress to
/// place, what was typed, and the facts that match, the highlighted one
/// marked `›`, those with progress of their own said so (the store would
/// refuse them).
struct ChangesPane {
    let state: AppState
    let view: ChangesViewState
    let theme: Theme

    func draw(in frame: Rect, into buffer: inout ScreenBuffer) {
        if let picker = view.picker {
            ScrollingLines(title: "Re-link by hand", theme: theme).draw(in: frame, into: &buffer, margin: 2) {
                pickerLines(picker, width: $0)
            }
        } else {
            ScrollingLines(title: "What changed", theme: theme).draw(in: frame, into: &buffer, margin: 4) { lines(width: $0) }
        }
    }

    /// The picker's lines, and the index of the highlighted fact's first line.
    func pickerLines(_ picker: FactPicker, width: Int) -> ([StyledLine], Int?) {
        var lines: [StyledLine] = []
        func text(_ string: String, _ style: CellStyle, indent: String = "") {
            lines += TextWrapper.wrap([StyledRun(indent + string, style: style)], width: width)
        }
        text("was: " + picker.old.text, theme.breadcrumb)
        text("Its progress goes to the fact you choose: type to narrow, ↑↓ choose, Enter re-link, Esc cancel.",
             theme.body)
        lines.append([StyledRun("> ", style: theme.paneTitle), StyledRun(picker.query + "▏", style: theme.body)])
        let count = picker.matches.count
        text(count == 0 ? "no fact matches" : count == 1 ? "1 fact" : "\(count) facts", theme.breadcrumb)
        var selectedLine: Int?
        for (index, id) in picker.matches.enumerated() {
            let selected = index == picker.selected
            if selected { selectedLine = lines.count }
            let fact = AppUpdate.factText(id, in: state) ?? id.rawValue
            let owned = state.progress[id] != nil ? "  (has progress of its own)" : ""
            let style = selected ? theme.selection : owned.isEmpty ? theme.body : theme.breadcrumb
            let wrapped = TextWrapper.wrap([StyledRun(fact + owned, style: style)], width: max(1, width - 2))
            for (offset, line) in wrapped.enumerated() {
                lines.append([StyledRun(offset == 0 && selected ? "› " : "  ", style: style)] + line)
            }
        }
        return (lines, selectedLine)
    }

    /// The lines, and the index of the selected change's first line.
    func lines(width: Int) -> ([StyledLine], Int?) {
        var lines: [StyledLine] = []
        var selectedLine: Int?
        func text(_ string: String, _ style: CellStyle, indent: String = "  ") {
            lines += TextWrapper.wrap([StyledRun(indent + string, style: style)], width: width)
        }
        guard !view.items.isEmpty else {
            text("Nothing changed in the notes since they were last opened.", theme.body, indent: "")
            return (lines, nil)
        }
        for (index, item) in view.items.enumerated() {
            let selected = index == view.selected
            if selected { selectedLine = lines.count }
            let marker = selected ? "› " : "  "
            let heading = selected ? theme.selection : theme.paneTitle
            switch item {
            case .relinked(let link, let newText):
                text("\(marker)re-linked (\(link.reason)) · d undoes it", heading, indent: "")
                text("was: " + link.oldText, theme.breadcrumb)
                text("now: " + newText, theme.body)
            case .toConfirm(let old, let candidates):
                let keys = candidates.count == 1 ? "1" : "1-\(candidates.count)"
                text("\(marker)to confirm · \(keys) re-links it to that fact · r another fact · d leaves it gone", heading,
                     indent: "")
                text("was: " + old.text, theme.breadcrumb)
                for (number, candidate) in candidates.enumerated() {
                    text("\(number + 1). " + candidate.text, theme.body)
                }
            case .gone(let old):
                text("\(marker)gone, progress kept · r re-links it to a fact you choose · d discards the progress", heading,
                     indent: "")
                text("was: " + old.text, theme.breadcrumb)
            case .settled(let old, let outcome):
                text("\(marker)\(outcome)", heading, indent: "")
                text("was: " + old, theme.breadcrumb)
            case .deckRenamed(let rename):
                let cards = rename.cards == 1 ? "its card" : "its \(rename.cards) cards"
                text("\(marker)deck renamed · \(cards) moved with it", heading, indent: "")
                text("was: " + rename.oldTitle, theme.breadcrumb)
                text("now: " + rename.newTitle, theme.body)
            }
            lines.append([])
        }
        return (lines, selectedLine)
    }
}
