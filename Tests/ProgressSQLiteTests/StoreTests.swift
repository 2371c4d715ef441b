import Foundation
import GRDB
import Testing
import DeckKit
import StudyCore
@testable import ProgressSQLite

/// A fresh folder under /tmp for one test's store.
struct StoreFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "awsml-store-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var storePath: String { path + "/data/awsml-tui/progress.sqlite" }

    func bytes(_ file: String) -> Data? { FileManager.default.contents(atPath: file) }

    func mode(_ file: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: file))?[.posixPermissions] as? Int) ?? -1
    }
}

/// A fixed clock for the store tests: 2026-11-25T09:00:00Z.
let t0 = Timestamp(milliseconds: 1_795_597_200_000)

/// The scheduler of the store tests: FSRS without fuzz.
let scheduler: FSRSScheduler = {
    var configuration = SchedulerConfiguration.standard
    configuration.enableFuzzing = false
    return try! FSRSScheduler(configuration)
}()

extension SQLiteProgressStore {
    /// `record` with the tests' scheduler.
    @discardableResult
    func record(_ review: ReviewRecord) throws -> ReviewRecord {
        try record(review, scheduler: scheduler)
    }
}

func answer(_ card: CardProgress, _ rating: Rating, at time: Timestamp, mode: StudyMode = .study) -> ReviewRecord {
    let after = mode.updatesSchedule ? scheduler.review(card, rating: rating, at: time) : card
    return ReviewRecord(factID: card.factID, deck: "Deck", reviewedAt: time, rating: rating, mode: mode,
                        kind: "flip", elapsedMilliseconds: 4200, before: card, after: after)
}

@Suite("Progress store", .serialized)
struct StoreTests {
    let folder = StoreFolder()
    let fact = FactID(rawValue: "00112233aabbccdd")

