import DeckKit
import Foundation
import GRDB
import StudyCore

/// Each post's outline as last loaded (`DeckOutline`, schema v7), so `stats`
/// reads what it needs of a post it has seen instead of parsing it. The
/// outlines are blobs (`Data`, for GRDB), read by the post's fingerprint.
extension SQLiteProgressStore {
    /// How many outlines are kept at most: those of the posts written last.
    /// Each is about a tenth of its post's size plus its texts.
    public static let outlinesKept = 16

    /// Whether an outline is kept under `post` (one look-up by key: asked on
    /// every load by a command that writes, before making one).
    public func hasOutline(post: PostFingerprint) throws -> Bool {
        try database.read { db in
            guard try db.tableExists("post_outline") else { return false }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM post_outline WHERE post = ?",
                                    arguments: [post.key]) == 1
        }
    }

    /// The outline kept under `post`, without its texts (`DeckOutline.texts`
    /// empty; `outlineTexts` reads the few wanted), or nil when none is kept
    /// or its bytes do not read back: the caller parses the post instead.
    public func outline(post: PostFingerprint) throws -> DeckOutline? {
        try database.read { db in
            guard try db.tableExists("post_outline"),
                  let row = try Row.fetchOne(db, sql: "SELECT title, facts FROM post_outline WHERE post = ?",
                                             arguments: [post.key]),
                  let title = row[0] as String?, let facts = row[1] as Data?
            else { return nil }
            return DeckOutline.decoding(facts: Array(facts), title: title)
        }
    }

    /// The plain texts at `positions` of the outline kept under `post` (of
    /// `factCount` facts), reading only their chunks; nil when one of those
    /// is gone or does not read back.
    public func outlineTexts(post: PostFingerprint, factCount: Int, at positions: Set<Int>) throws -> [Int: String]? {
        try database.read { db in
            guard try db.tableExists("post_outline_text") else { return nil }
            var found: [Int: String] = [:]
            let statement = try db.cachedStatement(sql: "SELECT texts FROM post_outline_text WHERE post = ? AND chunk = ?")
            for chunk in Set(positions.map(DeckOutline.chunk(ofPosition:))).sorted() {
                guard let data = try Data.fetchOne(statement, arguments: [post.key, chunk]),
                      let texts = DeckOutline.texts(inChunk: chunk, encoded: Array(data), factCount: factCount,
                                                    at: positions)
                else { return nil }
                found.merge(texts) { first, _ in first }
            }
            return found
        }
    }

    /// Keeps each outline under its post, in one transaction, and drops the
    /// outlines they replace: earlier versions of the same decks (by title;
    /// not those of `loaded`, the posts loaded with them, which may share a
    /// title), and the oldest beyond `outlinesKept`.
    /// - Parameter proceed: asked once the outlines are encoded, before the
    ///   transaction; false writes nothing (quitting meanwhile, `StoreUpkeep`).
    public func saveOutlines(_ outlines: [(outline: DeckOutline, post: PostFingerprint)], loaded: [PostFingerprint],
                             now: Timestamp, proceed: () -> Bool = { true }) throws {
        guard !outlines.isEmpty else { return }
        // The texts are encoded in the transaction, a chunk at a time
        // (`forEachTextChunk`), never all at once.
        let encoded = outlines.map { ($0.outline.title, $0.post.key, Data($0.outline.encodedFacts()), $0.outline) }
        let kept = Array(Set(loaded.map(\.key) + outlines.map(\.post.key)))
        let marks = kept.map { _ in "?" }.joined(separator: ", ")
        guard proceed() else { return }
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                for (title, _, _, _) in encoded {
                    try db.execute(sql: "DELETE FROM post_outline WHERE title = ? AND post NOT IN (\(marks))",
                                   arguments: StatementArguments([title] + kept))
                }
                let insert = try db.cachedStatement(sql: "INSERT INTO post_outline_text (post, chunk, texts) VALUES (?, ?, ?)")
                for (title, post, facts, outline) in encoded {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO post_outline (post, title, facts, written_at) VALUES (?, ?, ?, ?)
                        """, arguments: [post, title, facts, now.iso8601])
                    // The texts of this outline, written whole.
                    try db.execute(sql: "DELETE FROM post_outline_text WHERE post = ?", arguments: [post])
                    try outline.forEachTextChunk { chunk, texts in
                        try insert.execute(arguments: [post, chunk, Data(texts)])
                    }
                }
                try db.execute(sql: """
                    DELETE FROM post_outline WHERE rowid NOT IN
                        (SELECT rowid FROM post_outline ORDER BY written_at DESC, rowid DESC LIMIT ?)
                    """, arguments: [Self.outlinesKept])
                // No texts of an outline no longer kept.
                try db.execute(sql: "DELETE FROM post_outline_text WHERE post NOT IN (SELECT post FROM post_outline)")
                return .commit
            }
            // An outline is the one big write (megabytes at once): the log
            // is copied into the store and emptied now, not left that size
            // for every opening to read. A reader holding a snapshot only
            // makes this do less (the limit then cuts it back later).
            _ = try? Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// `saveOutlines` of one outline, loaded alone.
    public func saveOutline(_ outline: DeckOutline, post: PostFingerprint, now: Timestamp) throws {
        try saveOutlines([(outline, post)], loaded: [post], now: now)
    }
}
