import Testing
import DeckKit
@testable import StudyCore

/// Study sessions with a fixed clock: what is asked next (the learn-ahead
/// window).
@Suite("Study sessions")
struct StudySessionTests {
    let deck = DeckLoader.bundled()
    let generator: QuestionGenerator
    let ids: [FactID]
    let scheduler: FSRSScheduler = {
        var configuration = SchedulerConfiguration.standard
        configuration.enableFuzzing = false
        return try! FSRSScheduler(configuration)
    }()
    /// 21:00 UTC.
    let now = Timestamp(iso8601: "2026-11-25T21:00:00Z")!
    let minute: Int64 = 60_000

    init() {
        generator = QuestionGenerator(decks: [deck])
        var ids: [FactID] = []
        deck.root.forEachNode { ids += $0.facts.map(\.id) }
        self.ids = ids
    }

    /// A card in its first learning step (answered Again), due at `due`.
    func learning(_ id: FactID, due: Timestamp) -> CardProgress {
        CardProgress(factID: id, state: .learning, step: 0, stability: 0.212, difficulty: 6.4, due: due,
                     lastReview: now.adding(milliseconds: -minute), reps: 1)
    }

    /// A card in review, due at `due`.
    func review(_ id: FactID, due: Timestamp) -> CardProgress {
        CardProgress(factID: id, state: .review, stability: 10, difficulty: 5, due: due,
                     lastReview: due.adding(milliseconds: -10 * Timestamp.millisecondsPerDay), reps: 3)
    }

    func start(_ mode: StudyMode, scope: [FactID], cards: [FactID: CardProgress], newFacts: Int = 20) -> StudySession {
        StudySession.start(mode: mode, scope: scope, cards: cards, generator: generator, scheduler: scheduler, now: now,
                           options: .init(newFactsAllowed: newFacts, seed: 3))
    }

    // MARK: - Learn-ahead

    @Test func aLearningFactDueInAMinuteIsAskedRatherThanEndingTheSession() {
        let (learningFact, laterFact) = (ids[0], ids[1])
        let cards = [learningFact: learning(learningFact, due: now.adding(milliseconds: minute)),
                     laterFact: review(laterFact, due: now.adding(milliseconds: 3 * Timestamp.millisecondsPerDay))]
        var session = start(.study, scope: [learningFact, laterFact], cards: cards, newFacts: 0)
        #expect(session.nextQuestion(now: now)?.factID == learningFact)
        #expect(session.nextQuestion(now: now) == nil) // the review card is days away
    }

    @Test func learnAheadTakesTheEarliestFirstWithinTwentyMinutes() {
        let (inFive, inTwo, inTwentyFive) = (ids[0], ids[1], ids[2])
        let cards = [inFive: learning(inFive, due: now.adding(milliseconds: 5 * minute)),
                     inTwo: learning(inTwo, due: now.adding(milliseconds: 2 * minute)),
                     inTwentyFive: learning(inTwentyFive, due: now.adding(milliseconds: 25 * minute))]
        var session = start(.study, scope: [inFive, inTwo, inTwentyFive], cards: cards, newFacts: 0)
        #expect(session.nextQuestion(now: now)?.factID == inTwo)
        #expect(session.nextQuestion(now: now)?.factID == inFive)
        // Due in 25 minutes: beyond the window, so the session is over now…
        #expect(session.nextQuestion(now: now) == nil)
        // …but six minutes on, it is 19 minutes away and is asked.
        #expect(session.nextQuestion(now: now.adding(milliseconds: 6 * minute))?.factID == inTwentyFive)
    }

    @Test func dueFactsStillComeBeforeLearningAhead() {
        let (dueNow, inOne) = (ids[0], ids[1])
        let cards = [dueNow: review(dueNow, due: now.adding(milliseconds: -minute)),
                     inOne: learning(inOne, due: now.adding(milliseconds: minute))]
        var session = start(.study, scope: [inOne, dueNow], cards: cards, newFacts: 0)
        #expect(session.nextQuestion(now: now)?.factID == dueNow)
        #expect(session.nextQuestion(now: now)?.factID == inOne)
    }
}
