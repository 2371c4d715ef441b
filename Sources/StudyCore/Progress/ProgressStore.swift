import DeckKit

/// Where progress lives between runs. StudyCore depends on this protocol;
/// `ProgressSQLite` implements it with GRDB.
///
/// Every call is one transaction: when `record` returns, the answer is on
/// disk, and the next question can show.
public protocol ProgressStore: AnyObject {
    /// Every card the store knows, by fact id (one query).
    func loadCards() throws -> [FactID: CardProgress]

    /// Logs the review and, for modes that update the schedule, applies it
    /// with `scheduler` to the card as the store holds it at write time (not
    /// to `review.before`: another window may have moved the card on since it
    /// was read). Returns what was stored: the review with its row id and the
    /// card before and after as written, for the caller to take as its own.
    @discardableResult
    func record(_ review: ReviewRecord, scheduler: FSRSScheduler) throws -> ReviewRecord

    /// Removes the most recent review and puts its card back as it was before;
    /// returns the review undone, or nil when there is none.
    func undoLastReview() throws -> ReviewRecord?

    /// Removes review `id` (nil: the newest) and puts its card back, when it
    /// is still its fact's newest review; returns it, or nil.
    func undoReview(id: Int64?) throws -> ReviewRecord?

    /// Gives review `id` the grade (and time taken) of `review`, another
    /// grade for the same answer; for study, the card after it is worked out
    /// again with `scheduler` from the card before stored with the review.
    /// One transaction. Returns the review as stored.
    @discardableResult
    func replaceReview(id: Int64, with review: ReviewRecord, scheduler: FSRSScheduler) throws -> ReviewRecord

    /// Writes these cards as given; a nil card deletes the fact's card.
    func saveCards(_ cards: [(factID: FactID, deck: String, card: CardProgress?)]) throws

    /// A fact's last `limit` answers, newest first.
    func recentReviews(of factID: FactID, limit: Int) throws -> [ReviewLogEntry]

    /// How many reviews the log holds.
    func reviewCount() throws -> Int

    /// What the statistics need of the log for the facts in `scope`: reviews
    /// and passes per quarter hour, and the reviews of the quarter hours
    /// that the rolling windows ending at `now` cut (read on demand, never at
    /// start-up; never the whole log when the store keeps counts).
    func reviewActivity(of scope: Set<FactID>, now: Timestamp) throws -> ReviewActivity

    /// How many facts were studied for the first time since `start` (for the
    /// daily limit of new facts).
    func newFactsStarted(since start: Timestamp) throws -> Int

    // Following the notes as they change (`NotesChanges`).

    /// The facts with a card in these decks (by deck title).
    func cardIDs(inDecks decks: [String]) throws -> [FactID]
    /// How many cards these decks have.
    func cardCount(inDecks decks: [String]) throws -> Int
    /// The facts with a card in these decks whose text the store does not
    /// keep (answered before it kept texts).
    func factsWithoutText(inDecks decks: [String]) throws -> [FactID]
    /// Keeps these facts' texts and topics (one transaction).
    func rememberFacts(_ facts: [KnownFact]) throws
    /// The kept texts of these facts (those it has).
    func knownFacts(_ ids: [FactID]) throws -> [KnownFact]
    /// Moves progress from old ids to new ones, recorded; returns the links made.
    func relink(_ moves: [FactLink.Move], now: Timestamp) throws -> [FactLink]
    /// Puts a re-link back; whether it was.
    @discardableResult
    func undoRelink(id: Int64) throws -> Bool
    /// The re-links made and not undone, oldest first.
    func links() throws -> [FactLink]
    /// How many facts these decks held when last opened.
    func seenFactCount(inDecks decks: [String]) throws -> Int
    /// The facts these decks held when last opened.
    func seenFacts(inDecks decks: [String]) throws -> Set<FactID>
    /// Records the facts each deck holds now (`previous`: what `seenFacts` gave).
    func updateSeenFacts(_ decks: [(title: String, ids: Set<FactID>)], previous: Set<FactID>) throws

    // A deck's title changed (`DeckRename`).

    /// How many cards each deck title holds (titles with none are absent).
    func deckCardCounts() throws -> [String: Int]
    /// Moves every card (and review, and fact seen) of deck `old` to deck
    /// `new`, and each card of `moves` to its new id, in one transaction,
    /// recorded; nil when there was nothing to move, or `new` has cards of
    /// its own already (another window made the rename first).
    func renameDeck(from old: String, to new: String, moves: [FactLink.Move], now: Timestamp) throws -> DeckRename?
    /// The renames made, oldest first.
    func deckRenames() throws -> [DeckRename]
}
