#if canImport(Glibc)
import Glibc
#endif
import StudyCore

/// The stores checked and found sound as they were opened (by `stats`, the
/// full screen, plain mode), each with the stamp its file and `-wal` had
/// then, so that a store nothing has written since is not checked again.
///
/// The check at opening (`PRAGMA quick_check` of every table but the log of
/// a big store) is 45–70 ms of a `stats` of 250 on a store of a million
/// reviews, most of what the command does that a plain query over the log
/// does not. Its findings cannot change while the bytes do not, and any
/// write to a file changes its change time (`st_ctim`), which no program
/// can set back: a stamp is the file's device, inode, size, modification
/// and change times, and the inode, size and modification time of its
/// `-wal` (which SQLite writes only with `write`, moving that time). So a store whose stamp is
/// the one recorded at its last sound check is read without checking it
/// again; a store written since (an answer, a crash mid-write, a damaged
/// file copied in) is checked as before, and damage is reported as before.
///
/// A check is recorded only when the store's last change is at least
/// `settledMilliseconds` older than the check: file times tick in steps
/// (a few milliseconds; a second or two on some file systems), and a write
/// in the same step as the check would leave the stamp unchanged (git's
/// "racily clean" files).
///
/// The full screen checks the store before it writes to it: a store a
/// session answered in is checked at the next opening (its stamp moved);
/// one only opened and browsed since its last check is not (on a store of a
/// million reviews the check was a third of the work of opening it beside
/// the post's load, issue 14).
///
/// The record is a cache, in `$XDG_CACHE_HOME/awsml-tui` (else
/// `~/.cache/awsml-tui`), never beside the store (`stats` writes nothing
/// there): one line per store, the newest `entriesKept`. When it cannot be
/// read or written the store is simply checked every time.
public struct StoreCheckRecord: Sendable {
    /// The record's file.
    public let file: String
    /// The time now, for whether a store has settled (the caller reads the clock).
    public let now: Timestamp

    public static let settledMilliseconds: Int64 = 2_000
    public static let entriesKept = 16

    public init(file: String, now: Timestamp) {
        self.file = file
        self.now = now
    }

    /// The record's file for this environment, or nil without a home.
    public static func file(environment: [String: String]) -> String? {
        if let cacheHome = environment["XDG_CACHE_HOME"], cacheHome.hasPrefix("/") {
            return cacheHome + "/awsml-tui/checked-stores"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/awsml-tui/checked-stores"
    }

    /// A store's stamp as the record keeps it, and when it last changed.
    struct Stamp: Equatable {
        var text: String
        var changedMilliseconds: Int64
    }

    /// The stamp of the store at `path` and its `-wal` (nil: the store
    /// cannot be looked at).
    static func stamp(of path: String) -> Stamp? {
        var store = stat()
        guard stat(path, &store) == 0 else { return nil }
        var text = "\(store.st_dev) \(store.st_ino) \(store.st_size) \(nanoseconds(store.st_mtim)) \(nanoseconds(store.st_ctim))"
        var changed = max(nanoseconds(store.st_mtim), nanoseconds(store.st_ctim))
        var log = stat()
        if stat(path + "-wal", &log) == 0 && log.st_size > 0 {
            // Not the -wal's change time: SQLite, run as root, gives the
            // -wal back to the store's owner on every opening (a `fchown`
            // that changes nothing but that time). Its writes move its
            // modification time.
            text += " wal \(log.st_ino) \(log.st_size) \(nanoseconds(log.st_mtim))"
            changed = max(changed, nanoseconds(log.st_mtim))
        } else {
            text += " no-wal"
        }
        return Stamp(text: text, changedMilliseconds: changed / 1_000_000)
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Whether the store at `path` was found sound when it had `stamp`.
    func holds(_ path: String, stamp: Stamp) -> Bool {
        entries().contains(Self.line(path, stamp))
    }

    /// Records a sound check of the store at `path` with `stamp`, if the
    /// store had settled by then. Returns what went wrong writing the record
    /// (nothing is lost: the store is checked next time).
    func record(_ path: String, stamp: Stamp) -> String? {
        guard now.milliseconds - stamp.changedMilliseconds >= Self.settledMilliseconds else { return nil }
        let line = Self.line(path, stamp)
        let key = Self.key(path)
        var kept = entries().filter { !$0.hasPrefix(key) }
        kept.append(line)
        let text = kept.suffix(Self.entriesKept).joined(separator: "\n") + "\n"
        return Self.replaceFile(file, with: text)
    }

    /// A line of the record: the path (hex, so any bytes fit), then the stamp.
    private static func line(_ path: String, _ stamp: Stamp) -> String { key(path) + stamp.text }

    private static func key(_ path: String) -> String {
        let digits = Array("0123456789abcdef")
        return String(path.utf8.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }) + " "
    }

    private func entries() -> [String] {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                if count < 0 { return [] }
                break
            }
            bytes += chunk.prefix(count)
            if bytes.count > 1 << 20 { return [] } // not ours
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Writes `text` to a file beside `path`, then renames it over `path`:
    /// a reader sees the old record or the new one, never half of one.
    private static func replaceFile(_ path: String, with text: String) -> String? {
        let folder = StoreFileCheck.parentFolder(of: path)
        for ancestor in [StoreFileCheck.parentFolder(of: folder), folder]
        where mkdir(ancestor, 0o700) != 0 && errno != EEXIST {
            return "cannot make \(ancestor): \(String(cString: strerror(errno)))"
        }
        let temporary = path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return "cannot write \(temporary): \(String(cString: strerror(errno)))" }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let problem = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                return "cannot write \(temporary): \(problem)"
            }
            written += count
        }
        guard close(descriptor) == 0 else {
            unlink(temporary)
            return "cannot write \(temporary): \(String(cString: strerror(errno)))"
        }
        guard rename(temporary, path) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot write \(path): \(problem)"
        }
        return nil
    }
}
