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
    /// Never asked until unsuspended (by the learner's choice).
    public var suspended: Bool
    /// Not asked before this time (buried for the rest of the learner's day).
    public var buriedUntil: Timestamp?

    public init(factID: FactID, state: CardState = .new, step: Int? = nil, stability: Double? = nil,
                difficulty: Double? = nil, due: Timestamp? = nil, lastReview: Timestamp? = nil,
                reps: Int = 0, lapses: Int = 0, suspended: Bool = false, buriedUntil: Timestamp? = nil) {
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
        self.buriedUntil = buriedUntil
    }

    /// Whether the card is buried at `now`.
    public func isBuried(at now: Timestamp) -> Bool {
        buriedUntil.map { now < $0 } ?? false
    }

    /// Whether a study session may ask it at `now`: neither suspended nor buried.
    public func isAskable(at now: Timestamp) -> Bool {
        !suspended && !isBuried(at: now)
    }

    public static func new(factID: FactID) -> CardProgress {
        CardProgress(factID: factID)
    }
}
