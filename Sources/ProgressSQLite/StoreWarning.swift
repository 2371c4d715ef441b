/// Something the store could not do that does not stop it working: a copy
/// not kept in the backups folder, answers lost from a damaged `-wal`. Commands print it on stderr as
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

    /// The `-wal` was damaged: SQLite drops the `lost` transactions after
    /// the damage. `copy`: where the file and its log were kept as they were.
    static func damagedLog(_ path: String, lost: Int, copy: String?, readOnly: Bool) -> StoreWarning {
        let kept = if let copy {
            "; the file and its -wal as they were are kept in \(copy) and \(copy)-wal"
        } else if readOnly {
            "; the next awsml-tui that writes to it keeps a copy in the backups folder"
        } else {
            "; no copy of them could be kept"
        }
        let changes = lost == 1 ? "change" : "changes"
        return StoreWarning(
            path: path,
            reason: "its -wal is damaged: the last \(lost) \(changes) written to it (answers, grades, undos) cannot be read and are lost\(kept)",
            summary: "the -wal is damaged: the last \(lost) \(changes) (answers, undos) are lost\(copy == nil ? "" : "; a copy is in backups")")
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
