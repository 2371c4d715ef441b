import GRDB

/// The store's schema as versioned migrations. Once a migration has shipped its
/// SQL never changes; a change is a new migration.
///
/// Documented for users in the README ("Progress store"): `card` holds each
/// fact's schedule, `review` logs every answer with the card as it was before
/// (enough to undo it). Times are ISO-8601 UTC with milliseconds.
enum ProgressSchema {
    /// `PRAGMA application_id` of an awsml-tui store ("awml"): a database
    /// without it, but with tables, belongs to another program.
    static let applicationID: Int32 = 0x6177_6D6C

    static let migrations: [(identifier: String, sql: String)] = [
        ("v1", """
            CREATE TABLE card (
                fact_id     TEXT PRIMARY KEY NOT NULL,
                deck        TEXT NOT NULL,
                state       INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
                step        INTEGER,
                stability   REAL,
                difficulty  REAL,
                due         TEXT,
                last_review TEXT,
                reps        INTEGER NOT NULL DEFAULT 0,
                lapses      INTEGER NOT NULL DEFAULT 0,
                suspended   INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX card_due ON card(due);
            CREATE TABLE review (
                id                 INTEGER PRIMARY KEY AUTOINCREMENT,
                fact_id            TEXT NOT NULL,
                deck               TEXT NOT NULL,
                reviewed_at        TEXT NOT NULL,
                rating             INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                mode               TEXT NOT NULL CHECK (mode IN ('study', 'practice', 'exam')),
                kind               TEXT NOT NULL,
                elapsed_ms         INTEGER NOT NULL,
                before_existed     INTEGER NOT NULL,
                before_state       INTEGER NOT NULL,
                before_step        INTEGER,
                before_stability   REAL,
                before_difficulty  REAL,
                before_due         TEXT,
                before_last_review TEXT,
                before_reps        INTEGER NOT NULL,
                before_lapses      INTEGER NOT NULL,
                before_suspended   INTEGER NOT NULL
            );
            CREATE INDEX review_fact ON review(fact_id);
            CREATE INDEX review_time ON review(reviewed_at);
            PRAGMA application_id = 1635216748;
            """),
        // Burying a fact for the rest of the learner's day (issue 11).
        ("v2-bury", """
            ALTER TABLE card ADD COLUMN buried_until TEXT;
            """),
        // The card before a review, whole: undo puts back a burial too (issue 15).
        ("v3-before-buried", """
            ALTER TABLE review ADD COLUMN before_buried_until TEXT;
            """),
        // Statistics without reading the whole log (issue 14): each review's
        // time as integer milliseconds; indexes that hold what the statistics
        // read (so SQLite never visits the table rows); the reviews and passes
        // of every quarter hour, and the reviews of every fact, kept by
        // triggers on every insert, delete and regrade, whoever writes.
        // The times are filled from the text ones, so no review is lost.
        ("v4-review-counts", """
            ALTER TABLE review ADD COLUMN reviewed_ms INTEGER;
            UPDATE review SET reviewed_ms = \(ProgressSchema.milliseconds(of: "reviewed_at"));
            DROP INDEX review_fact;
            DROP INDEX review_time;
            CREATE INDEX review_fact ON review(fact_id, reviewed_ms, rating);
            CREATE INDEX review_time ON review(reviewed_ms);
            CREATE TABLE review_quarter (
                quarter INTEGER PRIMARY KEY,
                reviews INTEGER NOT NULL,
                passed  INTEGER NOT NULL
            );
            CREATE TABLE review_fact_count (
                fact_id TEXT PRIMARY KEY NOT NULL,
                reviews INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO review_quarter (quarter, reviews, passed)
                SELECT \(ProgressSchema.quarter(of: "reviewed_ms")), count(*), sum(rating > 1) FROM review GROUP BY 1;
            INSERT INTO review_fact_count (fact_id, reviews) SELECT fact_id, count(*) FROM review GROUP BY fact_id;
            CREATE TRIGGER review_counted AFTER INSERT ON review BEGIN
                INSERT INTO review_quarter (quarter, reviews, passed)
                    VALUES (\(ProgressSchema.quarter(of: "NEW.reviewed_ms")), 1, NEW.rating > 1)
                    ON CONFLICT (quarter) DO UPDATE SET reviews = reviews + 1, passed = passed + excluded.passed;
                INSERT INTO review_fact_count (fact_id, reviews) VALUES (NEW.fact_id, 1)
                    ON CONFLICT (fact_id) DO UPDATE SET reviews = reviews + 1;
            END;
            CREATE TRIGGER review_uncounted AFTER DELETE ON review BEGIN
                UPDATE review_quarter SET reviews = reviews - 1, passed = passed - (OLD.rating > 1)
                    WHERE quarter = \(ProgressSchema.quarter(of: "OLD.reviewed_ms"));
                DELETE FROM review_quarter WHERE quarter = \(ProgressSchema.quarter(of: "OLD.reviewed_ms")) AND reviews <= 0;
                UPDATE review_fact_count SET reviews = reviews - 1 WHERE fact_id = OLD.fact_id;
                DELETE FROM review_fact_count WHERE fact_id = OLD.fact_id AND reviews <= 0;
            END;
            CREATE TRIGGER review_recounted AFTER UPDATE OF fact_id, reviewed_ms, rating ON review BEGIN
                UPDATE review_quarter SET reviews = reviews - 1, passed = passed - (OLD.rating > 1)
                    WHERE quarter = \(ProgressSchema.quarter(of: "OLD.reviewed_ms"));
                INSERT INTO review_quarter (quarter, reviews, passed)
                    VALUES (\(ProgressSchema.quarter(of: "NEW.reviewed_ms")), 1, NEW.rating > 1)
                    ON CONFLICT (quarter) DO UPDATE SET reviews = reviews + 1, passed = passed + excluded.passed;
                DELETE FROM review_quarter WHERE quarter = \(ProgressSchema.quarter(of: "OLD.reviewed_ms")) AND reviews <= 0;
                UPDATE review_fact_count SET reviews = reviews - 1 WHERE fact_id = OLD.fact_id;
                INSERT INTO review_fact_count (fact_id, reviews) VALUES (NEW.fact_id, 1)
                    ON CONFLICT (fact_id) DO UPDATE SET reviews = reviews + 1;
                DELETE FROM review_fact_count WHERE fact_id = OLD.fact_id AND reviews <= 0;
            END;
            """),
        // Progress follows the notes as they change (issue 16): the text and
        // topic of each fact as it read when last answered, to find its
        // progress again when an edit changes its id; and every re-link made,
        // to undo it and to keep the first id of a fact's line (an Anki note's
        // guid) whatever it has been renamed to since; and the facts the notes
        // held when last opened, so only a fact new since then can take the
        // progress of one that changed (RESULTS.md: with every unstudied fact
        // offered, a few wrong re-links; with only the new ones, none).
        ("v5-fact-texts", """
            CREATE TABLE fact_text (
                fact_id    TEXT PRIMARY KEY NOT NULL,
                topic_path TEXT NOT NULL,
                text       TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE fact_link (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                old_id    TEXT NOT NULL,
                new_id    TEXT NOT NULL,
                origin_id TEXT NOT NULL,
                old_text  TEXT NOT NULL,
                reason    TEXT NOT NULL,
                linked_at TEXT NOT NULL,
                undone    INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX fact_link_new ON fact_link(new_id);
            CREATE TABLE seen_fact (
                fact_id TEXT PRIMARY KEY NOT NULL,
                deck    TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX seen_fact_deck ON seen_fact(deck);
            CREATE INDEX card_deck ON card(deck);
            """),
        // A deck's title changed (issue 16): its cards moved to the new title
        // (`DeckRename`), recorded so `changes` and the "what changed"
        // screen can say so. Its facts' moves are in fact_link.
        ("v6-deck-renames", """
            CREATE TABLE deck_rename (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                old_title  TEXT NOT NULL,
                new_title  TEXT NOT NULL,
                cards      INTEGER NOT NULL,
                renamed_at TEXT NOT NULL
            );
            """),
        // `stats` without parsing the post (issue 14): each post's outline
        // (`DeckOutline`: fact ids in order, topic paths, plain texts) as it
        // was when last loaded by a command that writes, under the
        // fingerprint of its bytes and of the code that parsed it
        // (`PostFingerprint`). The texts are kept apart, in chunks of 1,024
        // facts, so `stats` reads only the chunks of the leeches it names.
        // Only new tables: nothing existing changes.
        ("v7-post-outlines", """
            CREATE TABLE post_outline (
                post       TEXT PRIMARY KEY NOT NULL,
                title      TEXT NOT NULL,
                facts      BLOB NOT NULL,
                written_at TEXT NOT NULL
            );
            CREATE TABLE post_outline_text (
                post  TEXT NOT NULL,
                chunk INTEGER NOT NULL,
                texts BLOB NOT NULL,
                PRIMARY KEY (post, chunk)
            );
            """),
    ]

    /// How a topic path is kept in one column: the titles joined by U+001F
    /// (a control no title holds: the loader makes them U+FFFD).
    static let pathSeparator: Character = "\u{1F}"

    /// SQL for the integer milliseconds since 1970 of an ISO-8601 UTC time
    /// column (`2026-11-27T23:21:30.868Z`): SQLite's Julian day, exact to the
    /// millisecond once rounded (a double holds a Julian day to about 40 µs).
    static func milliseconds(of column: String) -> String {
        "CAST(round((julianday(\(column)) - 2440587.5) * 86400000.0) AS INTEGER)"
    }

    /// SQL for the quarter hour of a milliseconds value, rounded down (as
    /// `ReviewActivity.bucket(of:)`, also before 1970, where `/` would round
    /// towards zero).
    static func quarter(of column: String) -> String {
        "((\(column) - ((\(column) % 900000) + 900000) % 900000) / 900000)"
    }

    /// The migrator for `migrations` (plus any a test adds after them).
    static func migrator(extra: [(identifier: String, sql: String)] = []) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations + extra {
            let sql = migration.sql
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: sql) }
        }
        return migrator
    }
}
