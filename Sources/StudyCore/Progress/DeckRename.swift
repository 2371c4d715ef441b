import DeckKit

/// A deck whose title changed, and its progress moved to the new title.
///
/// The store files every card under its deck's title, and a fact's id is a
/// hash that includes the deck's identity (the front matter title, else the
/// file's name) and the titles down to its topic. So renaming a post's title
/// leaves every card under a title no loaded deck has, and, when the title
/// is part of the ids, every fact with a new id: all the progress of the
/// deck would look gone. When a loaded deck has no card under its title and
/// most of the cards under a title no loaded deck has are its facts (by id,
/// or by the text and topic the store kept), the deck was renamed: its cards
/// (and their reviews) go to the new title in one transaction, those whose
/// id changed to their new ids, recorded here and in `fact_link` (reason
/// `DeckRename.reason`).
///
///     DeckRename(id: 1, oldTitle: "AWS Recap", newTitle: "AWS ML Recap", cards: 42, …)
///     // "deck renamed: AWS Recap → AWS ML Recap (42 cards moved)"
public struct DeckRename: Hashable, Sendable {
    /// The reason the store records for a fact moved with its deck's title.
    public static let reason = "deck renamed"

    /// At least this share of the old title's cards must be facts of the
    /// new deck: a post renamed and heavily edited at once is listed as
    /// gone, fact by fact, rather than taken for another post's progress.
    public static let minimumShare = 0.5

    /// The store's row id; nil for a rename found but not made (`awsml-tui
    /// changes` reads the store without changing it).
    public var id: Int64?
    public var oldTitle: String
    public var newTitle: String
    /// The cards under the old title: moved, or to move.
    public var cards: Int
    /// The cards found in the new deck (by id or text): why it is a rename.
    /// The store does not keep it: a rename read back says `cards`.
    public var matched: Int
    public var renamedAt: Timestamp?
    /// The facts whose ids changed with the title: each card moved to its
    /// new id (empty for a rename not made, and as the store lists them).
    public var links: [FactLink]

    public init(id: Int64?, oldTitle: String, newTitle: String, cards: Int, matched: Int, renamedAt: Timestamp?,
                links: [FactLink] = []) {
        self.id = id
        self.oldTitle = oldTitle
        self.newTitle = newTitle
        self.cards = cards
        self.matched = matched
        self.renamedAt = renamedAt
        self.links = links
    }

    /// "deck renamed: Old → New (42 cards moved)".
    public var summary: String {
        let count = cards == 1 ? "1 card" : "\(cards) cards"
        return "deck renamed: \(oldTitle) → \(newTitle) (\(count) \(id == nil ? "to move" : "moved"))"
    }
}
