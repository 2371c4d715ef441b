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

    public var mode: StudyMode
    public var answered: Int
    public var correct: Int
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

    public var accuracy: Double { answered == 0 ? 0 : Double(correct) / Double(answered) }

    init(session: StudySession, cards: [FactID: CardProgress], scope: [FactID], now: Timestamp) {
        mode = session.mode
        answered = session.answers.count
        correct = session.answers.filter(\.correct).count
        durationMilliseconds = (session.lastAnswerAt ?? session.startedAt).milliseconds - session.startedAt.milliseconds
        var scores: [String: TopicScore] = [:]
        var order: [String] = []
        for answer in session.answers {
            let topic = answer.topic.dropFirst().joined(separator: " › ")
            if scores[topic] == nil { order.append(topic) }
            scores[topic, default: TopicScore(topic: topic, answered: 0, correct: 0)].answered += 1
            if answer.correct { scores[topic]!.correct += 1 }
        }
        topics = order.compactMap { scores[$0] }.enumerated()
            .sorted { ($0.element.accuracy, $0.offset) < ($1.element.accuracy, $1.offset) }.map(\.element)
        lapsed = session.answers.filter(\.lapsed).map(\.factID)
        var seen: Set<FactID> = []
        misses = session.answers.filter { !$0.correct && seen.insert($0.factID).inserted }.map(\.factID)
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