    @Test func aNewStoreIsCreatedWithPrivateModesAndTheSchema() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0)
        #expect(folder.mode(folder.path + "/data/awsml-tui") == 0o700)
        #expect(folder.mode(folder.storePath) == 0o600)
        let (tables, owner, journal, synchronous) = try store.database.read { db in
            (try ["card", "review"].filter { try db.tableExists($0) },
             try Int32.fetchOne(db, sql: "PRAGMA application_id"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(tables == ["card", "review"])
        #expect(owner == ProgressSchema.applicationID)
        #expect(journal == "wal")
        #expect(synchronous == 1) // NORMAL
        #expect(try store.loadCards().isEmpty)
        #expect(try store.reviewCount() == 0)
    }

    @Test func aReviewRoundTrips() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0)
        let review = answer(.new(factID: fact), .good, at: t0)
        let stored = try store.record(review)
        #expect(stored.id == 1)
        #expect(stored.before == review.before && stored.after == review.after)
        #expect(try store.loadCards() == [fact: review.after])
        try store.close()
        // After a restart, the same card, and the row a user would query.
        let reopened = try SQLiteProgressStore.open(path: folder.storePath, now: t0)
        #expect(try reopened.loadCards() == [fact: review.after])
        let (row, card) = try reopened.database.read { db in
            (try Row.fetchOne(db, sql: "SELECT * FROM review")!, try Row.fetchOne(db, sql: "SELECT * FROM card")!)
        }
        do {
            #expect(row["reviewed_at"] == "2026-11-25T09:00:00.000Z")
            #expect(row["rating"] == 3)
            #expect(row["mode"] == "study")
            #expect(row["kind"] == "flip")
            #expect(row["elapsed_ms"] == 4200)
            #expect(row["before_state"] == 0)
            #expect(card["state"] == 1)
            #expect(card["step"] == 1)
            #expect(card["due"] == "2026-11-25T09:10:00.000Z")
        }
    }

    @Test func practiceAnswersAreLoggedButLeaveTheSchedule() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0)
        let studied = answer(.new(factID: fact), .good, at: t0)
        try store.record(studied)
        try store.record(answer(studied.after, .again, at: t0.adding(milliseconds: 1000), mode: .practice))
        #expect(try store.reviewCount() == 2)
        #expect(try store.loadCards()[fact] == studied.after)
    }

    @Test func undoThreeTimesAlsoAfterARestart() throws {
        var store = try SQLiteProgressStore.open(path: folder.storePath, now: t0)
        var card = CardProgress.new(factID: fact)
        var history: [CardProgress] = [card]
        for (index, rating) in [Rating.good, .good, .again].enumerated() {
            let review = answer(card, rating, at: t0.adding(milliseconds: Int64(index) * 700_000))
            try store.record(review)
            card = review.after
            history.append(card)
        }
        #expect(try store.loadCards()[fact] == history[3])
        let first = try store.undoLastReview()
        #expect(first?.rating == .again)
        #expect(first?.before == history[2])
        #expect(try store.loadCards()[fact] == history[2])
        try store.close()
        store = try SQLiteProgressStore.open(path: folder.storePath, now: t0)
        #expect(try store.undoLastReview()?.rating == .good)
        #expect(try store.loadCards()[fact] == history[1])
        #expect(try store.undoLastReview() != nil)
        #expect(try store.loadCards()[fact] == nil) // back to never studied
        #expect(try store.reviewCount() == 0)
        #expect(try store.undoLastReview() == nil)
    }

    @Test func twoWritersAtOnceLoseNothing() async throws {
        let first = try SQLiteProgressStore.open(path: folder.storePath, now: t0)
        let second = try SQLiteProgressStore.open(path: folder.storePath, now: t0)
        async let a: [Int64] = Task.detached {
            try (0..<150).map { index in
                try first.record(answer(.new(factID: FactID(rawValue: "a\(index)")), .good, at: t0)).id!
            }
        }.value
        async let b: [Int64] = Task.detached {
            try (0..<150).map { index in
                try second.record(answer(.new(factID: FactID(rawValue: "b\(index)")), .easy, at: t0)).id!
            }
        }.value
        let ids = try await a + b
        #expect(Set(ids).count == 300)
        #expect(try first.reviewIDs() == ids.sorted())
        #expect(try second.loadCards().count == 300)
    }

    /// Two handles on one file (two windows), each answering the same fact
    /// from the card it read: every study answer counts once, built on the
    /// one before it whichever handle made it.
    @Test func twoHandlesInterleavingReviewsOfOneFactBuildOnEachOther() throws {
        let handles = [try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false),
                       try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)]
        // What each window holds in memory: only the cards its own writes returned.
        var copies = [CardProgress.new(factID: fact), CardProgress.new(factID: fact)]
        let answers: [(Rating, StudyMode)] = [(.good, .study), (.good, .study), (.again, .practice), (.hard, .study),
                                              (.easy, .study), (.again, .study), (.good, .study), (.good, .study)]
        var previousAfter = CardProgress.new(factID: fact)
        for (index, (rating, mode)) in answers.enumerated() {
            let window = index % 2
            let time = t0.adding(milliseconds: Int64(index) * 11 * 60_000)
            let stored = try handles[window].record(answer(copies[window], rating, at: time, mode: mode))
            #expect(stored.before == previousAfter, "answer \(index) did not start from the stored card")
            if mode.updatesSchedule {
                #expect(stored.after == scheduler.review(previousAfter, rating: rating, at: time))
                previousAfter = stored.after
            } else {
                #expect(stored.after == stored.before)
            }
            copies[window] = stored.after
        }
        let card = try #require(try handles[1].loadCards()[fact])
        let studied = answers.filter { $0.1 == .study }.count
        #expect(card.reps == studied)
        // Replaying the log through the scheduler gives the stored card.
        var replayed = CardProgress.new(factID: fact)
        for entry in try handles[0].reviewLog() where entry.mode.updatesSchedule {
            scheduler.apply(entry.rating, at: entry.reviewedAt, to: &replayed)
        }
        #expect(replayed == card)
        #expect(replayed == previousAfter)
    }

    /// A grade changed on the feedback is worked out from the card before
    /// the store stored with the answer, not from the window's stale copy.
    @Test func aReplacedGradeStartsFromTheStoredCardBefore() throws {
        let first = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let second = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let elsewhere = try second.record(answer(.new(factID: fact), .good, at: t0))
        let time = t0.adding(milliseconds: 20 * 60_000)
        let stale = answer(.new(factID: fact), .good, at: time) // this window never saw the other answer
        let stored = try first.record(stale)
        var regraded = stale
        regraded.rating = .easy
        let replaced = try first.replaceReview(id: stored.id!, with: regraded, scheduler: scheduler)
        #expect(replaced.id == stored.id && replaced.rating == .easy)
        #expect(replaced.before == elsewhere.after)
        #expect(replaced.after == scheduler.review(elsewhere.after, rating: .easy, at: time))
        #expect(try second.loadCards()[fact] == replaced.after)
        #expect(try first.loadCards()[fact]?.reps == 2)
    }

    /// Undo puts back the card the answer was applied to, as the store held
    /// it (here buried by another window), not the answering window's copy.
    @Test func undoPutsBackTheCardTheStoreUsedWholeWithItsBurial() throws {
        let first = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let second = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let studied = try first.record(answer(.new(factID: fact), .good, at: t0))
        var buried = studied.after
        buried.buriedUntil = t0.adding(milliseconds: Timestamp.millisecondsPerDay)
        try second.saveCards([(fact, "Deck", buried)])
        let later = try first.record(answer(studied.after, .good, at: t0.adding(milliseconds: 15 * 60_000)))
        #expect(later.before == buried)
        let undone = try first.undoReview(id: later.id)
        #expect(undone?.before == buried)
        #expect(undone?.after == later.after)
        #expect(try second.loadCards()[fact] == buried)
    }

    @Test func aBackupIsKeptBeforeAMigrationAndDailyCopiesAreCapped() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0)
        try store.record(answer(.new(factID: fact), .good, at: t0))
        try store.close()
        let backups = folder.path + "/data/awsml-tui/backups"
        let upgraded = try SQLiteProgressStore.open(
            path: folder.storePath, now: t0.adding(milliseconds: 1000), dailyBackup: false,
            extraMigrations: [("v2-test", "ALTER TABLE card ADD COLUMN note TEXT")])
        let names = try FileManager.default.contentsOfDirectory(atPath: backups).sorted()
        #expect(names.contains { $0.hasPrefix("progress.sqlite.before-migration-") })
        let copy = try DatabaseQueue(path: backups + "/" + names.first { $0.contains("before-migration") }!)
        #expect(try copy.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM review") } == 1)
        #expect(try copy.read { db in try db.columns(in: "card").map(\.name) }.contains("note") == false)
        for day in 0..<10 {
            try upgraded.backUpDailyIfNeeded(now: t0.adding(milliseconds: Int64(day) * Timestamp.millisecondsPerDay))
        }
        try upgraded.backUpDailyIfNeeded(now: t0.adding(milliseconds: 9 * Timestamp.millisecondsPerDay + 5000))
        let daily = try FileManager.default.contentsOfDirectory(atPath: backups).filter { $0.contains(".daily-") }.sorted()
        #expect(daily.count == 7)
        #expect(daily.last == "progress.sqlite.daily-2026-12-04.sqlite")
        #expect(daily.first == "progress.sqlite.daily-2026-11-28.sqlite")
    }
}

