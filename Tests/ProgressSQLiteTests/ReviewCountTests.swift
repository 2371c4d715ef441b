import Foundation
import GRDB
import Testing
import DeckKit
import StudyCore
@testable import ProgressSQLite
import TestSupport

/// The review counts the statistics read instead of the whole log (issue 14):
/// migration v4 on a store made by the release before it, the triggers that
/// keep the counts through answers, undos and regrades, and the store's
/// activity against the same figures made from the whole log.
@Suite("Review counts", .serialized)
struct ReviewCountTests {
    let folder = StoreFolder()

    /// A store made on 2026-11-27 by the release of that day (migrations v1
    /// to v3): nine answers from `awsml-tui quiz --plain` on the bundled post,
    /// six in study (six cards) and three in practice.
    static let releasedStore = String(#filePath.dropLast("ReviewCountTests.swift".count))
        + "Fixtures/store-v3-release-2026-11-27.sqlite"

    func copyOfReleasedStore() throws -> String {
        let path = folder.path + "/released.sqlite"
        try FileManager.default.copyItem(atPath: Self.releasedStore, toPath: path)
        return path
    }

    /// Every row of a table, as text, in order: what must survive a migration.
    func rows(_ table: String, columns: String, in path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table) ORDER BY rowid").map(\.description)
        }
    }

    static let reviewColumns = """
        id, fact_id, deck, reviewed_at, rating, mode, kind, elapsed_ms, before_existed, before_state, before_step,
        before_stability, before_difficulty, before_due, before_last_review, before_reps, before_lapses,
        before_suspended, before_buried_until
        """

    @Test func theReleasedStoreMigratesWithEveryReviewAndCardAndUndoStillWorks() throws {
        let path = try copyOfReleasedStore()
        let reviewsBefore = try rows("review", columns: Self.reviewColumns, in: path)
        let cardsBefore = try rows("card", columns: "*", in: path)
        #expect(reviewsBefore.count == 9 && cardsBefore.count == 6)

        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        #expect(try rows("review", columns: Self.reviewColumns, in: path) == reviewsBefore)
        #expect(try rows("card", columns: "*", in: path) == cardsBefore)
        let (times, quarters, perFact) = try store.database.read { db in
            (try Row.fetchAll(db, sql: "SELECT reviewed_at, reviewed_ms FROM review"),
             try Row.fetchAll(db, sql: "SELECT quarter, reviews, passed FROM review_quarter ORDER BY quarter"),
             try Row.fetchAll(db, sql: "SELECT fact_id, reviews FROM review_fact_count ORDER BY fact_id"))
        }
        for row in times {
            #expect(Timestamp(iso8601: row["reviewed_at"])?.milliseconds == row["reviewed_ms"], "\(row)")
        }
        // The counts agree with the log, worked out here in Swift.
        let log = try store.reviewLog()
        var expectedQuarters: [Int64: (Int, Int)] = [:]
        for entry in log {
            let quarter = ReviewActivity.bucket(of: entry.reviewedAt)
            let (reviews, passed) = expectedQuarters[quarter] ?? (0, 0)
            expectedQuarters[quarter] = (reviews + 1, passed + (entry.rating >= .hard ? 1 : 0))
        }
        #expect(quarters.map { "\($0[0] as Int64):\($0[1] as Int):\($0[2] as Int)" }
            == expectedQuarters.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.0):\($0.value.1)" })
        #expect(perFact.map { "\($0[0] as String):\($0[1] as Int)" }
            == Dictionary(grouping: log, by: \.factID.rawValue).sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.count)" })

        // Undo across the migration: the newest review (practice) goes and
        // leaves the cards alone; then the newest study answer, whose card
        // did not exist before it, goes with its card.
        let cards = try store.loadCards()
        let practice = try #require(try store.undoReview(id: nil))
        #expect(practice.id == 9 && practice.mode == .practice)
        #expect(try store.loadCards() == cards)
        for id: Int64 in [8, 7] { #expect(try store.undoReview(id: id)?.id == id) }
        let study = try #require(try store.undoReview(id: nil))
        #expect(study.id == 6 && study.mode == .study)
        #expect(try store.loadCards()[study.factID] == nil)
        #expect(try store.loadCards().count == 5)
        #expect(try store.reviewCount() == 5)
        let quarterTotal = try store.database.read { db in try Int.fetchOne(db, sql: "SELECT sum(reviews) FROM review_quarter") }
        #expect(quarterTotal == 5)
        try store.close()
    }

    @Test func aReleasedStoreOpenedReadOnlyGivesTheSameActivityFromItsWholeLog() throws {
        let path = try copyOfReleasedStore()
        let bytes = folder.bytes(path)
        let reader = try SQLiteProgressStore.openReadOnly(path: path)
        // Read from a copy in memory (migrated there): no second connection to it.
        #expect(reader.secondReader() == nil)
        let log = try reader.reviewLog()
        let scope = Set(log.map(\.factID))
        let now = try #require(Timestamp(iso8601: "2026-12-01T00:00:00Z"))
        let activity = try reader.reviewActivity(of: scope, now: now)
        #expect(activity == ReviewActivity(log: log, scope: scope, now: now))
        // All nine reviews fell in November, in the 30 days before `now`.
        #expect(activity.buckets.values.reduce(0) { $0 + $1.reviews } == 9 && activity.window(days: 30).reviews == 9)
        try reader.close()
        #expect(folder.bytes(path) == bytes)
    }

    /// Sixty days of answers on twelve facts, with undos and regrades among
    /// them; then the store's activity for several scopes must equal the one
    /// made from its whole log.
    @Test func theStoresActivityEqualsTheWholeLogsForAnyScope() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let facts = (0..<12).map { FactID(rawValue: String(format: "fact%02d", $0)) }
        var generator = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 1...UInt64.max, using: &generator)
        print("ReviewCountTests seed \(seed)")
        var random = SplitMix(seed: seed)
        var time = t0.adding(milliseconds: -60 * Timestamp.millisecondsPerDay)
        var cards = Dictionary(uniqueKeysWithValues: facts.map { ($0, CardProgress.new(factID: $0)) })
        for _ in 0..<400 {
            time = time.adding(milliseconds: Int64(random.next() % 13_000_000)) // up to 3.6 hours on
            let fact = facts[Int(random.next() % UInt64(facts.count))]
            let rating = Rating(rawValue: Int(random.next() % 4) + 1)!
            let mode: StudyMode = random.next() % 5 == 0 ? .practice : .study
            let stored = try store.record(answer(cards[fact]!, rating, at: time, mode: mode))
            cards[fact] = stored.after
            switch random.next() % 10 {
            case 0:
                _ = try store.undoReview(id: stored.id)
                cards[fact] = stored.before
            case 1:
                let regrade = Rating(rawValue: Int(random.next() % 4) + 1)!
                cards[fact] = try store.replaceReview(id: stored.id!, with: answer(stored.before, regrade, at: time, mode: mode),
                                                      scheduler: scheduler).after
            default: break
            }
        }
        let log = try store.reviewLog()
        #expect(log.count > 300)
        let scopes: [Set<FactID>] = [Set(facts), Set(facts.prefix(11)), Set(facts.prefix(2)), [],
                                     Set(facts.prefix(3) + [FactID(rawValue: "never-reviewed")])]
        for scope in scopes {
            let activity = try store.reviewActivity(of: scope, now: time)
            #expect(activity == ReviewActivity(log: log, scope: scope, now: time), "scope of \(scope.count)")
        }
        // And the statistics made from either are the same.
        let scope = facts.prefix(7).map { ($0, ["Topic"]) }
        let ids = Set(scope.map(\.0))
        let days = DayBoundary(utcOffsetSeconds: 5 * 3600 + 45 * 60, rolloverHour: 4)
        #expect(ProgressStatistics.compute(scope: scope, cards: try store.loadCards(),
                                           activity: try store.reviewActivity(of: ids, now: time),
                                           now: time, days: days, scheduler: scheduler)
            == ProgressStatistics.compute(scope: scope, cards: try store.loadCards(), log: log, now: time, days: days,
                                          scheduler: scheduler))
        try store.close()
    }
}

