import DeckKit

/// What the statistics need of the review log for a set of facts, without the
/// log itself: how many reviews (and how many passed) fell in each quarter hour,
/// and the recent reviews one by one.
///
/// Why quarter hours: the calendar and the streaks count the learner's days,
/// which begin at a local hour in a time zone of whole quarter hours ahead of
/// UTC (every zone in use is), so a quarter hour falls wholly in one learner's
/// day whatever the zone and rollover hour. The store keeps these counts as
/// reviews are written (`review_quarter`), so a million reviews over two years
/// are read as about 70,000 small rows. The rolling 7- and 30-day windows need
/// each review's exact time, so the reviews since `recentSince` come whole.
///
/// `ReviewActivity(log:scope:recentSince:)` makes the same value from a whole
/// log: the reference the store's fast path is tested against, and what a store
/// without the counts (one opened read-only from an older release) falls back to.
public struct ReviewActivity: Hashable, Sendable {
    /// How many reviews in one quarter hour, and how many of them passed
    /// (Hard or better).
    public struct Tally: Hashable, Sendable {
        public var reviews: Int
        public var passed: Int

        public init(reviews: Int, passed: Int) {
            self.reviews = reviews
            self.passed = passed
        }
    }

    /// 15 minutes.
    public static let bucketMilliseconds: Int64 = 900_000

    /// The reviews of each quarter hour with any, by its number: the quarter
    /// hour `n` begins at `n × 15 min` since 1970 (UTC).
    public var buckets: [Int64: Tally]
    /// Every review in scope made at or after `recentSince`, oldest first.
    public var recent: [ReviewLogEntry]
    public var recentSince: Timestamp

    public init(buckets: [Int64: Tally], recent: [ReviewLogEntry], recentSince: Timestamp) {
        self.buckets = buckets
        self.recent = recent
        self.recentSince = recentSince
    }

    /// The activity of the facts in `scope` in a whole `log` (oldest first).
    public init(log: [ReviewLogEntry], scope: Set<FactID>, recentSince: Timestamp) {
        var buckets: [Int64: Tally] = [:]
        var recent: [ReviewLogEntry] = []
        for entry in log where scope.contains(entry.factID) {
            buckets[Self.bucket(of: entry.reviewedAt), default: Tally(reviews: 0, passed: 0)]
                .add(passed: entry.rating >= .hard)
            if entry.reviewedAt >= recentSince { recent.append(entry) }
        }
        self.init(buckets: buckets, recent: recent, recentSince: recentSince)
    }

    /// The number of the quarter hour `time` falls in.
    public static func bucket(of time: Timestamp) -> Int64 {
        Timestamp.floorDivide(time.milliseconds, bucketMilliseconds).0
    }

    /// The moment quarter hour `bucket` begins.
    public static func start(ofBucket bucket: Int64) -> Timestamp {
        Timestamp(milliseconds: bucket &* bucketMilliseconds)
    }

    /// How far back the statistics look at single reviews: the longest
    /// rolling window (30 days).
    public static func recentSince(now: Timestamp) -> Timestamp {
        now.adding(milliseconds: -30 * Timestamp.millisecondsPerDay)
    }
}

extension ReviewActivity.Tally {
    /// Counts one more review.
    public mutating func add(passed: Bool) {
        reviews += 1
        if passed { self.passed += 1 }
    }
}
