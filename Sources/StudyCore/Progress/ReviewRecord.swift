import DeckKit

/// One answer, as the store logs it: when, how it was graded, in which mode
/// and question kind, how long it took, and the card before and after (the
/// card before is what undo puts back).
public struct ReviewRecord: Hashable, Sendable {
    /// The store's row id; nil until stored.
    public var id: Int64?
    public var factID: FactID
    public var deck: String
    public var reviewedAt: Timestamp
    public var rating: Rating
    public var mode: StudyMode
    /// The question kind ("flip", "cloze", …).
    public var kind: String
    public var elapsedMilliseconds: Int64
    public var before: CardProgress
    public var after: CardProgress
    /// The fact as it read when answered (its plain text, and the titles from
    /// the deck down to its topic), which the store keeps beside its
    /// progress: if the notes change it later, the progress is found again by
    /// its text (`FactRelinker`). Nil for a review read back from the store.
    public var fact: KnownFact?

    public init(id: Int64? = nil, factID: FactID, deck: String, reviewedAt: Timestamp, rating: Rating,
                mode: StudyMode, kind: String, elapsedMilliseconds: Int64, before: CardProgress,
                after: CardProgress, fact: KnownFact? = nil) {
        self.fact = fact
        self.id = id
        self.factID = factID
        self.deck = deck
        self.reviewedAt = reviewedAt
        self.rating = rating
        self.mode = mode
        self.kind = kind
        self.elapsedMilliseconds = elapsedMilliseconds
        self.before = before
        self.after = after
    }
}

/// How a session uses answers: study moves the schedule; practice and exam
/// are logged but leave it alone.
public enum StudyMode: String, Hashable, Sendable, CaseIterable {
    case study, practice, exam

    /// Whether an answer in this mode changes the card's schedule.
    public var updatesSchedule: Bool { self == .study }
}
