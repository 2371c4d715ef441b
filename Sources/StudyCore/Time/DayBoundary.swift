/// Where the learner's days begin and end: at `rolloverHour` local time, in a
/// time zone `utcOffsetSeconds` ahead of UTC. "Later today", "tomorrow", the
/// review calendar, streaks and the daily limit of new facts all count these
/// days, not UTC's: a learner in Sydney who studies at 8 am has not started a
/// new day at 10 am, when UTC's midnight passes.
///
/// The day turns over at 4 am by default, as in Anki, so a session past
/// midnight still counts for the evening it started in.
///
///     let day = DayBoundary(utcOffsetSeconds: 10 * 3600)            // UTC+10, 4 am
///     let now = Timestamp(iso8601: "2026-11-25T20:00:00Z")!         // 06:00 on the 26th in Sydney
///     DayBoundary.date(ofDay: day.day(of: now))                     // "2026-11-26"
///     day.startOfNextDay(after: now).iso8601                        // "2026-11-26T18:00:00.000Z" (4 am on the 27th)
///
/// Days are numbered as calendar days since 1970-01-01 (day 0, a Thursday):
/// day `n` is the one that begins at `rolloverHour` on the local date `n`.
/// One offset is used for every moment, the one the system gives at start-up,
/// so a change to or from summer time moves old reviews by an hour (the
/// rollover hour keeps that from changing their day unless they were made
/// within an hour of it).
public struct DayBoundary: Hashable, Sendable {
    /// Seconds the learner's clock is ahead of UTC (UTC−5 is −18,000).
    public var utcOffsetSeconds: Int
    /// The local hour (0–23) at which one day ends and the next begins.
    public var rolloverHour: Int

    /// Anki's: 4 am.
    public static let defaultRolloverHour = 4

    public init(utcOffsetSeconds: Int = 0, rolloverHour: Int = DayBoundary.defaultRolloverHour) {
        self.utcOffsetSeconds = utcOffsetSeconds
        self.rolloverHour = rolloverHour
    }

    /// Milliseconds from a UTC midnight to the moment its learner's day begins.
    private var shift: Int64 {
        Int64(rolloverHour) * 3_600_000 - Int64(utcOffsetSeconds) * 1000
    }

    /// The number of the learner's day `time` falls in.
    public func day(of time: Timestamp) -> Int64 {
        Timestamp.floorDivide(time.milliseconds - shift, Timestamp.millisecondsPerDay).0
    }

    /// The moment day `day` begins.
    public func start(ofDay day: Int64) -> Timestamp {
        Timestamp(milliseconds: day * Timestamp.millisecondsPerDay + shift)
    }

    /// The moment the day of `time` began (today's start, when `time` is now).
    public func startOfDay(containing time: Timestamp) -> Timestamp {
        start(ofDay: day(of: time))
    }

    /// The moment the day after the one of `time` begins (tomorrow's start).
    public func startOfNextDay(after time: Timestamp) -> Timestamp {
        start(ofDay: day(of: time) + 1)
    }

    /// The local calendar date day `day` is named by, `YYYY-MM-DD`.
    public static func date(ofDay day: Int64) -> String {
        Timestamp(milliseconds: day * Timestamp.millisecondsPerDay).isoDate
    }

    /// The weekday of day `day`: 0 Monday … 6 Sunday.
    public static func weekday(ofDay day: Int64) -> Int {
        Int(Timestamp.floorDivide(day + 3, 7).1)
    }
}
