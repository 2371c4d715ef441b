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
    /// Each topic row's node, recorded from the same walk that grouped the
    /// facts, so Enter jumps by path (two topics may share a title).
    public var topicPaths: [[String]: NodePath] = [:]

    public init(scope: NodePath, scopeTitle: String) {
        self.scope = scope
        self.scopeTitle = scopeTitle
    }
}