@Suite("Progress store: a backups folder that cannot take a copy", .serialized)
struct BackupFolderTests {
    let folder = StoreFolder()
    let fact = FactID(rawValue: "00112233aabbccdd")

    /// Opens the store at `path` with its daily backup, answers once, and
    /// returns its warnings.
    private func openAndAnswer(_ path: String) throws -> [StoreWarning] {
        let store = try SQLiteProgressStore.open(path: path, now: t0)
        try store.record(answer(.new(factID: fact), .good, at: t0))
        #expect(try store.loadCards()[fact]?.reps == 1)
        try store.close()
        return store.warnings
    }

    @Test func aFileNamedBackupsBesideTheStore() throws {
        let path = folder.path + "/progress.sqlite"
        try "not a folder\n".write(toFile: folder.path + "/backups", atomically: false, encoding: .utf8)
        let warnings = try openAndAnswer(path)
        #expect(warnings.map(\.description) == [
            "\(path): no backup was made: \(folder.path)/backups is not a folder; the store is used without it: move it away to have copies again",
        ])
        #expect(warnings.first?.summary == "no backup made: \(folder.path)/backups is not a folder")
        #expect(folder.bytes(folder.path + "/backups") == Data("not a folder\n".utf8))
    }

    @Test func aReadOnlyBackupsFolder() throws {
        let path = folder.path + "/progress.sqlite"
        let backups = folder.path + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: true)
        chmod(backups, 0o555)
        defer { chmod(backups, 0o755) }
        let warnings = try openAndAnswer(path)
        #expect(warnings.map(\.summary) == ["no backup made: \(backups) is read-only"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups).isEmpty)
        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        #expect(store.dailyBackupProblem(now: t0)?.summary == "no backup made: \(backups) is read-only")
    }

    @Test func aSymbolicLinkToTheStoreKeepsItsBackupsBesideTheRealFile() throws {
        let real = folder.path + "/real"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        _ = try openAndAnswer(real + "/mine.sqlite")
        try FileManager.default.removeItem(atPath: real + "/backups")
        let link = folder.path + "/progress.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real + "/mine.sqlite")
        let store = try SQLiteProgressStore.open(path: link, now: t0)
        #expect(store.warnings.isEmpty)
        #expect(store.backupFolder == real + "/backups")
        try store.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: real + "/backups") == ["mine.sqlite.daily-2026-11-25.sqlite"])
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/backups"))
    }

    /// A schema change is made only with a copy first: without one the store
    /// is refused, left as it was.
    @Test func noMigrationWithoutACopy() throws {
        let path = folder.path + "/progress.sqlite"
        _ = try openAndAnswer(path)
        try FileManager.default.removeItem(atPath: folder.path + "/backups")
        try "not a folder\n".write(toFile: folder.path + "/backups", atomically: false, encoding: .utf8)
        let before = folder.bytes(path)
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        do {
            _ = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false,
                                             extraMigrations: [("v9-test", "ALTER TABLE card ADD COLUMN note TEXT")])
            Issue.record("migrated without a copy")
        } catch {
            #expect(error.description == "\(path): needs its schema brought up to this awsml-tui's, which is done only after a copy is kept, and no copy can be made: \(folder.path)/backups is not a folder; it was left as it is: move it away, or choose another file with --store")
        }
        #expect(folder.bytes(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == listing)
    }
}

