import Testing
import DeckKit
import StudyCore
import AppCore

/// The session summary's misses: `↑`/`↓` move a selection among them (the
/// summary scrolling to keep it in view), and `e` opens the selected miss's
/// fact in the editor at its line, as on the feedback.
@Suite("Summary misses")
struct SummaryMissesTests {
    let t0 = Timestamp(milliseconds: 1_795_597_200_000)

    /// A practice session on "AWS Glue Data Catalog" (4 facts), every
    /// question answered wrong, ended on its summary.
    func summaryOfMisses(editable: Bool = true, height: Int = 30) throws -> AppState {
        var state = AppState(decks: [DeckLoader.bundled()], width: 100, height: height, now: t0,
                             studyOptions: StudyOptions(seed: 5, objectiveOnly: true))
        state.editablePosts = editable
        state.selectedRow = state.rows.firstIndex { $0.title == "AWS Glue Data Catalog" }!
        AppUpdate.update(&state, .keyPressed("p"))
        var steps = 0
        while case .asking? = state.quiz?.phase, let question = state.quiz?.question, steps < 20 {
            steps += 1
            let wrong = question.kind == .clozeTyped ? ["z", "Enter"]
                : [String((question.correctOption! + 1) % question.options.count + 1)]
            for key in wrong + ["Enter"] {
                for case .saveReview(var review) in AppUpdate.update(&state, .keyPressed(key)) {
                    review.id = Int64(100 + steps)
                    AppUpdate.update(&state, .reviewSaved(review))
                }
            }
        }
        guard case .summary(let summary)? = state.quiz?.phase else {
            Issue.record("no summary: \(String(describing: state.quiz?.phase))")
            return state
        }
        #expect(summary.missedQuestions.count == 4)
        return state
    }

    func line(of id: FactID, _ state: AppState) -> Int? {
        state.factPaths[id].flatMap { state.decks.node(at: $0)?.facts.first { $0.id == id }?.line }
    }

    @Test func arrowsChooseAMissAndEOpensItsLine() throws {
        var state = try summaryOfMisses()
        guard case .summary(let summary)? = state.quiz?.phase else { return }
        let misses = summary.missedQuestions.map(\.factID)
        #expect(state.keyContext == .quizSummary)
        #expect(state.canPerform(.editFact))
        // The first miss is marked, and only it.
        var document = try #require(state.summaryDocument)
        #expect(document.lines.filter { $0.role == .selected }.map(\.text) == ["  ✗ " + summary.missedQuestions[0].prompt!])
        let marked = document.wrapped(width: 96).filter { $0.role == .selected }
        #expect(marked.first?.runs.first?.text == "› ")
        #expect(document.lines.contains { $0.text == "Missed (4) · ↑↓ choose one · e edits its note" })

        #expect(AppUpdate.update(&state, .keyPressed("e")) == [.editPost(deck: 0, line: try #require(line(of: misses[0], state)))])
        AppUpdate.update(&state, .keyPressed("j"))
        AppUpdate.update(&state, .keyPressed("Down"))
        #expect(state.quiz?.selectedMiss == 2)
        document = try #require(state.summaryDocument)
        #expect(document.lines.filter { $0.role == .selected }.map(\.text) == ["  ✗ " + summary.missedQuestions[2].prompt!])
        #expect(AppUpdate.update(&state, .keyPressed("e")) == [.editPost(deck: 0, line: try #require(line(of: misses[2], state)))])
        AppUpdate.update(&state, .keyPressed("k"))
        #expect(state.quiz?.selectedMiss == 1)
        // Past the last miss, Down scrolls rather than moving further.
        for _ in 0..<5 { AppUpdate.update(&state, .keyPressed("Down")) }
        #expect(state.quiz?.selectedMiss == 3)
    }

    @Test func onAShortScreenTheSelectedMissStaysInView() throws {
        var state = try summaryOfMisses(height: 12)
        let width = SummaryDocument.contentWidth(state.layout)
        let page = SummaryDocument.contentHeight(state.layout)
        for expected in 1...3 {
            AppUpdate.update(&state, .keyPressed("Down"))
            let quiz = try #require(state.quiz)
            #expect(quiz.selectedMiss == expected)
            let lines = try #require(state.summaryDocument).wrappedLines(ofMiss: expected, width: width)
            #expect(lines.lowerBound >= quiz.summaryScroll && lines.upperBound <= quiz.summaryScroll + page,
                    "miss \(expected) at \(lines), scrolled to \(quiz.summaryScroll) of \(page) rows")
        }
        #expect((state.quiz?.summaryScroll ?? 0) > 0)
        // Back up to the first miss, then Up scrolls the heading back into view.
        for _ in 0..<3 { AppUpdate.update(&state, .keyPressed("Up")) }
        #expect(state.quiz?.selectedMiss == 0)
        for _ in 0..<10 { AppUpdate.update(&state, .keyPressed("Up")) }
        #expect(state.quiz?.summaryScroll == 0)
    }

    @Test func withoutMissesEDoesNothingAndTheBundledPostSaysItIsReadOnly() throws {
        var state = try summaryOfMisses(editable: false)
        #expect(AppUpdate.update(&state, .keyPressed("e")).isEmpty)
        #expect(state.message?.text.hasPrefix("the bundled post is read-only") == true)
        #expect(try #require(state.summaryDocument).lines.contains { $0.text == "Missed (4) · ↑↓ choose one" })

        // A summary with nothing missed: nothing to open, and the key is not offered.
        var clean = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30, now: t0,
                             studyOptions: StudyOptions(seed: 5, objectiveOnly: true))
        clean.editablePosts = true
        clean.selectedRow = clean.rows.firstIndex { $0.title == "AWS Glue Data Catalog" }!
        AppUpdate.update(&clean, .keyPressed("p"))
        AppUpdate.update(&clean, .keyPressed("q"))
        #expect(clean.keyContext == .quizSummary)
        #expect(!clean.canPerform(.editFact))
        #expect(AppUpdate.update(&clean, .keyPressed("e")).isEmpty)
    }
}
