import DeckKit
import GRDB
import StudyCore
#if canImport(Glibc)
import Glibc
#endif

/// The progress store: SQLite through GRDB, one file per learner.
///
///     let store = try SQLiteProgressStore.open(path: path, now: now)
///     let stored = try store.record(review, scheduler: scheduler) // one IMMEDIATE transaction, on disk when it returns
///     let cards = try store.loadCards() // one query
///
/// Opening checks before it writes: a file that is not ours, newer, damaged
/// or read-only is refused with a `StoreOpenError` and left byte-identical.
/// WAL mode, `synchronous=NORMAL` and a 5 s busy timeout let two awsml-tui
/// processes share one file; an answer is applied to the card as the file
/// holds it when written. A copy is kept before each migration and once a
/// day (the last 7), in a `backups` folder beside the file; what the store
/// works without (a copy it could not keep, answers a damaged `-wal` lost)
/// is in `warnings`. `openReadOnly` reads without changing a byte.
public final class SQLiteProgressStore: ProgressStore, Sendable {
    public let path: String
    /// A `DatabasePool` (WAL) for a store that writes; for `openReadOnly`, a
    /// read-only connection to the file, or a copy in memory.
    let database: any DatabaseWriter
    /// Opened by `openReadOnly`: never writes, backs up or migrates the file.
    public let isReadOnly: Bool
    /// For a read-only store: remove the `-wal` and `-shm` its connection
    /// leaves when it closes (they were not there when it opened).
    private let removesLogFilesOnClose: Bool
    /// A read-only store that reads the file itself (not a copy in memory):
    /// a second connection can read beside it (`secondReader`).
    private let readsFileReadOnly: Bool

    /// What opening could not do but the store works without (a backup
    /// not made): for the command to say on stderr, or the full screen in
    /// its status bar.
    public let warnings: [StoreWarning]

    /// Backups of each kind that are kept.
    public static let dailyBackupsKept = 7

    private init(path: String, database: any DatabaseWriter, isReadOnly: Bool = false,
                 removesLogFilesOnClose: Bool = false, readsFileReadOnly: Bool = false, warnings: [StoreWarning] = []) {
        self.path = path
        self.database = database
        self.isReadOnly = isReadOnly
        self.removesLogFilesOnClose = removesLogFilesOnClose
        self.readsFileReadOnly = readsFileReadOnly
        self.warnings = warnings
    }

    /// A second read-only connection to the file of a store opened with
    /// `openReadOnly`, for a read on another core beside this store's own
    /// (`stats` reads the review counts while it reads the cards); nil for a
    /// store read from a copy in memory, or when the file cannot be opened
    /// again. Close it before this store, which removes the log files.
    public func secondReader() -> SQLiteProgressStore? {
        guard readsFileReadOnly else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        return SQLiteProgressStore(path: path, database: queue, isReadOnly: true)
    }

    /// Opens (creating when absent) the store at `path`.
    /// - Parameters:
    ///   - now: the time, for naming backups; the caller reads the clock.
    ///   - dailyBackup: keep today's copy now (off where start-up time matters;
    ///     then call `backUpDailyIfNeeded(now:)` later).
    ///   - checks: the record of stores found sound (`StoreCheckRecord`), as
    ///     for `openReadOnly`: a store nothing has written since its last
    ///     sound check is not checked again before it is written (the same
    ///     bytes cannot have become damaged); any other store is checked, and
    ///     recorded when sound. Nil: checked every time.
    public static func open(path: String, now: Timestamp, dailyBackup: Bool = true,
                            checks: StoreCheckRecord? = nil) throws(StoreOpenError) -> SQLiteProgressStore {
        try open(path: path, now: now, dailyBackup: dailyBackup, extraMigrations: [], checks: checks)
    }