@Suite("Progress store: a damaged -wal", .serialized)
struct DamagedLogTests {
    let folder = StoreFolder()

    /// A store whose last 5 answers are only in its `-wal`, as a process
    /// killed before closing leaves it: the files of a store still open,
    /// copied to `name`.
    private func crashedStore(_ name: String) throws -> String {
        let live = folder.path + "/live-\(name).sqlite"
        let store = try SQLiteProgressStore.open(path: live, now: t0, dailyBackup: false)
        for index in 0..<5 {
            try store.record(answer(.new(factID: FactID(rawValue: "fact-\(index)")), .good, at: t0))
        }
        let path = folder.path + "/\(name)/progress.sqlite"
        try FileManager.default.createDirectory(atPath: folder.path + "/\(name)", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: live, toPath: path)
        try FileManager.default.copyItem(atPath: live + "-wal", toPath: path + "-wal")
        try store.close()
        return path
    }

    /// Flips one byte of the first frame's page (after the 32-byte header
    /// and the 24-byte frame header).
    private func damageFirstFrame(_ path: String) throws {
        var log = try #require(folder.bytes(path + "-wal"))
        log[32 + 24 + 100] ^= 0xFF
        try log.write(to: URL(fileURLWithPath: path + "-wal"))
    }

    @Test func aWholeLogReadsWithoutAWarning() throws {
        let path = try crashedStore("whole")
        let reader = try SQLiteProgressStore.openReadOnly(path: path)
        #expect(reader.warnings.isEmpty)
        #expect(try reader.reviewCount() == 5)
        try reader.close()
        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        #expect(store.warnings.isEmpty)
        #expect(try store.reviewCount() == 5)
    }

