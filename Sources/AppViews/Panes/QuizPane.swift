import AppCore
import DeckKit
import StudyCore
import TerminalUI

/// The quiz in the right-hand pane: the question, the choices or the typed
/// answer, the feedback with the whole fact, the summary, or "nothing due".
struct QuizPane {
    let state: AppState
    let quiz: QuizState
    let theme: Theme

    func draw(in frame: Rect, into buffer: inout ScreenBuffer) {
        let name = quiz.session.mode.rawValue
        let mode = name.prefix(1).uppercased() + name.dropFirst()
        buffer.drawBox(frame, title: "\(mode) · \(quiz.scopeTitle)", lines: .heavy, style: theme.border,
                       titleStyle: theme.paneTitle)
        let content = DetailPane.contentRect(in: frame)
        guard content.width > 0, content.height > 0 else { return }
        let lines = self.lines(width: content.width)
        // Keep the end (the choices, the keys) in view when it does not all fit.
        let top = max(0, lines.count - content.height)
        for (offset, line) in lines.dropFirst(top).prefix(content.height).enumerated() {
            buffer.write(line, x: content.x, y: content.y + offset, clip: content)
        }
        if top > 0 { buffer.write("↑", x: frame.maxX - 1, y: frame.y + 1, style: theme.border) }
    }

    func lines(width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        func wrap(_ text: String, _ style: CellStyle, indent: String = "") {
            let wrapped = TextWrapper.wrap([StyledRun(text, style: style)], width: max(1, width - indent.count))
            lines += wrapped.map { [StyledRun(indent)] + $0 }
        }
        func blank() { lines.append([]) }

        switch quiz.phase {
        case .nothingToDo(let nextDue):
            wrap("Nothing to study in \(quiz.scopeTitle) right now.", theme.heading)
            blank()
            if let nextDue {
                wrap("The next fact is due \(Self.describe(nextDue, from: state.now)).", theme.body)
            } else {
                wrap("No fact here is scheduled, and today's new facts are done.", theme.body)
            }
            blank()
            wrap("p practise these facts anyway (the schedule is not touched) · Esc back to the tree", theme.breadcrumb)
        case .summary(let summary):
            lines += summaryLines(summary, width: width)
        case .asking, .revealed, .feedback:
            guard let question = quiz.question else { return lines }
            wrap("\(question.kind.title)  ·  \(quiz.session.answers.count) answered, \(quiz.session.questionsLeft) more after this",
                 theme.paneTitle)
            // Which-topic asks for the topic: its path shows only once answered.
            // The context the generator checked (which-topic has none: its
            // answer is the topic); once answered, the whole path.
            let context = quiz.phase == .asking ? question.context : Question.context(for: question.topicPath)
            for line in context { wrap(line, theme.breadcrumb) }
            blank()
            lines += questionLines(question, width: width)
        }
        return lines
    }

    private func questionLines(_ question: Question, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        func wrap(_ runs: [StyledRun], indent: Int = 0) {
            let prefix = String(repeating: " ", count: indent)
            lines += TextWrapper.wrap(runs, width: max(1, width - indent)).map { [StyledRun(prefix)] + $0 }
        }
        let prompt = question.kind == .trueFalse ? "“\(question.prompt)”" : question.prompt
        wrap([StyledRun(prompt, style: theme.body.adding(.bold))])
        lines.append([])

        let feedback: QuizState.Feedback? = if case .feedback(let value) = quiz.phase { value } else { nil }
        switch question.kind {
        case .flip:
            if quiz.phase == .revealed {
                wrap([StyledRun("Answer: ", style: theme.breadcrumb), StyledRun(question.answer, style: theme.match)])
                lines.append([])
                lines += factLines(question, width: width)
                lines.append([])
                wrap([StyledRun("How well did you recall it?  1 Again · 2 Hard · 3 Good · 4 Easy", style: theme.breadcrumb)])
            } else {
                wrap([StyledRun("Recall the missing term, then press Space to check.", style: theme.breadcrumb)])
            }
        case .clozeTyped:
            let cursor = feedback == nil ? "▏" : ""
            wrap([StyledRun("> ", style: theme.paneTitle), StyledRun(quiz.typed + cursor, style: theme.body)])
        case .whichTopic, .clozeChoice, .trueFalse, .definitionChoice:
            for (index, option) in question.options.enumerated() {
                var marker = " "
                var style = theme.body
                if let feedback {
                    if index == question.correctOption { marker = "✓"; style = style.adding(.bold) }
                    else if index == feedback.chosen { marker = "✗"; style = style.adding(.dim) }
                }
                lines += Self.hanging(StyledRun("\(marker) \(index + 1)  ", style: theme.paneTitle),
                                      [StyledRun(option, style: style)], width: width)
            }
        }
        if let feedback {
            lines.append([])
            let verdict = feedback.correct ? "✓ Right" : "✗ Wrong"
            var runs = [StyledRun(verdict, style: feedback.correct ? theme.paneTitle : theme.warning)]
            if !feedback.correct { runs.append(StyledRun(" — the answer is \(question.answer)", style: theme.body)) }
            wrap(runs)
            if let typed = feedback.typed, !typed.isExact {
                var diff: [StyledRun] = [StyledRun("your answer against it: ", style: theme.breadcrumb)]
                for piece in typed.diff {
                    switch piece {
                    case .same(let text): diff.append(StyledRun(text, style: theme.body))
                    case .missing(let text): diff.append(StyledRun("[+" + text + "]", style: theme.match))
                    case .extra(let text): diff.append(StyledRun("[-" + text + "]", style: theme.warning))
                    }
                }
                wrap(diff)
            }
            lines.append([])
            lines += factLines(question, width: width)
            lines.append([])
            wrap([StyledRun("Suggested grade: \(feedback.suggested.name). Enter to accept, or 1 Again · 2 Hard · 3 Good · 4 Easy",
                            style: theme.breadcrumb)])
        }
        return lines
    }

