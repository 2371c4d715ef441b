import DeckKit

/// One visible line of the topic tree.
public struct TreeRow: Hashable, Sendable {
    public var path: NodePath
    public var title: String
    public var kind: TopicNode.Kind
    public var hasChildren: Bool
    public var isExpanded: Bool
    /// Facts of the node and everything below it.
    public var factCount: Int

    public var depth: Int { path.depth }

    /// The rows shown for `decks` when the nodes in `collapsed` are folded:
    /// every node, parents first, skipping what lies under a folded node.
    public static func visibleRows(of decks: [Deck], collapsed: Set<NodePath>) -> [TreeRow] {
        var rows: [TreeRow] = []
        func visit(_ node: TopicNode, _ path: NodePath) {
            let expanded = !collapsed.contains(path)
            rows.append(TreeRow(path: path, title: node.title.plainText, kind: node.kind,
                                hasChildren: !node.children.isEmpty, isExpanded: expanded,
                                factCount: node.totalFactCount))
            guard expanded else { return }
            for (index, child) in node.children.enumerated() { visit(child, path.child(index)) }
        }
        for (index, deck) in decks.enumerated() { visit(deck.root, NodePath([index])) }
        return rows
    }
}
