import AppCore
import DeckKit
import StudyCore
import TerminalUI

/// The lines of the detail pane for the selected node at a given width, with
/// where each listed fact starts and ends: what the pane draws, and what a
/// mouse click is matched against.
struct DetailContent {
    var lines: [StyledLine] = []
    /// Line ranges of the node's `detailFacts`, in order.
    var factLines: [Range<Int>] = []

    /// - Parameter lineLimit: stop once this many lines are made (plus one, so
    ///   the pane knows there is more): enough for a pane showing its top. The
    ///   key path then costs the same for a topic of 5 facts or of 5,000.
    init(state: AppState, theme: Theme, width: Int, lineLimit: Int? = nil) {
        guard width > 0, let path = state.selectedPath, let node = state.decks.node(at: path) else { return }
        let query = state.search?.query
        let showsSelection = state.focus == .detail
        func wrap(_ runs: [StyledRun]) -> [StyledLine] {
            TextWrapper.wrap(SearchHighlighter.highlight(runs, query: query, style: theme.match), width: width)
        }

        lines += wrap(node.title.styledRuns(base: theme.heading, theme: theme))
        // With one deck its title is in the status bar already.
        let ancestors = state.decks.titles(along: path).dropLast().dropFirst(state.decks.count == 1 ? 1 : 0)
        if !ancestors.isEmpty {
            lines += TextWrapper.wrap([StyledRun(ancestors.joined(separator: " › "), style: theme.breadcrumb)], width: width)
        }
        lines += TextWrapper.wrap([StyledRun(Self.summary(of: node, path: path, decks: state.decks), style: theme.breadcrumb)],
                                  width: width)

        var factIndex = 0
        func isFull() -> Bool { lineLimit.map { lines.count > $0 } ?? false }
        func addFacts(_ facts: [Fact]) {
            var previous: Fact?
            for fact in facts {
                if isFull() { return }
                // A nested fact whose parent is no fact ("Benefits:") shows that lead-in above it.
                if let context = fact.context, fact.depth > 0,
                   !(previous.map { $0.text == context || ($0.context == context && $0.depth == fact.depth) } ?? false) {
                    lines += bulleted(SearchHighlighter.highlight(context.styledRuns(base: theme.breadcrumb, theme: theme),
                                                                   query: query, style: theme.match),
                                      bullet: "•", indent: 2 * (fact.depth - 1), width: width, theme: theme)
                }
                previous = fact
                let selected = showsSelection && factIndex == state.selectedFact
                let start = lines.count
                let base = selected ? theme.selectedFact : theme.body
                let bullet = selected ? "›" : fact.depth > 0 ? "◦" : "•"
                lines += bulleted(SearchHighlighter.highlight(fact.text.styledRuns(base: base, theme: theme),
                                                               query: query, style: theme.match),
                                  bullet: bullet, indent: 2 * fact.depth, width: width, theme: theme)
                lines += details(fact.details, indent: 2 * fact.depth + 2, width: width, theme: theme)
                // A question of the notes: its options, the right ones ticked; a flip card: its answer.
                for choice in fact.choices {
                    lines += bulleted(choice.text.styledRuns(base: choice.isCorrect ? theme.body.adding(.bold) : theme.body, theme: theme),
                                      bullet: choice.isCorrect ? "✓" : "·", indent: 2 * fact.depth + 2, width: width, theme: theme)
                }
                if let answer = fact.answer {
                    lines += bulleted([StyledRun("Answer: ", style: theme.breadcrumb)] + answer.styledRuns(base: theme.body, theme: theme),
                                      bullet: "→", indent: 2 * fact.depth + 2, width: width, theme: theme)
                }
                if selected {
                    for text in Self.schedule(of: fact.id, state: state) {
                        lines += TextWrapper.wrap([StyledRun(String(repeating: " ", count: 2 * fact.depth + 2)),
                                                   StyledRun(text, style: theme.breadcrumb)], width: width)
                    }
                }
                factLines.append(start..<lines.count)
                factIndex += 1
            }
        }
        if !node.facts.isEmpty {
            lines.append([])
            addFacts(node.facts)
        }
        // Sub-groups are part of their topic: their facts are listed here too.
        for group in node.children where group.kind == .group {
            if isFull() { return }
            lines.append([])
            lines += wrap(group.title.styledRuns(base: theme.paneTitle, theme: theme))
            addFacts(group.facts)
        }
        if isFull() { return }
        if !node.notes.isEmpty {
            lines.append([])
            for note in node.notes {
                switch note.kind {
                case .paragraph:
                    lines += wrap(note.text.styledRuns(base: theme.note, theme: theme))
                case .reference:
                    lines += wrap([StyledRun("→ ", style: theme.breadcrumb)] + note.text.styledRuns(base: theme.note, theme: theme))
                case .code:
                    for codeLine in note.text.plainText.split(separator: "\n", omittingEmptySubsequences: false) {
                        lines.append([StyledRun(String(TextWidth.prefix(String(codeLine), fitting: width)), style: theme.code)])
                    }
                }
            }
        }
        let headings = node.children.filter { $0.kind != .group }
        if !headings.isEmpty {
            lines.append([])
            lines.append([StyledRun("Contents", style: theme.paneTitle)])
            for child in headings {
                if isFull() { return }
                let count = child.totalFactCount
                let label = "\(child.title.plainText) (\(count) \(count == 1 ? "fact" : "facts"))"
                lines += bulleted([StyledRun(label, style: theme.body)], bullet: "▸", indent: 0, width: width, theme: theme)
            }
        }
    }