    /// The whole fact with its details, as the feedback shows it.
    private func factLines(_ question: Question, width: Int) -> [StyledLine] {
        var lines = Self.hanging(StyledRun("• ", style: theme.bullet),
                                 question.fact.text.styledRuns(base: theme.body, theme: theme), width: width)
        func details(_ items: [FactDetail], indent: Int) {
            for item in items {
                let prefix = String(repeating: " ", count: indent)
                lines += Self.hanging(StyledRun(prefix + "◦ ", style: theme.bullet),
                                      item.text.styledRuns(base: theme.body, theme: theme), width: width)
                details(item.details, indent: indent + 2)
            }
        }
        details(question.fact.details, indent: 2)
        return lines
    }

    private func summaryLines(_ summary: SessionSummary, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        func wrap(_ text: String, _ style: CellStyle) {
            lines += TextWrapper.wrap([StyledRun(text, style: style)], width: width)
        }
        wrap("Session over", theme.heading)
        let percent = Int((summary.accuracy * 100).rounded())
        let seconds = summary.durationMilliseconds / 1000
        wrap("\(summary.answered) answered · \(summary.correct) right (\(percent)%) · \(seconds / 60) min \(seconds % 60) s",
             theme.body)
        let upcoming = summary.upcoming(in: state.studyOptions.dayBoundary)
        wrap("due later today: \(upcoming.laterToday) · tomorrow: \(upcoming.tomorrow) · next 7 days: \(upcoming.nextSevenDays)",
             theme.body)
        if !summary.lapsed.isEmpty {
            wrap("forgotten (lapsed): \(summary.lapsed.count)", theme.warning)
            for id in summary.lapsed.prefix(5) {
                if let fact = state.questionGenerator?.fact(id) { wrap("  • " + fact.text.plainText, theme.body) }
            }
        }
        if !summary.topics.isEmpty {
            lines.append([])
            wrap(summary.mode == .exam ? "Score per topic (weakest first)" : "Accuracy per topic (weakest first)",
                 theme.paneTitle)
            for topic in summary.topics {
                let score = "\(topic.correct)/\(topic.answered)"
                wrap("  \(score)  \(topic.topic)", topic.correct < topic.answered ? theme.body : theme.breadcrumb)
            }
        }
        lines.append([])
        let redrill = summary.misses.isEmpty ? "" : "r re-drill the \(summary.misses.count) missed · "
        wrap("\(redrill)Esc back to the tree", theme.breadcrumb)
        return lines
    }

    /// `runs` wrapped after `lead`, continuation lines indented under the text.
    static func hanging(_ lead: StyledRun, _ runs: [StyledRun], width: Int) -> [StyledLine] {
        let indent = TextWidth.of(lead.text)
        let wrapped = TextWrapper.wrap(runs, width: max(1, width - indent))
        return wrapped.enumerated().map { index, line in
            [index == 0 ? lead : StyledRun(String(repeating: " ", count: indent))] + line
        }
    }

    /// "in 23 h (2026-11-26 09:00 UTC)".
    static func describe(_ time: Timestamp, from now: Timestamp) -> String {
        let minutes = max(0, (time.milliseconds - now.milliseconds) / 60_000)
        let relative = minutes < 60 ? "in \(minutes) min" : minutes < 48 * 60 ? "in \(minutes / 60) h" : "in \(minutes / 1440) days"
        let iso = time.iso8601
        return "\(relative) (\(iso.prefix(10)) \(iso.dropFirst(11).prefix(5)) UTC)"
    }
}
