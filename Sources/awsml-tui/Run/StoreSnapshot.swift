import DeckKit
import ProgressSQLite
import StudyCore

/// What the read-only commands (`stats`, `export`) read from the store: the
/// cards, the log's length, and either the whole review log (`export`) or
/// what the statistics need of it for each deck (`stats`: counts per quarter
/// hour and the last 30 days, never the whole log). The store is opened read-only (no
/// migration, backup or checkpoint: its bytes stay as they were), its
/// warnings go to stderr, and every failure is one line naming the file.
struct StoreSnapshot {
    let path: String
    let cards: [FactID: CardProgress]
    let log: [ReviewLogEntry]
    /// One per scope asked for, in order.
    let activities: [ReviewActivity]
    /// The re-links made as the notes changed (for the Anki guids).
    let links: [FactLink]
    let reviewCount: Int

    static func read(storePath: String?, wholeLog: Bool = false, activityOf scopes: [Set<FactID>] = [],
                     recentSince: Timestamp = Timestamp(milliseconds: 0)) throws -> StoreSnapshot {
        try reading(storePath: storePath) { store, path in
            StoreSnapshot(path: path, cards: try store.loadCards(), log: wholeLog ? try store.reviewLog() : [],
                          activities: try scopes.map { try store.reviewActivity(of: $0, recentSince: recentSince) },
                          links: try store.links(),
                          reviewCount: try store.reviewCount())
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
