import DeckKit

/// What the statistics need of the review log for a set of facts, without the
/// log itself: how many reviews (and how many passed) fell in each quarter hour,
/// and the reviews of the few quarter hours the rolling windows cut, one by one.
///
/// Why quarter hours: the calendar and the streaks count the learner's days,
/// which begin at a local hour in a time zone of whole quarter hours ahead of
/// UTC (every zone in use is), so a quarter hour falls wholly in one learner's
/// day whatever the zone and rollover hour. The store keeps these counts as
/// reviews are written (`review_quarter`), so a million reviews over two years
/// are read as about 70,000 small rows. The rolling 7- and 30-day windows end
/// now, to the millisecond: every quarter hour but the one holding `now` and
/// those holding its start is wholly in a window or wholly out of it, so only
/// those three come review by review (`edges`), a few dozen reviews where the
/// 30 days' reviews were 40,000 on a store of a million.
///
/// `ReviewActivity(log:scope:now:)` makes the same value from a whole
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

    /// The rolling windows the statistics count, in days.
    public static let windowDays: [Int64] = [7, 30]

    /// The reviews of each quarter hour with any, by its number: the quarter
    /// hour `n` begins at `n × 15 min` since 1970 (UTC).
    public var buckets: [Int64: Tally]
    /// Every review in scope made in one of `edgeBuckets(now:)`, oldest first.
    public var edges: [ReviewLogEntry]
    /// The moment the windows end.
    public var now: Timestamp

    public init(buckets: [Int64: Tally], edges: [ReviewLogEntry], now: Timestamp) {
        self.buckets = buckets
        self.edges = edges
        self.now = now
    }

    /// The activity of the facts in `scope` in a whole `log` (oldest first).
    public init(log: [ReviewLogEntry], scope: Set<FactID>, now: Timestamp) {
        var buckets: [Int64: Tally] = [:]
        var edges: [ReviewLogEntry] = []
        let edgeBuckets = Self.edgeBuckets(now: now)
        for entry in log where scope.contains(entry.factID) {
            let bucket = Self.bucket(of: entry.reviewedAt)
            buckets[bucket, default: Tally(reviews: 0, passed: 0)].add(passed: entry.rating >= .hard)
            if edgeBuckets.contains(bucket) { edges.append(entry) }
        }
        self.init(buckets: buckets, edges: edges, now: now)
    }

    /// The quarter hours that a window ending at `now` may cut: the one
    /// holding `now` (a review after `now` is in no window) and the one
    /// holding each window's start.
    public static func edgeBuckets(now: Timestamp) -> Set<Int64> {
        Set([bucket(of: now)] + windowDays.map { bucket(of: now.adding(milliseconds: -$0 * Timestamp.millisecondsPerDay)) })
    }

    /// The reviews made in the `days` before `now` (less than `days` ago,
    /// not after `now`), and how many of them passed: the quarter hours
    /// wholly inside from `buckets`, the two at its ends review by review.
    public func window(days: Int64) -> Tally {
        let length = days * Timestamp.millisecondsPerDay
        let first = Self.bucket(of: now.adding(milliseconds: -length)), last = Self.bucket(of: now)
        var tally = Tally(reviews: 0, passed: 0)
        for (bucket, counted) in buckets where bucket > first && bucket < last {
            tally.reviews += counted.reviews
            tally.passed += counted.passed
        }
        for entry in edges {
            let bucket = Self.bucket(of: entry.reviewedAt)
            guard bucket == first || bucket == last else { continue }
            let age = now.milliseconds - entry.reviewedAt.milliseconds
            if age >= 0 && age < length { tally.add(passed: entry.rating >= .hard) }
        }
        return tally
    }

    /// The number of the quarter hour `time` falls in.
    public static func bucket(of time: Timestamp) -> Int64 {
        Timestamp.floorDivide(time.milliseconds, bucketMilliseconds).0
    }

    /// The moment quarter hour `bucket` begins.
    public static func start(ofBucket bucket: Int64) -> Timestamp {
        Timestamp(milliseconds: bucket &* bucketMilliseconds)
    }
}

extension ReviewActivity.Tally {
    /// Counts one more review.
    public mutating func add(passed: Bool) {
        reviews += 1
        if passed { self.passed += 1 }
    }
}
