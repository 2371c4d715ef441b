import AppCore
import StudyCore
import TerminalUI

/// The last row, in order of what matters: the mode and its counter (match
/// 3/7, question 4/20, time left), a message, then the keys of this screen
/// from the key table, then the deck and the position. When the row is too
/// narrow, the rest gives way first (position, deck), then keys from the
/// middle; the mode and counter stay.
///
///     /inference  match 2/3  n next  N prev  Esc clear  ↑↓ fact  ← tree  ? help  q quit  17/22
///     Exam 4/20  ⏱ 0:42  1-4 answer  u undo  q end  ? help
struct StatusBar {
    let state: AppState
    let theme: Theme

    func draw(in line: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(line, with: Cell(" ", style: theme.statusBar))
        let context = state.keyContext
        var mode: StyledLine = []
        if let quiz = state.quiz {
            mode.append(StyledRun(" " + Self.quizCounter(quiz, now: state.now) + " ", style: theme.statusKey))
        } else if let search = state.search {
            let count = search.matches.count
            let editing = state.overlay == .searchInput
            let found = count == 0 ? "no match" : editing ? "\(count) \(count == 1 ? "match" : "matches")"
                : "match \((search.currentMatch ?? 0) + 1)/\(count)"
            mode.append(StyledRun(" /" + search.query + (editing ? "▏" : "") + " ", style: theme.statusKey))
            mode.append(StyledRun(" " + found + " ", style: theme.statusBar))
        } else if case .stats = state.screen {
            mode.append(StyledRun(" Stats ", style: theme.statusKey))
        }
        var message: StyledLine = []
        if let text = state.message {
            let style = text.kind == .error ? theme.warning : theme.statusKey
            message.append(StyledRun(" " + text.text + " ", style: style))
        }

        var labels: [(keys: String, action: String)] = []
        if context == .help {
            labels = [("any key", "close help")]
        } else {
            var seen = Set<String>()
            // The search's keys first when one is kept: they are why it is shown.
            let bindings = state.keyMap.effectiveBindings(in: context)
            let ordered = bindings.filter { $0.context == .browsing && [.nextMatch, .previousMatch, .clearSearch].contains($0.command) }
                + bindings
            for binding in ordered where state.canPerform(binding.command) {
                if let label = binding.statusLabel, seen.insert(label.keys).inserted {
                    labels.append((label.keys, label.action))
                }
            }
        }
        let deckName = state.decks.count == 1 ? state.decks[0].title : "\(state.decks.count) decks"
        var rest: StyledLine = state.screen == .browse && state.overlay == nil && state.search == nil && state.message == nil
            ? [StyledRun(" " + deckName + " ", style: theme.statusKey)] : []
        var position = state.rows.isEmpty || context == .searchInput || state.screen != .browse
            ? "" : " \(state.selectedRow + 1)/\(state.rows.count) "

        // Give way from the least important end.
        func total() -> Int {
            width(of: mode) + width(of: message) + labelsWidth(labels) + width(of: rest) + TextWidth.of(position)
        }
        if total() > line.width { rest = [] }
        if total() > line.width { position = "" }
        // Keys give way from the middle: the first (the answer, the move)
        // and the last two (help, quit or end) stay longest.
        while labels.count > 3 && total() > line.width { labels.remove(at: labels.count - 3) }
        while labels.count > 1 && total() > line.width { labels.removeLast() }

        var column = line.x
        column = buffer.write(mode, x: column, y: line.y, clip: line)
        if !message.isEmpty {
            let room = max(0, line.maxX - column - labelsWidth(labels))
            column = buffer.write(truncated(message, to: max(min(room, width(of: message)), min(12, line.maxX - column))),
                                  x: column, y: line.y, clip: line)
        }
        var keys: StyledLine = []
        for label in labels {
            keys.append(StyledRun(" " + label.keys, style: theme.statusKey))
            keys.append(StyledRun(" " + label.action + " ", style: theme.statusBar))
        }
        column = buffer.write(keys, x: column, y: line.y, clip: line)
        if !rest.isEmpty && line.maxX - column - TextWidth.of(position) >= 8 {
            column = buffer.write(truncated(rest, to: line.maxX - column - TextWidth.of(position)), x: column, y: line.y,
                                  clip: line)
        }
        let positionWidth = TextWidth.of(position)
        if positionWidth > 0 && line.maxX - column >= positionWidth {
            buffer.write(position, x: line.maxX - positionWidth, y: line.y, style: theme.statusBar, clip: line)
        }
    }

    /// "Study 4/20", "Exam 3/5 ⏱ 0:42", "Summary".
    static func quizCounter(_ quiz: QuizState, now: Timestamp) -> String {
        let name = quiz.session.mode.rawValue
        let mode = name.prefix(1).uppercased() + name.dropFirst()
        switch quiz.phase {
        case .summary: return mode + " · summary"
        case .nothingToDo: return mode + " · nothing due"
        case .asking, .revealed, .feedback:
            let answered = quiz.session.answers.count
            let shown = quiz.phase == .asking || quiz.phase == .revealed ? answered + 1 : answered
            let total = answered + quiz.session.queue.count + quiz.session.pending.count
                + (quiz.phase == .asking || quiz.phase == .revealed ? 1 : 0)
            var text = "\(mode) \(shown)/\(total)"
            if let left = QuizPane.timeLeft(quiz, now: now) { text += "  ⏱ " + left }
            return text
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
