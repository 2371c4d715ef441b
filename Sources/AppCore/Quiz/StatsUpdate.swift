import DeckKit
import StudyCore

/// The stats screen half of `update`: open it on the selected node (asking the
/// run loop for the review log), move through the topic table, jump to a topic.
extension AppUpdate {
    static func showStats(_ state: inout AppState) -> [Effect] {
        guard let path = state.selectedPath, let node = state.decks.node(at: path) else { return [] }
        state.screen = .stats(StatsViewState(scope: path, scopeTitle: node.title.plainText))
        state.overlay = nil
        var scope = Set<FactID>()
        node.forEachNode { scope.formUnion($0.facts.map(\.id)) }
        return [.loadReviewActivity(scope: scope, now: state.now)]
    }

    static func statsLoaded(_ activity: ReviewActivity, _ state: inout AppState) {
        guard var view = state.statsView, let node = state.decks.node(at: view.scope) else { return }
        let prefix = state.decks.titles(along: view.scope).dropFirst()
        var scope: [(FactID, [String])] = []
        var paths: [[String]: NodePath] = [:]
        func visit(_ node: TopicNode, _ titles: [String], _ path: NodePath) {
            if paths[titles] == nil { paths[titles] = path }
            for fact in node.facts { scope.append((fact.id, titles)) }
            for (index, child) in node.children.enumerated() {
                visit(child, titles + [child.title.plainText], path.child(index))
            }
        }
        visit(node, Array(prefix), view.scope)
        view.topicPaths = paths
        view.statistics = ProgressStatistics.compute(scope: scope, cards: state.progress, activity: activity, now: state.now,
                                                     days: state.studyOptions.dayBoundary, scheduler: state.scheduler,
                                                     leechLapses: state.studyOptions.leechLapses)
        view.selectedTopic = 0
        state.screen = .stats(view)
    }

    static func moveInStats(_ command: Command, _ state: inout AppState) {
        guard var view = state.statsView, let count = view.statistics?.weakestTopics.count, count > 0 else { return }
        switch command {
        case .moveUp: view.selectedTopic = max(0, view.selectedTopic - 1)
        case .moveDown: view.selectedTopic = min(count - 1, view.selectedTopic + 1)
        case .moveToFirst: view.selectedTopic = 0
        case .moveToLast: view.selectedTopic = count - 1
        default: break
        }
        state.screen = .stats(view)
    }

    /// Closes the stats and selects the highlighted topic in the tree.
    static func openStatsTopic(_ state: inout AppState) {
        guard let view = state.statsView, let topics = view.statistics?.weakestTopics,
              topics.indices.contains(view.selectedTopic) else { return }
        // By the path recorded when the statistics were made, not by title.
        guard let path = view.topicPaths[topics[view.selectedTopic].path] else { return }
        state.screen = .browse
        var ancestor = path.parent
        while let folded = ancestor {
            state.collapsed.remove(folded)
            ancestor = folded.parent
        }
        state.refreshRows(selecting: path)
        state.selectedFact = 0
        state.focus = .tree
        keepSelectionVisible(&state)
    }
}
