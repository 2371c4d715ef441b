import DeckKit

/// A fact as the relinker sees it: its id, its text and the titles of the
/// topics above it. The same type describes both sides of a re-link: progress
/// whose fact is gone, as the store last knew it, and a fact of the post as
/// loaded now that has no progress yet.
///
///     KnownFact(id: old, text: "Reduces inference costs by up to 75%.",
///               topicPath: ["AWS ML Recap", "Amazon Elastic Inference"])
///
/// The path is every title from the deck down (the deck's title first), so a
/// fact moved to another file of notes is a move like any other.
public struct KnownFact: Hashable, Sendable {
    public var id: FactID
    /// The fact's plain text (Markdown marks and link targets are ignored if present).
    public var text: String
    public var topicPath: [String]

    public init(id: FactID, text: String, topicPath: [String]) {
        self.id = id
        self.text = text
        self.topicPath = topicPath
    }
}
