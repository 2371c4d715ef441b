import DeckKit
import StudyCore

/// The posts read again after they changed on disk (another editor, a `git
/// pull`, a sync tool), with the progress as the store holds it after their
/// changed facts were re-linked (`NotesChanges`), and what to tell the
/// learner ("1 fact changed since last time: 1 re-linked").
public struct ReloadedPosts: Hashable, Sendable {
    public var decks: [Deck]
    public var progress: [FactID: CardProgress]
    public var summary: String?
    /// What changed, for the "what changed" screen.
    public var changes: NotesChanges

    public init(decks: [Deck], progress: [FactID: CardProgress], summary: String?, changes: NotesChanges = NotesChanges()) {
        self.decks = decks
        self.progress = progress
        self.summary = summary
        self.changes = changes
    }
}
