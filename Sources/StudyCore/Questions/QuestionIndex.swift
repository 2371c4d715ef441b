import DeckKit
import Synchronization

/// What the generator knows of the decks: every fact with its topic, every
/// topic with its path, and each fact's analysis (tokens, key terms), worked
/// out the first time a question needs it and kept.
///
/// A class, shared by the copies of a generator held in state, so that the
/// analyses done for one question serve the next. Its stored lists never
/// change after `init`; the cache is behind a mutex.
final class QuestionIndex: Sendable {
    struct FactEntry: Sendable {
        var fact: Fact
        var deck: Int
        /// Index into `topics`.
        var topic: Int
    }

    /// A node that holds facts: a which-topic answer or option.
    struct TopicEntry: Sendable {
        var title: String
        /// Deck title, then titles down to this node.
        var path: [String]
        var deck: Int
        /// Indices into `facts` (a topic's facts are consecutive).
        var facts: Range<Int>
        /// "Summary", "References", "Table of Contents": not a subject.
        var isGeneric: Bool
    }

    /// A fact's text cut into tokens, with its key-term candidates.
    struct Analysis: Sendable {
        var plain: String
        var tokens: TextTokens
        var candidates: [KeyTerm]
        var definition: (term: KeyTerm, definition: Range<Int>)?
    }

    let decks: [Deck]
    let facts: [FactEntry]
    let topics: [TopicEntry]
    private let positionByID: [FactID: Int]
    private let analyses: Mutex<[Int: Analysis]>
    private let glossaryCache: Mutex<Set<String>?>
    private let contextStemsByFact: Mutex<[Int: Set<String>]>

    init(decks: [Deck]) {
        var facts: [FactEntry] = []
        var topics: [TopicEntry] = []
        var positions: [FactID: Int] = [:]
        for (deckIndex, deck) in decks.enumerated() {
            var stack: [(node: TopicNode, path: [String])] = [(deck.root, [deck.title])]
            while let (node, path) = stack.popLast() {
                if !node.facts.isEmpty {
                    let title = node.title.plainText
                    let start = facts.count
                    for fact in node.facts {
                        positions[fact.id] = facts.count
                        facts.append(FactEntry(fact: fact, deck: deckIndex, topic: topics.count))
                    }
                    topics.append(TopicEntry(title: title, path: path, deck: deckIndex, facts: start..<facts.count,
                                             isGeneric: Self.isGeneric(title)))
                }
                for child in node.children.reversed() { stack.append((child, path + [child.title.plainText])) }
            }
        }
        self.decks = decks
        self.facts = facts
        self.topics = topics
        positionByID = positions
        analyses = Mutex([:])
        glossaryCache = Mutex(nil)
        contextStemsByFact = Mutex([:])
    }

    func entry(_ id: FactID) -> Int? { positionByID[id] }

    func analysis(_ position: Int) -> Analysis {
        if let known = analyses.withLock({ $0[position] }) { return known }
        let fact = facts[position].fact
        let tokens = TextTokens(fact.text.plainText)
        let made = Analysis(plain: fact.text.plainText, tokens: tokens,
                            candidates: KeyTermFinder.candidates(in: fact.text, tokens: tokens),
                            definition: KeyTermFinder.definition(in: tokens))
        analyses.withLock { $0[position] = made }
        return made
    }

    /// The words the notes themselves single out: every heading's and label's
    /// words and every bold or code phrase, as stems. A plain single word is
    /// worth a blank only if the notes name it so somewhere ("overfitting"
    /// in a heading, yes; "document" or "datasets", no). Worked out on first use.
    func glossary() -> Set<String> {
        if let known = glossaryCache.withLock({ $0 }) { return known }
        var stems: Set<String> = []
        for deck in decks {
            deck.root.forEachNode { node in
                stems.formUnion(OptionForms.contentStems(node.title.plainText))
                for fact in node.facts {
                    for span in fact.text.spans where span.style.contains(.bold) || span.style.contains(.code) {
                        stems.formUnion(OptionForms.contentStems(span.text))
                    }
                }
            }
        }
        glossaryCache.withLock { $0 = stems }
        return stems
    }

    /// The lines the quiz shows above a question about the fact: its topic
    /// path, and for a nested fact the item it is nested under.
    func context(of position: Int) -> [String] {
        let entry = facts[position]
        var lines = Question.context(for: topics[entry.topic].path)
        if let parent = entry.fact.context?.plainText, !parent.isEmpty { lines.append(parent) }
        return lines
    }

    /// The word stems of `context(of:)`: no answer may show among them.
    func contextStems(of position: Int) -> Set<String> {
        if let known = contextStemsByFact.withLock({ $0[position] }) { return known }
        let stems = context(of: position).reduce(into: Set<String>()) { $0.formUnion(OptionForms.contentStems($1)) }
        contextStemsByFact.withLock { $0[position] = stems }
        return stems
    }

    /// Topics in order of distance in the post (the fact's own first, then
    /// the one before, the one after, …), at most `limit`, of the same deck
    /// first.
    func topicsByDistance(from topic: Int, limit: Int) -> [Int] {
        var result: [Int] = []
        var step = 1
        while result.count < limit && (topic - step >= 0 || topic + step < topics.count) {
            if topic - step >= 0 { result.append(topic - step) }
            if topic + step < topics.count { result.append(topic + step) }
            step += 1
        }
        return result
    }

    /// Calls `body` with the facts nearest the one at `position`: its own
    /// topic's, then those of the nearest topics, up to a few hundred, until
    /// `body` says it has enough.
    func forEachNeighbour(of position: Int, _ body: (Int) -> Bool) {
        let own = facts[position].topic
        var visited = 0
        for other in topics[own].facts where other != position {
            if body(other) { return }
            visited += 1
        }
        for topic in topicsByDistance(from: own, limit: 400) {
            for other in topics[topic].facts {
                if body(other) { return }
                visited += 1
                if visited >= 600 { return }
            }
        }
    }

    static func isGeneric(_ title: String) -> Bool {
        var folded = ""
        for character in title.lowercased() where character.isLetter || character.isNumber || character == " " || character == ";" {
            folded.append(character)
        }
        let trimmed = folded.trimmedSpaces()
        if trimmed.isEmpty || WordLists.genericTitles.contains(trimmed) { return true }
        // "Integration - Summary", "Section Introduction": a catch-all by one of its words.
        return trimmed.split(separator: " ").contains { WordLists.catchAllWords.contains(String($0)) }
    }
}
