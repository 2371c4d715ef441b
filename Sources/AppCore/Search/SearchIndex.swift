import DeckKit

/// Every searchable text of the loaded decks, folded once: node titles and the
/// facts each node's detail lists. Built when the user first presses `/`, not
/// at start-up.
public struct SearchIndex: Hashable, Sendable {
    struct Entry: Hashable, Sendable {
        var match: SearchMatch
        var folded: [Character]
    }

    private var entries: [Entry] = []

    public init(decks: [Deck]) {
        func visit(_ node: TopicNode, _ path: NodePath) {
            entries.append(Entry(match: SearchMatch(path: path, factIndex: nil),
                                 folded: SearchFolding.fold(node.title.plainText)))
            // A group's facts are found in the group itself (its own row).
            for (index, fact) in node.facts.enumerated() {
                entries.append(Entry(match: SearchMatch(path: path, factIndex: index),
                                     folded: SearchFolding.fold(fact.text.plainText)))
            }
            for (index, child) in node.children.enumerated() { visit(child, path.child(index)) }
        }
        for (index, deck) in decks.enumerated() { visit(deck.root, NodePath([index])) }
    }

    /// Matches of `query` in tree order.
    public func matches(for query: String) -> [SearchMatch] {
        let needle = SearchFolding.fold(query)
        guard !needle.isEmpty else { return [] }
        return entries.filter { SearchFolding.contains($0.folded, needle) }.map(\.match)
    }
}

/// A place the search found: a node's title (`factIndex` nil) or one of the
/// facts the node's detail lists.
public struct SearchMatch: Hashable, Sendable {
    public var path: NodePath
    public var factIndex: Int?

    public init(path: NodePath, factIndex: Int?) {
        self.path = path
        self.factIndex = factIndex
    }
}

/// The search the user is typing or has typed.
public struct SearchState: Hashable, Sendable {
    public var query = ""
    public var matches: [SearchMatch] = []
    /// Index into `matches` of the match shown, if any.
    public var currentMatch: Int?
    /// Where the selection was when the search began: matches are taken from
    /// there on, and cancelling goes back there.
    public var origin: SearchMatch

    public init(origin: SearchMatch) {
        self.origin = origin
    }
}
