import DeckKit
import StudyCore
import TerminalUI

/// The end screen of a session as lines of text with a role each: the score
/// first, then what was not saved, the misses with their right answers (one
/// of them selected, for `e`), what lapsed, the topics, and the keys.
///
/// It lives in AppCore, not in the view, because `update` scrolls it and must
/// know how many screen lines it takes (wrapped by the same `TextWrapper` the
/// view uses), so the last page stops at the last line.
public struct SummaryDocument: Equatable, Sendable {
    public enum Role: Equatable, Sendable {
        case heading, body, warning, dim, emphasis
        /// The selected miss: drawn as the selection, marked `›`.
        case selected
    }

    public struct Line: Equatable, Sendable {
        public var text: String
        public var role: Role
        /// Continuation lines are indented by this many columns.
        public var indent: Int
    }

    public private(set) var lines: [Line] = []
    /// The lines of each miss (its question and its answer), in the order of
    /// `SessionSummary.missedQuestions`: scrolling keeps the selected one in view.
    public private(set) var missLines: [Range<Int>] = []

    /// - Parameters:
    ///   - selectedMiss: the miss to mark (an index into `missedQuestions`).
    ///   - editable: the posts are files (`e` is offered on a miss).
    public init(summary: SessionSummary, facts: [FactID: String], days: DayBoundary, selectedMiss: Int? = nil,
                editable: Bool = false) {
        func add(_ text: String, _ role: Role, indent: Int = 0) { lines.append(Line(text: text, role: role, indent: indent)) }
        func blank() { add("", .body) }
        let seconds = summary.durationMilliseconds / 1000
        let duration = "\(seconds / 60) min \(seconds % 60) s"
        let percent = Int((summary.accuracy * 100).rounded())
        switch summary.ending {
        case .timeUp: add("Time's up", .warning)
        case .ended, .finished: add(summary.mode == .exam ? "Exam over" : "Session over", .heading)
        }
        if summary.mode == .exam {
            let asked = summary.answered + summary.unanswered
            var score = "Score: \(summary.correct)/\(asked) right (\(percent)%)"
            if summary.unanswered > 0 { score += " · \(summary.unanswered) unanswered, counted as missed" }
            add(score + " · " + duration, .emphasis)
        } else {
            add("\(summary.answered) answered · \(summary.correct) right (\(percent)%) · \(duration)", .emphasis)
        }
        if summary.notSaved > 0 {
            add("\(summary.notSaved) answer\(summary.notSaved == 1 ? " was" : "s were") NOT saved: the store refused "
                + "\(summary.notSaved == 1 ? "it" : "them") (see the message below)", .warning)
        }
        if summary.mode.updatesSchedule {
            let upcoming = summary.upcoming(in: days)
            add("due later today: \(upcoming.laterToday) · tomorrow: \(upcoming.tomorrow) · next 7 days: "
                + "\(upcoming.nextSevenDays)", .body)
        }
        if !summary.missedQuestions.isEmpty {
            blank()
            add("Missed (\(summary.missedQuestions.count)) · ↑↓ choose one" + (editable ? " · e edits its note" : ""), .heading)
            for (index, miss) in summary.missedQuestions.enumerated() {
                let start = lines.count
                // Two columns before each miss: the selected one's `›` goes there.
                let role: Role = index == selectedMiss ? .selected : .body
                if miss.answered, let prompt = miss.prompt {
                    add("  ✗ " + prompt, role, indent: 4)
                } else {
                    add("  – not answered: " + (miss.prompt ?? facts[miss.factID] ?? miss.factID.rawValue), role, indent: 4)
                }
                if let answer = miss.answer { add("    → " + answer, .emphasis, indent: 6) }
                missLines.append(start..<lines.count)
            }
        }
        if !summary.lapsed.isEmpty {
            blank()
            add("Forgotten (lapsed): \(summary.lapsed.count)", .warning)
            for id in summary.lapsed { add("  • " + (facts[id] ?? id.rawValue), .body, indent: 4) }
        }
        if !summary.topics.isEmpty {
            blank()
            add(summary.mode == .exam ? "Score per topic (weakest first)" : "Accuracy per topic (weakest first)", .heading)
            for topic in summary.topics {
                add("  \(topic.correct)/\(topic.answered)  \(topic.topic)",
                    topic.correct < topic.answered ? .body : .dim, indent: 4)
            }
        }
        blank()
        let redrill = summary.misses.isEmpty ? "" : "r re-drill the \(summary.misses.count) missed · "
        add("\(redrill)↑↓ PgUp PgDn scroll · Esc back to the tree · q quit", .dim)
    }

    /// The lines wrapped to `width` columns, with their roles.
    public func wrapped(width: Int) -> [(runs: [StyledRun], role: Role)] {
        lines.flatMap { wrap($0, width: width) }
    }

    /// One line wrapped to `width` columns. The selected miss's first
    /// screen line has `›` in its indent (the same width: the wrapping, and
    /// so the scrolling, do not depend on which miss is selected).
    private func wrap(_ line: Line, width: Int) -> [(runs: [StyledRun], role: Role)] {
        // Leading spaces are an indent the wrapper would drop: kept as a run.
        let text = line.text.drop { $0 == " " }
        if text.isEmpty { return [([], line.role)] }
        let lead = min(line.text.count - text.count, max(0, width - 1))
        let hanging = min(max(line.indent, lead), max(0, width - 1))
        let pieces = TextWrapper.wrap([StyledRun(String(text))], width: max(1, width - hanging))
        return pieces.enumerated().map { index, piece in
            let indent = index == 0 ? lead : hanging
            var margin = String(repeating: " ", count: indent)
            if index == 0, line.role == .selected, indent > 0 { margin = "›" + margin.dropFirst() }
            return ((indent > 0 ? [StyledRun(margin)] : []) + piece, line.role)
        }
    }

    public func wrappedLineCount(width: Int) -> Int { wrapped(width: width).count }

    /// The screen lines (wrapped to `width`) of miss `index`: its question
    /// and its answer.
    public func wrappedLines(ofMiss index: Int, width: Int) -> Range<Int> {
        guard missLines.indices.contains(index) else { return 0..<0 }
        let range = missLines[index]
        let start = lines[..<range.lowerBound].reduce(0) { $0 + wrap($1, width: width).count }
        let count = lines[range].reduce(0) { $0 + wrap($1, width: width).count }
        return start..<(start + count)
    }

    /// The width of the quiz's text at this layout (the full-width quiz box
    /// less its border and padding), as the view draws it.
    public static func contentWidth(_ layout: PaneLayout) -> Int { max(1, layout.screenWidth - 4) }

    /// The rows of the quiz's text at this layout.
    public static func contentHeight(_ layout: PaneLayout) -> Int { max(1, layout.screenHeight - 3) }
}
