import DeckKit

/// What `FactRelinker.relink` found: every change, in a fixed order
/// (relinked, to confirm, removed, each by old id; then added, by new id), so
/// the same inputs always give the same report.
public struct RelinkReport: Hashable, Sendable {
    public var changes: [FactChange]

    public init(changes: [FactChange]) {
        self.changes = changes
    }

    /// The automatic re-links, as (old, new, reason).
    public var relinked: [(old: FactID, new: FactID, reason: RelinkReason)] {
        changes.compactMap { if case let .relinked(old, new, reason) = $0 { (old, new, reason) } else { nil } }
    }

    /// The matches left for the learner to confirm.
    public var toConfirm: [(old: FactID, candidates: [RelinkCandidate])] {
        changes.compactMap { if case let .toConfirm(old, candidates) = $0 { (old, candidates) } else { nil } }
    }

    public var removed: [FactID] {
        changes.compactMap { if case let .removed(old) = $0 { old } else { nil } }
    }

    public var added: [FactID] {
        changes.compactMap { if case let .added(new) = $0 { new } else { nil } }
    }
}
