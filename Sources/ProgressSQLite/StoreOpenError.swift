/// Why the progress store could not be opened: one line naming the file and
/// saying what to do. The file is never changed when this is thrown.
public struct StoreOpenError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }

    static func notADatabase(_ path: String) -> StoreOpenError {
        StoreOpenError(path: path, reason: "is not an SQLite database; it was left as it is: move it away or choose another file with --store")
    }

    static func foreign(_ path: String) -> StoreOpenError {
        StoreOpenError(path: path, reason: "is a database of another program; it was left as it is: choose another file with --store")
    }

    static func newer(_ path: String, unknown: [String]) -> StoreOpenError {
        StoreOpenError(path: path, reason: "was written by a newer awsml-tui (schema \(unknown.sorted().joined(separator: ", "))); update awsml-tui or choose another file with --store")
    }

    static func damaged(_ path: String, detail: String) -> StoreOpenError {
        StoreOpenError(path: path, reason: "is damaged or truncated (\(detail)); it was left as it is: restore a copy from the backups folder beside it, or choose another file with --store")
    }

    /// Our own store with part of its schema gone (a table dropped or a
    /// column removed by hand): `missing` as "table review", "column card.lapses".
    static func incompleteSchema(_ path: String, missing: [String]) -> StoreOpenError {
        let shown = missing.prefix(3).joined(separator: ", ") + (missing.count > 3 ? ", …" : "")
        return StoreOpenError(path: path, reason: "is damaged: its schema lacks \(shown); it was left as it is: restore a copy from the backups folder beside it, or choose another file with --store")
    }

    /// The schema needs a migration and no copy could be kept first.
    static func noCopyBeforeMigration(_ path: String, because warning: StoreWarning) -> StoreOpenError {
        StoreOpenError(path: path, reason: "needs its schema brought up to this awsml-tui's, which is done only after a copy is kept, and no copy can be made: \(warning.problem); it was left as it is: \(warning.fix), or choose another file with --store")
    }

    static func readOnly(_ path: String) -> StoreOpenError {
        StoreOpenError(path: path, reason: "is read-only; make it writable or choose another file with --store")
    }

    static func folderReadOnly(_ path: String, folder: String) -> StoreOpenError {
        StoreOpenError(path: path, reason: "cannot be written: its folder \(folder) is read-only; choose another file with --store")
    }

    static func unusable(_ path: String, detail: String) -> StoreOpenError {
        StoreOpenError(path: path, reason: "cannot be opened (\(detail)); choose another file with --store")
    }
}
