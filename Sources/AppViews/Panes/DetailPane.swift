import AppCore
import DeckKit
import TerminalUI

/// The detail of the selected node: its title and place in the tree, its
/// facts as a wrapped bulleted list with nested details, its notes, and what
/// lies below it.
struct DetailPane {
    let state: AppState
    let theme: Theme

    func draw(in frame: Rect, into buffer: inout ScreenBuffer) {
        buffer.drawBox(frame, title: "Detail", style: theme.border, titleStyle: theme.paneTitle)
        let inside = frame.inset(by: 1)
        guard inside.width > 2, inside.height > 0 else { return }
        let content = Rect(x: inside.x + 1, y: inside.y, width: inside.width - 2, height: inside.height)
        let lines = self.lines(width: content.width)
        for (offset, line) in lines.prefix(content.height).enumerated() {
            buffer.write(line, x: content.x, y: content.y + offset, clip: content)
        }
        if lines.count > content.height {
            buffer.write("↓", x: frame.maxX - 1, y: frame.maxY - 2, style: theme.border)
        }
    }

    /// Every line of the detail for a pane `width` columns wide.
    func lines(width: Int) -> [StyledLine] {
        guard let path = state.selectedPath, let node = state.decks.node(at: path) else { return [] }
        var lines: [StyledLine] = []
        lines += TextWrapper.wrap(node.title.styledRuns(base: theme.heading, theme: theme), width: width)
        // With one deck its title is in the status bar already.
        let ancestors = state.decks.titles(along: path).dropLast().dropFirst(state.decks.count == 1 ? 1 : 0)
        if !ancestors.isEmpty {
            lines += TextWrapper.wrap([StyledRun(ancestors.joined(separator: " › "), style: theme.breadcrumb)], width: width)
        }
        lines += TextWrapper.wrap([StyledRun(summary(of: node, path: path), style: theme.breadcrumb)], width: width)

        if !node.facts.isEmpty {
            lines.append([])
            for fact in node.facts {
                lines += bulleted(fact.text, bullet: "•", indent: 0, width: width)
                lines += details(fact.details, indent: 2, width: width)
            }
        }
        if !node.notes.isEmpty {
            lines.append([])
            for note in node.notes {
                switch note.kind {
                case .paragraph:
                    lines += TextWrapper.wrap(note.text.styledRuns(base: theme.note, theme: theme), width: width)
                case .code:
                    for codeLine in note.text.plainText.split(separator: "\n", omittingEmptySubsequences: false) {
                        lines.append([StyledRun(String(TextWidth.prefix(String(codeLine), fitting: width)), style: theme.code)])
                    }
                }
            }
        }
        // Sub-groups are part of their topic: show their facts here too.
        for group in node.children where group.kind == .group {
            lines.append([])
            lines += TextWrapper.wrap(group.title.styledRuns(base: theme.paneTitle, theme: theme), width: width)
            for fact in group.facts {
                lines += bulleted(fact.text, bullet: "•", indent: 0, width: width)
                lines += details(fact.details, indent: 2, width: width)
            }
        }
        let headings = node.children.filter { $0.kind != .group }
        if !headings.isEmpty {
            lines.append([])
            lines.append([StyledRun("Contents", style: theme.paneTitle)])
            for child in headings {
                let count = child.totalFactCount
                let label = "\(child.title.plainText) (\(count) \(count == 1 ? "fact" : "facts"))"
                lines += bulleted(InlineText(plain: label), bullet: "▸", indent: 0, width: width)
            }
        }
        return lines
    }

    private func summary(of node: TopicNode, path: NodePath) -> String {
        let own = node.facts.count
        let total = node.totalFactCount
        var parts: [String] = []
        switch node.kind {
        case .deck:
            let deck = state.decks[path.indices[0]]
            parts.append(deck.file)
            if let date = deck.date { parts.append(date) }
            if !deck.tags.isEmpty { parts.append("tags: " + deck.tags.joined(separator: ", ")) }
        case .heading, .group:
            parts.append("line \(node.line)")
        }
        parts.append(own == total ? "\(total) \(total == 1 ? "fact" : "facts")" : "\(total) facts below")
        return parts.joined(separator: " · ")
    }

    private func bulleted(_ text: InlineText, bullet: String, indent: Int, width: Int) -> [StyledLine] {
        let prefix = String(repeating: " ", count: indent)
        let wrapWidth = width - indent - 2
        guard wrapWidth > 0 else { return [] }
        let wrapped = TextWrapper.wrap(text.styledRuns(base: theme.body, theme: theme), width: wrapWidth)
        return wrapped.enumerated().map { index, line in
            let lead = index == 0 ? prefix + bullet + " " : prefix + "  "
            return [StyledRun(lead, style: index == 0 ? theme.bullet : theme.body)] + line
        }
    }

    private func details(_ details: [FactDetail], indent: Int, width: Int) -> [StyledLine] {
        details.flatMap { detail in
            bulleted(detail.text, bullet: "◦", indent: indent, width: width)
                + self.details(detail.details, indent: indent + 2, width: width)
        }
    }
}
