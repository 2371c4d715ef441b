import DeckKit

/// Makes questions from plain bullets, seeded so the same seed gives the same
/// question. A kind is offered for a fact only when it makes a well-formed
/// question: a non-empty blank, four distinct options, the answer not visible
/// in the prompt.
///
///     let generator = QuestionGenerator(decks: [deck])
///     generator.kinds(for: fact.id)                        // [.flip, .whichTopic, …]
///     generator.question(for: fact.id, kind: .clozeChoice, seed: 7)
///
/// Built when a session starts, not at launch.
public struct QuestionGenerator: Sendable, Equatable {
    /// Two generators are the same when built from the same facts.
    public static func == (lhs: QuestionGenerator, rhs: QuestionGenerator) -> Bool {
        lhs.entries.map(\.fact.id) == rhs.entries.map(\.fact.id)
    }

    /// A fact with where it lives.
    struct Entry: Sendable {
        var fact: Fact
        var deck: Int
        /// Index into `topics` of the node that holds the fact.
        var topic: Int
        var keyTerm: KeyTerm?
    }

    /// A node that holds facts, as a which-topic option.
    struct Topic: Sendable {
        var title: String
        /// Deck title, then titles down to this node.
        var path: [String]
        var deck: Int
        var parent: String?
        var facts: [Int]
    }

    private(set) var entries: [Entry] = []
    private(set) var topics: [Topic] = []
    private var entryByID: [FactID: Int] = [:]

    public init(decks: [Deck]) {
        let finder = KeyTermFinder(decks: decks)
        for (deckIndex, deck) in decks.enumerated() {
            func visit(_ node: TopicNode, path: [String], parent: String?) {
                if !node.facts.isEmpty {
                    var topic = Topic(title: node.title.plainText, path: path, deck: deckIndex, parent: parent, facts: [])
                    for fact in node.facts {
                        entryByID[fact.id] = entries.count
                        topic.facts.append(entries.count)
                        entries.append(Entry(fact: fact, deck: deckIndex, topic: topics.count,
                                             keyTerm: finder.keyTerm(of: fact)))
                    }
                    topics.append(topic)
                }
                for child in node.children {
                    visit(child, path: path + [child.title.plainText], parent: node.title.plainText)
                }
            }
            visit(deck.root, path: [deck.title], parent: nil)
        }
    }

    /// The fact with this id, if it is in the decks.
    public func fact(_ id: FactID) -> Fact? {
        entryByID[id].map { entries[$0].fact }
    }

    /// Deck title and node titles down to the fact's topic.
    public func topicPath(of id: FactID) -> [String] {
        entryByID[id].map { topics[entries[$0].topic].path } ?? []
    }

    /// The key term the questions about this fact hide.
    public func keyTerm(of id: FactID) -> KeyTerm? {
        entryByID[id].flatMap { entries[$0].keyTerm }
    }

    /// Every kind that makes a well-formed question for the fact.
    public func kinds(for id: FactID) -> [QuestionKind] {
        QuestionKind.allCases.filter { question(for: id, kind: $0, seed: 1) != nil }
    }

    /// A question of a kind chosen at random among `allowed` that work for it.
    public func question(for id: FactID, choosingFrom allowed: [QuestionKind], seed: UInt64) -> Question? {
        var random = SeededRandom(seed: id.rawValue, counter: seed)
        var kinds = allowed.filter { question(for: id, kind: $0, seed: seed) != nil }
        random.shuffle(&kinds)
        return kinds.first.flatMap { question(for: id, kind: $0, seed: seed) }
    }

