import Testing
import AppCore
import DeckKit
import StudyCore
import TerminalUI
@testable import AppViews

/// Each question kind, asked and answered, at 80x24; and the end screens.
@Suite("Quiz snapshots")
struct QuizSnapshotTests {
    let renderer = ScreenRenderer(theme: .monochrome)
    let t0 = Timestamp(milliseconds: 1_795_597_200_000)

    /// A study session on `topic` with the question forced to `kind`, about
    /// the first of its facts (from `index` on) that kind can be asked of.
    func state(asking kind: QuestionKind, fact index: Int = 1, topic: String = "Amazon Elastic Inference") -> AppState {
        var state = AppState(decks: [DeckLoader.bundled()], width: 80, height: 24, now: t0,
                             studyOptions: StudyOptions(seed: 3))
        state.selectedRow = state.rows.firstIndex { $0.title == topic }!
        AppUpdate.update(&state, .keyPressed("s"))
        let facts = state.selectedNode!.facts
        let start = min(index, facts.count - 1)
        let question = (facts[start...] + facts[..<start]).lazy.compactMap {
            state.questionGenerator!.question(for: $0.id, kind: kind, seed: 2)
        }.first
        var quiz = state.quiz!
        quiz.session.current = question
        quiz.question = question
        state.screen = .quiz(quiz)
        return state
    }

    func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
        renderer.render(state, into: &buffer)
        return buffer
    }

    func press(_ keys: [String], _ state: inout AppState) {
        for key in keys { AppUpdate.update(&state, .keyPressed(key)) }
    }

    /// While a question is asked the tree is not drawn (its titles and cursor
    /// would show which-topic answers and hidden terms), and a click or the
    /// wheel where it was changes nothing.
    @Test func theQuizCoversTheTreeAndTheTreeIgnoresTheMouse() {
        let state = state(asking: .whichTopic)
        let screen = render(state).textLines()
        #expect(!screen.contains { $0.contains("Topics") })
        #expect(screen.first?.hasPrefix("┏━ Study · Amazon Elastic Inference") == true)
        let hitTester = HitTester(theme: .monochrome)
        #expect(hitTester.click(x: 3, y: 5, in: state) == nil)
        #expect(hitTester.wheel(lines: 3, x: 3, y: 5, in: state) == nil)
        var browsing = state
        browsing.screen = .browse
        #expect(hitTester.click(x: 3, y: 5, in: browsing) != nil)
    }

    @Test func flip() {
        var state = state(asking: .flip)
        assertSnapshot(render(state), named: "quiz-flip-80x24")
        press(["Space"], &state)
        assertSnapshot(render(state), named: "quiz-flip-revealed-80x24")
    }

    @Test func whichTopic() {
        var state = state(asking: .whichTopic)
        let screen = render(state).textLines().joined(separator: "\n")
        #expect(!screen.contains("Elastic Inference ›") && !screen.contains("› Amazon Elastic Inference"))
        assertSnapshot(render(state), named: "quiz-which-topic-80x24")
        let wrong = (state.quiz!.question!.correctOption! + 1) % 4
        press([String(wrong + 1)], &state)
        assertSnapshot(render(state), named: "quiz-which-topic-feedback-80x24")
    }

    @Test func clozeChoice() {
        var state = state(asking: .clozeChoice, fact: 2)
        assertSnapshot(render(state), named: "quiz-cloze-choice-80x24")
        press([String(state.quiz!.question!.correctOption! + 1)], &state)
        assertSnapshot(render(state), named: "quiz-cloze-choice-feedback-80x24")
    }

    @Test func clozeTyped() {
        var state = state(asking: .clozeTyped)
        press(["7", "6", "%"], &state)
        assertSnapshot(render(state), named: "quiz-cloze-typed-80x24")
        press(["Enter"], &state)
        assertSnapshot(render(state), named: "quiz-cloze-typed-feedback-80x24")
    }

    @Test func trueFalse() {
        var state = state(asking: .trueFalse, fact: 0, topic: "Dropout Regularization")
        #expect(state.quiz?.question?.kind == .trueFalse)
        assertSnapshot(render(state), named: "quiz-true-false-80x24")
        press(["1"], &state)
        assertSnapshot(render(state), named: "quiz-true-false-feedback-80x24")
    }

    @Test func summaryAndNothingDue() {
        var state = state(asking: .trueFalse, fact: 0, topic: "Dropout Regularization")
        press([String(state.quiz!.question!.correctOption! + 1), "Enter"], &state)
        press(["Esc"], &state)
        assertSnapshot(render(state), named: "quiz-summary-80x24")
        var empty = AppState(decks: [DeckLoader.bundled()], width: 80, height: 24, now: t0,
                             studyOptions: StudyOptions(newPerDay: 0, seed: 3))
        empty.selectedRow = 2
        press(["s"], &empty)
        assertSnapshot(render(empty), named: "quiz-nothing-due-80x24")
    }
}
