import DeckKit
import StudyCore

/// Choosing by hand the fact that gone (or doubtful) progress belongs to
/// (`r` on the "what changed" screen): the relinker offers at most a few
/// candidates, and only facts new since the notes were last opened, so a
/// fact reworded past recognition, or moved and reworded at once, would
/// otherwise keep its progress apart for ever.
///
/// The learner types to narrow the deck's facts (folded as the search folds
/// them: case and accents ignored), moves with the arrows and takes one with
/// Enter; the re-link goes through the store like a confirmed candidate.
///
///     FactPicker(old: gone, deck: 0, matches: everyFactOfTheDeck)
///     // typing "firehose" leaves the facts whose text holds it
public struct FactPicker: Hashable, Sendable {
    /// The progress to place, as the store kept its fact.
    public var old: KnownFact
    /// The index in `AppState.decks` of the deck whose facts are offered
    /// (the one the old fact was in); nil when no loaded deck has its title,
    /// and every deck's facts are offered.
    public var deck: Int?
    /// What has been typed.
    public var query = ""
    /// The facts that match `query`, in tree order (every fact of the deck
    /// while nothing is typed).
    public var matches: [FactID]
    /// Index into `matches` of the highlighted fact.
    public var selected = 0

    public init(old: KnownFact, deck: Int?, matches: [FactID]) {
        self.old = old
        self.deck = deck
        self.matches = matches
    }

    /// The highlighted fact, if any matches.
    public var selectedFact: FactID? {
        matches.indices.contains(selected) ? matches[selected] : nil
    }
}
