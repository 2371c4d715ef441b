import Testing
import DeckKit
@testable import StudyCore

/// The statistics count the learner's days: the forecast, the calendar and
/// the streaks. Small hand-made cards and logs, fixed clock.
@Suite("Progress statistics by the learner's day")
struct ProgressStatisticsTests {
    let ids = (0..<4).map { FactID(rawValue: String(repeating: "\($0)", count: 16)) }
    let scheduler = FSRSScheduler.standard
    /// 21:00 UTC on Friday 2026-11-27.
    let now = Timestamp(iso8601: "2026-11-27T21:00:00Z")!
    let utc = DayBoundary(utcOffsetSeconds: 0, rolloverHour: 4)

    func at(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    func due(_ id: FactID, _ time: Timestamp) -> CardProgress {
        CardProgress(factID: id, state: .review, stability: 10, difficulty: 5, due: time,
                     lastReview: now.adding(milliseconds: -86_400_000), reps: 2)
    }

    func statistics(cards: [FactID: CardProgress] = [:], log: [ReviewLogEntry] = [], days: DayBoundary)
        -> ProgressStatistics {
        ProgressStatistics.compute(scope: ids.map { ($0, ["Topic"]) }, cards: cards, log: log, now: now, days: days,
                                   scheduler: scheduler)
    }

    func reviewed(_ time: String) -> ReviewLogEntry {
        ReviewLogEntry(factID: ids[0], reviewedAt: at(time), rating: .good, mode: .study)
    }

    @Test func theForecastSplitsLaterTodayFromTomorrowAtTheRollover() {
        let cards = [ids[0]: due(ids[0], now.adding(milliseconds: 600_000)), // in ten minutes
                     ids[1]: due(ids[1], at("2026-11-28T03:00:00Z")),         // 03:00 UTC, before 4 am
                     ids[2]: due(ids[2], at("2026-11-28T05:00:00Z")),
                     ids[3]: due(ids[3], now.adding(milliseconds: -1))]       // overdue
        let stats = statistics(cards: cards, days: utc)
        #expect(stats.overdue == 1)
        #expect(Array(stats.forecast.prefix(3)) == [2, 1, 0])
        // Ten hours ahead of UTC it is 07:00 on the 28th: all three are due today.
        let sydney = statistics(cards: cards, days: DayBoundary(utcOffsetSeconds: 10 * 3600, rolloverHour: 4))
        #expect(Array(sydney.forecast.prefix(2)) == [3, 0])
    }

    @Test func reviewsAfterMidnightCountForTheDayBefore() {
        // Thursday 22:00 and Friday 02:00 UTC are one learner's day (Thursday).
        let log = [reviewed("2026-11-26T22:00:00Z"), reviewed("2026-11-27T02:00:00Z")]
        let stats = statistics(log: log, days: utc)
        #expect(stats.currentStreak == 1)
        #expect(stats.longestStreak == 1)
        #expect(stats.calendar.suffix(2) == [2, 0]) // Thursday 2, Friday (today) none
        // Five hours behind UTC, 02:00 UTC is 21:00 on Thursday: still one day.
        #expect(statistics(log: log, days: DayBoundary(utcOffsetSeconds: -5 * 3600, rolloverHour: 4)).calendar.suffix(2)
                == [2, 0])
        // With the day starting at midnight UTC they are two days in a row.
        let midnight = statistics(log: log, days: DayBoundary(utcOffsetSeconds: 0, rolloverHour: 0))
        #expect(midnight.currentStreak == 2)
        #expect(midnight.calendar.suffix(2) == [1, 1])
    }

    @Test func theCalendarIsWholeWeeksFromAMondayToToday() {
        // Today is a Friday: 182 days back would start on a Saturday.
        let stats = statistics(log: [reviewed("2026-11-27T20:00:00Z"), reviewed("2026-06-01T12:00:00Z")], days: utc)
        #expect(DayBoundary.weekday(ofDay: stats.calendarStartDay) == 0)
        #expect(DayBoundary.date(ofDay: stats.calendarStartDay) == "2026-06-01") // the Monday 25 weeks before this one
        #expect(stats.calendar.count == 25 * 7 + 5) // Monday to Friday this week
        #expect(stats.calendar.first == 1)
        #expect(stats.calendar.last == 1)
        #expect(stats.calendar.reduce(0, +) == 2)
    }
}

@Suite("Statistics: suspended and buried")
struct SuspendedAndBuriedStatisticsTests {
    @Test("suspended and buried facts are counted, new ones too, and a buried due card is not overdue")
    func suspendedAndBuriedAreCounted() {
        let now = Timestamp(milliseconds: 1_795_597_200_000)
        let ids = (0..<4).map { FactID(rawValue: String(repeating: "\($0)", count: 16)) }
        let cards: [FactID: CardProgress] = [
            ids[0]: CardProgress(factID: ids[0], suspended: true), // a new fact, suspended
            ids[1]: CardProgress(factID: ids[1], state: .review, stability: 5, difficulty: 5,
                                 due: now.adding(milliseconds: -1000), lastReview: now.adding(milliseconds: -86_400_000),
                                 reps: 2, buriedUntil: now.adding(milliseconds: 3_600_000)),
            ids[2]: CardProgress(factID: ids[2], state: .review, stability: 5, difficulty: 5,
                                 due: now.adding(milliseconds: -1000), lastReview: now.adding(milliseconds: -86_400_000),
                                 reps: 2),
        ]
        let stats = ProgressStatistics.compute(scope: ids.map { ($0, ["Topic"]) }, cards: cards, log: [], now: now,
                                               days: DayBoundary(), scheduler: .standard)
        #expect(stats.suspended == 1)
        #expect(stats.buried == 1)
        #expect(stats.overdue == 1)
    }
}
