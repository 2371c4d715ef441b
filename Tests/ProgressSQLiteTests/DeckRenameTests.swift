import Foundation
import GRDB
import Testing
import DeckKit
import StudyCore
@testable import ProgressSQLite

/// A post's title renamed (issue 16): the store files cards under the deck's
/// title, and the title is part of every fact's id, so a rename used to leave
/// all the progress behind. On opening, the cards under a title no loaded
/// deck has follow the deck that holds most of their facts (by the texts and
/// topics the store kept), in one transaction, recorded.
@Suite("Deck renamed", .serialized)
struct DeckRenameTests {
    let folder = StoreFolder()

    /// The notes of `NotesChangesTests`, under a front-matter title.
    static let post = "---\ntitle: AWS Recap\n---\n" + NotesChangesTests.post

    func deck(_ text: String, file: String = "recap.md") throws -> Deck { try DeckLoader.load(text: text, file: file) }

    func renamed(_ text: String = post) -> String { text.replacingOccurrences(of: "title: AWS Recap", with: "title: AWS ML Recap") }

    /// Answers every fact of `deck` once, as a session does (deck title, text
    /// and topic kept), a minute apart; then opens the notes once.
    func studyAll(_ deck: Deck, in store: SQLiteProgressStore) throws {
        var time = t0
        for fact in NotesChanges.knownFacts(in: [deck]).values.sorted(by: { $0.id < $1.id }) {
            var review = answer(.new(factID: fact.id), .good, at: time)
            review.deck = deck.title
            review.fact = fact
            try store.record(review)
            time = time.adding(milliseconds: 60_000)
        }
        #expect(try follow(deck, store).summary == nil)
    }

    func follow(_ deck: Deck, _ store: SQLiteProgressStore, apply: Bool = true) throws -> NotesChanges {
        try NotesChanges.follow(decks: [deck], cards: try store.loadCards(), store: store, now: t0, apply: apply)
    }

    func decksOfCards(_ store: SQLiteProgressStore) throws -> [String] {
        try store.database.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT deck FROM card UNION SELECT DISTINCT deck FROM review ORDER BY 1") }
    }

    /// The ids of `deck`'s facts by their text.
    func ids(_ deck: Deck) -> [String: FactID] {
        Dictionary(uniqueKeysWithValues: NotesChanges.knownFacts(in: [deck]).values.map { ($0.text, $0.id) })
    }

    @Test func aRenamedFrontMatterTitleTakesEveryCardAlongUnderTheNewIds() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let before = try deck(Self.post)
        try studyAll(before, in: store)
        let oldCards = try store.loadCards()
        let after = try deck(renamed())
        #expect(after.title == "AWS ML Recap")
        let (oldIDs, newIDs) = (ids(before), ids(after))
        #expect(Set(oldIDs.values).isDisjoint(with: newIDs.values)) // the title is part of every id

