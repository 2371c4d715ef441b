import Testing
import DeckKit
@testable import StudyCore

/// Study sessions with a fixed clock: what is asked next (the learn-ahead
/// window, the question limit) and what the summary says is due when.
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

    func start(_ mode: StudyMode, scope: [FactID], cards: [FactID: CardProgress], newFacts: Int = 20,
               limit: Int? = nil, examQuestions: Int = 20) -> StudySession {
        StudySession.start(mode: mode, scope: scope, cards: cards, generator: generator, scheduler: scheduler, now: now,
                           options: .init(newFactsAllowed: newFacts, examQuestions: examQuestions, seed: 3,
                                          questionLimit: limit))
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

    // MARK: - The question limit

    /// Asks and answers (wrong when `wrong` says so) until the session ends;
    /// returns the facts asked.
    func run(_ session: inout StudySession, cards: [FactID: CardProgress], wrong: Bool = false) -> [FactID] {
        var cards = cards
        var asked: [FactID] = []
        var time = now
        while asked.count < 50, let question = session.nextQuestion(now: time) {
            asked.append(question.factID)
            let review = session.answer(rating: wrong ? .again : .good, correct: !wrong, cards: cards,
                                        deck: deck.title, now: time, elapsed: 1000)
            if let review, review.mode.updatesSchedule { cards[review.factID] = review.after }
            time = time.adding(milliseconds: 11 * minute) // past every step, so misses come back at once
        }
        return asked
    }

    @Test func theQuestionLimitCountsQuestionsAskedInStudy() {
        // One question: the fact missed does not come back for a second.
        var one = start(.study, scope: Array(ids.prefix(5)), cards: [:], limit: 1)
        #expect(run(&one, cards: [:], wrong: true).count == 1)
        // Three questions, all missed: the miss comes back when due, but not beyond three.
        var three = start(.study, scope: Array(ids.prefix(2)), cards: [:], limit: 3)
        #expect(run(&three, cards: [:], wrong: true).count == 3)
    }

    @Test func theQuestionLimitHoldsInPracticeAndExams() {
        var practice = start(.practice, scope: Array(ids.prefix(10)), cards: [:], limit: 4)
        #expect(practice.questionsLeft == 4)
        #expect(run(&practice, cards: [:]).count == 4)
        var exam = start(.exam, scope: ids, cards: [:], limit: 3, examQuestions: 5)
        #expect(run(&exam, cards: [:]).count == 3)
    }

    @Test func questionsLeftNeverPromisesMoreThanTheLimit() {
        var session = start(.study, scope: Array(ids.prefix(10)), cards: [:], limit: 2)
        _ = session.nextQuestion(now: now)
        #expect(session.questionsLeft == 1)
        _ = session.answer(rating: .again, correct: false, cards: [:], deck: deck.title, now: now, elapsed: 1)
        _ = session.nextQuestion(now: now)
        #expect(session.questionsLeft == 0) // the miss is pending, but the limit is reached
    }

    // MARK: - The summary's days

    @Test func aFactDueInTenMinutesIsDueLaterTodayNotTomorrow() {
        let fact = ids[0]
        var session = start(.study, scope: [fact], cards: [:])
        _ = session.nextQuestion(now: now)
        let review = session.answer(rating: .good, correct: true, cards: [:], deck: deck.title, now: now, elapsed: 1)!
        #expect(review.after.due == now.adding(milliseconds: 10 * minute))
        let summary = session.summary(cards: [fact: review.after], scope: [fact], now: now)
        let upcoming = summary.upcoming(in: DayBoundary(utcOffsetSeconds: 0, rolloverHour: 4))
        #expect(upcoming == SessionSummary.Upcoming(laterToday: 1, tomorrow: 0, nextSevenDays: 1))
    }

    @Test func tomorrowIsTheLearnersNextDay() {
        // At 21:00 UTC: due in 10 minutes, at 03:00 and 05:00 UTC the next
        // morning, and at 05:00 UTC the morning after.
        let (a, b, c, d) = (ids[0], ids[1], ids[2], ids[3])
        let cards = [a: review(a, due: now.adding(milliseconds: 10 * minute)),
                     b: review(b, due: Timestamp(iso8601: "2026-11-26T03:00:00Z")!),
                     c: review(c, due: Timestamp(iso8601: "2026-11-26T05:00:00Z")!),
                     d: review(d, due: Timestamp(iso8601: "2026-11-27T05:00:00Z")!)]
        let session = start(.practice, scope: [a, b, c, d], cards: cards)
        let summary = session.summary(cards: cards, scope: [a, b, c, d], now: now)
        // UTC, 4 am: 03:00 is still tonight; 05:00 is tomorrow.
        #expect(summary.upcoming(in: DayBoundary(utcOffsetSeconds: 0, rolloverHour: 4))
                == SessionSummary.Upcoming(laterToday: 2, tomorrow: 1, nextSevenDays: 4))
        // UTC−5 (16:00 local): 05:00 UTC is midnight local, before 4 am: today;
        // the morning after's 05:00 UTC is tomorrow's 00:00 local.
        #expect(summary.upcoming(in: DayBoundary(utcOffsetSeconds: -5 * 3600, rolloverHour: 4))
                == SessionSummary.Upcoming(laterToday: 3, tomorrow: 1, nextSevenDays: 4))
        // UTC+10 (07:00 local on the 26th): the day ends at 18:00 UTC.
        #expect(summary.upcoming(in: DayBoundary(utcOffsetSeconds: 10 * 3600, rolloverHour: 4))
                == SessionSummary.Upcoming(laterToday: 3, tomorrow: 1, nextSevenDays: 4))
        // UTC with the day starting at midnight: 03:00 is tomorrow.
        #expect(summary.upcoming(in: DayBoundary(utcOffsetSeconds: 0, rolloverHour: 0))
                == SessionSummary.Upcoming(laterToday: 1, tomorrow: 2, nextSevenDays: 4))
    }
}
