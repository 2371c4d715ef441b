import DeckKit

/// The facts of a deck in post order, each with the titles of the nodes below
/// the deck that lead to it: what the statistics group by and exports tag with.
public enum FactListing {
    public static func facts(in deck: Deck) -> [(fact: Fact, path: [String])] {
        var result: [(Fact, [String])] = []
        func visit(_ node: TopicNode, _ path: [String]) {
            for fact in node.facts { result.append((fact, path)) }
            for child in node.children { visit(child, path + [child.title.plainText]) }
        }
        visit(deck.root, [])
        return result
    }
}
