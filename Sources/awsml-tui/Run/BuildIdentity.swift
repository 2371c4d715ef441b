#if canImport(Glibc)
import Glibc
#endif

/// Names the build of this executable, for `PostFingerprint`: an outline
/// kept by one build is never read by another, which may parse the same
/// post into other facts. A rebuilt or reinstalled binary has another size,
/// modification time or inode, so its first `stats` parses again.
enum BuildIdentity {
    /// "exe SIZE MTIME_S.MTIME_NS INODE" of `/proc/self/exe`, or nil when
    /// the system does not say (then no outline is read or kept).
    static func current() -> String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "exe \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }
}
