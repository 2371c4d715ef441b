import DeckKit
import ProgressSQLite
import StudyCore

/// What `export` reads from the store: the cards, the log's length, the
/// re-links, and the whole review log when the format needs it. The store is
/// opened read-only (no migration, backup or checkpoint: its bytes stay as
/// they were), its warnings go to stderr, and every failure is one line
/// naming the file. (`stats` opens it itself: it reads the posts' outlines
/// from it before the cards, `StatsCommand`.)
struct StoreSnapshot {
    let path: String
    let cards: [FactID: CardProgress]
    let log: [ReviewLogEntry]
    /// The re-links made as the notes changed (for the Anki guids).
    let links: [FactLink]
    let reviewCount: Int

    static func read(storePath: String?, wholeLog: Bool = false) throws -> StoreSnapshot {
        try reading(storePath: storePath) { store, path in
            StoreSnapshot(path: path, cards: try store.loadCards(), log: wholeLog ? try store.reviewLog() : [],
                          links: try store.links(), reviewCount: try store.reviewCount())
        }
    }

    /// Opens the store read-only (its warnings to stderr), gives it to
    /// `body` with its path, and closes it; a failure to open or to read is
    /// one line naming the file.
    static func reading<Result>(storePath: String?,
                                _ body: (SQLiteProgressStore, String) throws -> Result) throws -> Result {
        let path = StoreLocation.path(explicit: try ArgumentBytes.storePath(storePath),
                                      environment: ProcessEnvironment.current())
        let store: SQLiteProgressStore
        do {
            store = try SQLiteProgressStore.openReadOnly(path: path)
        } catch {
            throw CommandFailure.report(error)
        }
        defer { try? store.close() }
        for warning in store.warnings { StandardError.warn(warning) }
        do {
            return try body(store, path)
        } catch {
            throw CommandFailure.report(storeRead: path, error)
        }
    }
}
