import Testing
import AppCore
import DeckKit
import StudyCore
import TestSupport
@testable import AppViews

/// The tree's mastery glyph reads how well a topic is known: a fact just
/// missed, or in its steps again, does not look mastered.
@Suite("Mastery glyph")
struct MasteryGlyphTests {
    let deck = DeckLoader.bundled()
    let t0 = Timestamp(iso8601: "2026-11-25T09:00:00Z")!
    let scheduler = FSRSScheduler.withoutFuzzing

    /// The glyph of "Model Retraining" (one fact) with its card as given, a minute after `t0`.
    func glyph(_ card: (FactID) -> CardProgress) -> String {
        var state = AppState(decks: [deck], now: t0.adding(milliseconds: 60_000), scheduler: scheduler)
        let row = state.rows.first { $0.title == "Model Retraining" }!
        let fact = state.decks.node(at: row.path)!.facts[0].id
        state.progress = [fact: card(fact)]
        state.refreshNodeProgress()
        return TreePane.masteryGlyph(state.nodeProgress[row.path])
    }

    @Test func aFactJustAnsweredAgainIsNotShownAsMastered() {
        let missed = glyph { scheduler.review(.new(factID: $0), rating: .again, at: t0) }
        #expect(missed != "●")
        #expect(missed == "◑") // a week ahead, a stability of 0.2 days leaves about 58%
    }

    @Test func aForgottenReviewCardRelearningIsNotShownAsMastered() {
        let relearning = glyph { id in
            let known = CardProgress(factID: id, state: .review, stability: 30, difficulty: 5, due: t0,
                                     lastReview: t0.adding(milliseconds: -30 * Timestamp.millisecondsPerDay), reps: 5)
            return scheduler.review(known, rating: .again, at: t0)
        }
        #expect(relearning != "●")
    }

    @Test func aWellKnownCardStaysMastered() {
        let known = glyph { id in
            CardProgress(factID: id, state: .review, stability: 100, difficulty: 4,
                         due: t0.adding(milliseconds: 90 * Timestamp.millisecondsPerDay),
                         lastReview: t0.adding(milliseconds: -2 * Timestamp.millisecondsPerDay), reps: 8)
        }
        #expect(known == "●")
    }
}
