import DeckKit
import ProgressSQLite
import StudyCore

/// What the read-only commands (`stats`, `export`) read from the store: the
/// cards, the review log and its length. The store is opened read-only (no
/// migration, backup or checkpoint: its bytes stay as they were), its
/// warnings go to stderr, and every failure is one line naming the file.
struct StoreSnapshot {
    let path: String
    let cards: [FactID: CardProgress]
    let log: [ReviewLogEntry]
    let reviewCount: Int

    static func read(storePath: String?) throws -> StoreSnapshot {
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
            return StoreSnapshot(path: path, cards: try store.loadCards(), log: try store.reviewLog(),
                                 reviewCount: try store.reviewCount())
        } catch {
            throw CommandFailure.report(storeRead: path, error)
        }
    }
}
