import Testing
import DeckKit
import StudyCore
@testable import AppCore

/// `.storeUpkeepEnded`: today's copy and the posts' outlines, done off the
/// run loop after the first frame, have ended. Nothing to say changes
/// nothing; what could not be done is said in the status bar, as an error
/// (it must be read), and nothing else changes.
@Suite("Store upkeep off the run loop")
struct StoreUpkeepEndedTests {
    let t0 = Timestamp(milliseconds: 1_795_597_200_000) // 2026-11-25T09:00:00Z

    func opened() -> AppState {
        AppState(decks: [DeckLoader.bundled()], width: 100, height: 30, now: t0)
    }

    @Test("ended with nothing to say: the state is as it was")
    func nothingToSay() {
        var state = opened()
        state.message = StatusMessage("3 facts changed (c: what changed)", at: t0)
        let before = state
        #expect(AppUpdate.update(&state, .storeUpkeepEnded(problems: [])).isEmpty)
        #expect(state == before)
    }

    @Test("what could not be done is one warning line, kept as an error")
    func problemsSaid() {
        var state = opened()
        var expected = state
        let problems = ["the outline for `stats` was not kept (database or disk is full); `stats` will parse the post",
                        "today's copy was not made"]
        expected.message = StatusMessage("warning: " + problems.joined(separator: " · "), kind: .error, at: t0)
        #expect(AppUpdate.update(&state, .storeUpkeepEnded(problems: problems)).isEmpty)
        #expect(state == expected)
        #expect(state.message?.expiresAt == t0.adding(milliseconds: StatusMessage.errorLifetimeMilliseconds))
    }
}
