import DeckKit
import StudyCore

/// One thing `u` can take back, newest on top of `AppState.undoStack`.
public enum UndoEntry: Equatable, Sendable {
    /// An answer this run stored: the review's row id (undone by id, so
    /// another instance's later answer is never the one taken back).
    case answer(reviewID: Int64, factID: FactID)
    /// A suspension or burial: the cards as they were before (nil: the fact
    /// had no card), restored as they were.
    case cardChange(before: [CardSnapshot], description: String)
}

/// A card as it was, for undoing a suspension or burial.
public struct CardSnapshot: Hashable, Sendable {
    public var factID: FactID
    public var deck: String
    public var card: CardProgress?

    public init(factID: FactID, deck: String, card: CardProgress?) {
        self.factID = factID
        self.deck = deck
        self.card = card
    }
}