    /// The first line to show in a pane `height` lines tall. Stateless: all
    /// of it when it fits; else, while the detail has the focus, the selected
    /// fact a third of the way down (and whole, when it fits).
    func topLine(height: Int, state: AppState) -> Int {
        guard lines.count > height, height > 0 else { return 0 }
        guard state.focus == .detail, factLines.indices.contains(state.selectedFact) else { return 0 }
        let fact = factLines[state.selectedFact]
        var top = fact.lowerBound - height / 3
        if fact.upperBound > top + height { top = fact.upperBound - height }
        top = min(top, fact.lowerBound)
        return max(0, min(top, lines.count - height))
    }

    /// The selected fact's schedule, from the progress in memory, and its
    /// last answers, read from the store when it was selected:
    ///
    ///     review · due in 3 days (2026-11-30 09:00 UTC) · interval 5 d
    ///     stability 4.2 d · difficulty 5.1 · reps 3 · lapses 0
    ///     last answers: 11-26 14:02 Good (cloze) · 11-21 09:10 Again (flip)
    static func schedule(of id: FactID, state: AppState) -> [String] {
        var result: [String] = []
        let card = state.progress[id]
        var flags: [String] = []
        if card?.suspended == true { flags.append("suspended") }
        if let card, card.isBuried(at: state.now), let until = card.buriedUntil {
            flags.append("buried until \(until.iso8601.prefix(10)) \(until.iso8601.dropFirst(11).prefix(5)) UTC")
        }
        guard let card, card.state != .new else {
            result.append((["new · never studied"] + flags).joined(separator: " · "))
            return result
        }
        var first = ["\(card.state)"]
        if let due = card.due {
            first.append(due <= state.now ? "due now" : "due \(QuizPane.describe(due, from: state.now))")
            if let last = card.lastReview {
                first.append("interval \(Self.days(due.milliseconds - last.milliseconds))")
            }
        }
        result.append((first + flags).joined(separator: " · "))
        var second: [String] = []
        if let stability = card.stability { second.append("stability \(Self.days(Int64(stability * 86_400_000)))") }
        if let difficulty = card.difficulty { second.append("difficulty \(Self.oneDecimal(difficulty))") }
        second += ["reps \(card.reps)", "lapses \(card.lapses)"]
        result.append(second.joined(separator: " · "))
        if let history = state.factHistory, history.factID == id, !history.answers.isEmpty {
            let answers = history.answers.prefix(FactHistory.shown).map { entry in
                let iso = entry.reviewedAt.iso8601
                return "\(iso.dropFirst(5).prefix(5)) \(iso.dropFirst(11).prefix(5)) \(entry.rating.name)"
                    + (entry.kind.map { " (\($0))" } ?? "") + (entry.mode == .study ? "" : " [\(entry.mode.rawValue)]")
            }
            result.append("last answers: " + answers.joined(separator: " · "))
        }
        return result
    }

    /// "5 d", "3.5 h", "12 min".
    private static func days(_ milliseconds: Int64) -> String {
        let minutes = Double(milliseconds) / 60_000
        if minutes < 60 { return "\(Int(minutes.rounded())) min" }
        if minutes < 24 * 60 { return "\(oneDecimal(minutes / 60)) h" }
        return "\(oneDecimal(minutes / 1440)) d"
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    private static func summary(of node: TopicNode, path: NodePath, decks: [Deck]) -> String {
        let own = node.facts.count
        let total = node.totalFactCount
        var parts: [String] = []
        switch node.kind {
        case .deck:
            let deck = decks[path.indices[0]]
            parts.append(deck.file)
            if let date = deck.date { parts.append(date) }
            if !deck.tags.isEmpty { parts.append("tags: " + deck.tags.joined(separator: ", ")) }
        case .heading, .group:
            parts.append("line \(node.line)")
        }
        parts.append(own == total ? "\(total) \(total == 1 ? "fact" : "facts")" : "\(total) facts below")
        return parts.joined(separator: " · ")
    }

    private func bulleted(_ runs: [StyledRun], bullet: String, indent: Int, width: Int, theme: Theme) -> [StyledLine] {
        let prefix = String(repeating: " ", count: indent)
        let wrapWidth = width - indent - 2
        guard wrapWidth > 0 else { return [] }
        let wrapped = TextWrapper.wrap(runs, width: wrapWidth)
        return wrapped.enumerated().map { index, line in
            let lead = index == 0 ? prefix + bullet + " " : prefix + "  "
            return [StyledRun(lead, style: index == 0 ? theme.bullet : theme.body)] + line
        }
    }

    private func details(_ details: [FactDetail], indent: Int, width: Int, theme: Theme) -> [StyledLine] {
        details.flatMap { detail in
            bulleted(detail.text.styledRuns(base: theme.body, theme: theme), bullet: "◦", indent: indent,
                     width: width, theme: theme)
                + self.details(detail.details, indent: indent + 2, width: width, theme: theme)
        }
    }
}
