import DeckKit

/// One outcome of matching progress whose fact is gone against facts that
/// have no progress (see `FactRelinker`).
///
/// Nothing here is ever dropped: progress the relinker cannot place is
/// `.removed` (kept, and listed so the learner can see it) and a doubtful
/// match is `.toConfirm`, never moved on its own.
public enum FactChange: Hashable, Sendable {
    /// The progress of `old` belongs to `new`: a match with no doubt left.
    case relinked(old: FactID, new: FactID, reason: RelinkReason)
    /// `old` probably became one of `candidates` (best first), but which one,
    /// or whether at all, is for the learner to say.
    case toConfirm(old: FactID, candidates: [RelinkCandidate])
    /// Progress whose fact was not found: deleted, or changed past
    /// recognition.
    case removed(old: FactID)
    /// A fact with no progress that took none (candidates of a `.toConfirm`
    /// are listed here too, until confirmed).
    case added(new: FactID)
}

/// Why a re-link was made, for the message that tells the learner.
public enum RelinkReason: Hashable, Sendable {
    /// The same text under another topic.
    case moved
    /// The text was edited (a typo fixed, a rewording) in the same topic.
    case edited
    /// The topic was renamed: several facts left one title for one other
    /// together (the text may have been edited too).
    case topicRenamed
    /// The old fact was cut in two; the progress went to the part most like
    /// it, and `otherPart` starts new.
    case split(otherPart: FactID)
    /// Two old facts were joined; the progress of the one most like the
    /// joined text went to it, and `otherOld` is listed as `.removed`.
    case merged(otherOld: FactID)
}

/// A fact that an uncertain old fact may have become, with how alike their
/// texts are (0 to 1, see `ComparableText.similarity`).
public struct RelinkCandidate: Hashable, Sendable {
    public var new: FactID
    public var similarity: Double

    public init(new: FactID, similarity: Double) {
        self.new = new
        self.similarity = similarity
    }
}
