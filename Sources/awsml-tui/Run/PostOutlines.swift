import DeckKit
import ProgressSQLite
import StudyCore

/// Keeps the outline of each post a writing command loaded (`DeckOutline`,
/// under its `PostFingerprint`), so `stats` reads it instead of parsing the
/// post again. Only a post the store has no outline of is written: on an
/// ordinary opening this is one look-up per post.
enum PostOutlines {
    /// Writes the outlines the store lacks. The outlines are a cache: when
    /// one cannot be written (a full disk, another writer holding the store
    /// past the busy timeout) nothing is lost and `stats` parses the post,
    /// so the error is returned for the caller to drop or say, not thrown.
    @discardableResult
    static func keep(_ posts: [LoadedPost], in store: SQLiteProgressStore, now: Timestamp) -> (any Error)? {
        do {
            var missing: [(outline: DeckOutline, post: PostFingerprint)] = []
            for post in posts {
                guard let fingerprint = post.fingerprint, try !store.hasOutline(post: fingerprint) else { continue }
                missing.append((DeckOutline(deck: post.deck), fingerprint))
            }
            // Posts loaded together keep each other's outlines, whatever their titles.
            try store.saveOutlines(missing, loaded: posts.compactMap(\.fingerprint), now: now)
            return nil
        } catch {
            return error
        }
    }
}
