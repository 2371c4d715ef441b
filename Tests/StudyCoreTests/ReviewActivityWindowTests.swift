import Testing
import DeckKit
@testable import StudyCore

/// The rolling windows (reviews and passes in the 7 and 30 days before now)
/// are counted from the quarter hours wholly inside them and, review by
/// review, from the few they cut (`ReviewActivity.edges`). They must count
/// exactly what a pass over the whole log counts, to the millisecond: a
/// review just inside or outside either end, at `now`, and after it.
@Suite("Review activity: rolling windows from quarter hours and their edges")
struct ReviewActivityWindowTests {
    let fact = FactID(rawValue: "00000000000000aa")
    /// 21:07:30.250 UTC on 2026-11-27: not on a quarter hour.
    let now = Timestamp(iso8601: "2026-11-27T21:07:30.250Z")!

    /// What the statistics computed before: every review's age, one by one.
    func counted(_ log: [ReviewLogEntry], days: Int64, now: Timestamp? = nil) -> ReviewActivity.Tally {
        let now = now ?? self.now
        var tally = ReviewActivity.Tally(reviews: 0, passed: 0)
        for entry in log {
            let age = now.milliseconds - entry.reviewedAt.milliseconds
            if age >= 0 && age < days * Timestamp.millisecondsPerDay { tally.add(passed: entry.rating >= .hard) }
        }
        return tally
    }

    func entry(ago milliseconds: Int64, _ rating: Rating) -> ReviewLogEntry {
        ReviewLogEntry(factID: fact, reviewedAt: now.adding(milliseconds: -milliseconds), rating: rating, mode: .study)
    }

    @Test("reviews at the very ends of each window")
    func ends() {
        let day = Timestamp.millisecondsPerDay
        var log: [ReviewLogEntry] = []
        for days: Int64 in [7, 30] {
            for offset: Int64 in [-1, 0, 1, 60_000, -60_000] { log.append(entry(ago: days * day + offset, .good)) }
        }
        log += [entry(ago: 0, .again), entry(ago: 1, .hard), entry(ago: -1, .easy), entry(ago: -20 * 60_000, .good),
                entry(ago: 3 * day, .again), entry(ago: 20 * day, .good), entry(ago: 40 * day, .good)]
        log.sort { $0.reviewedAt < $1.reviewedAt }
        let activity = ReviewActivity(log: log, scope: [fact], now: now)
        for days: Int64 in [7, 30] {
            #expect(activity.window(days: days) == counted(log, days: days), "\(days) days")
        }
        // Counted by hand: 7 days holds the two just inside its start
        // (ago 7 d - 1 ms and 7 d - 1 min), now, 1 ms ago and 3 days ago.
        #expect(activity.window(days: 7) == ReviewActivity.Tally(reviews: 5, passed: 3))
        // Only the reviews of the three edge quarter hours are kept one by one.
        #expect(activity.edges.count < log.count)
        #expect(activity.edges.allSatisfy { ReviewActivity.edgeBuckets(now: now).contains(ReviewActivity.bucket(of: $0.reviewedAt)) })
    }

    @Test("reviews every 37 s around each end, for moments all through a quarter hour")
    func sweep() {
        let day = Timestamp.millisecondsPerDay
        for shift: Int64 in stride(from: 0, to: ReviewActivity.bucketMilliseconds, by: 61_000) {
            let now = self.now.adding(milliseconds: shift)
            var log: [ReviewLogEntry] = []
            for (index, anchor) in [0, 7 * day, 30 * day].enumerated() {
                for offset in stride(from: -1_200_000 as Int64, through: 1_200_000, by: 37_000) {
                    let rating = Rating(rawValue: (Int(offset / 37_000) + 100 + index) % 4 + 1)!
                    log.append(ReviewLogEntry(factID: fact, reviewedAt: now.adding(milliseconds: -(anchor + offset)),
                                              rating: rating, mode: .study))
                }
            }
            log.sort { $0.reviewedAt < $1.reviewedAt }
            let activity = ReviewActivity(log: log, scope: [fact], now: now)
            for days: Int64 in [7, 30] {
                #expect(activity.window(days: days) == counted(log, days: days, now: now), "\(days) days, now + \(shift) ms")
            }
        }
    }
}
