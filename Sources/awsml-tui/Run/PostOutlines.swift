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
/// (`StoreUpkeep`), in three steps: the posts looked up (`lacking`), their
/// outlines made without the store (`made`), then written (`save`).
enum PostOutlines {
    /// Writes the outlines the store lacks.
    @discardableResult
    static func keep(_ posts: [LoadedPost], in store: SQLiteProgressStore, now: Timestamp) -> (any Error)? {
        do {
            return save(made(try lacking(posts, in: store)), loaded: posts, in: store, now: now)
        } catch {
            return error
        }
    }

    /// The posts the store has no outline of (one look-up each).
    static func lacking(_ posts: [LoadedPost], in store: SQLiteProgressStore) throws -> [LoadedPost] {
        try posts.filter { post in
            guard let fingerprint = post.fingerprint else { return false }
            return try !store.hasOutline(post: fingerprint)
        }
    }

    /// The outlines of `posts`, made (CPU only: no store).
    static func made(_ posts: [LoadedPost]) -> [(outline: DeckOutline, post: PostFingerprint)] {
        posts.compactMap { post in post.fingerprint.map { (DeckOutline(deck: post.deck), $0) } }
    }

    /// Writes `missing`, in one transaction. Posts loaded together keep
    /// each other's outlines, whatever their titles.
    /// - Parameter proceed: asked once they are encoded, before the write.
    static func save(_ missing: [(outline: DeckOutline, post: PostFingerprint)], loaded posts: [LoadedPost],
                     in store: SQLiteProgressStore, now: Timestamp, proceed: () -> Bool = { true }) -> (any Error)? {
        do {
            try store.saveOutlines(missing, loaded: posts.compactMap(\.fingerprint), now: now, proceed: proceed)
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
