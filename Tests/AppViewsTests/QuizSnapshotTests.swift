import Foundation
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

    /// Presses keys; answers are acknowledged as the store would.
    func press(_ keys: [String], _ state: inout AppState) {
        for key in keys {
            for case .saveReview(var review) in AppUpdate.update(&state, .keyPressed(key)) {
                review.id = 1
                AppUpdate.update(&state, .reviewSaved(review))
            }
        }
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

    /// A summary of misses: the second one selected (`›`, `e` opens it).
    @Test func summaryWithAMissSelected() {
        var state = AppState(decks: [DeckLoader.bundled()], width: 80, height: 24, now: t0,
                             studyOptions: StudyOptions(seed: 5, objectiveOnly: true))
        state.editablePosts = true
        state.selectedRow = state.rows.firstIndex { $0.title == "AWS Glue Data Catalog" }!
        press(["p"], &state)
        for _ in 0..<2 {
            guard let question = state.quiz?.question, question.kind != .clozeTyped else { break }
            press([String((question.correctOption! + 1) % question.options.count + 1), "Enter"], &state)
        }
        press(["q", "Down"], &state)
        assertSnapshot(render(state), named: "quiz-summary-misses-80x24")
    }

    @Test func summaryAndNothingDue() {
        var state = state(asking: .trueFalse, fact: 0, topic: "Dropout Regularization")
        press([String(state.quiz!.question!.correctOption! + 1), "Enter"], &state)
        press(["Esc"], &state)
        assertSnapshot(render(state), named: "quiz-summary-80x24")
        // A long summary scrolls: End shows its last line, Home its first.
        var long = AppState(decks: [DeckLoader.bundled()], width: 80, height: 24, now: t0,
                            studyOptions: StudyOptions(examQuestions: 20, seed: 3))
        long.selectedRow = 0
        press(["x"], &long)
        for _ in 0..<3 { press(["2"], &long) }
        press(["Esc"], &long)
        let top = render(long).textLines()
        #expect(top.contains { $0.contains("Score:") })
        press(["End"], &long)
        let bottom = render(long).textLines()
        #expect(!bottom.contains { $0.contains("Score:") })
        #expect(bottom.contains { $0.contains("Esc back to the tree") })
        press(["Up"], &long)
        #expect(render(long).textLines() != bottom) // one line up from the end, not stuck past it // one line up from the end, not stuck past it
        press(["Home"], &long)
        #expect(render(long).textLines() == top)
        var empty = AppState(decks: [DeckLoader.bundled()], width: 80, height: 24, now: t0,
                             studyOptions: StudyOptions(newPerDay: 0, seed: 3))
        empty.selectedRow = 2
        press(["s"], &empty)
        assertSnapshot(render(empty), named: "quiz-nothing-due-80x24")
    }

    /// At 40x12 the quiz takes the whole width, and the prompt stays in view
    /// with every option (the header and path give way first).
    @Test func aSmallScreenKeepsThePromptAndItsOptions() {
        var state = state(asking: .clozeChoice)
        AppUpdate.update(&state, .terminalResized(width: 40, height: 12))
        var buffer = ScreenBuffer(size: Size(width: 40, height: 12))
        renderer.render(state, into: &buffer)
        let screen = buffer.textLines().joined(separator: "\n")
        let question = state.quiz!.question!
        let promptStart = String(question.prompt.prefix(12))
        #expect(screen.contains(promptStart), "\(screen)")
        for index in question.options.indices { #expect(screen.contains("\(index + 1)  "), "option \(index + 1)") }
        #expect(!screen.contains("Topics"))
        assertSnapshot(buffer, named: "quiz-cloze-40x12")
    }

    /// A which-topic question: nothing on screen but its own option names
    /// the answer (no tree cursor, no path above the prompt).
    @Test func whichTopicIsNotGivenAwayByTheScreen() {
        // A session over the whole section, as which-topic needs several topics.
        var state = AppState(decks: [DeckLoader.bundled()], width: 80, height: 24, now: t0,
                             studyOptions: StudyOptions(seed: 3))
        state.selectedRow = 1
        AppUpdate.update(&state, .keyPressed("p"))
        var quiz = state.quiz!
        let question = quiz.scope.lazy.compactMap { state.questionGenerator!.question(for: $0, kind: .whichTopic, seed: 2) }.first!
        quiz.session.current = question
        quiz.question = question
        state.screen = .quiz(quiz)
        let screen = render(state).textLines().joined(separator: "\n")
        let answer = question.answer
        let count = screen.components(separatedBy: answer).count - 1
        #expect(count == 1, "\(screen)")
    }
}
