import DeckKit
import StudyCore

/// The last answers of one fact, as the detail pane shows them, read from
/// the store when the selection moves to it.
public struct FactHistory: Equatable, Sendable {
    public var factID: FactID
    /// Newest first.
    public var answers: [ReviewLogEntry]

    public init(factID: FactID, answers: [ReviewLogEntry]) {
        self.factID = factID
        self.answers = answers
    }

    /// How many answers the detail shows.
    public static let shown = 5
}