    static func open(path: String, now: Timestamp, dailyBackup: Bool,
                     extraMigrations: [(identifier: String, sql: String)],
                     checks: StoreCheckRecord? = nil) throws(StoreOpenError) -> SQLiteProgressStore {
        let finding = try StoreFileCheck.inspect(path)
        let migrator = ProgressSchema.migrator(extra: extraMigrations)
        var hadSchema = false
        // Before SQLite reads the -wal (and drops what it cannot read).
        let damage = finding == .sqlite ? WriteAheadLogCheck.inspect(storePath: path) : nil
        if finding == .sqlite {
            hadSchema = try inspectExisting(path, migrator: migrator, forWriting: true, checks: checks).hasSchema
        } else if finding == .absent {
            try StoreFileCheck.create(path)
        }
        var warnings: [StoreWarning] = []
        if let damage {
            warnings.append(.damagedLog(path, lost: damage.lostTransactions,
                                        copy: keepDamagedLog(damage, of: path, now: now), readOnly: false))
        }

        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The log is cut back to this once checkpointed: one big write
            // (a post's outline, 12 MB for 100,000 facts) left it that long
            // for good, and every opening reads the whole log to check it
            // (`WriteAheadLogCheck`: 59 MB on a store opened by a few builds).
            try db.execute(sql: "PRAGMA journal_size_limit = \(Self.logSizeLimit)")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .unusable(path, detail: describe(error))
        }
        let store = SQLiteProgressStore(path: path, database: pool)
        do {
            let pending = try pool.read { db in try !migrator.hasCompletedMigrations(db) }
            if pending {
                // No schema change without a copy first: refused rather than risked.
                if hadSchema {
                    do {
                        try store.backUp(named: "before-migration-\(stamp(now))")
                    } catch {
                        try? pool.close()
                        throw StoreOpenError.noCopyBeforeMigration(path, because: error)
                    }
                }
                try migrator.migrate(pool)
            }
            if dailyBackup {
                do { try store.backUpDailyIfNeeded(now: now) } catch { warnings.append(error) }
            }
        } catch let error as StoreOpenError {
            throw error
        } catch {
            throw .unusable(path, detail: describe(error))
        }
        return warnings.isEmpty ? store : SQLiteProgressStore(path: path, database: pool, warnings: warnings)
    }

    /// Opens the store at `path` to read it only (`stats`, `export`): its
    /// bytes stay as they are. Nothing is created, migrated, backed up or
    /// checkpointed; a read-only file or folder is fine. An absent or empty
    /// file reads as a store with no progress. A store written by an older
    /// awsml-tui is copied into memory and migrated there, so it reads with
    /// today's schema while the file keeps its own. The same checks as
    /// `open` refuse a file that is not ours, newer or damaged.
    /// - Parameter checks: the record of stores found sound (`StoreCheckRecord`):
    ///   a store with the stamp recorded at its last check is not checked
    ///   again, and a sound one is recorded. Nil: checked every time.
    public static func openReadOnly(path: String, checks: StoreCheckRecord? = nil) throws(StoreOpenError) -> SQLiteProgressStore {
        try openReadOnly(path: path, extraMigrations: [], checks: checks)
    }

    static func openReadOnly(path: String, extraMigrations: [(identifier: String, sql: String)],
                             checks: StoreCheckRecord? = nil) throws(StoreOpenError) -> SQLiteProgressStore {
        let finding = try StoreFileCheck.inspect(path, forWriting: false)
        let migrator = ProgressSchema.migrator(extra: extraMigrations)
        do {
            guard finding == .sqlite else { return try emptyInMemory(path: path, migrator: migrator) }
            let warnings = WriteAheadLogCheck.inspect(storePath: path).map {
                [StoreWarning.damagedLog(path, lost: $0.lostTransactions, copy: nil, readOnly: true)]
            } ?? []
            let hadLogFiles = StoreFileCheck.hasWriteAheadLogFiles(path)
            guard try inspectExisting(path, migrator: migrator, checks: checks).hasSchema else {
                if !hadLogFiles { removeFilesOfReadOnlyLook(path) }
                return try emptyInMemory(path: path, migrator: migrator, warnings: warnings)
            }
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(5)
            let file = try DatabaseQueue(path: path, configuration: configuration)
            guard try file.read({ db in try !migrator.hasCompletedMigrations(db) }) else {
                return SQLiteProgressStore(path: path, database: file, isReadOnly: true,
                                           removesLogFilesOnClose: !hadLogFiles, readsFileReadOnly: true,
                                           warnings: warnings)
            }
            let copy = try DatabaseQueue()
            try file.backup(to: copy)
            try file.close()
            if !hadLogFiles { removeFilesOfReadOnlyLook(path) }
            try migrator.migrate(copy)
            return SQLiteProgressStore(path: path, database: copy, isReadOnly: true, warnings: warnings)
        } catch let error as StoreOpenError {
            throw error
        } catch {
            throw .unusable(path, detail: describe(error))
        }
    }

    /// A store with no progress, in memory, for a file not made yet.
    private static func emptyInMemory(path: String, migrator: DatabaseMigrator,
                                      warnings: [StoreWarning] = []) throws -> SQLiteProgressStore {
        let memory = try DatabaseQueue()
        try migrator.migrate(memory)
        return SQLiteProgressStore(path: path, database: memory, isReadOnly: true, warnings: warnings)
    }

    /// Reads an existing database without writing to it: integrity, owner,
    /// schema version, the tables and columns of the migrations applied.
    /// Returns whether it holds our schema, and whether migrations are
    /// pending. A refused file is left as it was, with no `-wal` or `-shm`
    /// beside it that was not there.
    /// - Parameter forWriting: for a store that will be migrated, also
    ///   refuse it when no copy can be kept first (no schema change without
    ///   one), before anything is written.
    private static func inspectExisting(_ path: String, migrator: DatabaseMigrator, forWriting: Bool = false,
                                        checks: StoreCheckRecord? = nil) throws(StoreOpenError) -> Existing {
        let hadLogFiles = StoreFileCheck.hasWriteAheadLogFiles(path)
        do throws(StoreOpenError) {
            let existing = try look(at: path, migrator: migrator, checks: checks)
            if forWriting && existing.hasSchema && existing.migrationsPending, let problem = backupProblem(of: path) {
                throw StoreOpenError.noCopyBeforeMigration(path, because: problem)
            }
            return existing
        } catch {
            if !hadLogFiles { removeFilesOfReadOnlyLook(path) }
            throw error
        }
    }

    /// What the look found in a database it accepts.
    private struct Existing {
        /// It holds our schema (else it is an empty database, ours to use).
        var hasSchema: Bool
        /// Some of our migrations are not applied yet.
        var migrationsPending: Bool
    }

    private static func look(at path: String, migrator: DatabaseMigrator,
                             checks: StoreCheckRecord? = nil) throws(StoreOpenError) -> Existing {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        // Before SQLite opens it (which may add an empty -wal).
        let stamp = checks == nil ? nil : StoreCheckRecord.stamp(of: path)
        let checkedBefore = stamp.map { checks?.holds(path, stamp: $0) == true } ?? false
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            let existing = try queue.read { db -> Existing in
                if !checkedBefore {
                    let check = try integrityCheck(db, fileSize: StoreFileCheck.size(of: path))
                    guard check == ["ok"] else { throw StoreOpenError.damaged(path, detail: check.prefix(2).joined(separator: "; ")) }
                }
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                let owner = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if tables == 0 && owner == 0 { // an empty database: ours to use
                    return Existing(hasSchema: false, migrationsPending: true)
                }
                guard owner == ProgressSchema.applicationID else { throw StoreOpenError.foreign(path) }
                let applied = try migrator.appliedIdentifiers(db)
                let known = Set(ProgressSchema.migrations.map(\.identifier))
                    .union(try migrator.completedMigrations(db))
                let unknown = applied.subtracting(known)
                if !unknown.isEmpty { throw StoreOpenError.newer(path, unknown: Array(unknown)) }
                let missing = try missingSchema(in: db, applied: applied, migrator: migrator)
                if !missing.isEmpty { throw StoreOpenError.incompleteSchema(path, missing: missing) }
                return Existing(hasSchema: !applied.isEmpty,
                                migrationsPending: !Set(migrator.migrations).isSubset(of: applied))
            }
            // A cache: when it cannot be written, the store is checked next time.
            if let checks, let stamp, !checkedBefore { _ = checks.record(path, stamp: stamp) }
            return existing
        } catch let error as StoreOpenError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode.primaryResultCode) {
            throw .damaged(path, detail: error.message ?? "\(error.resultCode)")
        } catch {
            throw .unusable(path, detail: describe(error))
        }
    }

    /// Stores up to this size are checked whole as they open; above it, the
    /// review log (nearly all of a big store) is left to SQLite's own checks
    /// as it is read and written.
    static let wholeCheckLimit: Int64 = 64 << 20

    /// The size the write-ahead log is cut back to after a checkpoint.
    static let logSizeLimit = 4 << 20

    /// `PRAGMA quick_check` of the whole store, or for a store over
    /// `wholeCheckLimit` (a million reviews is 250 MB, and its whole check
    /// takes 1.4 s, more than the rest of opening it) of every table but
    /// `review`: the cards, the counts and the schema, which opening reads at
    /// once. Damage in the log is not let through in silence: a read or write
    /// that meets it fails with SQLite's "database disk image is malformed",
    /// which the screen and the commands report as any store failure.
    static func integrityCheck(_ db: Database, fileSize: Int64, limit: Int64 = wholeCheckLimit) throws -> [String] {
        guard fileSize > limit else { return try String.fetchAll(db, sql: "PRAGMA quick_check") }
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'review'
            """)
        for table in tables {
            let check = try String.fetchAll(db, sql: "PRAGMA quick_check(\(table.quotedDatabaseIdentifier))")
            if check != ["ok"] { return check }
        }
        return ["ok"]
    }

    /// A read-only connection to a WAL database creates an empty `-wal` and a
    /// `-shm` and may not delete them. When they were not there before the
    /// look, a writing connection that only reads removes them as it closes,
    /// as SQLite's last connection does, and only then (another process that
    /// has the file open keeps them); with the log empty there is nothing to
    /// copy into the file, so its bytes stay as they are. Nothing is done for
    /// a file or folder that may not be written.
    static func removeFilesOfReadOnlyLook(_ path: String) {
        guard StoreFileCheck.isEmptyFile(path + "-wal"), StoreFileCheck.mayWrite(path),
              StoreFileCheck.mayWrite(StoreFileCheck.parentFolder(of: path)) else { return }
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return }
        _ = try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        try? queue.close()
    }

    /// The tables and columns the `applied` migrations make that `db` lacks
    /// (a table dropped or a column removed by hand), as "table review" or
    /// "column card.lapses". What the migrations make is read from a database
    /// in memory that runs them, so the check follows every new migration.
    private static func missingSchema(in db: Database, applied: Set<String>,
                                      migrator: DatabaseMigrator) throws -> [String] {
        guard let last = migrator.migrations.last(where: applied.contains) else { return [] }
        let reference = try DatabaseQueue()
        try migrator.migrate(reference, upTo: last)
        let expected = try reference.read { try Self.tablesAndColumns(in: $0) }
        let actual = try Self.tablesAndColumns(in: db)
        var missing: [String] = []
        for (table, columns) in expected.sorted(by: { $0.key < $1.key }) {
            guard let present = actual[table] else {
                missing.append("table \(table)")
                continue
            }
            missing += columns.subtracting(present).sorted().map { "column \(table).\($0)" }
        }
        // The triggers that keep the review counts: without them the
        // statistics would silently drift from the log.
        let triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        let present = Set(try String.fetchAll(db, sql: triggers))
        missing += try reference.read { try String.fetchAll($0, sql: triggers) }
            .filter { !present.contains($0) }.map { "trigger \($0)" }
        return missing
    }

    /// Every table of `db` (but SQLite's own) with the names of its columns.
    private static func tablesAndColumns(in db: Database) throws -> [String: Set<String>] {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            """)
        var result: [String: Set<String>] = [:]
        for table in tables {
            result[table] = Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]))
        }
        return result
    }

    /// Stops what runs on the store now, on any thread (a transaction is
    /// rolled back, its caller gets SQLite's "interrupted" error): how
    /// quitting ends a write made off the run loop (`StoreUpkeep`) without
    /// waiting for it. Work started afterwards runs as usual.
    public func interrupt() {
        database.interrupt()
    }

    /// Closes the file; the store cannot be used afterwards.
    public func close() throws {
        try database.close()
        if removesLogFilesOnClose { Self.removeFilesOfReadOnlyLook(path) }
    }

    // MARK: - ProgressStore

    public func loadCards() throws -> [FactID: CardProgress] {
        try loadCardsCountingDecks().cards
    }

    /// Every card by fact id, and how many cards each deck has, in one pass
    /// over the table and one read transaction: the full screen's opening
    /// compares the cards of the open decks with those of their facts
    /// (`NotesChanges.follow(…, cardsPerDeck:)`), and counting them again
    /// by the `deck` index was 9 ms of 90,000 cards on the main thread.
    /// Read with SQLite's column calls on the statement GRDB's cursor steps
    /// (`SQLiteColumns`): GRDB's decoding, and a string for every id and
    /// every time, were most of reading 90,000 cards.
    public func loadCardsCountingDecks() throws -> (cards: [FactID: CardProgress], perDeck: [String: Int]) {
        try database.read { db in
            // Room for every card first (growing the table rehashed 90,000
            // ids): the largest rowid, a bound on the count that SQLite
            // reads from the table's last page, where count(*) walked an
            // index of 90,000 entries.
            let largestRowID = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM card") ?? 0
            var cards = [FactID: CardProgress](minimumCapacity: min(max(largestRowID, 0), Self.reservedCardsAtMost))
            // Decks are few and their cards mostly together: each row's deck
            // is compared with the last one's bytes, and a name is made only
            // when it changes.
            var decks: [(name: [UInt8], cards: Int)] = []
            var current = -1
            let statement = try db.makeStatement(sql: Self.cardColumns)
            let rows = try Row.fetchCursor(statement)
            let row = statement.sqliteStatement
            while try rows.next() != nil {
                let id = SQLiteColumns.factID(row, 0)
                cards[id] = Self.card(id, row)
                SQLiteColumns.withText(row, Self.deckColumn) { deck in
                    let name = deck ?? UnsafeBufferPointer(start: nil, count: 0)
                    if current < 0 || !decks[current].name.elementsEqual(name) {
                        current = decks.firstIndex { $0.name.elementsEqual(name) } ?? {
                            decks.append((Array(name), 0))
                            return decks.count - 1
                        }()
                    }
                    decks[current].cards += 1
                }
            }
            var perDeck: [String: Int] = [:]
            for deck in decks { perDeck[String(decoding: deck.name, as: UTF8.self), default: 0] += deck.cards }
            return (cards, perDeck)
        }
    }

    /// Room reserved for cards before reading them at most (the largest
    /// rowid is only a bound on their count).
    static let reservedCardsAtMost = 1 << 22

    /// Hands `body` each card of a fact of `index`, with the fact's position,
    /// in one pass over the table (in its order, not the notes'): what the
    /// statistics of a deck count (`ProgressTally`), with no hashing of ids,
    /// no card decoded for a fact the deck does not hold, and no array of a
    /// card (or nil) per fact: putting 90,000 cards of 145 bytes at their
    /// facts' places in one of 100,000 was a third of `awsml-tui stats`.
    /// A fact's card comes once (the first place of an id in `index` twice).
    public func forEachCard(of index: FactIndex, _ body: (Int, CardProgress) throws -> Void) throws {
        try database.read { db in
            let statement = try db.makeStatement(sql: Self.cardColumns)
            let rows = try Row.fetchCursor(statement)
            let row = statement.sqliteStatement
            while try rows.next() != nil {
                let id = SQLiteColumns.factID(row, 0)
                guard let position = index.position(of: id) else { continue }
                try body(position, Self.card(id, row))
            }
        }
    }

    /// Every card, its columns in the order `card(_:_:)` reads them, then
    /// its deck (`deckColumn`).
    private static let cardColumns = """
        SELECT fact_id, state, step, stability, difficulty, due, last_review, reps, lapses, suspended, buried_until, deck
        FROM card
        """
    private static let deckColumn: Int32 = 11

    /// The card of fact `id` on the current row of a `cardColumns` statement.
    private static func card(_ id: FactID, _ row: OpaquePointer) -> CardProgress {
        typealias Column = SQLiteColumns
        return CardProgress(
            factID: id, state: CardState(rawValue: Column.integer(row, 1)) ?? .new,
            step: Column.optionalInteger(row, 2), stability: Column.optionalDouble(row, 3),
            difficulty: Column.optionalDouble(row, 4), due: Column.timestamp(row, 5),
            lastReview: Column.timestamp(row, 6), reps: Column.integer(row, 7), lapses: Column.integer(row, 8),
            suspended: Column.integer(row, 9) != 0, buriedUntil: Column.timestamp(row, 10))
    }

    /// Logs `review` and, for study, applies it to the card as it is in the
    /// store now, inside the IMMEDIATE transaction: two windows (or processes)
    /// answering one fact each build on the other's answers instead of
    /// writing over them from a stale copy. The row keeps that card as its
    /// `before_` columns (what undo puts back). Returns the review as stored.
    @discardableResult
    public func record(_ review: ReviewRecord, scheduler: FSRSScheduler) throws -> ReviewRecord {
        try database.writeWithoutTransaction { db in
            var stored = review
            try db.inTransaction(.immediate) {
                let current = try Self.currentCard(review.factID, in: db)
                let before = current ?? .new(factID: review.factID)
                let after = review.mode.updatesSchedule
                    ? scheduler.review(before, rating: review.rating, at: review.reviewedAt) : before
                try db.execute(sql: """
                    INSERT INTO review (fact_id, deck, reviewed_at, reviewed_ms, rating, mode, kind, elapsed_ms,
                        before_existed, before_state, before_step, before_stability, before_difficulty, before_due,
                        before_last_review, before_reps, before_lapses, before_suspended, before_buried_until)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [
                        review.factID.rawValue, review.deck, review.reviewedAt.iso8601,
                        review.reviewedAt.milliseconds, review.rating.rawValue,
                        review.mode.rawValue, review.kind, review.elapsedMilliseconds, current != nil,
                        before.state.rawValue, before.step, before.stability, before.difficulty,
                        before.due?.iso8601, before.lastReview?.iso8601, before.reps, before.lapses, before.suspended,
                        before.buriedUntil?.iso8601,
                    ])
                stored.id = db.lastInsertedRowID
                stored.before = before
                stored.after = after
                if let fact = review.fact { try Self.remember(fact, in: db) }
                if review.mode.updatesSchedule {
                    try Self.save(after, deck: review.deck, in: db)
                }
                return .commit
            }
            return stored
        }
    }

    public func undoLastReview() throws -> ReviewRecord? {
        try undoReview(id: nil)
    }

    /// Takes back review `id` (nil: the newest) and puts its card back as it
    /// was before, in one transaction. A review that is not its fact's newest
    /// is refused (nil): putting its card back would erase the later answers.
    public func undoReview(id: Int64?) throws -> ReviewRecord? {
        try database.writeWithoutTransaction { db in
            var undone: ReviewRecord?
            try db.inTransaction(.immediate) {
                let found = if let id {
                    try Row.fetchOne(db, sql: "SELECT * FROM review WHERE id = ?", arguments: [id])
                } else {
                    try Row.fetchOne(db, sql: "SELECT * FROM review ORDER BY id DESC LIMIT 1")
                }
                guard let row = found else { return .commit }
                let factID = FactID(rawValue: row["fact_id"])
                let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM review WHERE fact_id = ?",
                                                arguments: [factID.rawValue])
                guard newest == row["id"] as Int64 else { return .commit }
                var review = Self.review(from: row)
                let current = try Self.currentCard(factID, in: db)
                if review.mode.updatesSchedule {
                    if row["before_existed"] as Bool {
                        try Self.save(review.before, deck: review.deck, in: db)
                    } else {
                        try db.execute(sql: "DELETE FROM card WHERE fact_id = ?", arguments: [factID.rawValue])
                    }
                }
                try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [row["id"] as Int64])
                review.after = current ?? review.before
                undone = review
                return .commit
            }
            return undone
        }
    }

    /// Gives review `id` the grade of `review` (a grade changed on the
    /// feedback screen) and, for study, works the card after it out again
    /// from the card before stored with it, in one transaction. Refused when
    /// `id` is gone or another answer to the fact came after it. Returns the
    /// review as stored.
    @discardableResult
    public func replaceReview(id: Int64, with review: ReviewRecord, scheduler: FSRSScheduler) throws -> ReviewRecord {
        try database.writeWithoutTransaction { db in
            var replaced: ReviewRecord?
            try db.inTransaction(.immediate) {
                let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM review WHERE fact_id = ?",
                                                arguments: [review.factID.rawValue])
                guard newest == id, let row = try Row.fetchOne(db, sql: "SELECT * FROM review WHERE id = ?",
                                                               arguments: [id])
                else { throw StoreWriteError.reviewNotReplaceable(id) }
                var stored = Self.review(from: row)
                stored.rating = review.rating
                stored.elapsedMilliseconds = review.elapsedMilliseconds
                stored.after = stored.mode.updatesSchedule
                    ? scheduler.review(stored.before, rating: review.rating, at: stored.reviewedAt) : stored.before
                try db.execute(sql: "UPDATE review SET rating = ?, elapsed_ms = ? WHERE id = ?",
                               arguments: [review.rating.rawValue, review.elapsedMilliseconds, id])
                if stored.mode.updatesSchedule { try Self.save(stored.after, deck: stored.deck, in: db) }
                replaced = stored
                return .commit
            }
            return replaced!
        }
    }

    /// Writes cards as given (a suspension, a burial, or their undo); a nil
    /// card deletes the fact's card. One transaction.
    public func saveCards(_ cards: [(factID: FactID, deck: String, card: CardProgress?)]) throws {
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                for entry in cards {
                    if let card = entry.card {
                        try Self.save(card, deck: entry.deck, in: db)
                    } else {
                        try db.execute(sql: "DELETE FROM card WHERE fact_id = ?", arguments: [entry.factID.rawValue])
                    }
                }
                return .commit
            }
        }
    }

    /// A fact's last `limit` answers, newest first (the `review_fact` index).
    public func recentReviews(of factID: FactID, limit: Int) throws -> [ReviewLogEntry] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT reviewed_at, rating, mode, kind FROM review WHERE fact_id = ? ORDER BY id DESC LIMIT ?
                """, arguments: [factID.rawValue, max(0, limit)])
            return rows.compactMap { row in
                guard let time = Timestamp(iso8601: row["reviewed_at"]), let rating = Rating(rawValue: row["rating"]),
                      let mode = StudyMode(rawValue: row["mode"]) else { return nil }
                return ReviewLogEntry(factID: factID, reviewedAt: time, rating: rating, mode: mode, kind: row["kind"])
            }
        }
    }

    private static func currentCard(_ factID: FactID, in db: Database) throws -> CardProgress? {
        try Row.fetchOne(db, sql: """
            SELECT fact_id, state, step, stability, difficulty, due, last_review, reps, lapses, suspended, buried_until
            FROM card WHERE fact_id = ?
            """, arguments: [factID.rawValue]).map { row in Self.card(from: row, prefix: "", factID: factID) }
    }

    /// From the reviews per fact the triggers keep (v4 on), which add up to
    /// the log's length: `count(*)` walks a whole index of the log (15 MB
    /// at a million reviews), the counts are a seventh of that.
    public func reviewCount() throws -> Int {
        try database.read { db in
            guard try db.tableExists("review_fact_count") else {
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM review") ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT coalesce(sum(reviews), 0) FROM review_fact_count") ?? 0
        }
    }

    public func reviewLog() throws -> [ReviewLogEntry] {
        try database.read { db in try Self.reviewLog(in: db) }
    }

    private static func reviewLog(in db: Database) throws -> [ReviewLogEntry] {
        var entries: [ReviewLogEntry] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT fact_id, reviewed_at, rating, mode FROM review ORDER BY id")
        while let row = try rows.next() {
            guard let time = Timestamp(iso8601: row["reviewed_at"]), let rating = Rating(rawValue: row["rating"]),
                  let mode = StudyMode(rawValue: row["mode"]) else { continue }
            entries.append(ReviewLogEntry(factID: FactID(rawValue: row["fact_id"]), reviewedAt: time,
                                          rating: rating, mode: mode))
        }
        return entries
    }

    public func newFactsStarted(since start: Timestamp) throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(DISTINCT fact_id) FROM review
                WHERE mode = 'study' AND before_state = 0 AND reviewed_ms >= ?
                """, arguments: [start.milliseconds]) ?? 0
        }
    }

    /// The activity of the facts in `scope` without reading the whole log:
    /// the quarter-hour counts the triggers keep, corrected by the reviews of
    /// the facts on the other side of the scope, whichever side has fewer
    /// (`review_fact_count` says how many each fact has). For the whole deck
    /// that is the few reviews of facts since edited away; for one topic, its
    /// own reviews. Both are read from the `review_fact` index alone. Then
    /// the reviews of the three quarter hours the rolling windows cut
    /// (`ReviewActivity.edgeBuckets`), by the time index. A store without
    /// the counts (opened read-only from an older release) is read whole
    /// instead.
    public func reviewActivity(of scope: Set<FactID>, now: Timestamp) throws -> ReviewActivity {
        try reviewActivity(inScope: scope.contains, now: now)
    }

    /// The same for the facts of `index` (a deck's, for `stats`).
    public func reviewActivity(of index: FactIndex, now: Timestamp) throws -> ReviewActivity {
        try reviewActivity(inScope: index.contains, now: now)
    }

    private func reviewActivity(inScope isInScope: (FactID) -> Bool, now: Timestamp) throws -> ReviewActivity {
        try database.read { db in
            guard try db.tableExists("review_quarter") else {
                let log = try Self.reviewLog(in: db).filter { isInScope($0.factID) }
                return ReviewActivity(log: log, scope: Set(log.map(\.factID)), now: now)
            }
            var inside: [FactID] = [], outside: [FactID] = []
            var insideReviews = 0, outsideReviews = 0
            let countStatement = try db.makeStatement(sql: "SELECT fact_id, reviews FROM review_fact_count")
            let counts = try Row.fetchCursor(countStatement)
            let countRow = countStatement.sqliteStatement
            while try counts.next() != nil {
                let id = SQLiteColumns.factID(countRow, 0), reviews = SQLiteColumns.integer(countRow, 1)
                if isInScope(id) {
                    inside.append(id)
                    insideReviews += reviews
                } else {
                    outside.append(id)
                    outsideReviews += reviews
                }
            }
            var buckets: [Int64: ReviewActivity.Tally] = [:]
            let correcting: [FactID], sign: Int
            if outsideReviews <= insideReviews {
                buckets.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM review_quarter") ?? 0)
                let statement = try db.makeStatement(sql: "SELECT quarter, reviews, passed FROM review_quarter")
                let quarters = try Row.fetchCursor(statement)
                let row = statement.sqliteStatement
                while try quarters.next() != nil {
                    // (Optional reads: a time SQLite could not read would be
                    // NULL, and must not stop the statistics.)
                    guard let quarter = SQLiteColumns.optionalInteger(row, 0),
                          let reviews = SQLiteColumns.optionalInteger(row, 1),
                          let passed = SQLiteColumns.optionalInteger(row, 2) else { continue }
                    buckets[Int64(quarter)] = ReviewActivity.Tally(reviews: reviews, passed: passed)
                }
                (correcting, sign) = (outside, -1)
            } else {
                (correcting, sign) = (inside, 1)
            }
            let reviewsOfFact = try db.cachedStatement(sql: """
                SELECT reviewed_ms, rating FROM review INDEXED BY review_fact WHERE fact_id = ?
                """)
            for id in correcting {
                let rows = try Row.fetchCursor(reviewsOfFact, arguments: [id.rawValue])
                while let row = try rows.next() {
                    guard let milliseconds: Int64 = row[0], let rating: Int = row[1] else { continue }
                    let bucket = ReviewActivity.bucket(of: Timestamp(milliseconds: milliseconds))
                    var tally = buckets[bucket] ?? ReviewActivity.Tally(reviews: 0, passed: 0)
                    tally.reviews += sign
                    if rating > Rating.again.rawValue { tally.passed += sign }
                    buckets[bucket] = tally.reviews == 0 ? nil : tally
                }
            }
            // By the time index, then into log order here: asked to sort by
            // id, SQLite would walk the whole table in id order instead.
            var edges: [(id: Int64, entry: ReviewLogEntry)] = []
            let edgeStatement = try db.makeStatement(sql: """
                SELECT id, fact_id, reviewed_ms, rating, mode FROM review INDEXED BY review_time
                WHERE reviewed_ms >= ? AND reviewed_ms < ?
                """)
            let row = edgeStatement.sqliteStatement
            for edge in ReviewActivity.edgeBuckets(now: now) {
                let start = ReviewActivity.start(ofBucket: edge).milliseconds
                let rows = try Row.fetchCursor(edgeStatement, arguments: [start, start + ReviewActivity.bucketMilliseconds])
                while try rows.next() != nil {
                    let id = SQLiteColumns.factID(row, 1)
                    guard isInScope(id), let milliseconds = SQLiteColumns.optionalInteger(row, 2),
                          let rating = SQLiteColumns.optionalInteger(row, 3).flatMap(Rating.init(rawValue:)),
                          let mode = SQLiteColumns.withText(row, 4, {
                              $0.flatMap { StudyMode(rawValue: String(decoding: $0, as: UTF8.self)) }
                          })
                    else { continue }
                    edges.append((Int64(SQLiteColumns.integer(row, 0)),
                                  ReviewLogEntry(factID: id, reviewedAt: Timestamp(milliseconds: Int64(milliseconds)),
                                                 rating: rating, mode: mode)))
                }
            }
            edges.sort { $0.id < $1.id }
            return ReviewActivity(buckets: buckets, edges: edges.map(\.entry), now: now)
        }
    }

    // MARK: - Facts as they read, and re-links (issue 16)

    private static func remember(_ fact: KnownFact, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO fact_text (fact_id, topic_path, text) VALUES (?, ?, ?)
            ON CONFLICT (fact_id) DO UPDATE SET topic_path = excluded.topic_path, text = excluded.text
            """, arguments: [fact.id.rawValue,
                             fact.topicPath.joined(separator: String(ProgressSchema.pathSeparator)), fact.text])
    }

    public func cardIDs(inDecks decks: [String]) throws -> [FactID] {
        try database.read { db in
            let marks = decks.map { _ in "?" }.joined(separator: ", ")
            return try String.fetchAll(db, sql: "SELECT fact_id FROM card WHERE deck IN (\(marks))",
                                       arguments: StatementArguments(decks)).map(FactID.init(rawValue:))
        }
    }

    public func factsWithoutText(inDecks decks: [String]) throws -> [FactID] {
        try database.read { db in
            let marks = decks.map { _ in "?" }.joined(separator: ", ")
            return try String.fetchAll(db, sql: """
                SELECT fact_id FROM card WHERE deck IN (\(marks))
                    AND NOT EXISTS (SELECT 1 FROM fact_text WHERE fact_text.fact_id = card.fact_id)
                """, arguments: StatementArguments(decks)).map(FactID.init(rawValue:))
        }
    }

    public func rememberFacts(_ facts: [KnownFact]) throws {
        guard !facts.isEmpty else { return }
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                for fact in facts { try Self.remember(fact, in: db) }
                return .commit
            }
        }
    }

    public func knownFacts(_ ids: [FactID]) throws -> [KnownFact] {
        try database.read { db in
            let statement = try db.cachedStatement(sql: "SELECT topic_path, text FROM fact_text WHERE fact_id = ?")
            return try ids.compactMap { id in
                try Row.fetchOne(statement, arguments: [id.rawValue]).map { row in
                    let path: String = row[0]
                    return KnownFact(id: id, text: row[1],
                                     topicPath: path.split(separator: ProgressSchema.pathSeparator,
                                                           omittingEmptySubsequences: false).map(String.init))
                }
            }
        }
    }

    /// Moves each old fact's progress to its new id in one transaction: the
    /// card, every review (the counts follow by their triggers) and the text
    /// kept; each move is recorded in `fact_link` with the first id of the
    /// fact's line, so it can be undone and an export keeps one identity.
    /// A link whose new fact already has a card, or whose old one has none,
    /// is skipped (another window may have moved on). Returns the links made.
    public func relink(_ moves: [FactLink.Move], now: Timestamp) throws -> [FactLink] {
        guard !moves.isEmpty else { return [] }
        return try database.writeWithoutTransaction { db in
            var made: [FactLink] = []
            try db.inTransaction(.immediate) {
                for move in moves {
                    if let link = try Self.relink(move, now: now, in: db) { made.append(link) }
                }
                return .commit
            }
            return made
        }
    }

    /// One move of `relink`, inside the caller's transaction; nil when the
    /// guard keeps the progress where it is.
    private static func relink(_ move: FactLink.Move, now: Timestamp, in db: Database) throws -> FactLink? {
        let (old, new) = (move.old.rawValue, move.new.rawValue)
        // The new fact has no progress of its own (no card, and no
        // practice or exam answers either), the old one a card.
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE fact_id = ?", arguments: [new]) == 0,
              try Int.fetchOne(db, sql: "SELECT count(*) FROM review_fact_count WHERE fact_id = ?",
                               arguments: [new]) == 0,
              try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE fact_id = ?", arguments: [old]) == 1
        else { return nil }
        let origin = try String.fetchOne(db, sql: """
            SELECT origin_id FROM fact_link WHERE new_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1
            """, arguments: [old]) ?? old
        let oldText = try String.fetchOne(db, sql: "SELECT text FROM fact_text WHERE fact_id = ?",
                                          arguments: [old]) ?? ""
        try db.execute(sql: "UPDATE card SET fact_id = ? WHERE fact_id = ?", arguments: [new, old])
        try db.execute(sql: "UPDATE review SET fact_id = ? WHERE fact_id = ?", arguments: [new, old])
        try db.execute(sql: "DELETE FROM fact_text WHERE fact_id = ?", arguments: [new])
        try db.execute(sql: "UPDATE fact_text SET fact_id = ? WHERE fact_id = ?", arguments: [new, old])
        if let fact = move.fact { try Self.remember(fact, in: db) }
        try db.execute(sql: """
            INSERT INTO fact_link (old_id, new_id, origin_id, old_text, reason, linked_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [old, new, origin, oldText, move.reason, now.iso8601])
        return FactLink(id: db.lastInsertedRowID, old: move.old, new: move.new, origin: FactID(rawValue: origin),
                        oldText: oldText, reason: move.reason, linkedAt: now)
    }

    // MARK: - A deck's title changed (`DeckRename`)

    public func deckCardCounts() throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT deck, count(*) FROM card GROUP BY deck") {
                counts[row[0]] = row[1]
            }
            return counts
        }
    }

    /// Moves deck `old`'s progress to deck `new` in one transaction: every
    /// card and review filed under it, the facts seen in it, each card of
    /// `moves` to its new id (as `relink` does, recorded in `fact_link`),
    /// and the kept topics of its facts (the first title, and a first
    /// heading that repeated it, become `new`); the rename is recorded in
    /// `deck_rename`. Nil, with nothing written, when `old` has no card or
    /// `new` has cards already (another window made the rename first).
    public func renameDeck(from old: String, to new: String, moves: [FactLink.Move],
                           now: Timestamp) throws -> DeckRename? {
        try database.writeWithoutTransaction { db in
            var rename: DeckRename?
            try db.inTransaction(.immediate) {
                let cards = try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE deck = ?", arguments: [old]) ?? 0
                guard cards > 0,
                      try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE deck = ?", arguments: [new]) == 0
                else { return .commit }
                var links: [FactLink] = []
                for move in moves {
                    if let link = try Self.relink(move, now: now, in: db) { links.append(link) }
                }
                // The topics kept for the deck's facts (those not just
                // written from the new notes) start with the new title.
                let separator = String(ProgressSchema.pathSeparator)
                let kept = try Row.fetchAll(db, sql: """
                    SELECT t.fact_id, t.topic_path FROM fact_text t JOIN card c ON c.fact_id = t.fact_id WHERE c.deck = ?
                    """, arguments: [old])
                for row in kept {
                    var path = (row[1] as String).split(separator: ProgressSchema.pathSeparator,
                                                        omittingEmptySubsequences: false).map(String.init)
                    guard path.first == old else { continue }
                    if path.count > 1 && path[1] == old { path[1] = new }
                    path[0] = new
                    try db.execute(sql: "UPDATE fact_text SET topic_path = ? WHERE fact_id = ?",
                                   arguments: [path.joined(separator: separator), row[0] as String])
                }
                try db.execute(sql: "UPDATE card SET deck = ? WHERE deck = ?", arguments: [new, old])
                try db.execute(sql: "UPDATE review SET deck = ? WHERE deck = ?", arguments: [new, old])
                try db.execute(sql: "UPDATE seen_fact SET deck = ? WHERE deck = ?", arguments: [new, old])
                try db.execute(sql: """
                    INSERT INTO deck_rename (old_title, new_title, cards, renamed_at) VALUES (?, ?, ?, ?)
                    """, arguments: [old, new, cards, now.iso8601])
                rename = DeckRename(id: db.lastInsertedRowID, oldTitle: old, newTitle: new, cards: cards,
                                    matched: links.count, renamedAt: now, links: links)
                return .commit
            }
            return rename
        }
    }

    /// Every rename made, oldest first (without their fact links: `links()`
    /// lists those, with the reason `DeckRename.reason`).
    public func deckRenames() throws -> [DeckRename] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, old_title, new_title, cards, renamed_at FROM deck_rename ORDER BY id")
                .map { row in
                    DeckRename(id: row[0], oldTitle: row[1], newTitle: row[2], cards: row[3], matched: row[3],
                               renamedAt: Timestamp(iso8601: row[4]))
                }
        }
    }

    /// Puts a re-link back: the progress returns to the old id, when the new
    /// fact's progress is still the one moved (no card under the old id).
    /// Returns whether it was undone.
    @discardableResult
    public func undoRelink(id: Int64) throws -> Bool {
        try database.writeWithoutTransaction { db in
            var undone = false
            try db.inTransaction(.immediate) {
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT old_id, new_id, old_text FROM fact_link WHERE id = ? AND undone = 0
                    """, arguments: [id]) else { return .commit }
                let (old, new, oldText): (String, String, String) = (row[0], row[1], row[2])
                // Only while the progress is still where the link put it: not
                // moved on by a later re-link, and the old id free again.
                guard try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE fact_id = ?", arguments: [old]) == 0,
                      try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE fact_id = ?", arguments: [new]) == 1,
                      try Int.fetchOne(db, sql: "SELECT count(*) FROM fact_link WHERE old_id = ? AND undone = 0 AND id > ?",
                                       arguments: [new, id]) == 0
                else { return .commit }
                try db.execute(sql: "UPDATE card SET fact_id = ? WHERE fact_id = ?", arguments: [old, new])
                try db.execute(sql: "UPDATE review SET fact_id = ? WHERE fact_id = ?", arguments: [old, new])
                // The old id reads as it did before the link; the new fact's
                // text is kept again when it is next answered.
                let path = try String.fetchOne(db, sql: "SELECT topic_path FROM fact_text WHERE fact_id = ?",
                                               arguments: [new]) ?? ""
                try db.execute(sql: "DELETE FROM fact_text WHERE fact_id IN (?, ?)", arguments: [old, new])
                if !oldText.isEmpty {
                    try db.execute(sql: "INSERT INTO fact_text (fact_id, topic_path, text) VALUES (?, ?, ?)",
                                   arguments: [old, path, oldText])
                }
                try db.execute(sql: "UPDATE fact_link SET undone = 1 WHERE id = ?", arguments: [id])
                undone = true
                return .commit
            }
            return undone
        }
    }

    public func cardCount(inDecks decks: [String]) throws -> Int {
        try database.read { db in
            let marks = decks.map { _ in "?" }.joined(separator: ", ")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE deck IN (\(marks))",
                                    arguments: StatementArguments(decks)) ?? 0
        }
    }

    public func seenFactCount(inDecks decks: [String]) throws -> Int {
        try database.read { db in
            let marks = decks.map { _ in "?" }.joined(separator: ", ")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM seen_fact WHERE deck IN (\(marks))",
                                    arguments: StatementArguments(decks)) ?? 0
        }
    }

    public func seenFacts(inDecks decks: [String]) throws -> Set<FactID> {
        try database.read { db in
            let marks = decks.map { _ in "?" }.joined(separator: ", ")
            return Set(try String.fetchAll(db, sql: "SELECT fact_id FROM seen_fact WHERE deck IN (\(marks))",
                                           arguments: StatementArguments(decks)).map(FactID.init(rawValue:)))
        }
    }

    /// Makes each deck's seen facts exactly `ids` (by title), writing only
    /// the difference from `previous` (what `seenFacts` gave).
    public func updateSeenFacts(_ decks: [(title: String, ids: Set<FactID>)], previous: Set<FactID>) throws {
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO seen_fact (fact_id, deck) VALUES (?, ?)")
                let delete = try db.cachedStatement(sql: "DELETE FROM seen_fact WHERE fact_id = ?")
                for deck in decks {
                    for id in deck.ids where !previous.contains(id) {
                        try insert.execute(arguments: [id.rawValue, deck.title])
                    }
                }
                // Looked up deck by deck, not in a union of every deck's ids
                // (a third set of every fact, beside `decks` and `previous`).
                for id in previous where !decks.contains(where: { $0.ids.contains(id) }) {
                    try delete.execute(arguments: [id.rawValue])
                }
                return .commit
            }
        }
    }

    /// Every re-link made and not undone, oldest first.
    public func links() throws -> [FactLink] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, old_id, new_id, origin_id, old_text, reason, linked_at FROM fact_link WHERE undone = 0 ORDER BY id
                """).map { row in
                FactLink(id: row[0], old: FactID(rawValue: row[1]), new: FactID(rawValue: row[2]),
                         origin: FactID(rawValue: row[3]), oldText: row[4], reason: row[5],
                         linkedAt: Timestamp(iso8601: row[6]) ?? Timestamp(milliseconds: 0))
            }
        }
    }

    /// The ids of every logged review (for tests and checks).
    public func reviewIDs() throws -> [Int64] {
        try database.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM review ORDER BY id") }
    }

    // MARK: - Backups

    /// The folder beside the store where copies are kept: beside the real
    /// file when `path` is a symbolic link.
    public var backupFolder: String { Self.backupFolder(of: path) }

    static func backupFolder(of path: String) -> String {
        StoreFileCheck.parentFolder(of: StoreFileCheck.resolved(path)) + "/backups"
    }

    /// Why no copy can be kept in `backupFolder` (it is a file, or read-only,
    /// or cannot be made), or nil when one can. Looks only; writes nothing.
    public func backupProblem() -> StoreWarning? { Self.backupProblem(of: path) }

    static func backupProblem(of path: String) -> StoreWarning? {
        let folder = backupFolder(of: path)
        var info = stat()
        if stat(folder, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFDIR {
                return .backupSkipped(path, folder: folder, because: "is not a folder", fix: "move it away")
            }
            if !StoreFileCheck.mayWrite(folder) {
                return .backupSkipped(path, folder: folder, because: "is read-only", fix: "make it writable")
            }
            return nil
        }
        let parent = StoreFileCheck.parentFolder(of: folder)
        if !StoreFileCheck.mayWrite(parent) {
            return .backupSkipped(path, folder: folder, because: "cannot be made (\(parent) is read-only)",
                                  fix: "make that folder writable")
        }
        return nil
    }

    /// Why today's copy cannot be kept, or nil when it is there already or can be made.
    public func dailyBackupProblem(now: Timestamp) -> StoreWarning? {
        if isReadOnly || fileExists(backupFolder + "/" + backupFileName("daily-\(now.isoDate)")) { return nil }
        return backupProblem()
    }

    /// Keeps a copy named for today unless there is one; keeps the newest 7.
    /// Throws a `StoreWarning` when no copy could be made: the store itself
    /// is fine, and goes on without it.
    /// - Parameter stopping: asked between steps of the copy (4 MB each);
    ///   true ends it, leaving no copy (and throwing): how quitting ends a
    ///   copy made off the run loop (`StoreUpkeep`) without waiting for it.
    public func backUpDailyIfNeeded(now: Timestamp, stopping: @escaping () -> Bool = { false }) throws(StoreWarning) {
        if isReadOnly { return }
        let name = "daily-\(now.isoDate)"
        let folder = backupFolder
        if fileExists(folder + "/" + backupFileName(name)) { return }
        try backUp(named: name, stopping: stopping)
        let daily = listFolder(folder).filter { $0.hasPrefix(backupFilePrefix + "daily-") }.sorted()
        for old in daily.dropLast(Self.dailyBackupsKept) { unlink(folder + "/" + old) }
    }

    /// Copies the database with SQLite's backup API to `backups/<file>.<name>.sqlite`.
    /// A copy that fails half-way is removed, so it is not taken for today's.
    func backUp(named name: String, stopping: @escaping () -> Bool = { false }) throws(StoreWarning) {
        if let problem = backupProblem() { throw problem }
        let folder = backupFolder
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw .backupSkipped(path, folder: folder, because: "cannot be made (\(String(cString: strerror(errno))))",
                                 fix: "check that folder")
        }
        let target = folder + "/" + backupFileName(name)
        do {
            let descriptor = Glibc.open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            if descriptor >= 0 { Glibc.close(descriptor) }
            let destination = try DatabaseQueue(path: target)
            defer { try? destination.close() }
            try database.backup(to: destination, pagesPerStep: 1024) { _ in
                if stopping() { throw StoreWarning(path: self.path, reason: "the copy was stopped", summary: "copy stopped") }
            }
        } catch {
            unlink(target)
            throw .backupFailed(path, target: target, detail: Self.describe(error))
        }
    }

    /// The name the copies start with: the real file's, for a symbolic link.
    private var backupFilePrefix: String { Self.backupFilePrefix(of: path) }

    private static func backupFilePrefix(of path: String) -> String {
        (StoreFileCheck.resolved(path).split(separator: "/").last.map(String.init) ?? "progress.sqlite") + "."
    }

    /// Keeps the file and its damaged `-wal` as they were, side by side in
    /// the backups folder (`<file>.damaged-wal-<time>.sqlite` and its
    /// `-wal`), before SQLite drops the log's unreadable part and later
    /// writes over it: the frames after the damage still hold whole pages.
    /// Returns the copy's path, or nil when none could be kept.
    private static func keepDamagedLog(_ damage: WriteAheadLogCheck.Damage, of path: String, now: Timestamp) -> String? {
        guard backupProblem(of: path) == nil else { return nil }
        let folder = backupFolder(of: path)
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { return nil }
        let copy = folder + "/" + backupFilePrefix(of: path) + "damaged-wal-\(stamp(now)).sqlite"
        guard let file = readWholeFile(StoreFileCheck.resolved(path)), writeWholeFile(file, to: copy),
              writeWholeFile(damage.log, to: copy + "-wal") else {
            unlink(copy)
            unlink(copy + "-wal")
            return nil
        }
        return copy
    }

    private func backupFileName(_ name: String) -> String {
        backupFilePrefix + name + ".sqlite"
    }

    // MARK: - Rows

    private static func save(_ card: CardProgress, deck: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO card (fact_id, deck, state, step, stability, difficulty, due, last_review, reps, lapses, suspended,
                buried_until)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(fact_id) DO UPDATE SET deck = excluded.deck, state = excluded.state, step = excluded.step,
                stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
                last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses,
                suspended = excluded.suspended, buried_until = excluded.buried_until
            """, arguments: [
                card.factID.rawValue, deck, card.state.rawValue, card.step, card.stability, card.difficulty,
                card.due?.iso8601, card.lastReview?.iso8601, card.reps, card.lapses, card.suspended,
                card.buriedUntil?.iso8601,
            ])
    }

    private static func card(from row: Row, prefix: String, factID: FactID) -> CardProgress {
        CardProgress(
            factID: factID,
            state: CardState(rawValue: row[prefix + "state"]) ?? .new,
            step: row[prefix + "step"],
            stability: row[prefix + "stability"],
            difficulty: row[prefix + "difficulty"],
            due: (row[prefix + "due"] as String?).flatMap(Timestamp.init(iso8601:)),
            lastReview: (row[prefix + "last_review"] as String?).flatMap(Timestamp.init(iso8601:)),
            reps: row[prefix + "reps"],
            lapses: row[prefix + "lapses"],
            suspended: row[prefix + "suspended"],
            buriedUntil: (row[prefix + "buried_until"] as String?).flatMap(Timestamp.init(iso8601:)))
    }

    /// A `review` row (all its columns) as a record; `after` is the card
    /// before until the caller knows better.
    private static func review(from row: Row) -> ReviewRecord {
        let factID = FactID(rawValue: row["fact_id"])
        let before = card(from: row, prefix: "before_", factID: factID)
        return ReviewRecord(
            id: row["id"], factID: factID, deck: row["deck"],
            reviewedAt: Timestamp(iso8601: row["reviewed_at"]) ?? Timestamp(milliseconds: 0),
            rating: Rating(rawValue: row["rating"]) ?? .again, mode: StudyMode(rawValue: row["mode"]) ?? .study,
            kind: row["kind"], elapsedMilliseconds: row["elapsed_ms"], before: before, after: before)
    }

    private static func stamp(_ now: Timestamp) -> String {
        now.iso8601.filter { $0 != ":" && $0 != "-" }.replacingDots()
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}

private func fileExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
}

private func readWholeFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count < 0 { return nil }
        if count == 0 { return bytes }
        bytes += chunk.prefix(count)
    }
}

private func writeWholeFile(_ bytes: [UInt8], to path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var done = 0
    while done < bytes.count {
        let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + done, $0.count - done) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return false }
        done += count
    }
    return fsync(descriptor) == 0
}

private func listFolder(_ path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}

private extension String {
    func replacingDots() -> String { map { $0 == "." ? "-" : String($0) }.joined() }
}