        let changes = try follow(after, store)
        let rename = try #require(changes.renames.first)
        #expect(changes.renames.count == 1)
        #expect([rename.oldTitle, rename.newTitle] == ["AWS Recap", "AWS ML Recap"])
        #expect(rename.cards == 4 && rename.id != nil)
        #expect(changes.summary == "deck renamed: AWS Recap → AWS ML Recap (4 cards moved)")
        #expect(changes.report.changes.isEmpty) // nothing gone, nothing to confirm
        // Every card under its fact's new id, as it was; every review too; all filed under the new title.
        let cards = try store.loadCards()
        for (text, old) in oldIDs {
            let new = try #require(newIDs[text])
            var card = try #require(oldCards[old])
            card.factID = new
            #expect(cards[new] == card, "\(text)")
            #expect(cards[old] == nil)
        }
        #expect(changes.applied(to: oldCards) == cards)
        #expect(Set(try store.reviewLog().map(\.factID)) == Set(newIDs.values))
        #expect(try decksOfCards(store) == ["AWS ML Recap"])
        // Recorded: the rename, and each fact's move (undoable, its first id kept for Anki).
        #expect(try store.deckRenames().map { [$0.oldTitle, $0.newTitle, "\($0.cards)"] } == [["AWS Recap", "AWS ML Recap", "4"]])
        let links = try store.links()
        #expect(links.count == 4 && links.allSatisfy { $0.reason == DeckRename.reason })
        #expect(Set(links.map(\.origin)) == Set(oldIDs.values))
        #expect(Set(rename.links) == Set(links))
        // The texts kept read under the new title, and the facts seen are the new ones.
        #expect(try store.knownFacts(Array(newIDs.values)).allSatisfy { $0.topicPath.first == "AWS ML Recap" })
        #expect(try store.seenFacts(inDecks: ["AWS ML Recap"]) == Set(newIDs.values))
        #expect(try store.seenFacts(inDecks: ["AWS Recap"]).isEmpty)
        // Opening again: nothing more to do.
        #expect(try follow(after, store).summary == nil)
        try store.close()
    }

    @Test func renamedAndEditedAtOnceTheRenameFirstThenTheEditAsAnyEdit() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let before = try deck(Self.post)
        try studyAll(before, in: store)
        let deleted = try #require(ids(before)["Kinesis Data Streams keeps records for 24 hours by default."])
        let after = try deck(renamed(Self.post)
            .replacingOccurrences(of: "costs by up to 75%", with: "cost by up to 75 percent")
            .replacingOccurrences(of: "- Kinesis Data Streams keeps records for 24 hours by default.\n", with: ""))
        let changes = try follow(after, store)
        #expect(changes.renames.map(\.cards) == [4])
        #expect(changes.renames.first?.links.count == 2) // the two facts left as they were
        #expect(changes.links.map(\.reason) == ["edited"])
        #expect(changes.links.first?.new == ids(after)["Reduces deep learning inference cost by up to 75 percent."])
        #expect(changes.report.removed == [deleted])
        #expect(changes.summary
            == "deck renamed: AWS Recap → AWS ML Recap (4 cards moved) · 2 facts changed since last time: 1 re-linked, 1 gone")
        // The deleted fact's card is kept, under the new title: listed as gone there, never dropped.
        #expect(try store.loadCards()[deleted] != nil)
        #expect(try decksOfCards(store) == ["AWS ML Recap"])
        try store.close()
    }

    @Test func aTitleFromTheFirstHeadingRenamedIsFoundToo() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let plain = Self.post.replacingOccurrences(of: "---\ntitle: AWS Recap\n---\n", with: "")
        let before = try deck(plain)
        #expect(before.title == "Recap")
        try studyAll(before, in: store)
        let after = try deck(plain.replacingOccurrences(of: "# Recap\n", with: "# Machine Learning Recap\n"))
        let changes = try follow(after, store)
        #expect(changes.renames.map(\.summary) == ["deck renamed: Recap → Machine Learning Recap (4 cards moved)"])
        #expect(Set(try store.loadCards().keys) == Set(ids(after).values))
        // The kept topics follow both the deck's title and the heading that gave it.
        #expect(try store.knownFacts(Array(ids(after).values)).allSatisfy {
            $0.topicPath.prefix(2) == ["Machine Learning Recap", "Machine Learning Recap"]
        })
        try store.close()
    }

    @Test func anotherPostsCardsAndAPostMostlyRewrittenStayWhereTheyAre() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        let other = try deck("# Other notes\n\n## Topic\n\n- A fact of another post entirely.\n- And a second one.\n",
                             file: "other.md")
        try studyAll(other, in: store)
        // A new post with no progress is not another post renamed.
        let recap = try deck(Self.post)
        let first = try follow(recap, store)
        #expect(first.renames.isEmpty && first.summary == nil)
        #expect(try decksOfCards(store) == ["Other notes"])
        // Renamed and three of four facts rewritten: under half found, not a rename.
        try studyAll(recap, in: store)
        let rewritten = try deck(renamed()
            .replacingOccurrences(of: "Reduces deep learning inference costs by up to 75%.", with: "Elastic Inference is retired.")
            .replacingOccurrences(of: "Attaches GPU-powered acceleration", with: "Inferentia chips replace it on")
            .replacingOccurrences(of: "keeps records for 24 hours by default", with: "retention is configurable"))
        let changes = try follow(rewritten, store)
        #expect(changes.renames.isEmpty)
        #expect(try decksOfCards(store) == ["AWS Recap", "Other notes"])
        #expect(try store.deckRenames().isEmpty)
        try store.close()
    }

    @Test func readOnlyTheRenameIsFoundAndNothingMoves() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        try studyAll(try deck(Self.post), in: store)
        try store.close()
        let reader = try SQLiteProgressStore.openReadOnly(path: folder.storePath)
        let changes = try follow(try deck(renamed()), reader, apply: false)
        #expect(changes.renames.map(\.summary) == ["deck renamed: AWS Recap → AWS ML Recap (4 cards to move)"])
        #expect(changes.renames.first?.id == nil)
        #expect(try reader.deckRenames().isEmpty)
        #expect(try decksOfCards(reader) == ["AWS Recap"])
        try reader.close()
    }

    @Test func theStoreMakesARenameOnceAndOnlyOntoATitleWithoutCards() throws {
        let store = try SQLiteProgressStore.open(path: folder.storePath, now: t0, dailyBackup: false)
        try studyAll(try deck(Self.post), in: store)
        #expect(try store.renameDeck(from: "No such deck", to: "AWS ML Recap", moves: [], now: t0) == nil)
        let made = try #require(try store.renameDeck(from: "AWS Recap", to: "AWS ML Recap", moves: [], now: t0))
        #expect(made.cards == 4 && made.links.isEmpty)
        // Made already (another window): nothing left under the old title.
        #expect(try store.renameDeck(from: "AWS Recap", to: "AWS ML Recap", moves: [], now: t0) == nil)
        #expect(try store.deckRenames().count == 1)
        try store.close()
    }
}
