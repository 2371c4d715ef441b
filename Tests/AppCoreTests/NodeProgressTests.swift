import DeckKit
import StudyCore
import Testing
@testable import AppCore

/// The tree's counts (`AppState.refreshNodeProgress`): counted card by card
/// in the store's order, each at its node (issue 14), and fact by fact when
/// an id is in the notes twice; either way what the tree shows.
@Suite("Node progress")
struct NodeProgressTests {
    static let notes = """
        # Storage notes
        ## S3
        - Amazon S3 stores objects in buckets.
        - S3 Glacier keeps archives for years.
        - S3 versioning keeps every version of an object.
        ### Lifecycle
        - Lifecycle rules move objects to colder classes.
        ## EBS
        - EBS gives blocks to one instance.
        - EBS snapshots are kept in S3.
        """
    static let now = Timestamp(milliseconds: 1_800_000_000_000)
    static let day = Timestamp.millisecondsPerDay

    /// A card in review, last seen `daysAgo`, with `stability` days.
    static func reviewed(_ id: FactID, daysAgo: Int64, stability: Double, dueIn days: Int64, lapses: Int = 0)
        -> CardProgress {
        CardProgress(factID: id, state: .review, stability: stability, difficulty: 5,
                     due: now.adding(milliseconds: days * day), lastReview: now.adding(milliseconds: -daysAgo * day),
                     reps: 3 + lapses, lapses: lapses)
    }

    @Test func eachNodeCountsItsFactsAndItsChildren() throws {
        let deck = try DeckLoader.load(text: Self.notes, file: "storage.md")
        let s3 = deck.root.children[0].children[0], lifecycle = s3.children[0], ebs = deck.root.children[0].children[1]
        let (object, glacier, versioning) = (s3.facts[0].id, s3.facts[1].id, s3.facts[2].id)
        let rules = lifecycle.facts[0].id
        let (blocks, snapshots) = (ebs.facts[0].id, ebs.facts[1].id)
        let buriedUntil = Self.now.adding(milliseconds: 3 * 3_600_000)
        var progress: [FactID: CardProgress] = [
            object: Self.reviewed(object, daysAgo: 10, stability: 30, dueIn: -1),           // due
            glacier: CardProgress(factID: glacier, suspended: true),                        // new, suspended
            rules: Self.reviewed(rules, daysAgo: 1, stability: 9, dueIn: 2, lapses: 9),    // a leech, due later
            blocks: Self.reviewed(blocks, daysAgo: 3, stability: 4, dueIn: -2),
            FactID(rawValue: "0123456789abcdef"): Self.reviewed(FactID(rawValue: "0123456789abcdef"),
                                                                 daysAgo: 1, stability: 1, dueIn: -1), // not in the notes
        ]
        var buried = Self.reviewed(snapshots, daysAgo: 2, stability: 5, dueIn: -1)
        buried.buriedUntil = buriedUntil
        progress[snapshots] = buried
        let state = AppState(decks: [deck], now: Self.now, progress: progress)
        let scheduler = FSRSScheduler.standard
        func mastery(_ ids: [FactID]) -> Double {
            ids.reduce(0) { $0 + ExactSum.rounded(scheduler.mastery(of: progress[$1]!, at: Self.now)) }
        }

        let s3Counts = try #require(state.nodeProgress[NodePath([0, 0, 0])])
        #expect(s3Counts.facts == 4)          // its own three and Lifecycle's
        #expect(s3Counts.due == 1)            // the object fact (the leech is due in two days)
        #expect(s3Counts.new == 2)            // Glacier (a card, not studied) and versioning (none)
        #expect(s3Counts.studied == 2)
        #expect(s3Counts.suspended == 1)
        #expect(s3Counts.leeches == 1)
        #expect(s3Counts.masterySum == mastery([object, rules]))
        let ebsCounts = try #require(state.nodeProgress[NodePath([0, 0, 1])])
        #expect(ebsCounts.facts == 2 && ebsCounts.studied == 2 && ebsCounts.new == 0)
        #expect(ebsCounts.due == 1)           // the snapshot card is buried: not asked before the morning
        #expect(ebsCounts.buried == 1)
        let root = try #require(state.nodeProgress[NodePath([0])])
        #expect(root.facts == 6 && root.studied == 4 && root.due == 2 && root.new == 2)
        #expect(root.masterySum == mastery([object, rules, blocks, snapshots]))
        // The next change: the burial ends before the leech comes due.
        #expect(state.nextProgressChange == buriedUntil)
    }

    /// The same notes loaded twice (two decks, the same ids): each place
    /// counts its card, as the tree always did.
    @Test func aFactInTwoPlacesIsCountedAtEach() throws {
        let deck = try DeckLoader.load(text: Self.notes, file: "storage.md")
        let object = deck.root.children[0].children[0].facts[0].id
        let progress = [object: Self.reviewed(object, daysAgo: 10, stability: 30, dueIn: -1)]
        let state = AppState(decks: [deck, deck], now: Self.now, progress: progress)
        for root in [NodePath([0]), NodePath([1])] {
            #expect(state.nodeProgress[root]?.due == 1)
            #expect(state.nodeProgress[root]?.studied == 1)
            #expect(state.nodeProgress[root]?.new == 5)
        }
    }

    /// The counts do not depend on the order the cards are stored in: the
    /// sums of mastery are exact (`ExactSum`), so two stores holding the
    /// same cards, inserted in opposite orders, show the same tree.
    @Test func theCountsDoNotDependOnTheCardsOrder() throws {
        let deck = try DeckLoader.load(text: Self.notes, file: "storage.md")
        var ids: [FactID] = []
        deck.root.forEachNode { node in ids += node.facts.map(\.id) }
        let cards = ids.enumerated().map { offset, id in
            Self.reviewed(id, daysAgo: Int64(offset + 1), stability: 0.7 + Double(offset) * 1.37, dueIn: 1)
        }
        var forward: [FactID: CardProgress] = [:], backward: [FactID: CardProgress] = [:]
        for card in cards { forward[card.factID] = card }
        for card in cards.reversed() { backward[card.factID] = card }
        let one = AppState(decks: [deck], now: Self.now, progress: forward)
        let other = AppState(decks: [deck], now: Self.now, progress: backward)
        #expect(one.nodeProgress == other.nodeProgress)
        #expect(one.nodeProgress[NodePath([0])]?.studied == ids.count)
    }
}