/// What opening checks: the whole store when small, all but the review log
/// when big (`SQLiteProgressStore.wholeCheckLimit`).
@Suite("Store integrity check", .serialized)
struct IntegrityCheckTests {
    let folder = StoreFolder()

    /// A store with a few hundred reviews and cards, with the first page of
    /// `table`'s b-tree overwritten.
    func storeDamaged(in table: String) throws -> String {
        let path = folder.path + "/\(table).sqlite"
        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        for index in 0..<400 {
            try store.record(answer(.new(factID: FactID(rawValue: "fact-\(index)")), .good, at: t0))
        }
        let (root, pageSize) = try store.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [table])!,
                    try Int.fetchOne(db, sql: "PRAGMA page_size")!)
        }
        try store.close()
        var bytes = try #require(folder.bytes(path))
        let start = (root - 1) * pageSize
        #expect(bytes[start] == 0x05 || bytes[start] == 0x0D, "a b-tree page") // interior or leaf table page
        for offset in 0..<64 { bytes[start + 8 + offset] = 0xFF }
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The check's findings; SQLite's "malformed" error (what `look` reports
    /// as damage) is a finding too.
    func check(_ path: String, limit: Int64) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        do {
            return try queue.read { db in
                try SQLiteProgressStore.integrityCheck(db, fileSize: StoreFileCheck.size(of: path), limit: limit)
            }
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CORRUPT {
            return ["malformed"]
        }
    }

    @Test func damageInTheCardsIsFoundWhateverTheSize() throws {
        let path = try storeDamaged(in: "card")
        #expect(try check(path, limit: 1 << 40) != ["ok"])
        #expect(try check(path, limit: 0) != ["ok"])
    }

    @Test func damageInTheLogIsFoundWholeWhenSmallAndLeftToReadsWhenBig() throws {
        let path = try storeDamaged(in: "review")
        #expect(try check(path, limit: 1 << 40) != ["ok"])
        #expect(try check(path, limit: 0) == ["ok"])
        // Reading the damaged log fails loudly; it does not come back short.
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        #expect(throws: DatabaseError.self) {
            try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM review") }
        }
    }
}
