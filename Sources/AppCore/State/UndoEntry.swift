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

extension UndoEntry {
    /// The same entry after facts' progress moved to new ids (`moved`: old
    /// to new), so `u` still finds the answer it takes back and puts the
    /// card back under the id the fact has now.
    func following(_ moved: [FactID: FactID]) -> UndoEntry {
        guard !moved.isEmpty else { return self }
        switch self {
        case .answer(let reviewID, let factID):
            return .answer(reviewID: reviewID, factID: moved[factID] ?? factID)
        case .cardChange(let before, let description):
            return .cardChange(before: before.map { snapshot in
                guard let new = moved[snapshot.factID] else { return snapshot }
                var card = snapshot.card
                card?.factID = new
                return CardSnapshot(factID: new, deck: snapshot.deck, card: card)
            }, description: description)
        }
    }
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
