import Testing
import DeckKit
@testable import StudyCore
import TestSupport

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

    /// `ProgressTally` counts cards in whatever order the store gives them
    /// (`stats` reads the card table in its own order): every order gives
    /// the figures `compute` gives from the cards by id, to the last bit
    /// (the sums of retrievability are exact), leeches and topics in the
    /// notes' order.
    @Test func theCardsMayBeCountedInAnyOrder() {
        let ids = (0..<40).map { FactID(rawValue: String(format: "%016x", 0x1000 + $0 * 7919)) }
        let scope = ids.enumerated().map { offset, id in (id, ["Topic \(offset % 3)", "Part \(offset % 2)"]) }
        var cards: [FactID: CardProgress] = [:]
        for (offset, id) in ids.enumerated() where offset % 5 != 4 {
            cards[id] = CardProgress(factID: id, state: offset % 7 == 0 ? .learning : .review,
                                     stability: 0.3 + Double(offset) * 1.731, difficulty: 5,
                                     due: now.adding(milliseconds: Int64(offset - 10) * 3_600_000 * 7),
                                     lastReview: now.adding(milliseconds: -Int64(offset + 1) * 86_400_000),
                                     reps: 4, lapses: offset % 4 == 0 ? 8 + offset % 3 : 1)
        }
        let expected = ProgressStatistics.compute(scope: scope, cards: cards, log: [], now: now, days: utc,
                                                  scheduler: scheduler)
        #expect(expected.leeches.count == 8)
        #expect(expected.new == 8)
        var generator = SplitMix(seed: 20261128)
        print("theCardsMayBeCountedInAnyOrder: seed 20261128")
        for _ in 0..<5 {
            var tally = ProgressTally(scope: scope, now: now, days: utc, scheduler: scheduler, leechLapses: 8)
            for (place, (id, _)) in scope.enumerated().shuffled(using: &generator) {
                if let card = cards[id] { tally.add(card, at: place) }
            }
            #expect(tally.statistics(activity: ReviewActivity(log: [], scope: Set(ids), now: now)) == expected)
        }
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
