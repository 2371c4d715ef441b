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
        var title = "\(mode) · \(quiz.scopeTitle)"
        if let left = Self.timeLeft(quiz, now: state.now) { title = "\(mode) · ⏱ \(left) left · \(quiz.scopeTitle)" }
        buffer.drawBox(frame, title: title, lines: .heavy, style: theme.border, titleStyle: theme.paneTitle)
        let content = DetailPane.contentRect(in: frame)
        guard content.width > 0, content.height > 0 else { return }
        let (lines, promptLine) = self.lines(width: content.width)
        let top: Int
        if case .summary = quiz.phase {
            top = min(max(0, quiz.summaryScroll), max(0, lines.count - content.height))
        } else {
            // Keep the end (the choices, the keys) in view when it does not
            // all fit, but never scroll the prompt away: on a small screen
            // the header and the path go first.
            top = max(0, min(lines.count - content.height, promptLine))
        }
        for (offset, line) in lines.dropFirst(top).prefix(content.height).enumerated() {
            buffer.write(line, x: content.x, y: content.y + offset, clip: content)
        }
        if top > 0 { buffer.write("↑", x: frame.maxX - 1, y: frame.y + 1, style: theme.border) }
        if top + content.height < lines.count { buffer.write("↓", x: frame.maxX - 1, y: frame.maxY - 2, style: theme.border) }
    }

    /// "0:42" when an exam has a time limit.
    static func timeLeft(_ quiz: QuizState, now: Timestamp) -> String? {
        guard let deadline = quiz.session.deadline else { return nil }
        switch quiz.phase {
        case .asking, .revealed, .feedback: break
        case .summary, .nothingToDo: return nil
        }
        let seconds = max(0, (deadline.milliseconds - now.milliseconds + 999) / 1000)
        let minutes = seconds / 60
        return minutes >= 60 ? "\(minutes / 60):\(pad(minutes % 60)):\(pad(seconds % 60))" : "\(minutes):\(pad(seconds % 60))"
    }

    private static func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The pane's lines, and the index of the line where the prompt starts.
    func lines(width: Int) -> ([StyledLine], promptLine: Int) {
        var lines: [StyledLine] = []
        var promptLine = 0
        func wrap(_ text: String, _ style: CellStyle, indent: String = "") {
            let wrapped = TextWrapper.wrap([StyledRun(text, style: style)], width: max(1, width - indent.count))
            lines += wrapped.map { [StyledRun(indent)] + $0 }
        }
        func blank() { lines.append([]) }

        switch quiz.phase {
        case .nothingToDo(let nothing):
            wrap("Nothing to study in \(quiz.scopeTitle) right now.", theme.heading)
            blank()
            if nothing.newHeldBack > 0 {
                wrap("Today's limit of new facts is reached: \(nothing.newHeldBack) new fact\(nothing.newHeldBack == 1 ? " waits" : "s wait") "
                     + "(\(state.studyOptions.newPerDay + state.extraNewToday) a day; started today: \(state.newFactsStartedToday)).",
                     theme.body)
                blank()
            }
            if let nextDue = nothing.nextDue {
                wrap("The next fact is due \(Self.describe(nextDue, from: state.now)).", theme.body)
            } else if nothing.newHeldBack == 0 {
                wrap("No fact here is scheduled, and no new fact is left.", theme.body)
            }
            blank()
            let more = nothing.newHeldBack > 0 ? "+ 10 more new facts today · " : ""
            wrap("\(more)p practise these facts anyway (the schedule is not touched) · Esc back to the tree", theme.breadcrumb)
        case .summary:
            for (runs, role) in (state.summaryDocument?.wrapped(width: width) ?? []) {
                let style: CellStyle = switch role {
                case .heading: theme.heading
                case .body: theme.body
                case .warning: theme.warning
                case .dim: theme.breadcrumb
                case .emphasis: theme.paneTitle
                case .selected: theme.selection
                }
                lines.append(runs.map { StyledRun($0.text, style: style) })
            }
        case .asking, .revealed, .feedback:
            guard let question = quiz.question else { return (lines, 0) }
            wrap("\(question.kind.title)  ·  \(quiz.session.answers.count) answered, \(quiz.session.questionsLeft) more after this",
                 theme.paneTitle)
            // Which-topic asks for the topic: its path shows only once answered.
            // The context the generator checked (which-topic has none: its
            // answer is the topic); once answered, the whole path.
            // (A question of the notes is its heading: the path stops short of it throughout.)
            let context = quiz.phase == .asking || question.fact.kind == .question ? question.context
                : Question.context(for: question.topicPath)
            for line in context { wrap(line, theme.breadcrumb) }
            blank()
            promptLine = lines.count
            lines += questionLines(question, width: width)
        }
        return (lines, promptLine)
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
            } else if question.prompt.contains(Question.blank) {
                wrap([StyledRun("Recall the missing \(question.recallGap.rawValue), then press Space to check.", style: theme.breadcrumb)])
            } else {
                wrap([StyledRun("Answer it in your head, then press Space to check.", style: theme.breadcrumb)])
            }
        case .clozeTyped:
            let cursor = feedback == nil ? "▏" : ""
            wrap([StyledRun("> ", style: theme.paneTitle), StyledRun(quiz.typed + cursor, style: theme.body)])
        case .whichTopic, .clozeChoice, .trueFalse, .definitionChoice, .authoredChoice:
            let several = question.choosesSeveral
            for (index, option) in question.options.enumerated() {
                var marker = " "
                var style = theme.body
                if let feedback {
                    let picked = several ? feedback.picked.contains(index) : index == feedback.chosen
                    if question.correctOptions.contains(index) { marker = "✓"; style = style.adding(.bold) }
                    else if picked { marker = "✗"; style = style.adding(.dim) }
                }
                // Several right: a box each, ticked as the number keys mark them.
                let box = several ? (feedback.map { $0.picked.contains(index) } ?? quiz.marked.contains(index) ? "[x] " : "[ ] ") : ""
                lines += Self.hanging(StyledRun("\(marker) \(index + 1)  \(box)", style: theme.paneTitle),
                                      [StyledRun(option, style: style)], width: width)
            }
            if several && feedback == nil {
                lines.append([])
                wrap([StyledRun("Mark every right option with its number, then press Enter to check.", style: theme.breadcrumb)])
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
            if feedback.saveFailed {
                wrap([StyledRun("⚠ This answer was NOT saved: the store refused it (see the status bar).", style: theme.warning)])
            } else {
                let graded = feedback.review.rating
                // Forgotten once too often: most leeches are a badly worded
                // note or a bad question, so say what can be done.
                let lapses = feedback.review.after.lapses
                if feedback.review.mode.updatesSchedule, graded == .again, lapses >= state.studyOptions.leechLapses {
                    wrap([StyledRun("Leech: forgotten \(lapses) times. e rewords the note (its progress follows the "
                                    + "edit), @ suspends it.", style: theme.warning)])
                }
                wrap([StyledRun("Saved as \(graded.name)\(graded == feedback.suggested ? " (suggested)" : ""). "
                                + "Enter next question, or change the grade: 1 Again · 2 Hard · 3 Good · 4 Easy · u undo",
                                style: theme.breadcrumb)])
            }
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
