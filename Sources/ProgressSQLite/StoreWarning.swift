/// Something the store could not do that does not stop it working: a copy
/// not kept in the backups folder. Commands print it on stderr as
/// `awsml-tui: warning: <file>: <reason>`; the full screen shows `summary`
/// in its status bar.
public struct StoreWarning: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// What happened and what to do, after the file's name (one line).
    public var reason: String
    /// The same, short enough for the status bar.
    public var summary: String

    /// For a backup not made: what stands in the way ("/d/backups is not a
    /// folder") and what to do about it.
    var problem = ""
    var fix = ""

    public init(path: String, reason: String, summary: String) {
        self.path = path
        self.reason = reason
        self.summary = summary
    }

    public var description: String { "\(path): \(reason)" }

    /// The backups folder cannot take a copy; the store goes on without one.
    static func backupSkipped(_ path: String, folder: String, because problem: String, fix: String) -> StoreWarning {
        var warning = StoreWarning(
            path: path, reason: "no backup was made: \(folder) \(problem); the store is used without it: \(fix) to have copies again",
            summary: "no backup made: \(folder) \(problem)")
        warning.problem = "\(folder) \(problem)"
        warning.fix = fix
        return warning
    }

    /// The copy itself failed (a full disk, say).
    static func backupFailed(_ path: String, target: String, detail: String) -> StoreWarning {
        var warning = StoreWarning(
            path: path, reason: "no backup was made: \(target) could not be written (\(detail)); the store is used without it",
            summary: "no backup made: \(detail)")
        warning.problem = "\(target) could not be written (\(detail))"
        warning.fix = "free some space"
        return warning
    }
}
