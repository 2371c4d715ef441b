import Testing
import DeckKit
import StudyCore
@testable import AppCore

/// `.questionsPrepared`: the generator made off the run loop while the
/// screen opened. It is taken only when no session made one first and it
/// is for the decks on screen, and a session asks the same questions
/// whether it came before or after.
@Suite("Questions prepared off the run loop")
struct QuestionsPreparedTests {
    let t0 = Timestamp(milliseconds: 1_795_597_200_000) // 2026-11-25T09:00:00Z
    let deck = try! DeckLoader.load(text: GeneratedPost.text(bullets: 300), file: "generated.md")

    func opened() -> AppState {
        AppState(decks: [deck], width: 100, height: 30, now: t0, studyOptions: StudyOptions(seed: 11))
    }

    /// Made as `QuestionPreparation` makes it.
    func prepared(_ decks: [Deck]) -> QuestionGenerator {
        let generator = QuestionGenerator(decks: decks)
        generator.prepare(near: AppState.firstSelectedFacts(in: decks))
        return generator
    }

    @Test("taken when no session made one, and only that changes")
    func taken() {
        var state = opened()
        let generator = prepared([deck])
        var expected = state
        expected.questionGenerator = generator
        #expect(AppUpdate.update(&state, .questionsPrepared(generator)).isEmpty)
        #expect(state == expected)
    }

    @Test("dropped when a session made its own first, or when it is for other notes")
    func dropped() throws {
        var state = opened()
        AppUpdate.update(&state, .keyPressed("s"))
        let own = try #require(state.questionGenerator)
        let before = state
        AppUpdate.update(&state, .questionsPrepared(prepared([deck])))
        #expect(state == before)
        #expect(state.questionGenerator == own)

        var reloaded = opened()
        let other = try DeckLoader.load(text: "# Other\n- One fact here.\n", file: "other.md")
        let untouched = reloaded
        AppUpdate.update(&reloaded, .questionsPrepared(prepared([other])))
        #expect(reloaded == untouched)
    }

    @Test("the node selected at first is the one whose facts are prepared")
    func firstSelected() throws {
        let state = opened()
        let node = try #require(state.selectedNode)
        #expect(AppState.firstSelectedFacts(in: [deck]) == node.facts.map(\.id))
        #expect(!node.facts.isEmpty)
        #expect(AppState.firstSelectedFacts(in: []) == [])
    }

    @Test("a session started before the preparation arrives asks what one started after asks")
    func sameQuestionsEitherWay() {
        // Before: `s` builds the generator itself; the prepared one comes later.
        var early = opened()
        AppUpdate.update(&early, .keyPressed("s"))
        AppUpdate.update(&early, .questionsPrepared(prepared([early.decks[0]])))
        // After: the prepared generator is in the state when `s` comes.
        var late = opened()
        AppUpdate.update(&late, .questionsPrepared(prepared(late.decks)))
        AppUpdate.update(&late, .keyPressed("s"))
        #expect(early.quiz?.question != nil)
        #expect(early.quiz?.question == late.quiz?.question)
        #expect(early.quiz?.session.queue == late.quiz?.session.queue)
        // And on through the session: answered alike, the next questions agree too.
        for _ in 0..<4 {
            guard let question = early.quiz?.question else { break }
            let answer: [AppAction] = switch question.kind {
            case .flip: [.keyPressed("Space"), .grade(.good)]
            case .clozeTyped: [.submitTypedAnswer(question.answer), .grade(.good)]
            default: [.chooseOption(0), .grade(.good)]
            }
            for action in answer {
                AppUpdate.update(&early, action)
                AppUpdate.update(&late, action)
            }
            #expect(early.quiz?.question == late.quiz?.question)
            #expect(early.quiz?.phase == late.quiz?.phase)
        }
    }

    /// Which actions would make a generator on the spot (so the run loop
    /// lets the one being prepared arrive first): the keys and the intent
    /// that start a session, only while none is in the state, not in help.
    @Test func onlyASessionStartedWithNoGeneratorNeedsOne() throws {
        var state = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30)
        #expect(state.needsQuestionGenerator(for: .keyPressed("s")))
        #expect(state.needsQuestionGenerator(for: .keyPressed("p")))
        #expect(state.needsQuestionGenerator(for: .keyPressed("x")))
        #expect(state.needsQuestionGenerator(for: .startSession(.practice)))
        #expect(!state.needsQuestionGenerator(for: .keyPressed("j")))
        #expect(!state.needsQuestionGenerator(for: .keyPressed("t")))
        #expect(!state.needsQuestionGenerator(for: .clockTicked(state.now)))
        state.overlay = .help
        #expect(!state.needsQuestionGenerator(for: .keyPressed("s")))
        state.overlay = nil
        state.questionGenerator = QuestionGenerator(decks: state.decks)
        #expect(!state.needsQuestionGenerator(for: .keyPressed("s")))
    }
}
