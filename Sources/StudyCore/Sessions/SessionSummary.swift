import DeckKit

/// What a session's end screen shows: how many, how well, how long, the
/// weakest topics, what lapsed, what is due next, and the misses to re-drill.
///
/// What is due is kept as due times and counted by the learner's day when
/// shown (`upcoming(in:)`): "tomorrow" is a day of the learner's calendar,
/// not the next 24 hours, so a card due in ten minutes is due later today.
public struct SessionSummary: Hashable, Sendable {
    /// Scheduled facts of the scope by when they are due, in learner's days.
    public struct Upcoming: Hashable, Sendable {
        /// Due before the day rolls over, including any left undone now.
        public var laterToday: Int
        /// Due during the learner's next day.
        public var tomorrow: Int
        /// Due before the seventh day from today begins (today and the six after).
        public var nextSevenDays: Int
    }

    public struct TopicScore: Hashable, Sendable {
        public var topic: String
        public var answered: Int
        public var correct: Int
        public var accuracy: Double { answered == 0 ? 0 : Double(correct) / Double(answered) }
    }

    /// A question answered wrong (or, in an exam, not answered), with its
    /// right answer, for the summary's list.
    public struct Miss: Hashable, Sendable {
        public var factID: FactID
        /// The question as asked; nil for an exam question never shown.
        public var prompt: String?
        public var answer: String?
        /// False for an exam question left unanswered.
        public var answered: Bool
    }

    public var mode: StudyMode
    /// Answers the store acknowledged.
    public var answered: Int
    public var correct: Int
    /// Exam questions not answered when the exam ended: they count as missed.
    public var unanswered: Int
    /// Answers given that the store refused.
    public var notSaved: Int
    /// How the session ended.
    public var ending: StudySession.Ending
    /// Every wrong answer, then every unanswered exam question.
    public var missedQuestions: [Miss]
    public var durationMilliseconds: Int64
    /// Weakest first.
    public var topics: [TopicScore]
    public var lapsed: [FactID]
    /// Facts answered wrong at least once, in the order first missed.
    public var misses: [FactID]
    /// When the session ended (the time the summary was made).
    public var endedAt: Timestamp
    /// Due times of the scope's scheduled, unsuspended facts up to seven
    /// days after `endedAt` (enough for any seven learner's days), earliest first.
    public var dueSoon: [Timestamp]
    /// When the next fact of the scope is due after now, if any.
    public var nextDue: Timestamp?

    /// Right answers over every question asked (an exam's unanswered ones included).
    public var accuracy: Double {
        let asked = answered + unanswered
        return asked == 0 ? 0 : Double(correct) / Double(asked)
    }

    init(session: StudySession, cards: [FactID: CardProgress], scope: [FactID], now: Timestamp) {
        mode = session.mode
        let stored = session.answers.filter(\.stored)
        answered = stored.count
        correct = stored.filter(\.correct).count
        notSaved = session.answers.count - stored.count
        unanswered = session.unansweredExamQuestions
        ending = session.ending ?? .finished
        var missed = stored.filter { !$0.correct }.map {
            Miss(factID: $0.factID, prompt: $0.question.prompt, answer: $0.question.answer, answered: true)
        }
        if session.mode == .exam {
            let remaining = (session.current.map { [$0.factID] } ?? []) + session.queue
            missed += remaining.map { id in
                let shown = session.current?.factID == id ? session.current : nil
                return Miss(factID: id, prompt: shown?.prompt, answer: shown?.answer, answered: false)
            }
        }
        missedQuestions = missed
        durationMilliseconds = (session.lastAnswerAt ?? session.startedAt).milliseconds - session.startedAt.milliseconds
        var scores: [String: TopicScore] = [:]
        var order: [String] = []
        for answer in stored {
            let topic = answer.topic.dropFirst().joined(separator: " › ")
            if scores[topic] == nil { order.append(topic) }
            scores[topic, default: TopicScore(topic: topic, answered: 0, correct: 0)].answered += 1
            if answer.correct { scores[topic]!.correct += 1 }
        }
        topics = order.compactMap { scores[$0] }.enumerated()
            .sorted { ($0.element.accuracy, $0.offset) < ($1.element.accuracy, $1.offset) }.map(\.element)
        lapsed = stored.filter(\.lapsed).map(\.factID)
        var seen: Set<FactID> = []
        // What `r` re-drills: every fact answered wrong, and in an exam the
        // questions left unanswered too.
        misses = stored.filter { !$0.correct && seen.insert($0.factID).inserted }.map(\.factID)
            + missed.filter { !$0.answered && seen.insert($0.factID).inserted }.map(\.factID)
        let dues = scope.compactMap { id -> Timestamp? in
            guard let card = cards[id], card.state != .new, !card.suspended else { return nil }
            return card.due
        }
        endedAt = now
        dueSoon = dues.filter { $0 <= now.adding(milliseconds: 7 * Timestamp.millisecondsPerDay) }.sorted()
        nextDue = dues.filter { $0 > now }.min()
    }

    /// What is due later today, tomorrow and over the next seven days, in
    /// the learner's days.
    ///
    ///     // ended at 21:00, one card due at 21:10 and one at 09:00 the next morning:
    ///     summary.upcoming(in: DayBoundary())   // laterToday 1, tomorrow 1, nextSevenDays 2
    public func upcoming(in days: DayBoundary) -> Upcoming {
        let today = days.day(of: endedAt)
        let tomorrowStarts = days.start(ofDay: today + 1)
        let dayAfterStarts = days.start(ofDay: today + 2)
        let weekEnds = days.start(ofDay: today + 7)
        return Upcoming(laterToday: dueSoon.filter { $0 < tomorrowStarts }.count,
                        tomorrow: dueSoon.filter { $0 >= tomorrowStarts && $0 < dayAfterStarts }.count,
                        nextSevenDays: dueSoon.filter { $0 < weekEnds }.count)
    }
}
