import DeckKit

/// Where progress lives between runs. StudyCore depends on this protocol;
/// `ProgressSQLite` implements it with GRDB.
///
/// Every call is one transaction: when `record` returns, the answer is on
/// disk, and the next question can show.
public protocol ProgressStore: AnyObject {
    /// Every card the store knows, by fact id (one query).
    func loadCards() throws -> [FactID: CardProgress]

    /// Logs the review and, for modes that update the schedule, saves the
    /// card after it. Returns the review's row id.
    @discardableResult
    func record(_ review: ReviewRecord) throws -> Int64

    /// Removes the most recent review and puts its card back as it was before;
    /// returns the review undone, or nil when there is none.
    func undoLastReview() throws -> ReviewRecord?

    /// How many reviews the log holds.
    func reviewCount() throws -> Int

    /// Every review in the log, oldest first (for the statistics; read on
    /// demand, never at start-up).
    func reviewLog() throws -> [ReviewLogEntry]

    /// How many facts were studied for the first time since `start` (for the
    /// daily limit of new facts).
    func newFactsStarted(since start: Timestamp) throws -> Int
}
