/// How well a fact was recalled, as Anki and FSRS grade it.
public enum Rating: Int, Hashable, Sendable, CaseIterable, Comparable {
    case again = 1, hard = 2, good = 3, easy = 4

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }

    public var name: String {
        switch self {
        case .again: "Again"
        case .hard: "Hard"
        case .good: "Good"
        case .easy: "Easy"
        }
    }
}

/// Where a card is in its life, with the integer the store writes.
public enum CardState: Int, Hashable, Sendable, CaseIterable {
    /// Never reviewed.
    case new = 0
    /// Going through the learning steps (1 min, 10 min).
    case learning = 1
    /// Scheduled in days by FSRS.
    case review = 2
    /// Forgotten after review; going through the relearning step.
    case relearning = 3

    public var name: String {
        switch self {
        case .new: "new"
        case .learning: "learning"
        case .review: "review"
        case .relearning: "relearning"
        }
    }
}
