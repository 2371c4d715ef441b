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
    ]

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
