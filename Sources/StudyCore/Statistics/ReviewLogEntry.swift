import DeckKit

/// One line of the review log, as the statistics read it.
public struct ReviewLogEntry: Hashable, Sendable {
    public var factID: FactID
    public var reviewedAt: Timestamp
    public var rating: Rating
    public var mode: StudyMode

    public init(factID: FactID, reviewedAt: Timestamp, rating: Rating, mode: StudyMode) {
        self.factID = factID
        self.reviewedAt = reviewedAt
        self.rating = rating
        self.mode = mode
    }
}