    @Test func answersDroppedFromADamagedLogAreSaidAndTheLogIsKept() throws {
        let path = try crashedStore("damaged")
        try damageFirstFrame(path)
        let log = folder.bytes(path + "-wal")
        let main = folder.bytes(path)
        let reader = try SQLiteProgressStore.openReadOnly(path: path)
        #expect(try reader.reviewCount() < 5) // what SQLite does: the answers are gone
        let readOnlyWarning = try #require(reader.warnings.first)
        #expect(readOnlyWarning.description.hasPrefix("\(path): its -wal is damaged: the last "))
        #expect(readOnlyWarning.description.hasSuffix(
            "written to it (answers, grades, undos) cannot be read and are lost; the next awsml-tui that writes to it keeps a copy in the backups folder"))
        try reader.close()
        #expect(folder.bytes(path + "-wal") == log)

        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        let warning = try #require(store.warnings.first)
        #expect(warning.reason.contains("written to it (answers, grades, undos) cannot be read and are lost; the file and its -wal as they were are kept in "))
        #expect(warning.summary.hasPrefix("the -wal is damaged: the last "))
        let backups = folder.path + "/damaged/backups"
        let kept = try FileManager.default.contentsOfDirectory(atPath: backups).sorted()
        #expect(kept.count == 2)
        let copy = try #require(kept.first { $0.hasSuffix(".sqlite") })
        #expect(copy.hasPrefix("progress.sqlite.damaged-wal-"))
        #expect(folder.bytes(backups + "/" + copy + "-wal") == log)
        #expect(folder.bytes(backups + "/" + copy) == main)
        try store.close()
    }

    /// A log cut short at its end is what a crash mid-write leaves (or a
    /// writer appending as it is read): SQLite's ordinary recovery, no warning.
    @Test func aLogCutShortAtItsEndIsNotDamage() throws {
        let path = try crashedStore("torn")
        let log = try #require(folder.bytes(path + "-wal"))
        try log.prefix(log.count - 1000).write(to: URL(fileURLWithPath: path + "-wal"))
        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        #expect(store.warnings.isEmpty)
        #expect(try store.reviewCount() == 4)
    }
}

@Suite("Progress store opened read-only (stats, export)", .serialized)
struct ReadOnlyStoreTests {
    let folder = StoreFolder()
    let fact = FactID(rawValue: "00112233aabbccdd")

