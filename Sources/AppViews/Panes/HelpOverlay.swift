import AppCore
import TerminalUI

/// The `?` screen: every key of the key table in a box over the panes. The
/// tree and detail keys share a table (the same key moves rows in one and facts
/// in the other); the global and search keys sit side by side below. Any key
/// closes it.
///
///     Keys      Topic tree                 Fact detail
///     Up k      row above                  fact above
///     …
///     Everywhere                   While typing a search
///     Tab       next pane          text       add to the search
struct HelpOverlay {
    let state: AppState
    let theme: Theme

    func lines(maxLines: Int = .max) -> [StyledLine] {
        switch state.screen {
        case .browse: return browsingLines(maxLines: maxLines)
        case .quiz: return quizLines()
        case .stats:
            let keyWidth = state.keyMap.bindings(in: .stats).map { TextWidth.of($0.keysLabel) }.max() ?? 0
            return block(.stats, keyWidth: keyWidth) + [[]] + block(.global, keyWidth: keyWidth)
        case .changes:
            // The picker's keys beside the global ones (help cannot open
            // from the picker: every key is text there); `1-9` is one line,
            // as its first binding labels it.
            let keyWidth = (state.keyMap.bindings(in: .changes) + state.keyMap.bindings(in: .factPicker))
                .map { TextWidth.of($0.keysLabel) }.max() ?? 0
            let candidates: Set<Command> = [.answer2, .answer3, .answer4, .answer5, .answer6, .answer7, .answer8, .answer9]
            return block(.changes, keyWidth: keyWidth) { !candidates.contains($0.command) } + [[]]
                + sideBySide(block(.global, keyWidth: keyWidth), block(.factPicker, keyWidth: keyWidth))
        }
    }

    /// In a quiz: the keys of each quiz screen, two blocks a row, then the
    /// keys every question screen inherits, then the global ones.
    private func quizLines() -> [StyledLine] {
        let contexts: [KeyContext] = [.quizChoice, .quizTrueFalse, .quizFlip, .quizGrade, .quizTyping, .quizFeedback,
                                      .quizSummary, .quizEmpty, .quiz, .global]
        let keyWidth = state.keyMap.bindings.filter { $0.context.isQuiz }.map { TextWidth.of($0.keysLabel) }.max() ?? 0
        var lines: [StyledLine] = []
        var index = 0
        while index < contexts.count {
            if !lines.isEmpty { lines.append([]) }
            let left = block(contexts[index], keyWidth: keyWidth)
            let right = index + 1 < contexts.count ? block(contexts[index + 1], keyWidth: keyWidth) : []
            lines += sideBySide(left, right)
            index += 2
        }
        return lines
    }

    private func sideBySide(_ left: [StyledLine], _ right: [StyledLine]) -> [StyledLine] {
        let leftWidth = left.map(width).max() ?? 0
        var lines: [StyledLine] = []
        for index in 0..<max(left.count, right.count) {
            var line: StyledLine = index < left.count ? left[index] : []
            if index < right.count {
                line.append(StyledRun(String(repeating: " ", count: leftWidth - width(line) + 3)))
                line += right[index]
            }
            lines.append(line)
        }
        return lines
    }

    /// Browsing: the tree and detail keys as one table, then the global and
    /// search keys side by side.
    private func browsingLines(maxLines: Int) -> [StyledLine] {
        let map = state.keyMap
        let tree = map.bindings(in: .tree)
        let detail = map.bindings(in: .detail)
        var keyLabels: [String] = []
        for binding in tree + detail where !keyLabels.contains(binding.keysLabel) { keyLabels.append(binding.keysLabel) }
        let keyWidth = map.bindings.filter { !$0.context.isQuiz }.map { TextWidth.of($0.keysLabel) }.max() ?? 0
        let treeWidth = tree.map { TextWidth.of($0.summary) }.max() ?? 0

        var lines: [StyledLine] = []
        lines.append([StyledRun(pad("Keys", keyWidth + 2) + pad(KeyContext.tree.title, treeWidth + 2)
                                + KeyContext.detail.title, style: theme.paneTitle)])
        for label in keyLabels {
            let inTree = tree.first { $0.keysLabel == label }?.summary ?? ""
            let inDetail = detail.first { $0.keysLabel == label }?.summary ?? ""
            lines.append([StyledRun(pad(label, keyWidth + 2), style: theme.paneTitle),
                          StyledRun(pad(inTree, treeWidth + 2) + inDetail, style: theme.body)])
        }
        let schedule: Set<Command> = [.startStudy, .startPractice, .startExam, .undoAnswer,
                                      .toggleSuspend, .toggleBury, .raiseNewLimit]
        let browsingCommands = Set(map.bindings(in: .browsing).map(\.command))
        // Global keys already listed under another key (Ctrl-C quits, as q does) are not repeated.
        let browsing = block(.browsing, keyWidth: keyWidth) { !schedule.contains($0.command) }
            + block(.global, keyWidth: keyWidth, title: "") { !browsingCommands.contains($0.command) }.dropFirst()
        let starts = block(.browsing, keyWidth: keyWidth, title: "Study the selected node") { schedule.contains($0.command) }
        let searchTyping = block(.searchInput, keyWidth: keyWidth)
        // The keys of a search being typed are on the status bar while it is
        // typed; on a short screen they give way here.
        let right = lines.count + max(browsing.count, searchTyping.count + starts.count) <= maxLines
            ? searchTyping + starts : starts
        lines += sideBySide(Array(browsing), right)
        return lines
    }

    private func block(_ context: KeyContext, keyWidth: Int, title: String? = nil,
                       including: (KeyBinding) -> Bool = { _ in true }) -> [StyledLine] {
        [[StyledRun(title ?? context.title, style: theme.paneTitle)]] + state.keyMap.bindings(in: context).filter(including).map { binding in
            [StyledRun(pad(binding.keysLabel, keyWidth + 2), style: theme.paneTitle),
             StyledRun(binding.summary, style: theme.body)]
        }
    }

    private func pad(_ text: String, _ columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - TextWidth.of(text)))
    }

    private func width(_ line: StyledLine) -> Int {
        line.reduce(0) { $0 + TextWidth.of($1.text) }
    }

    func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        let content = lines(maxLines: area.height - 2)
        let contentWidth = content.map(width).max() ?? 0
        let boxWidth = min(area.width, contentWidth + 4)
        let boxHeight = min(area.height, content.count + 2)
        guard boxWidth >= 10, boxHeight >= 3 else { return }
        let frame = Rect(x: area.x + (area.width - boxWidth) / 2, y: area.y + (area.height - boxHeight) / 2,
                         width: boxWidth, height: boxHeight)
        buffer.fill(frame)
        buffer.drawBox(frame, title: "Keys · any key closes", lines: .heavy, style: theme.overlay,
                       titleStyle: theme.paneTitle)
        let inside = Rect(x: frame.x + 2, y: frame.y + 1, width: frame.width - 4, height: frame.height - 2)
        for (offset, line) in content.prefix(inside.height).enumerated() {
            buffer.write(line, x: inside.x, y: inside.y + offset, clip: inside)
        }
        if content.count > inside.height {
            buffer.write("↓", x: frame.maxX - 1, y: frame.maxY - 2, style: theme.overlay)
        }
    }
}
