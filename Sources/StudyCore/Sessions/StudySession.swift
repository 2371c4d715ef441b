import DeckKit

/// One quiz session over a scope of facts: what comes next, what was answered,
/// and the review each answer makes. A plain value; the app keeps it in its
/// state and the clock is passed in.
///
///     var session = StudySession.start(mode: .study, scope: ids, cards: cards, generator: generator,
///                                      scheduler: scheduler, now: now, options: .init(seed: 7))
///     let question = session.nextQuestion(now: now)
///     let review = session.answer(rating: .good, correct: true, cards: cards, now: later, elapsed: 4200)
public struct StudySession: Hashable, Sendable {
    public struct Options: Hashable, Sendable {
        /// New facts still allowed today (the daily limit less those already started).
        public var newFactsAllowed: Int
        public var examQuestions: Int
        public var examMinutes: Int?
        public var seed: UInt64
        /// Ask only kinds the app can mark (no flip).
        public var objectiveOnly: Bool
        /// At most this many questions asked, in every mode (a fact asked
        /// again after a miss counts again); nil for no limit.
        public var questionLimit: Int?

        public init(newFactsAllowed: Int = 20, examQuestions: Int = 20, examMinutes: Int? = nil, seed: UInt64,
                    objectiveOnly: Bool = false, questionLimit: Int? = nil) {
            self.newFactsAllowed = newFactsAllowed
            self.examQuestions = examQuestions
            self.examMinutes = examMinutes
            self.seed = seed
            self.objectiveOnly = objectiveOnly
            self.questionLimit = questionLimit
        }
    }

    /// How many true and how many false statements a session has shown.
    public struct TrueFalseTally: Hashable, Sendable {
        public var `true` = 0
        public var `false` = 0
    }

    /// A fact in its learning or relearning steps that comes back when due:
    /// one answered in this session, or one the session started with.
    public struct Pending: Hashable, Sendable {
        public var factID: FactID
        public var due: Timestamp
    }

    /// One answer, for the summary.
    public struct Answer: Hashable, Sendable {
        public var factID: FactID
        public var kind: QuestionKind
        public var rating: Rating
        /// Right or wrong for objective kinds; for flip, rated Hard or better.
        public var correct: Bool
        /// The card was in review and was forgotten.
        public var lapsed: Bool
        public var topic: [String]
        /// The question as asked (for the summary's list of misses, and for
        /// asking it again after an undo).
        public var question: Question
        public var reviewedAt: Timestamp
        /// The store's row id, once the store has the answer.
        public var reviewID: Int64?
        /// Whether the store acknowledged it. The summary counts only these:
        /// an answer the store refused is not claimed as saved.
        public var stored = false
    }

    /// How the session ended, when it has.
    public enum Ending: Hashable, Sendable {
        /// Every question was answered.
        case finished
        /// The learner ended it.
        case ended
        /// An exam's time ran out.
        case timeUp
    }

