import DeckKit

/// The cards' side of `ProgressStatistics`, counted one card at a time, in
/// any order, each at its fact's place in the scope.
///
/// `awsml-tui stats` on a store of 90,000 cards reads them in the table's
/// order and hands each here as it is read (`SQLiteProgressStore
/// .forEachCard(of:_:)`), instead of first putting each card at its fact's
/// place in an array of 100,000 (16 MB written at random places: a third
/// of the command, issue 14). So that the order cannot change a figure,
/// the sums of retrievability are of numbers rounded to multiples of
/// 2^-32, which a `Double` adds exactly (`ExactSum`).
///
///     var tally = ProgressTally(scope: scope, now: now, days: days, scheduler: .standard, leechLapses: 8)
///     tally.add(card, at: 17)            // the card of scope[17]
///     let stats = tally.statistics(activity: activity)
public struct ProgressTally {
    private let scope: [(FactID, [String])]
    private let now: Timestamp
    private let days: DayBoundary
    private let today: Int64
    private let scheduler: FSRSScheduler
    private let leechLapses: Int
    /// The topic (an index into `topics`) of each place in the scope.
    private var topicOfPlace: [Int32]
    private var topics: [ProgressStatistics.TopicLine] = []
    private var retrievabilityOfTopic: [ExactSum]
    private var studiedOfTopic: [Int]
    private var stats: ProgressStatistics
    private var retrievability = ExactSum()
    private var studied = 0
    /// Cards counted (the facts without one are new).
    private var cards = 0
    private var leeches: [(place: Int, leech: ProgressStatistics.Leech)] = []

    /// - Parameters:
    ///   - scope: the facts with their topic path (titles below the deck).
    ///   - days: where the learner's days begin (the forecast).
    public init(scope: [(FactID, [String])], now: Timestamp, days: DayBoundary, scheduler: FSRSScheduler,
                leechLapses: Int) {
        self.scope = scope
        self.now = now
        self.days = days
        self.scheduler = scheduler
        self.leechLapses = leechLapses
        let today = days.day(of: now)
        self.today = today
        let calendarStartDay = today - Int64(DayBoundary.weekday(ofDay: today))
            - Int64(ProgressStatistics.calendarWeeks - 1) * 7
        stats = ProgressStatistics(calendar: [Int](repeating: 0, count: Int(today - calendarStartDay) + 1),
                                   calendarStartDay: calendarStartDay,
                                   desiredRetention: scheduler.configuration.desiredRetention)
        stats.facts = scope.count
        stats.leechLapses = leechLapses
        // Facts come topic by topic: look a path up only when it changes.
        var topicIndex: [[String]: Int] = [:]
        var topicOfPlace: [Int32] = []
        topicOfPlace.reserveCapacity(scope.count)
        var lastPath: [String]?, topic = 0
        for (_, path) in scope {
            if path != lastPath {
                if let known = topicIndex[path] {
                    topic = known
                } else {
                    topic = topics.count
                    topicIndex[path] = topic
                    topics.append(.init(path: path, facts: 0, mastered: 0, meanRetrievability: nil, lapses: 0))
                }
                lastPath = path
            }
            topics[topic].facts += 1
            topicOfPlace.append(Int32(topic))
        }
        self.topicOfPlace = topicOfPlace
        retrievabilityOfTopic = [ExactSum](repeating: ExactSum(), count: topics.count)
        studiedOfTopic = [Int](repeating: 0, count: topics.count)
    }

    /// Counts the card of the fact at `place` in the scope (once per place).
    public mutating func add(_ card: CardProgress, at place: Int) {
        cards += 1
        let topic = Int(topicOfPlace[place])
        if card.lapses >= leechLapses {
            leeches.append((place, .init(id: scope[place].0, path: scope[place].1, lapses: card.lapses)))
        }
        if card.suspended { stats.suspended += 1 }
        if card.isBuried(at: now) { stats.buried += 1 }
        guard card.state != .new else { stats.new += 1; return }
        let retrievability = scheduler.retrievability(of: card, at: now)
        self.retrievability.add(retrievability)
        studied += 1
        studiedOfTopic[topic] += 1
        retrievabilityOfTopic[topic].add(retrievability)
        topics[topic].lapses += card.lapses
        switch card.state {
        case .learning, .relearning: stats.learning += 1
        case .review:
            let interval = (card.due?.milliseconds ?? 0) - (card.lastReview?.milliseconds ?? 0)
            if interval < 21 * Timestamp.millisecondsPerDay { stats.young += 1 } else { stats.mature += 1 }
            if retrievability >= stats.desiredRetention { topics[topic].mastered += 1 }
        case .new: break
        }
        if let due = card.due, card.isAskable(at: now) {
            if due <= now {
                stats.overdue += 1
            } else {
                let offset = days.day(of: due) - today
                if offset < Int64(ProgressStatistics.forecastDays) { stats.forecast[Int(offset)] += 1 }
            }
        }
    }

    /// The statistics: these cards' figures, and the log's from `activity`.
    public func statistics(activity: ReviewActivity) -> ProgressStatistics {
        var stats = self.stats
        stats.new += scope.count - cards
        stats.meanRetrievability = studied == 0 ? nil : retrievability.value / Double(studied)
        stats.leeches = leeches.sorted { left, right in
            left.leech.lapses != right.leech.lapses ? left.leech.lapses > right.leech.lapses : left.place < right.place
        }.map(\.leech)
        var topics = self.topics
        for index in topics.indices where studiedOfTopic[index] > 0 {
            topics[index].meanRetrievability = retrievabilityOfTopic[index].value / Double(studiedOfTopic[index])
        }
        stats.topics = topics.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.masteredShare != b.masteredShare { return a.masteredShare < b.masteredShare }
            let (ra, rb) = (a.meanRetrievability ?? -1, b.meanRetrievability ?? -1)
            if ra != rb { return ra < rb }
            return left.offset < right.offset
        }.map(\.element)
        stats.countActivity(activity, days: days, today: today)
        return stats
    }
}
