import Testing
@testable import StudyCore

/// The learner's days: where they begin for a rollover hour and a UTC offset.
/// Every expected moment is written out as ISO-8601 and worked out by hand.
@Suite("Learner's days")
struct DayBoundaryTests {
    func at(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }
    func date(_ time: Timestamp, _ days: DayBoundary) -> String { DayBoundary.date(ofDay: days.day(of: time)) }

    @Test func inUTCTheDayTurnsOverAtTheRolloverHourNotAtMidnight() {
        let days = DayBoundary(utcOffsetSeconds: 0, rolloverHour: 4)
        #expect(date(at("2026-11-26T03:59:59.999Z"), days) == "2026-11-25")
        #expect(date(at("2026-11-26T04:00:00Z"), days) == "2026-11-26")
        #expect(days.startOfDay(containing: at("2026-11-26T02:00:00Z")) == at("2026-11-25T04:00:00Z"))
        #expect(days.startOfNextDay(after: at("2026-11-26T02:00:00Z")) == at("2026-11-26T04:00:00Z"))
        #expect(days.startOfNextDay(after: at("2026-11-26T04:00:00Z")) == at("2026-11-27T04:00:00Z"))
        // Rollover at midnight: UTC's calendar days, as before.
        let midnight = DayBoundary(utcOffsetSeconds: 0, rolloverHour: 0)
        #expect(date(at("2026-11-25T23:59:59Z"), midnight) == "2026-11-25")
        #expect(midnight.startOfNextDay(after: at("2026-11-25T12:00:00Z")) == at("2026-11-26T00:00:00Z"))
    }

    @Test func tenHoursAheadOfUTC() {
        // Sydney in winter: 4 am local is 18:00 UTC the day before.
        let days = DayBoundary(utcOffsetSeconds: 10 * 3600, rolloverHour: 4)
        #expect(date(at("2026-06-25T17:59:00Z"), days) == "2026-06-25") // 03:59 on the 26th, local
        #expect(date(at("2026-06-25T18:00:00Z"), days) == "2026-06-26") // 04:00 on the 26th, local
        #expect(date(at("2026-06-26T10:00:00Z"), days) == "2026-06-26") // 20:00 local, after UTC's midnight
        #expect(days.startOfDay(containing: at("2026-06-26T10:00:00Z")) == at("2026-06-25T18:00:00Z"))
        #expect(days.startOfNextDay(after: at("2026-06-26T10:00:00Z")) == at("2026-06-26T18:00:00Z"))
    }

    @Test func fiveHoursBehindUTC() {
        // New York in winter: 4 am local is 09:00 UTC.
        let days = DayBoundary(utcOffsetSeconds: -5 * 3600, rolloverHour: 4)
        #expect(date(at("2026-11-26T08:59:00Z"), days) == "2026-11-25")
        #expect(date(at("2026-11-26T09:00:00Z"), days) == "2026-11-26")
        #expect(date(at("2026-11-27T02:00:00Z"), days) == "2026-11-26") // 21:00 on the 26th, local
        #expect(days.startOfNextDay(after: at("2026-11-27T02:00:00Z")) == at("2026-11-27T09:00:00Z"))
    }

    @Test func weekdaysFromDayNumbers() {
        let utc = DayBoundary(utcOffsetSeconds: 0, rolloverHour: 0)
        #expect(DayBoundary.weekday(ofDay: 0) == 3) // 1970-01-01, a Thursday
        #expect(DayBoundary.weekday(ofDay: utc.day(of: at("2026-03-28T12:00:00Z"))) == 5) // a Saturday
        #expect(DayBoundary.weekday(ofDay: utc.day(of: at("2026-03-30T12:00:00Z"))) == 0) // a Monday
        #expect(DayBoundary.weekday(ofDay: -1) == 2) // 1969-12-31, a Wednesday
        #expect(DayBoundary.date(ofDay: -1) == "1969-12-31")
    }
}
