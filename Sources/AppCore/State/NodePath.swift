import DeckKit

/// Where a node sits in the loaded decks: the deck's index, then the child
/// index at each level. `NodePath([0])` is the first deck's root,
/// `NodePath([0, 0, 3])` the fourth topic of its first section.
public struct NodePath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var indices: [Int]

    public init(_ indices: [Int]) {
        self.indices = indices
    }

    public var depth: Int { indices.count - 1 }
    public var parent: NodePath? { indices.count > 1 ? NodePath(Array(indices.dropLast())) : nil }
    public var description: String { indices.map(String.init).joined(separator: ".") }

    public func child(_ index: Int) -> NodePath { NodePath(indices + [index]) }

    public static func < (lhs: NodePath, rhs: NodePath) -> Bool {
        lhs.indices.lexicographicallyPrecedes(rhs.indices)
    }
}

extension Array where Element == Deck {
    /// The node at `path`, or nil when the path does not lead anywhere.
    public func node(at path: NodePath) -> TopicNode? {
        guard let deckIndex = path.indices.first, indices.contains(deckIndex) else { return nil }
        var node = self[deckIndex].root
        for index in path.indices.dropFirst() {
            guard node.children.indices.contains(index) else { return nil }
            node = node.children[index]
        }
        return node
    }

    /// Titles from the deck down to the node at `path`.
    public func titles(along path: NodePath) -> [String] {
        guard let deckIndex = path.indices.first, indices.contains(deckIndex) else { return [] }
        var node = self[deckIndex].root
        var titles = [node.title.plainText]
        for index in path.indices.dropFirst() {
            guard node.children.indices.contains(index) else { break }
            node = node.children[index]
            titles.append(node.title.plainText)
        }
        return titles
    }
}
