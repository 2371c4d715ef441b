import DeckKit

/// Where each fact sits in the tree: its node's path, by fact id (the first
/// place of an id that is in the notes twice). Identity travels by id, and
/// this replaces walks and title searches.
///
/// Kept as a `FactIndex` (an id's position in a walk of the decks), the
/// node of each position and each node's path once, not as a dictionary of
/// id to path: on a 100,000-fact post the dictionary, grown entry by entry,
/// was 12.6 MB at the moment the screen opened (issue 14: peak memory at
/// most 6x the post), this is about 5 MB.
///
///     let paths = FactPaths(decks)
///     paths[fact.id]          // NodePath([0, 2, 1]), or nil for an unknown id
public struct FactPaths: Equatable, Sendable {
    /// Each fact's position in the walk (a node's facts, then its children).
    private let positions: FactIndex
    /// The node holding the fact at each position: an index into `nodes`.
    private let nodeOfPosition: [Int32]
    /// The path of each node that holds facts, in walk order.
    private let nodes: [NodePath]

    public init(_ decks: [Deck]) {
        var ids: [FactID] = [], nodeOfPosition: [Int32] = [], nodes: [NodePath] = []
        let total = decks.reduce(0) { $0 + $1.root.totalFactCount }
        ids.reserveCapacity(total)
        nodeOfPosition.reserveCapacity(total)
        func visit(_ node: TopicNode, _ path: NodePath) {
            if !node.facts.isEmpty {
                nodes.append(path)
                let number = Int32(nodes.count - 1)
                for fact in node.facts {
                    ids.append(fact.id)
                    nodeOfPosition.append(number)
                }
            }
            for (offset, child) in node.children.enumerated() { visit(child, path.child(offset)) }
        }
        for (offset, deck) in decks.enumerated() { visit(deck.root, NodePath([offset])) }
        positions = FactIndex(ids)
        self.nodeOfPosition = nodeOfPosition
        self.nodes = nodes
    }

    /// The path of the node holding `id`, or nil when no loaded deck has it.
    public subscript(id: FactID) -> NodePath? {
        positions.position(of: id).map { nodes[Int(nodeOfPosition[$0])] }
    }

    /// How many nodes hold facts: they are numbered 0..<nodeCount in the
    /// order of a walk of the decks (a node's facts, then its children).
    public var nodeCount: Int { nodes.count }

    /// The number of the node holding `id` (its first place), or nil.
    public func nodeNumber(of id: FactID) -> Int? {
        positions.position(of: id).map { Int(nodeOfPosition[$0]) }
    }

    /// The path of node `number` (0..<nodeCount).
    public func path(ofNode number: Int) -> NodePath { nodes[number] }

    /// Whether some fact id is in the decks twice: `nodeNumber(of:)` finds
    /// only its first place, so a count per place must walk the facts.
    public var hasRepeats: Bool { positions.hasRepeats }
}
