#if canImport(Glibc)
import Glibc
#endif
import StudyCore

/// The one place that reads the wall clock (the composition root). Everything
/// else is given the time, so tests can pass fixed times.
enum SystemClock {
    static func now() -> Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(milliseconds: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
    }
}
