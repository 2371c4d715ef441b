import DeckKit
import StudyCore

/// The "what changed" screen: the facts whose progress moved, or waits to be
/// placed, since the notes were last opened (`NotesChanges`), each with its
/// text before and after and what can be done with it:
///
/// - re-linked: `d` undoes it (the progress goes back to the old id);
/// - to confirm: `1`-`9` re-links it to that candidate, `d` leaves it gone;
/// - gone: `d` discards its progress (the card; its reviews stay in the log);
/// - to confirm or gone: `r` opens a picker of the deck's facts, to re-link
///   it to any of them (`picker`);
/// - a deck renamed (its title changed, its cards moved with it): said once,
///   first.
///
/// What was done shows on its line; nothing is dropped without a key.
public struct ChangesViewState: Hashable, Sendable {
    public enum Item: Hashable, Sendable {
        case relinked(FactLink, newText: String)
        case toConfirm(old: KnownFact, candidates: [KnownFact])
        case gone(old: KnownFact)
        /// Done with: what became of it, in words.
        case settled(old: String, outcome: String)
        /// A deck whose title changed: its cards went to the new title.
        case deckRenamed(DeckRename)
    }

    public var items: [Item]
    public var selected = 0
    /// The fact picker of `r`, while it is open (it takes the keys).
    public var picker: FactPicker?

    public init(items: [Item]) {
        self.items = items
    }

    /// The items of `changes` (old texts as the store kept them, new ones as
    /// the notes read now).
    public init(changes: NotesChanges) {
        var items: [Item] = changes.renames.map { .deckRenamed($0) }
        for link in changes.links {
            items.append(.relinked(link, newText: changes.facts[link.new]?.text ?? link.new.rawValue))
        }
        for (old, candidates) in changes.report.toConfirm {
            guard let fact = changes.facts[old] else { continue }
            items.append(.toConfirm(old: fact, candidates: candidates.prefix(9).compactMap { changes.facts[$0.new] }))
        }
        for old in changes.report.removed {
            items.append(.gone(old: changes.facts[old] ?? KnownFact(id: old, text: "(its text was not kept)", topicPath: [])))
        }
        self.init(items: items)
    }
}
