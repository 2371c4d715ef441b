import DeckKit

/// What a session's end screen shows: how many, how well, how long, the
/// weakest topics, what lapsed, what is due next, and the misses to re-drill.
public struct SessionSummary: Hashable, Sendable {
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
    public var dueTomorrow: Int
    public var dueInSevenDays: Int
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
            Miss(factID: $0.factID, prompt: $0.question.prompt, answer: $0.question.answer)
        }
        if session.mode == .exam {
            let remaining = (session.current.map { [$0.factID] } ?? []) + session.queue
            missed += remaining.map { id in
                let shown = session.current?.factID == id ? session.current : nil
                return Miss(factID: id, prompt: shown?.prompt, answer: shown?.answer)
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
        misses = stored.filter { !$0.correct && seen.insert($0.factID).inserted }.map(\.factID)
        let day = Timestamp.millisecondsPerDay
        let dues = scope.compactMap { id -> Timestamp? in
            guard let card = cards[id], card.state != .new, !card.suspended else { return nil }
            return card.due
        }
        dueTomorrow = dues.filter { $0 <= now.adding(milliseconds: day) }.count
        dueInSevenDays = dues.filter { $0 <= now.adding(milliseconds: 7 * day) }.count
        nextDue = dues.filter { $0 > now }.min()
    }
}
