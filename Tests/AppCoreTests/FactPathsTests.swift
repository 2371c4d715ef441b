import DeckKit
import Testing
@testable import AppCore

/// `FactPaths` finds each fact's node by id, as the dictionary it replaced
/// did (issue 14: the same answers in a third of the memory).
@Suite("Fact paths")
struct FactPathsTests {
    static let first = """
        # Storage notes
        - A fact at the top.
        ## S3
        - Amazon S3 stores objects in buckets.
        ### Glacier
        - Glacier keeps archives for years.
        ## EBS
        - EBS gives blocks to one instance.
        """
    static let second = """
        # Compute notes
        ## EC2
        - EC2 runs virtual machines.
        ## Lambda
        - Lambda runs functions.
        - Lambda bills by the millisecond.
        """

    /// Every fact's path, found by walking the decks the slow way.
    static func walked(_ decks: [Deck]) -> [(FactID, NodePath)] {
        var found: [(FactID, NodePath)] = []
        func visit(_ node: TopicNode, _ path: NodePath) {
            for fact in node.facts { found.append((fact.id, path)) }
            for (offset, child) in node.children.enumerated() { visit(child, path.child(offset)) }
        }
        for (offset, deck) in decks.enumerated() { visit(deck.root, NodePath([offset])) }
        return found
    }

    @Test func eachFactIsFoundAtItsNodeInEveryDeck() throws {
        let decks = [try DeckLoader.load(text: Self.first, file: "storage.md"),
                     try DeckLoader.load(text: Self.second, file: "compute.md")]
        let paths = FactPaths(decks)
        let walked = Self.walked(decks)
        #expect(walked.count == 7)
        for (id, path) in walked {
            #expect(paths[id] == path)
            #expect(decks.node(at: try #require(paths[id]))?.facts.contains { $0.id == id } == true)
        }
        let glacier = try #require(walked.first { decks.node(at: $0.1)?.title.plainText == "Glacier" })
        #expect(paths[glacier.0] == NodePath([0, 0, 0, 0]))  // root › "Storage notes" › S3 › Glacier
        let lambda = walked.filter { $0.1 == NodePath([1, 0, 1]) }  // root › "Compute notes" › Lambda
        #expect(lambda.count == 2)
        #expect(paths[FactID(rawValue: "not-a-fact")] == nil)
        #expect(paths[FactID(rawValue: "0123456789abcdef")] == nil)
    }

    /// An id in two places (the same deck loaded twice) is found at its
    /// first, as `AppState` always answered.
    @Test func aRepeatedIdIsFoundAtItsFirstPlace() throws {
        let deck = try DeckLoader.load(text: Self.first, file: "storage.md")
        let paths = FactPaths([deck, deck])
        for (id, path) in Self.walked([deck]) {
            #expect(paths[id] == path)
            #expect(paths[id]?.indices.first == 0)
        }
    }

    /// Ids that are not a loader's (made by hand in tests) are found too.
    @Test func handMadeIdsAreFound() {
        let node = TopicNode(title: InlineText(plain: "Topic"), kind: .heading(level: 2), line: 2,
                             facts: [Fact(id: FactID(rawValue: "hand-made"), text: InlineText(plain: "A fact."), line: 3)])
        let deck = Deck(title: "Hand", date: nil, tags: [], file: "hand.md", frontMatter: [],
                        root: TopicNode(title: InlineText(plain: "Hand"), kind: .deck, line: 0, children: [node]),
                        warnings: [])
        let paths = FactPaths([deck])
        #expect(paths[FactID(rawValue: "hand-made")] == NodePath([0, 0]))
        #expect(paths[FactID(rawValue: "other")] == nil)
    }
}
