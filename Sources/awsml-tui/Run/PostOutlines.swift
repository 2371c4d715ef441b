import DeckKit
import ProgressSQLite
import SafeText
import StudyCore

/// Keeps the outline of each post a writing command loaded (`DeckOutline`,
/// under its `PostFingerprint`), so `stats` reads it instead of parsing the
/// post again. Only a post the store has no outline of is written: on an
/// ordinary opening this is one look-up per post.
///
/// The outlines are a cache: when one cannot be written (a full disk,
/// another writer holding the store past the busy timeout) nothing is lost
/// and `stats` parses the post, so errors are returned for the caller to
/// drop or say, not thrown. The full screen does this off its run loop
/// (`StoreUpkeep`), in two steps: the outlines made (`missing`), then
/// written (`save`).
enum PostOutlines {
    /// Writes the outlines the store lacks.
    @discardableResult
    static func keep(_ posts: [LoadedPost], in store: SQLiteProgressStore, now: Timestamp) -> (any Error)? {
        switch missing(posts, in: store) {
        case .failure(let error): error
        case .success(let missing): save(missing, loaded: posts, in: store, now: now)
        }
    }

    /// The outlines of the posts the store has none of, made (the CPU part).
    static func missing(_ posts: [LoadedPost],
                        in store: SQLiteProgressStore) -> Result<[(outline: DeckOutline, post: PostFingerprint)], any Error> {
        Result {
            var missing: [(outline: DeckOutline, post: PostFingerprint)] = []
            for post in posts {
                guard let fingerprint = post.fingerprint, try !store.hasOutline(post: fingerprint) else { continue }
                missing.append((DeckOutline(deck: post.deck), fingerprint))
            }
            return missing
        }
    }

    /// Writes `missing`, in one transaction. Posts loaded together keep
    /// each other's outlines, whatever their titles.
    static func save(_ missing: [(outline: DeckOutline, post: PostFingerprint)], loaded posts: [LoadedPost],
                     in store: SQLiteProgressStore, now: Timestamp) -> (any Error)? {
        do {
            try store.saveOutlines(missing, loaded: posts.compactMap(\.fingerprint), now: now)
            return nil
        } catch {
            return error
        }
    }

    /// The status bar's words for an outline not kept.
    static func problem(_ error: any Error) -> String {
        TerminalSafe.line("the outline for `stats` was not kept (\(error)); `stats` will parse the post")
    }
}
