import DeckKit

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
    public var layout: PaneLayout
    public var keyMap: KeyMap
    public var isRunning = true

    public init(decks: [Deck], width: Int = 80, height: Int = 24, keyMap: KeyMap = .standard) {
        self.decks = decks
        self.rows = TreeRow.visibleRows(of: decks, collapsed: [])
        self.layout = PaneLayout(width: width, height: height)
        self.keyMap = keyMap
        // Start on the first node with facts of its own, so the detail pane
        // shows something to learn at once.
        let decks = self.decks
        selectedRow = rows.firstIndex { row in !(decks.node(at: row.path)?.facts.isEmpty ?? true) } ?? 0
    }

    public var selectedPath: NodePath? {
        rows.indices.contains(selectedRow) ? rows[selectedRow].path : nil
    }

    public var selectedNode: TopicNode? {
        selectedPath.flatMap { decks.node(at: $0) }
    }

    /// Where the keys go now: help and search input take them all.
    public var keyContext: KeyContext {
        if isShowingHelp { return .help }
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
