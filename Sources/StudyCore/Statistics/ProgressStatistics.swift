import DeckKit

/// Where a learner stands on a set of facts: card states, the due forecast,
/// the review calendar, retention and the weakest topics. Pure: computed from
/// the cards, the review log and the time given.
///
/// Days are the learner's days (`DayBoundary`: local time, turning over at
/// the rollover hour): the forecast, the calendar and the streaks count them.
/// A card is *young* in review with an interval under 21 days, *mature* from
/// 21 days; *learning* counts relearning too. A fact is *mastered* when its
/// card is in review and its retrievability now is at least the desired
/// retention. The weakest topics are the studied ones, weakest first
/// (`weakestTopics`): a topic not yet studied is not weak, only new.
public struct ProgressStatistics: Hashable, Sendable {
    /// One topic's line of the per-topic table.
    public struct TopicLine: Hashable, Sendable {
        /// Titles below the deck down to the topic.
        public var path: [String]
        public var facts: Int
        public var mastered: Int
        public var meanRetrievability: Double?
        public var lapses: Int

        public var masteredShare: Double { facts == 0 ? 0 : Double(mastered) / Double(facts) }
    }

    /// A fact forgotten again and again: its note may be badly worded, or
    /// its question bad.
    public struct Leech: Hashable, Sendable {
        public var id: FactID
        /// Titles below the deck down to the fact's topic.
        public var path: [String]
        public var lapses: Int
    }

    public static let forecastDays = 30
    /// The calendar shows this week and the 25 before it, Monday to Sunday.
    public static let calendarWeeks = 26

    public var facts = 0
    public var new = 0
    public var learning = 0
    public var young = 0
    public var mature = 0
    /// Never asked until unsuspended (new facts included).
    public var suspended = 0
    /// Not asked before the learner's next day.
    public var buried = 0
    /// Due at or before now.
    public var overdue = 0
    /// Due later today (index 0, after now), tomorrow (1), … up to 29 days ahead.
    public var forecast = [Int](repeating: 0, count: forecastDays)
    /// Reviews per day from `calendarStartDay` to today, oldest first: whole
    /// weeks from a Monday (so every weekday lines up), 176 to 182 days.
    public var calendar: [Int]
    /// The learner's day the calendar starts on (`DayBoundary.date(ofDay:)`
    /// names it): the Monday 25 weeks before this week's.
    public var calendarStartDay: Int64
    /// Learner's days in a row with a review, up to today (or up to yesterday
    /// while today has none yet).
    public var currentStreak = 0
    public var longestStreak = 0
    /// Reviews in the last 7 × 24 and 30 × 24 hours (rolling windows).
    public var reviewsLast7 = 0
    public var reviewsLast30 = 0
    /// Share of reviews passed (Hard or better), nil with no reviews.
    public var retentionLast7: Double?
    public var retentionLast30: Double?
    public var desiredRetention: Double
    public var meanRetrievability: Double?
    /// Every topic with a fact in scope, weakest first: lowest mastered share,
    /// then lowest mean retrievability (topics not studied first).
    public var topics: [TopicLine] = []
    /// The facts forgotten `leechLapses` times or more, most lapses first
    /// (then in the notes' order).
    public var leeches: [Leech] = []
    /// The lapses that make a leech (8 by default, as in Anki).
    public var leechLapses = 8

    /// The topics with a studied fact, weakest first: what `awsml-tui stats`
    /// and the stats screen both list as the weakest topics.
    public var weakestTopics: [TopicLine] {
        topics.filter { $0.meanRetrievability != nil }
    }

    /// - Parameters:
    ///   - scope: the facts with their topic path (titles below the deck).
    ///   - days: where the learner's days begin (forecast, calendar, streaks).
    public static func compute(scope: [(FactID, [String])], cards: [FactID: CardProgress], log: [ReviewLogEntry],
                               now: Timestamp, days: DayBoundary, scheduler: FSRSScheduler,
                               leechLapses: Int = 8) -> ProgressStatistics {
        let activity = ReviewActivity(log: log, scope: Set(scope.map(\.0)), now: now)
        return compute(scope: scope, cards: cards, activity: activity, now: now, days: days, scheduler: scheduler,
                       leechLapses: leechLapses)
    }

    /// The same from the scope's `activity` (what the store reads without the
    /// whole log): its quarter hours give the calendar and the streaks, and
    /// with the reviews of the quarter hours they cut, the rolling windows.
    /// (`ProgressTally` counts the cards; a fact in scope twice is counted
    /// at each place.)
    public static func compute(scope: [(FactID, [String])], cards: [FactID: CardProgress], activity: ReviewActivity,
                               now: Timestamp, days: DayBoundary, scheduler: FSRSScheduler,
                               leechLapses: Int = 8) -> ProgressStatistics {
        var tally = ProgressTally(scope: scope, now: now, days: days, scheduler: scheduler, leechLapses: leechLapses)
        for (place, (id, _)) in scope.enumerated() {
            if let card = cards[id] { tally.add(card, at: place) }
        }
        return tally.statistics(activity: activity)
    }

    /// Adds the log's figures from `activity`: the calendar and the streaks
    /// from its quarter hours, retention over the rolling windows from the
    /// quarter hours they hold whole and the reviews of the two they cut.
    mutating func countActivity(_ activity: ReviewActivity, days: DayBoundary, today: Int64) {
        var reviewDays = Set<Int64>()
        for (bucket, tally) in activity.buckets where tally.reviews > 0 {
            let dayIndex = days.day(of: ReviewActivity.start(ofBucket: bucket))
            reviewDays.insert(dayIndex)
            let offset = dayIndex - calendarStartDay
            if offset >= 0, offset < Int64(calendar.count) { calendar[Int(offset)] += tally.reviews }
        }
        // (The windows end when the activity was read: `now`, as the
        // store and the stats screen read it.)
        let last7 = activity.window(days: 7), last30 = activity.window(days: 30)
        (reviewsLast7, reviewsLast30) = (last7.reviews, last30.reviews)
        retentionLast7 = last7.reviews == 0 ? nil : Double(last7.passed) / Double(last7.reviews)
        retentionLast30 = last30.reviews == 0 ? nil : Double(last30.passed) / Double(last30.reviews)
        var streakDay = reviewDays.contains(today) ? today : today - 1
        while reviewDays.contains(streakDay) { currentStreak += 1; streakDay -= 1 }
        var run = 0, previous: Int64?
        for dayIndex in reviewDays.sorted() {
            run = previous.map { dayIndex == $0 + 1 } == true ? run + 1 : 1
            longestStreak = max(longestStreak, run)
            previous = dayIndex
        }
    }
}
