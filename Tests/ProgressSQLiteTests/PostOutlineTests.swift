import Foundation
import GRDB
import Testing
import DeckKit
import Reports
import StudyCore
@testable import ProgressSQLite

/// The outlines the store keeps so `stats` need not parse a post it has seen
/// (schema v7, issue 14): kept and read back by fingerprint, replaced when
/// the post changes, the same report whichever way the deck was had, and
/// migration v7 on a store made by the release before it.
@Suite("Post outlines", .serialized)
struct PostOutlineTests {
    let folder = StoreFolder()

    /// Three topics, a repeated fact, and text with styles.
    static let text = """
        ---
        title: Outline Post
        ---
        ## Storage
        - Amazon S3 stores **objects** in buckets.
        - Amazon EBS gives blocks to one instance.
        - EFS is a file system for many instances.
        ### Glacier
        - Glacier keeps archives for years.
        - Deep Archive is the cheapest class.
        ## Compute
        - EC2 runs virtual machines.
        - Lambda runs functions without servers.
        - Fargate runs containers without servers.
        - EC2 runs virtual machines.
        """

    static func deck(_ text: String = text) throws -> Deck { try DeckLoader.load(text: text, file: "notes/outline.md") }

    static func fingerprint(_ text: String = text) -> PostFingerprint {
        PostFingerprint(bytes: Array(text.utf8), file: "notes/outline.md", loader: "test build")
    }