    /// A question of `kind` about the fact, or nil when that kind would not
    /// be well formed for it.
    public func question(for id: FactID, kind: QuestionKind, seed: UInt64) -> Question? {
        guard let index = entryByID[id] else { return nil }
        let entry = entries[index]
        var random = SeededRandom(seed: id.rawValue + kind.rawValue, counter: seed)
        let plain = entry.fact.text.plainText
        let path = topics[entry.topic].path
        func make(_ prompt: String, options: [String] = [], correct: Int? = nil, answer: String) -> Question {
            Question(kind: kind, factID: id, fact: entry.fact, topicPath: path, prompt: prompt, options: options,
                     correctOption: correct, answer: answer)
        }
        switch kind {
        case .flip, .clozeTyped:
            guard let term = entry.keyTerm, let gapped = Self.blanking(term, in: plain) else { return nil }
            return make(gapped, answer: term.text)
        case .clozeChoice:
            guard let term = entry.keyTerm, let gapped = Self.blanking(term, in: plain) else { return nil }
            var pool = distractorTerms(for: index, kind: term.kind)
                .filter { !gapped.lowercased().contains($0.lowercased()) }
            guard pool.count >= 3 else { return nil }
            random.shuffle(&pool)
            return shuffledOptions([term.text] + pool.prefix(3), using: &random) { make(gapped, options: $0, correct: $1, answer: term.text) }
        case .whichTopic:
            let topic = topics[entry.topic]
            guard let masked = Self.masking(titleWordsOf: topic.title, in: plain) else { return nil }
            let distractors = topicDistractors(for: entry.topic, using: &random)
            guard distractors.count == 3 else { return nil }
            return shuffledOptions([topic.title] + distractors, using: &random) { make(masked, options: $0, correct: $1, answer: topic.title) }
        case .trueFalse:
            let wantFalse = random.nextUnit() < 0.5
            if wantFalse, let statement = falseStatement(for: index, using: &random) {
                return make(statement, options: ["True", "False"], correct: 1, answer: "False")
            }
            return make(plain, options: ["True", "False"], correct: 0, answer: "True")
        }
    }

    // MARK: - Pieces

    /// The fact with every occurrence of its key term blanked, or nil when
    /// nothing would be left to read.
    static func blanking(_ term: KeyTerm, in plain: String) -> String? {
        let replaced = replacingAll(term.text, in: plain, with: Question.blank)
        let rest = replaced.replacingAllOccurrences(of: Question.blank, with: "").trimmingSpacesAndPunctuation()
        guard replaced != plain, rest.count >= 3 else { return nil }
        return replaced
    }

    /// The fact with the content words of its topic's title hidden, so the
    /// prompt does not give the topic away; nil when nothing would be left.
    static func masking(titleWordsOf title: String, in plain: String) -> String? {
        var masked = plain
        for word in KeyTermFinder.tokens(of: title) where word.count >= 3 && !KeyTermFinder.stopWords.contains(word.lowercased()) {
            masked = replacingAll(word, in: masked, with: "▒▒▒", wholeWords: true)
        }
        return masked.replacingAllOccurrences(of: "▒▒▒", with: "").trimmingSpacesAndPunctuation().count >= 8 ? masked : nil
    }

    private func distractorTerms(for index: Int, kind: KeyTerm.Kind) -> [String] {
        guard let answer = entries[index].keyTerm?.text.lowercased() else { return [] }
        var seen: Set<String> = [answer]
        var result: [String] = []
        for entry in entries where entry.keyTerm?.kind == kind {
            guard let text = entry.keyTerm?.text, seen.insert(text.lowercased()).inserted else { continue }
            result.append(text)
        }
        return result
    }

    /// Three other topics, those near the fact's own first (same parent).
    private func topicDistractors(for topicIndex: Int, using random: inout SeededRandom) -> [String] {
        let own = topics[topicIndex]
        var near: [String] = [], far: [String] = []
        var seen: Set<String> = [own.title.lowercased()]
        for (index, topic) in topics.enumerated() where index != topicIndex && topic.deck == own.deck {
            guard seen.insert(topic.title.lowercased()).inserted else { continue }
            if topic.parent == own.parent { near.append(topic.title) } else { far.append(topic.title) }
        }
        random.shuffle(&near)
        random.shuffle(&far)
        return Array((near + far).prefix(3))
    }