    private func listing(_ path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: StoreFileCheck.parentFolder(of: path)).sorted()) ?? []
    }

    @Test func itReadsWhatWasWrittenAndLeavesTheFileAndItsFolderAsTheyWere() throws {
        let path = folder.path + "/progress.sqlite"
        let writer = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        let stored = try writer.record(answer(.new(factID: fact), .good, at: t0))
        try writer.close()
        let (bytes, files) = (folder.bytes(path), listing(path))
        let reader = try SQLiteProgressStore.openReadOnly(path: path)
        #expect(reader.isReadOnly)
        #expect(try reader.loadCards() == [fact: stored.after])
        #expect(try reader.reviewCount() == 1)
        try reader.backUpDailyIfNeeded(now: t0) // does nothing
        try reader.close()
        #expect(folder.bytes(path) == bytes)
        #expect(listing(path) == files)
    }

    @Test func anAbsentFileReadsAsNoProgressAndIsNotMade() throws {
        let path = folder.path + "/none/progress.sqlite"
        let reader = try SQLiteProgressStore.openReadOnly(path: path)
        #expect(try reader.loadCards().isEmpty)
        #expect(try reader.reviewCount() == 0)
        try reader.close()
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/none"))
    }

    @Test func aReadOnlyFileIsRead() throws {
        let path = folder.path + "/locked.sqlite"
        let writer = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        try writer.record(answer(.new(factID: fact), .good, at: t0))
        try writer.close()
        chmod(path, 0o444)
        defer { chmod(path, 0o600) }
        let reader = try SQLiteProgressStore.openReadOnly(path: path)
        #expect(try reader.reviewCount() == 1)
        try reader.close()
    }

    /// A store of an older awsml-tui (here: only migration v1, no
    /// `buried_until`) reads with today's schema; the file keeps its own, and
    /// no backup is made.
    @Test func anOlderStoreIsReadWithoutMigratingIt() throws {
        let path = folder.path + "/old.sqlite"
        var old = DatabaseMigrator()
        let v1 = ProgressSchema.migrations[0]
        old.registerMigration(v1.identifier) { db in try db.execute(sql: v1.sql) }
        let queue = try DatabaseQueue(path: path)
        try old.migrate(queue)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO card (fact_id, deck, state, step, stability, difficulty, due, last_review, reps, lapses, suspended)
                VALUES (?, 'Deck', 1, 1, 2.3, 2.1, '2026-11-25T09:10:00.000Z', '2026-11-25T09:00:00.000Z', 1, 0, 0)
                """, arguments: [fact.rawValue])
        }
        try queue.close()
        let (bytes, files) = (folder.bytes(path), listing(path))
        let reader = try SQLiteProgressStore.openReadOnly(path: path)
        let card = try #require(try reader.loadCards()[fact])
        #expect(card.reps == 1 && card.state == .learning && card.buriedUntil == nil)
        try reader.close()
        #expect(folder.bytes(path) == bytes)
        #expect(listing(path) == files)
    }

    @Test func aDamagedStoreIsRefusedAsWhenWriting() throws {
        let path = folder.path + "/damaged.sqlite"
        let writer = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        try writer.close()
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "DROP TABLE review") }
        try queue.close()
        #expect(throws: StoreOpenError.self) { try SQLiteProgressStore.openReadOnly(path: path) }
    }
}

@Suite("Progress store refuses bad files", .serialized)
struct BadStoreFileTests {
    let folder = StoreFolder()

    /// Opens `path`, expecting a refusal whose message contains `words`, and
    /// checks the file (and its folder's listing) are unchanged.
    private func expectRefusal(_ path: String, saying words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = folder.bytes(path)
        let listing = try? FileManager.default.contentsOfDirectory(atPath: StoreFileCheck.parentFolder(of: path)).sorted()
        do {
            _ = try SQLiteProgressStore.open(path: path, now: t0)
            Issue.record("opened \(path)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description.hasPrefix(path + ": "), sourceLocation: sourceLocation)
            #expect(error.description.contains(words), "\(error.description)", sourceLocation: sourceLocation)
            #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        }
        #expect(folder.bytes(path) == before, "the file changed", sourceLocation: sourceLocation)
        let after = try? FileManager.default.contentsOfDirectory(atPath: StoreFileCheck.parentFolder(of: path)).sorted()
        #expect(after == listing, "files appeared beside it", sourceLocation: sourceLocation)
    }

    @Test func aTextFile() throws {
        let path = folder.path + "/notes.txt"
        try "these are my notes, not a database\n".write(toFile: path, atomically: false, encoding: .utf8)
        expectRefusal(path, saying: "is not an SQLite database")
    }

    @Test func anotherProgramsDatabase() throws {
        let path = folder.path + "/other.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ana')") }
        try queue.close()
        expectRefusal(path, saying: "is a database of another program")
    }

    @Test func aNewerSchema() throws {
        let path = folder.path + "/newer.sqlite"
        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        try store.database.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9')") }
        try store.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try store.close()
        expectRefusal(path, saying: "was written by a newer awsml-tui (schema v9)")
    }

    /// Our own store with a table dropped or a column removed by hand: one
    /// line naming the file and what is missing, the file as it was.
    @Test func ourStoreWithPartOfItsSchemaGone() throws {
        // A table dropped takes its triggers with it.
        for (name, damage, missing) in [("no-review", "DROP TABLE review", "table review, trigger review_counted, trigger review_recounted, …"),
                                        ("no-kind", "ALTER TABLE review DROP COLUMN kind", "column review.kind"),
                                        ("no-buried", "ALTER TABLE card DROP COLUMN buried_until",
                                         "column card.buried_until"),
                                        ("no-counts", "DROP TRIGGER review_counted", "trigger review_counted")] {
            let path = folder.path + "/\(name).sqlite"
            let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
            try store.record(answer(.new(factID: FactID(rawValue: "fact")), .good, at: t0))
            try store.close()
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: damage) }
            try queue.close()
            expectRefusal(path, saying: "is damaged: its schema lacks \(missing); it was left as it is")
        }
    }

    @Test func aTruncatedFile() throws {
        let path = folder.path + "/cut.sqlite"
        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        for index in 0..<300 {
            try store.record(answer(.new(factID: FactID(rawValue: "fact-\(index)")), .good, at: t0))
        }
        try store.close()
        let whole = folder.bytes(path)!
        try whole.prefix(whole.count / 2 + 100).write(to: URL(fileURLWithPath: path))
        expectRefusal(path, saying: "is damaged or truncated")
        try whole.prefix(60).write(to: URL(fileURLWithPath: path))
        expectRefusal(path, saying: "is damaged or truncated")
    }

    @Test func aReadOnlyFileAndAReadOnlyFolder() throws {
        let path = folder.path + "/locked.sqlite"
        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        try store.close()
        chmod(path, 0o444)
        expectRefusal(path, saying: "is read-only")
        chmod(path, 0o600)
        let lockedFolder = folder.path + "/locked-folder"
        try FileManager.default.createDirectory(atPath: lockedFolder, withIntermediateDirectories: true)
        chmod(lockedFolder, 0o555)
        defer { chmod(lockedFolder, 0o755) }
        expectRefusal(lockedFolder + "/progress.sqlite", saying: "is read-only")
    }

    @Test func aFolderInPlaceOfTheFile() throws {
        let path = folder.path + "/a-folder.sqlite"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        do {
            _ = try SQLiteProgressStore.open(path: path, now: t0)
            Issue.record("opened a folder")
        } catch {
            #expect(error.description == "\(path): is a folder; give the path of a file with --store")
        }
    }

    @Test func theDefaultLocationFollowsXDG() {
        #expect(StoreLocation.path(explicit: nil, environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/a"])
                == "/x/data/awsml-tui/progress.sqlite")
        #expect(StoreLocation.path(explicit: nil, environment: ["HOME": "/home/a"])
                == "/home/a/.local/share/awsml-tui/progress.sqlite")
        #expect(StoreLocation.path(explicit: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/a"])
                == "/home/a/.local/share/awsml-tui/progress.sqlite")
        #expect(StoreLocation.path(explicit: "mine.sqlite", environment: ["HOME": "/home/a"]) == "mine.sqlite")
    }
}
