import DeckKit
import StudyCore

/// The stats screen of the node that was selected when `t` was pressed.
public struct StatsViewState: Equatable, Sendable {
    public var scope: NodePath
    public var scopeTitle: String
    /// Nil until the review log has been read (it is read on demand).
    public var statistics: ProgressStatistics?
    /// Index into `statistics.weakestTopics` of the highlighted row.
    public var selectedTopic = 0
}