    @Test func anOutlineIsKeptUnderItsFingerprintAndReadBackWithItsTexts() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let outline = DeckOutline(deck: try Self.deck())
        #expect(try !store.hasOutline(post: Self.fingerprint()))
        #expect(try store.outline(post: Self.fingerprint()) == nil)
        try store.saveOutline(outline, post: Self.fingerprint(), now: t0)
        #expect(try store.hasOutline(post: Self.fingerprint()))
        let read = try #require(try store.outline(post: Self.fingerprint()))
        #expect(read.title == "Outline Post")
        #expect(read.facts == outline.facts && read.runs == outline.runs)
        #expect(try store.outlineTexts(post: Self.fingerprint(), factCount: outline.facts.count, at: [0, 8])
            == [0: "Amazon S3 stores objects in buckets.", 8: "EC2 runs virtual machines."])
    }

    /// An edited post has another fingerprint: its outline is not found (the
    /// command parses), and keeping the new one drops the old.
    @Test func anEditedPostIsNotReadFromTheOutlineOfTheOldOne() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        try store.saveOutline(DeckOutline(deck: try Self.deck()), post: Self.fingerprint(), now: t0)
        // Same length, one letter changed: a typo fixed.
        let edited = Self.text.replacingOccurrences(of: "for years", with: "for yeers")
        #expect(edited.utf8.count == Self.text.utf8.count)
        #expect(try store.outline(post: Self.fingerprint(edited)) == nil)
        let editedDeck = try Self.deck(edited)
        try store.saveOutline(DeckOutline(deck: editedDeck), post: Self.fingerprint(edited), now: t0.adding(milliseconds: 1))
        #expect(try store.outline(post: Self.fingerprint()) == nil)
        let read = try #require(try store.outline(post: Self.fingerprint(edited)))
        #expect(read.facts == DeckOutline(deck: editedDeck).facts)
        #expect(read.facts != DeckOutline(deck: try Self.deck()).facts)
        let (outlines, chunks) = try store.database.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM post_outline") ?? -1,
             try String.fetchAll(db, sql: "SELECT DISTINCT post FROM post_outline_text"))
        }
        #expect(outlines == 1)
        #expect(chunks == [Self.fingerprint(edited).key])
    }

    /// Two posts of one title (kept apart on the screen) loaded together
    /// keep both outlines; the next version of one replaces only its own.
    @Test func postsOfOneTitleLoadedTogetherKeepBothOutlines() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let first = DeckOutline(deck: try Self.deck())
        let otherText = Self.text + "\n- One more fact in the other file.\n"
        let second = DeckOutline(deck: try Self.deck(otherText))
        #expect(first.title == second.title)
        let (a, b) = (Self.fingerprint(), Self.fingerprint(otherText))
        try store.saveOutlines([(first, a), (second, b)], loaded: [a, b], now: t0)
        #expect(try store.hasOutline(post: a) && store.hasOutline(post: b))
        // Opened again, only one of them edited since.
        let edited = Self.text.replacingOccurrences(of: "for years", with: "for yeers")
        let c = Self.fingerprint(edited)
        try store.saveOutlines([(DeckOutline(deck: try Self.deck(edited)), c)], loaded: [c, b], now: t0.adding(milliseconds: 5))
        #expect(try !store.hasOutline(post: a))
        #expect(try store.hasOutline(post: b) && store.hasOutline(post: c))
    }

    @Test func onlyTheOutlinesOfTheLatestPostsAreKept() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let outline = DeckOutline(deck: try Self.deck())
        let count = SQLiteProgressStore.outlinesKept + 3
        for number in 0..<count {
            var titled = outline
            titled.title = "Post \(number)"
            try store.saveOutline(titled, post: PostFingerprint(bytes: [UInt8(number)], file: "p.md", loader: "b"),
                                  now: t0.adding(milliseconds: Int64(number)))
        }
        let titles = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT title FROM post_outline ORDER BY written_at")
        }
        #expect(titles == (3..<count).map { "Post \($0)" })
        let posts = try store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT post) FROM post_outline_text") ?? -1
        }
        #expect(posts == SQLiteProgressStore.outlinesKept)
    }

    /// A big outline (megabytes of texts in one transaction) does not leave
    /// the write-ahead log that long: it is checkpointed and emptied, and
    /// whatever is left after later writes is cut back to the limit, so
    /// each opening's check of the log (`WriteAheadLogCheck`) reads little.
    @Test func aBigOutlineLeavesNoLongLog() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let count = 30_000
        let texts = (0..<count).map { "Fact \($0): Amazon SageMaker Pipe input mode streams training data from S3 for TB datasets." }
        let outline = DeckOutline(title: "Big", runs: [.init(path: ["A"], factCount: count)],
                                  facts: (0..<count).map { FactID(rawValue: String(String(0x1000_0000_0000_0000 + $0, radix: 16))) }, texts: texts)
        #expect(outline.encodedTexts().reduce(0) { $0 + $1.count } > 2_500_000)
        try store.saveOutline(outline, post: Self.fingerprint(), now: t0)
        let log = folder.storePath + "-wal"
        let size = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        #expect(size < 1 << 20, "the log is \(size) bytes after the outline")
        // Still there, read back through the store.
        #expect(try store.outlineTexts(post: Self.fingerprint(), factCount: count, at: [count - 1]) == [count - 1: texts[count - 1]])
        let limit = try store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA journal_size_limit") }
        #expect(limit == 4 << 20)
    }

    /// What `stats` prints from the outline is what it prints from the
    /// parsed deck, byte for byte, text and JSON, leeches and all: the
    /// outline's ids, paths and texts with the cards read by position, and
    /// the deck with the cards read by id.
    @Test func statsFromTheOutlineAreTheStatsOfTheParsedDeck() throws {
        let deck = try Self.deck()
        let ids = DeckOutline(deck: deck).facts
        let writer = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        // Answers over three weeks; two facts forgotten again and again
        // once learnt (leeches at 3 lapses).
        var time = t0.adding(milliseconds: -21 * Timestamp.millisecondsPerDay)
        for round in 0..<12 {
            for (number, id) in ids.enumerated() where number % 3 != 2 {
                let card = try writer.loadCards()[id] ?? .new(factID: id)
                let rating: Rating = number < 2 && round % 3 == 2 ? .again : (round % 4 == 1 && number >= 2 ? .hard : .good)
                try writer.record(answer(card, rating, at: time, mode: number == 4 ? .practice : .study))
                time = time.adding(milliseconds: 37 * 60_000)
            }
        }
        // A card of a fact the post no longer holds: outside the deck's scope.
        try writer.record(answer(.new(factID: FactID(rawValue: "0123456789abcdef")), .good, at: time))
        try writer.saveOutline(DeckOutline(deck: deck), post: Self.fingerprint(), now: t0)
        try writer.close()

        let store = try SQLiteProgressStore.openReadOnly(path: folder.storePath)
        defer { try? store.close() }
        let now = t0, days = DayBoundary(utcOffsetSeconds: 3600, rolloverHour: 4)
        let reviews = try store.reviewCount()
        #expect(reviews == 12 * 6 + 1)
        #expect(reviews == (try store.reviewIDs().count))

        // Parsed, as `stats` did before outlines.
        let scope = StatsReport.scope(of: deck)
        let parsed = ProgressStatistics.compute(
            scope: scope, cards: try store.loadCards(),
            activity: try store.reviewActivity(of: Set(scope.map(\.0)), now: now),
            now: now, days: days, scheduler: scheduler, leechLapses: 3)
        #expect(parsed.leeches.count == 2)
        // Three facts never answered, one answered in practice only.
        #expect(parsed.new == 4)

        // From the outline, as `StatsDeck` reads it.
        let outline = try #require(try store.outline(post: Self.fingerprint()))
        let index = FactIndex(outline.facts)
        #expect(!index.hasRepeats)
        func counted(_ activity: ReviewActivity) throws -> ProgressStatistics {
            var tally = ProgressTally(scope: outline.scope, now: now, days: days, scheduler: scheduler, leechLapses: 3)
            try store.forEachCard(of: index) { place, card in tally.add(card, at: place) }
            return tally.statistics(activity: activity)
        }
        let fromOutline = try counted(try store.reviewActivity(of: index, now: now))
        #expect(fromOutline == parsed)
        // The review counts through a second connection, as `stats` reads
        // them on the other core while it reads the cards: the same figures.
        let reader = try #require(store.secondReader())
        let beside = try counted(try reader.reviewActivity(of: index, now: now))
        try reader.close()
        #expect(beside == parsed)
        let positions = outline.positions(of: Set(StatsReport.leechesShown(fromOutline).map(\.id)))
        let texts = try #require(try store.outlineTexts(post: Self.fingerprint(), factCount: outline.facts.count,
                                                        at: Set(positions.values)))
        let heading = StatsReport.Heading(title: outline.title, file: deck.file,
                                          leechTexts: positions.mapValues { texts[$0] ?? "" })

        let text = StatsReport.text(decks: [deck], statistics: [parsed], reviews: reviews, storePath: "p.sqlite")
        #expect(text.contains("Amazon S3 stores objects in buckets."))
        #expect(StatsReport.text(headings: [heading], statistics: [fromOutline], reviews: reviews, storePath: "p.sqlite")
            == text)
        #expect(StatsReport.json(headings: [heading], statistics: [fromOutline], reviews: reviews, storePath: "p.sqlite")
            == StatsReport.json(decks: [deck], statistics: [parsed], reviews: reviews, storePath: "p.sqlite"))
    }

    /// A store made on 2026-11-28 by the release of that day (v1 to v6):
    /// eight answers from `awsml-tui quiz` on the bundled post, five in
    /// study. v7 only adds tables: every review, card and fact seen is kept,
    /// undo still works, and the store has no outline until one is written.
    @Test func theReleasedV6StoreMigratesKeepingEverything() throws {
        let fixture = String(#filePath.dropLast("PostOutlineTests.swift".count))
            + "Fixtures/store-v6-release-2026-11-28.sqlite"
        let path = folder.path + "/released-v6.sqlite"
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        func rows(_ table: String) throws -> [String] {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map(\.description)
            }
        }
        let before = try ["review", "card", "seen_fact", "fact_text", "review_quarter", "review_fact_count"].map(rows)
        #expect(before[0].count == 8 && before[1].count == 5)

        let store = try SQLiteProgressStore.open(path: path, now: t0, dailyBackup: false)
        #expect(try ["review", "card", "seen_fact", "fact_text", "review_quarter", "review_fact_count"].map(rows) == before)
        let migrations = try store.database.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations.last == "v7-post-outlines")
        #expect(try store.reviewCount() == 8)
        let bundled = DeckLoader.bundled()
        let post = PostFingerprint(bytes: Array(DeckLoader.bundledText.utf8), file: bundled.file, loader: "b")
        #expect(try store.outline(post: post) == nil)
        let newest = try #require(try store.reviewIDs().last)
        #expect(try store.undoReview(id: nil)?.id == newest)
        #expect(try store.reviewCount() == 7)
        try store.saveOutline(DeckOutline(deck: bundled), post: post, now: t0)
        #expect(try store.outline(post: post)?.facts.count == bundled.root.totalFactCount)
    }

    /// `forEachCard(of:)` gives each card of the deck's facts once, with its
    /// fact's place, as `loadCards` keys them; a card of another fact not.
    @Test func cardsByPlaceAreTheCardsById() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let ids = DeckOutline(deck: try Self.deck()).facts
        for (number, id) in ids.enumerated() where number.isMultiple(of: 2) {
            try store.record(answer(.new(factID: id), .good, at: t0.adding(milliseconds: Int64(number) * 1000)))
        }
        try store.record(answer(.new(factID: FactID(rawValue: "not-in-the-deck")), .good, at: t0))
        let byID = try store.loadCards()
        #expect(byID.count == (ids.count + 1) / 2 + 1)
        var byPlace = [CardProgress?](repeating: nil, count: ids.count), given = 0
        try store.forEachCard(of: FactIndex(ids)) { place, card in
            #expect(byPlace[place] == nil)
            byPlace[place] = card
            given += 1
        }
        #expect(given == (ids.count + 1) / 2)
        #expect(byPlace == ids.map { byID[$0] })
    }
}
