import DeckKit
import StudyCore

/// Everything the screen shows, as plain values. `update` is the only thing
/// that changes it; views only read it.
public struct AppState: Equatable, Sendable {
    public var decks: [Deck]
    /// Nodes the user has folded (everything starts unfolded).
    public var collapsed: Set<NodePath> = []
    /// The visible tree rows, kept in step with `decks` and `collapsed`.
    public private(set) var rows: [TreeRow]
    /// Index into `rows` of the selected row.
    public var selectedRow = 0
    /// Index of the first tree row on screen.
    public var treeScroll = 0
    /// Index into the selected node's `detailFacts` of the selected fact.
    public var selectedFact = 0
    /// The pane that gets the keys.
    public var focus: Pane = .tree
    /// The search being typed or shown, if any.
    public var search: SearchState?
    /// Built on the first search, then kept.
    public var searchIndex: SearchIndex?
    public var isShowingHelp = false
    /// The time now, as the run loop last told it (`.clockTicked`).
    public var now: Timestamp
    /// Every card the store knows, by fact id; a fact not here is new.
    public var progress: [FactID: CardProgress]
    /// Due/new counts and mastery per node, kept in step with `progress`.
    public private(set) var nodeProgress: [NodePath: NodeProgress] = [:]
    public var scheduler: FSRSScheduler
    public var studyOptions: StudyOptions
    /// New facts already started today (they count against `newPerDay`).
    public var newFactsStartedToday: Int
    /// Built when the first session starts.
    public var questionGenerator: QuestionGenerator?
    /// The quiz in the right-hand pane, if one is running.
    public var quiz: QuizState?
    /// The stats screen, while it is open.
    public var statsView: StatsViewState?
    /// A one-line message for the status bar (a store error, an undo).
    public var message: String?
    public var layout: PaneLayout
    public var keyMap: KeyMap
    public var isRunning = true

    public init(decks: [Deck], width: Int = 80, height: Int = 24, keyMap: KeyMap = .standard,
                now: Timestamp = Timestamp(milliseconds: 0), progress: [FactID: CardProgress] = [:],
                scheduler: FSRSScheduler = .standard, studyOptions: StudyOptions = StudyOptions(),
                newFactsStartedToday: Int = 0) {
        self.decks = decks
        self.now = now
        self.progress = progress
        self.scheduler = scheduler
        self.studyOptions = studyOptions
        self.newFactsStartedToday = newFactsStartedToday
        self.rows = TreeRow.visibleRows(of: decks, collapsed: [])
        self.layout = PaneLayout(width: width, height: height)
        self.keyMap = keyMap
        // Start on the first node with facts of its own, so the detail pane
        // shows something to learn at once.
        let decks = self.decks
        selectedRow = rows.firstIndex { row in !(decks.node(at: row.path)?.facts.isEmpty ?? true) } ?? 0
        refreshNodeProgress()
    }

    /// Recounts due, new and mastery for every node from `progress` at `now`.
    /// One pass over the facts.
    public mutating func refreshNodeProgress() {
        var result: [NodePath: NodeProgress] = [:]
        let progress = self.progress, scheduler = self.scheduler, now = self.now
        func visit(_ node: TopicNode, _ path: NodePath) -> NodeProgress {
            var counts = NodeProgress()
            for fact in node.facts {
                counts.facts += 1
                guard let card = progress[fact.id], card.state != .new else { counts.new += 1; continue }
                counts.studied += 1
                counts.masterySum += scheduler.mastery(of: card, at: now)
                if !card.suspended, let due = card.due, due <= now { counts.due += 1 }
            }
            for (index, child) in node.children.enumerated() {
                let childCounts = visit(child, path.child(index))
                counts.facts += childCounts.facts
                counts.due += childCounts.due
                counts.new += childCounts.new
                counts.studied += childCounts.studied
                counts.masterySum += childCounts.masterySum
            }
            result[path] = counts
            return counts
        }
        for (index, deck) in decks.enumerated() { _ = visit(deck.root, NodePath([index])) }
        nodeProgress = result
    }

    public var selectedPath: NodePath? {
        rows.indices.contains(selectedRow) ? rows[selectedRow].path : nil
    }

    public var selectedNode: TopicNode? {
        selectedPath.flatMap { decks.node(at: $0) }
    }

    /// Where the keys go now: help, search input and the quiz take them first.
    public var keyContext: KeyContext {
        if isShowingHelp { return .help }
        if statsView != nil && quiz == nil { return .stats }
        if let quiz {
            switch quiz.phase {
            case .asking:
                switch quiz.question?.kind {
                case .flip?: return .quizFlip
                case .clozeTyped?: return .quizTyping
                default: return .quizChoice
                }
            case .revealed: return .quizGrade
            case .feedback: return .quizFeedback
            case .summary: return .quizSummary
            case .nothingToDo: return .quizEmpty
            }
        }
        if search?.isEditing == true { return .searchInput }
        return focus == .tree ? .tree : .detail
    }

    /// Recomputes `rows` after `collapsed` changed, keeping `path` selected.
    mutating func refreshRows(selecting path: NodePath?) {
        rows = TreeRow.visibleRows(of: decks, collapsed: collapsed)
        if let path, let index = rows.firstIndex(where: { $0.path == path }) {
            selectedRow = index
        } else {
            selectedRow = min(selectedRow, max(0, rows.count - 1))
        }
    }
}