    public var mode: StudyMode
    public var queue: [FactID]
    public var pending: [Pending] = []
    public var current: Question?
    public var answers: [Answer] = []
    public var startedAt: Timestamp
    public var lastAnswerAt: Timestamp?
    public var deadline: Timestamp?
    public var options: Options
    /// Set when the session is over.
    public var ending: Ending?
    /// New facts taken into this session (they count against the daily limit).
    public var newFactsStarted = 0
    /// True and false statements shown so far.
    public private(set) var trueFalseShown = TrueFalseTally()
    private var questionsAsked: UInt64 = 0
    /// The notes' questions; replaced when the notes are read again during
    /// the session (`follow`).
    private var generator: QuestionGenerator
    private let scheduler: FSRSScheduler

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mode)
        hasher.combine(queue)
        hasher.combine(answers.count)
    }

    /// Whether the scope spans several topics: asking "which topic?" within
    /// a single topic would give the answer away.
    public var spansTopics = true

    /// The kinds each mode asks: exams only what can be marked.
    public var allowedKinds: [QuestionKind] {
        let kinds = mode == .exam || options.objectiveOnly ? QuestionKind.allCases.filter(\.isObjective) : QuestionKind.allCases
        return spansTopics ? kinds : kinds.filter { $0 != .whichTopic }
    }

    /// How far ahead a study session asks a fact in its steps when nothing
    /// else is left: 20 minutes, Anki's learn-ahead limit. A session does not
    /// end with a fact due in a minute, nor keep the learner waiting for one
    /// due in an hour.
    public static let learnAheadMilliseconds: Int64 = 20 * 60_000

    /// Builds the queue for `mode` over the facts of `scope` (in post order):
    /// study takes due facts (lowest retrievability first) then new ones up to
    /// the daily allowance, and keeps the facts in their steps due later
    /// today as pending (asked when due, or within the learn-ahead window when
    /// nothing else is left); practice takes every fact, shuffled; an exam
    /// takes `examQuestions` of them, shuffled.
    public static func start(mode: StudyMode, scope: [FactID], cards: [FactID: CardProgress],
                             generator: QuestionGenerator, scheduler: FSRSScheduler, now: Timestamp,
                             options: Options) -> StudySession {
        var random = SeededRandom(seed: "session-\(mode.rawValue)", counter: options.seed)
        var queue: [FactID]
        var pending: [Pending] = []
        switch mode {
        case .study:
            let due = scope.compactMap { id -> (FactID, Double)? in
                guard let card = cards[id], card.state != .new, card.isAskable(at: now), let dueAt = card.due, dueAt <= now
                else { return nil }
                return (id, scheduler.retrievability(of: card, at: now))
            }
            let fresh = scope.filter { (cards[$0]?.state ?? .new) == .new && (cards[$0]?.isAskable(at: now) ?? true) }
                .prefix(max(0, options.newFactsAllowed))
            queue = due.sorted { $0.1 < $1.1 }.map(\.0) + fresh
            pending = scope.compactMap { id in
                guard let card = cards[id], card.state == .learning || card.state == .relearning, !card.suspended,
                      let dueAt = card.due, dueAt > now, Self.staysInSession(due: dueAt, now: now) else { return nil }
                return Pending(factID: id, due: dueAt)
            }
        case .practice:
            queue = scope
            random.shuffle(&queue)
        case .exam:
            let spans = generator.spansTopics(scope)
            let kinds = QuestionKind.allCases.filter { $0.isObjective && (spans || $0 != .whichTopic) }
            // Shuffle first, then keep the first facts that can be asked: a
            // 20-question exam looks at about 20 facts, not the whole deck.
            var shuffled = scope
            random.shuffle(&shuffled)
            queue = []
            let wanted = max(1, options.examQuestions)
            for id in shuffled where queue.count < wanted {
                if kinds.contains(where: { generator.question(for: id, kind: $0, seed: 1) != nil }) { queue.append(id) }
            }
        }
        if let limit = options.questionLimit { queue = Array(queue.prefix(max(1, limit))) }
        var session = StudySession(mode: mode, queue: queue, startedAt: now, options: options,
                                   generator: generator, scheduler: scheduler)
        session.pending = pending
        session.newFactsStarted = mode == .study ? queue.filter { (cards[$0]?.state ?? .new) == .new }.count : 0
        session.spansTopics = generator.spansTopics(scope)
        if mode == .exam, let minutes = options.examMinutes {
            session.deadline = now.adding(milliseconds: Int64(min(max(minutes, 0), 52_560_000)) * 60_000) // a century at most: no overflow
        }
        return session
    }

    private init(mode: StudyMode, queue: [FactID], startedAt: Timestamp, options: Options,
                 generator: QuestionGenerator, scheduler: FSRSScheduler) {
        self.mode = mode
        self.queue = queue
        self.startedAt = startedAt
        self.options = options
        self.generator = generator
        self.scheduler = scheduler
    }

    /// Whether the time limit of an exam has passed.
    public func isOverTime(now: Timestamp) -> Bool {
        deadline.map { now >= $0 } ?? false
    }

    /// Whether the questions asked have reached `questionLimit`.
    public var isAtQuestionLimit: Bool {
        options.questionLimit.map { answers.count >= max(1, $0) } ?? false
    }

    /// Questions still to come after the current one: the queue and the
    /// pending facts, no more than the question limit leaves.
    public var questionsLeft: Int {
        let left = queue.count + pending.count
        guard let limit = options.questionLimit else { return left }
        return max(0, min(left, max(1, limit) - answers.count - (current == nil ? 0 : 1)))
    }

    /// Moves to the next question: a pending fact that is due, else the next
    /// in the queue, else the earliest pending fact due within the learn-ahead
    /// window. Nil when done: nothing left, over time, or at the question limit.
    public mutating func nextQuestion(now: Timestamp) -> Question? {
        current = nil
        if isOverTime(now: now) || isAtQuestionLimit { return nil }
        var next: FactID?
        let earliest = pending.indices.min { pending[$0].due < pending[$1].due }
        if let index = earliest, pending[index].due <= now {
            next = pending.remove(at: index).factID
        } else if !queue.isEmpty {
            next = queue.removeFirst()
        } else if let index = earliest, pending[index].due.milliseconds - now.milliseconds <= Self.learnAheadMilliseconds {
            next = pending.remove(at: index).factID
        }
        guard let factID = next else { return nil }
        questionsAsked += 1
        // True and false statements stay even within the session, so that
        // always answering "True" scores half, not four in five.
        let truth: Bool? = trueFalseShown.true == trueFalseShown.false ? nil : trueFalseShown.true < trueFalseShown.false
        current = generator.question(for: factID, choosingFrom: allowedKinds, seed: options.seed &+ questionsAsked, truth: truth)
        if let truth = current?.truth {
            if truth { trueFalseShown.true += 1 } else { trueFalseShown.false += 1 }
        }
        if current == nil { return nextQuestion(now: now) } // a fact no kind works for: skip it
        return current
    }

    /// Records the answer to the current question: returns the review to
    /// store (the card after it is `review.after`), and for study keeps a fact
    /// still in its steps coming back in this session.
    public mutating func answer(rating: Rating, correct: Bool, cards: [FactID: CardProgress], deck: String,
                                now: Timestamp, elapsed: Int64) -> ReviewRecord? {
        guard let question = current else { return nil }
        let before = cards[question.factID] ?? .new(factID: question.factID)
        let after = mode.updatesSchedule ? scheduler.review(before, rating: rating, at: now) : before
        answers.append(Answer(factID: question.factID, kind: question.kind, rating: rating, correct: correct,
                              lapsed: before.state == .review && rating == .again && mode.updatesSchedule,
                              topic: question.topicPath, question: question, reviewedAt: now))
        lastAnswerAt = now
        if mode == .study, after.state == .learning || after.state == .relearning, let due = after.due,
           Self.staysInSession(due: due, now: now) {
            pending.append(Pending(factID: question.factID, due: due))
        }
        current = nil
        let fact = generator.fact(question.factID).map {
            KnownFact(id: question.factID, text: $0.text.plainText, topicPath: generator.topicPath(of: question.factID))
        }
        return ReviewRecord(factID: question.factID, deck: deck, reviewedAt: now, rating: rating, mode: mode,
                            kind: question.kind.rawValue, elapsedMilliseconds: max(0, elapsed), before: before, after: after,
                            fact: fact)
    }

    /// Whether a fact in its steps, due at `due`, belongs to a session at
    /// `now`: due within a day (steps are minutes long; a longer wait is the
    /// schedule's business, not the session's).
    private static func staysInSession(due: Timestamp, now: Timestamp) -> Bool {
        due.milliseconds - now.milliseconds < Timestamp.millisecondsPerDay
    }

    /// Changes the grade of the last answer (a grade changed on the feedback
    /// screen): the card after is worked out again from the same card
    /// before, and a fact still in its steps comes back when due. Returns the
    /// review that replaces `review`.
    public mutating func regradeLastAnswer(_ review: ReviewRecord, to rating: Rating, correct: Bool) -> ReviewRecord? {
        guard let index = answers.indices.last, answers[index].factID == review.factID else { return nil }
        answers[index].rating = rating
        answers[index].correct = correct
        answers[index].lapsed = review.before.state == .review && rating == .again && mode.updatesSchedule
        var replaced = review
        replaced.rating = rating
        replaced.after = mode.updatesSchedule ? scheduler.review(review.before, rating: rating, at: review.reviewedAt)
            : review.before
        pending.removeAll { $0.factID == review.factID }
        if mode == .study, replaced.after.state == .learning || replaced.after.state == .relearning,
           let due = replaced.after.due, due.milliseconds - review.reviewedAt.milliseconds < Timestamp.millisecondsPerDay {
            pending.append(Pending(factID: review.factID, due: due))
        }
        return replaced
    }

    /// Marks the answer made at `reviewedAt` to `factID` as stored under `id`.
    public mutating func acknowledge(factID: FactID, reviewedAt: Timestamp, id: Int64?) {
        guard let index = answers.lastIndex(where: { $0.factID == factID && $0.reviewedAt == reviewedAt }) else { return }
        answers[index].stored = true
        answers[index].reviewID = id
    }

    /// Takes back the last answer (already removed from the store) and puts
    /// its question up again, exactly as it was asked; a question that was
    /// up goes back to the front of the queue. Returns the question.
    @discardableResult
    public mutating func undoLastAnswer() -> Question? {
        guard let last = answers.popLast() else { return nil }
        pending.removeAll { $0.factID == last.factID }
        if let current, current.factID != last.factID { queue.insert(current.factID, at: 0) }
        ending = nil
        current = last.question
        return current
    }

    /// What became of the question up when the session followed the notes.
    public enum Following: Hashable, Sendable {
        /// Its fact reads as it did: the question stays as asked.
        case unchanged
        /// Its fact changed (or moved to a new id): the question was made
        /// again from the new text, of the same kind when that still works.
        case rebuilt
        /// Its fact is no longer in the notes (nor re-linked): nothing is up.
        case gone
    }

    /// The session after the notes were read again during it (`e` on a
    /// question's feedback or on the summary): every fact follows its
    /// re-link (`moved`: old id to new), a fact no longer in the notes
    /// leaves the queue and the pending list, and the question up, when its
    /// fact changed, is made again with `generator` (the new notes'). The
    /// answers stay, each under the id its stored review now has: they are
    /// history, and the store keeps them. Returns what became of the
    /// question up, nil when none was.
    ///
    ///     let up = session.follow([old: new], generator: QuestionGenerator(decks: edited))
    ///     // .rebuilt: session.current asks the new text
    public mutating func follow(_ moved: [FactID: FactID], generator: QuestionGenerator) -> Following? {
        self.generator = generator
        func placed(_ id: FactID) -> FactID? {
            let new = moved[id] ?? id
            return generator.fact(new) == nil ? nil : new
        }
        queue = queue.compactMap(placed)
        pending = pending.compactMap { item in placed(item.factID).map { Pending(factID: $0, due: item.due) } }
        for index in answers.indices {
            guard let new = moved[answers[index].factID] else { continue }
            answers[index].factID = new
            answers[index].question.factID = new
        }
        guard let question = current else { return nil }
        guard let new = placed(question.factID), let fact = generator.fact(new) else {
            current = nil
            return .gone
        }
        if new == question.factID && Self.sameWording(fact, question.fact) { return .unchanged }
        let seed = options.seed &+ questionsAsked
        current = generator.question(for: new, kind: question.kind, seed: seed, truth: question.truth)
            ?? generator.question(for: new, choosingFrom: allowedKinds, seed: seed)
        return current == nil ? .gone : .rebuilt
    }

    /// Whether two versions of a fact read the same, wherever they stand in
    /// the file (a line added above moves every line number, and asks for no
    /// new question).
    private static func sameWording(_ lhs: Fact, _ rhs: Fact) -> Bool {
        func unplaced(_ details: [FactDetail]) -> [FactDetail] {
            details.map { detail in
                var copy = detail
                copy.line = 0
                copy.details = unplaced(detail.details)
                return copy
            }
        }
        var left = lhs, right = rhs
        left.line = 0
        right.line = 0
        left.details = unplaced(lhs.details)
        right.details = unplaced(rhs.details)
        return left == right
    }

    /// Ends the session now, for `reason`.
    public mutating func end(_ reason: Ending) {
        if ending == nil { ending = reason }
    }

    /// Exam questions not answered: the one up and those still queued.
    public var unansweredExamQuestions: Int {
        guard mode == .exam else { return 0 }
        return queue.count + (current == nil ? 0 : 1)
    }

    /// The figures of the end screen.
    public func summary(cards: [FactID: CardProgress], scope: [FactID], now: Timestamp) -> SessionSummary {
        SessionSummary(session: self, cards: cards, scope: scope, now: now)
    }
}
