#if canImport(Glibc)
import Glibc
#endif
import SafeText

/// "Loading notes.md: 23 of 58 MB" on the terminal while a large post loads,
/// rewritten in place and erased once it is loaded: a 50 MB post takes
/// seconds, and a silent terminal looks hung (issue 14: nothing blocks for
/// more than 100 ms without showing progress). Ctrl-C still ends the load at
/// once: no signal handler is installed before the screen starts.
///
/// Shown only on a terminal (stderr), and only once the load has taken
/// 100 ms, so a small post and a pipe see nothing.
struct LoadProgressLine {
    let file: String
    private let started = LoadProgressLine.monotonicMilliseconds()
    private var shown = false

    init(file: String) {
        self.file = file
    }

    static let delayMilliseconds: Int64 = 100

    mutating func show(_ parsed: Int, of total: Int) {
        guard isatty(STDERR_FILENO) == 1,
              Self.monotonicMilliseconds() - started >= Self.delayMilliseconds else { return }
        StandardError.write("\r\u{1B}[KLoading \(TerminalSafe.line(file)): \(Self.stage(parsed, of: total))…")
        shown = true
    }

    /// How far a load has got, as this line and the status bar's line for
    /// notes read again (`PostReading`) say it: "4 of 11 MB", then
    /// "numbering its facts" once every byte is parsed.
    static func stage(_ parsed: Int, of total: Int) -> String {
        let megabyte = 1 << 20
        return parsed >= total ? "numbering its facts" : "\(parsed / megabyte) of \(max(1, total / megabyte)) MB"
    }

    /// Erases the line, if one was shown.
    mutating func clear() {
        if shown { StandardError.write("\r\u{1B}[K") }
        shown = false
    }

    private static func monotonicMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
