import DeckKit

/// One line of the review log, as the statistics read it.
public struct ReviewLogEntry: Hashable, Sendable {
    public var factID: FactID
    public var reviewedAt: Timestamp
    public var rating: Rating
    public var mode: StudyMode
    /// The question kind ("flip", "cloze", …), where it was read.
    public var kind: String?

    public init(factID: FactID, reviewedAt: Timestamp, rating: Rating, mode: StudyMode, kind: String? = nil) {
        self.kind = kind
        self.factID = factID
        self.reviewedAt = reviewedAt
        self.rating = rating
        self.mode = mode
    }
}