    /// A false version of the fact: its negation where it states one, else its
    /// key term swapped for a sibling fact's term of the same kind.
    private func falseStatement(for index: Int, using random: inout SeededRandom) -> String? {
        let plain = entries[index].fact.text.plainText
        if let negated = Self.negating(plain) { return negated }
        guard let term = entries[index].keyTerm else { return nil }
        let topic = topics[entries[index].topic]
        var siblings = topic.facts.filter { $0 != index }.compactMap { entries[$0].keyTerm }
            .filter { $0.kind == term.kind && $0.text.lowercased() != term.text.lowercased() }
        if siblings.isEmpty {
            siblings = entries.compactMap(\.keyTerm)
                .filter { $0.kind == term.kind && $0.text.lowercased() != term.text.lowercased() }
        }
        guard !siblings.isEmpty else { return nil }
        let swap = siblings[Int(random.nextUnit() * Double(siblings.count)) % siblings.count]
        let statement = Self.replacingAll(term.text, in: plain, with: swap.text)
        return statement == plain ? nil : statement
    }

    /// Negative and positive forms; a fact stating one becomes the other.
    static let negations: [(String, String)] = [
        ("is incorrect", "is correct"), ("is not possible", "is possible"), ("is unsuitable", "is suitable"),
        ("not available", "available"), ("doesn't", "does"), ("does not", "does"), ("is not", "is"),
        ("isn't", "is"), ("has no", "has"), ("cannot", "can"), ("is impractical", "is practical"),
        ("not for", "for"),
    ]

    static func negating(_ plain: String) -> String? {
        for (negative, positive) in negations where containsWord(negative, in: plain) {
            return replacingAll(negative, in: plain, with: positive, wholeWords: true)
        }
        for (negative, positive) in negations.prefix(3) where containsWord(positive, in: plain) {
            return replacingAll(positive, in: plain, with: negative, wholeWords: true)
        }
        return nil
    }

    private func shuffledOptions(_ options: [String], using random: inout SeededRandom,
                                 _ build: ([String], Int) -> Question) -> Question? {
        guard Set(options.map { $0.lowercased() }).count == options.count else { return nil }
        var order = Array(options.indices)
        random.shuffle(&order)
        return build(order.map { options[$0] }, order.firstIndex(of: 0)!)
    }

    // MARK: - Text helpers

    static func containsWord(_ phrase: String, in text: String) -> Bool {
        !ranges(of: phrase, in: Array(text), wholeWords: true).isEmpty
    }

    /// `text` with each case-insensitive occurrence of `target` replaced.
    public static func replacingAll(_ target: String, in text: String, with replacement: String, wholeWords: Bool = false) -> String {
        let characters = Array(text)
        let found = ranges(of: target, in: characters, wholeWords: wholeWords)
        guard !found.isEmpty else { return text }
        var result = ""
        var position = 0
        for range in found {
            result += String(characters[position..<range.lowerBound]) + replacement
            position = range.upperBound
        }
        return result + String(characters[position...])
    }

    static func ranges(of target: String, in characters: [Character], wholeWords: Bool) -> [Range<Int>] {
        let needle = Array(target.lowercased())
        guard !needle.isEmpty, needle.count <= characters.count else { return [] }
        let haystack = characters.map { Character($0.lowercased()) }
        var result: [Range<Int>] = []
        var index = 0
        while index <= haystack.count - needle.count {
            let end = index + needle.count
            if haystack[index..<end].elementsEqual(needle) {
                let startsWord = index == 0 || !haystack[index - 1].isLetter && !haystack[index - 1].isNumber
                let endsWord = end == haystack.count || !haystack[end].isLetter && !haystack[end].isNumber
                if !wholeWords || (startsWord && endsWord) {
                    result.append(index..<end)
                    index = end
                    continue
                }
            }
            index += 1
        }
        return result
    }
}

extension String {
    func replacingAllOccurrences(of target: String, with replacement: String) -> String {
        QuestionGenerator.replacingAll(target, in: self, with: replacement)
    }
}
