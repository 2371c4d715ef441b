#if canImport(Glibc)
import Glibc
#endif
import StudyCore

/// The one place that reads the wall clock and the time zone (the
/// composition root). Everything else is given the time, and the learner's
/// days as a `DayBoundary`, so tests can pass fixed values.
enum SystemClock {
    static func now() -> Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(milliseconds: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
    }

    /// The learner's days: the system time zone's offset from UTC at `time`
    /// (`TZ`, else /etc/localtime), with the day turning over at
    /// `rolloverHour` local time.
    static func dayBoundary(rolloverHour: Int, at time: Timestamp) -> DayBoundary {
        DayBoundary(utcOffsetSeconds: utcOffsetSeconds(at: time), rolloverHour: rolloverHour)
    }

    /// Seconds the local time zone is ahead of UTC at `time` (`tm_gmtoff`);
    /// 0 when the C library cannot tell.
    private static func utcOffsetSeconds(at time: Timestamp) -> Int {
        var seconds = time_t(Timestamp.floorDivide(time.milliseconds, 1000).0)
        var local = tm()
        tzset()
        guard localtime_r(&seconds, &local) != nil else { return 0 }
        return Int(local.tm_gmtoff)
    }
}
