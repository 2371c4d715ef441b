import DeckKit

/// What is known about learning one fact: its FSRS memory state and schedule.
/// A fact never studied has `CardProgress.new(factID:)`.
public struct CardProgress: Hashable, Sendable {
    public var factID: FactID
    public var state: CardState
    /// The learning or relearning step the card is on; nil in review (and new).
    public var step: Int?
    /// FSRS stability in days: the interval at which recall falls to 90%.
    public var stability: Double?
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    public var difficulty: Double?
    public var due: Timestamp?
    public var lastReview: Timestamp?
    /// Reviews that counted for the schedule.
    public var reps: Int
    /// Times a review card was forgotten (Again in review).
    public var lapses: Int
    public var suspended: Bool

    public init(factID: FactID, state: CardState = .new, step: Int? = nil, stability: Double? = nil,
                difficulty: Double? = nil, due: Timestamp? = nil, lastReview: Timestamp? = nil,
                reps: Int = 0, lapses: Int = 0, suspended: Bool = false) {
        self.factID = factID
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
        self.suspended = suspended
    }

    public static func new(factID: FactID) -> CardProgress {
        CardProgress(factID: factID)
    }
}
