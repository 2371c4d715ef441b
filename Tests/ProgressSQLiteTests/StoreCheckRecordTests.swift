import Foundation
import GRDB
import Testing
import DeckKit
import StudyCore
@testable import ProgressSQLite

/// `StoreCheckRecord`: a read-only opening skips the check of a store whose
/// stamp is the one recorded at its last sound check, and checks every
/// other store as before, so damage written since is still reported.
@Suite("Store check record", .serialized)
struct StoreCheckRecordTests {
    let folder = StoreFolder()
    var recordFile: String { folder.path + "/cache/awsml-tui/checked-stores" }
    /// Long after the store was written: it has settled.
    let later = Timestamp(milliseconds: Int64(Date().timeIntervalSince1970 * 1000) + 60_000)

    /// A sound store of a few dozen answers, closed (its -wal checkpointed away).
    func store() throws -> String {
        let path = folder.storePath
        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        for index in 0..<40 {
            try store.record(answer(.new(factID: FactID(rawValue: "fact-\(index)")), .good, at: t0))
        }
        try store.close()
        return path
    }

    /// Overwrites the start of the `card` table's first b-tree page: what
    /// `quick_check` finds (as `IntegrityCheckTests` does).
    func damageCards(_ path: String) throws {
        let (root, pageSize) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'card'")!,
             try Int.fetchOne(db, sql: "PRAGMA page_size")!)
        }
        var bytes = try #require(folder.bytes(path))
        for offset in 0..<64 { bytes[(root - 1) * pageSize + 8 + offset] = 0xFF }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: bytes)
        try handle.close()
    }

    func isDamaged(_ open: () throws(StoreOpenError) -> SQLiteProgressStore) -> Bool {
        do {
            try open().close()
            return false
        } catch let error as StoreOpenError {
            return error.description.contains("is damaged")
        } catch {
            return false
        }
    }

    @Test("a sound store is recorded; damage written after that is still found")
    func damageAfterARecordedCheck() throws {
        let path = try store()
        let checks = StoreCheckRecord(file: recordFile, now: later)
        try SQLiteProgressStore.openReadOnly(path: path, checks: checks).close()
        let stamp = try #require(StoreCheckRecord.stamp(of: path))
        #expect(checks.holds(path, stamp: stamp))
        try damageCards(path)
        #expect(StoreCheckRecord.stamp(of: path) != stamp)
        #expect(isDamaged { () throws(StoreOpenError) in try SQLiteProgressStore.openReadOnly(path: path, checks: checks) })
    }

    @Test("a store with the recorded stamp is not checked again (the record is what decides)")
    func recordedStampSkipsTheCheck() throws {
        let path = try store()
        try damageCards(path)
        #expect(isDamaged { () throws(StoreOpenError) in try SQLiteProgressStore.openReadOnly(path: path) })
        // Recorded by hand with the damaged file's own stamp: trusted.
        let checks = StoreCheckRecord(file: recordFile, now: later)
        #expect(checks.record(path, stamp: try #require(StoreCheckRecord.stamp(of: path))) == nil)
        #expect(!isDamaged { () throws(StoreOpenError) in try SQLiteProgressStore.openReadOnly(path: path, checks: checks) })
        // Another path with the same file is a store never checked.
        let link = folder.path + "/link.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(isDamaged { () throws(StoreOpenError) in try SQLiteProgressStore.openReadOnly(path: link, checks: checks) })
    }

    @Test("a store written in the last two seconds before the check is not recorded")
    func unsettledStoreNotRecorded() throws {
        let path = try store()
        let stamp = try #require(StoreCheckRecord.stamp(of: path))
        let soon = StoreCheckRecord(file: recordFile,
                                    now: Timestamp(milliseconds: stamp.changedMilliseconds + StoreCheckRecord.settledMilliseconds - 1))
        try SQLiteProgressStore.openReadOnly(path: path, checks: soon).close()
        #expect(!FileManager.default.fileExists(atPath: recordFile))
        let settled = StoreCheckRecord(file: recordFile,
                                       now: Timestamp(milliseconds: stamp.changedMilliseconds + StoreCheckRecord.settledMilliseconds))
        try SQLiteProgressStore.openReadOnly(path: path, checks: settled).close()
        #expect(settled.holds(path, stamp: stamp))
    }

    @Test("a record that cannot be written leaves the store checked every time, and the store opens")
    func unwritableRecord() throws {
        let path = try store()
        let blocker = folder.path + "/not-a-folder"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let checks = StoreCheckRecord(file: blocker + "/awsml-tui/checked-stores", now: later)
        #expect(checks.record(path, stamp: try #require(StoreCheckRecord.stamp(of: path))) != nil)
        try SQLiteProgressStore.openReadOnly(path: path, checks: checks).close()
        #expect(!checks.holds(path, stamp: try #require(StoreCheckRecord.stamp(of: path))))
    }

    @Test("the newest entries are kept, one per store")
    func entriesKept() throws {
        let path = try store()
        let stamp = try #require(StoreCheckRecord.stamp(of: path))
        let checks = StoreCheckRecord(file: recordFile, now: later)
        for index in 0..<(StoreCheckRecord.entriesKept + 3) {
            #expect(checks.record(folder.path + "/other-\(index).sqlite", stamp: stamp) == nil)
        }
        #expect(checks.record(path, stamp: stamp) == nil)
        #expect(checks.record(path, stamp: stamp) == nil)
        let lines = try String(contentsOfFile: recordFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == StoreCheckRecord.entriesKept)
        #expect(checks.holds(path, stamp: stamp))
        #expect(!checks.holds(folder.path + "/other-0.sqlite", stamp: stamp))
    }

    // MARK: - Opening to write (the full screen, plain mode)

    @Test("opened to write: a store only opened since its sound check is not checked again")
    func writingOpenOfAnUnwrittenStore() throws {
        let path = try store()
        let checks = StoreCheckRecord(file: recordFile, now: later)
        try SQLiteProgressStore.open(path: path, now: later, dailyBackup: false, checks: checks).close()
        let stamp = try #require(StoreCheckRecord.stamp(of: path))
        #expect(checks.holds(path, stamp: stamp))
        // Opened and closed with nothing written (browsed): the stamp holds.
        let store = try SQLiteProgressStore.open(path: path, now: later, dailyBackup: false, checks: checks)
        _ = try store.loadCards()
        try store.close()
        #expect(StoreCheckRecord.stamp(of: path) == stamp)
        // The record decides: recorded by hand over damage, the opening trusts it.
        try damageCards(path)
        #expect(checks.record(path, stamp: try #require(StoreCheckRecord.stamp(of: path))) == nil)
        #expect(!isDamaged { () throws(StoreOpenError) in
            try SQLiteProgressStore.open(path: path, now: later, dailyBackup: false, checks: checks)
        })
    }

    @Test("opened to write: an answer moves the stamp, and damage after it is found at the next opening")
    func writingOpenAfterAnAnswer() throws {
        let path = try store()
        let checks = StoreCheckRecord(file: recordFile, now: later)
        let store = try SQLiteProgressStore.open(path: path, now: later, dailyBackup: false, checks: checks)
        let recorded = try #require(StoreCheckRecord.stamp(of: path))
        #expect(checks.holds(path, stamp: recorded))
        try store.record(answer(.new(factID: FactID(rawValue: "one-more")), .good, at: later))
        try store.close()
        #expect(StoreCheckRecord.stamp(of: path) != recorded)
        try damageCards(path)
        #expect(isDamaged { () throws(StoreOpenError) in
            try SQLiteProgressStore.open(path: path, now: later, dailyBackup: false, checks: checks)
        })
    }
}
