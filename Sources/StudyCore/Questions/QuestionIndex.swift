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
        var deck: Int
        /// Index into `topics`.
        var topic: Int
        /// Index into the topic's node's facts.
        var slot: Int
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
        /// Some fact is a statement: a topic that is one question of a
        /// question bank is no option for which-topic.
        var holdsStatements: Bool
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
    /// Each topic's node's facts, shared with the deck (an array copy is a
    /// reference count, where copying 100,000 facts one by one is not).
    private let topicFacts: [[Fact]]
    /// Each topic's node's paragraphs: a list's lead-in ("Redis has these types:") is one.
    private let topicNotes: [[Note]]
    private let positionByID: FactPositions
    private let analyses: Mutex<[Int: Analysis]>
    private let glossaryCache: Mutex<Set<String>?>
    /// Held while the glossary is made (`glossary()`).
    private let glossaryMaking = Mutex(())
    /// Word stems of texts already asked about: options and facts are compared
    /// many times over, and cutting a text into words is the costly part.
    private let stemCache: Mutex<[String: Set<String>]>
    private let keyCache: Mutex<[String: String]>
    private let termsCache: Mutex<[Int: [ShapeKey: [WeighedTerm]]]>
    /// Key terms already chosen, by fact position and use (recall, choice, typing).
    private let keyTermCache: Mutex<[Int: KeyTermChoice]>

    /// A key term chosen for a fact, with the fact as blanked.
    struct KeyTermChoice: Sendable {
        var term: KeyTerm
        var gapped: String
    }
    private let contextStemsByFact: Mutex<[Int: Set<String>]>
    private let formsByFact: Mutex<[Int: FactForms]>
    private let hideableCache: Mutex<[Int: KeyTermChoice?]>
    private let definitionsByFact: Mutex<[Int: (termKey: String, definition: FactForms)?]>

    /// A fact's text as options are compared: worked out once per fact, so
    /// that weighing it as an option for hundreds of other questions hashes
    /// a number, not its whole text.
    struct FactForms: Sendable {
        /// The plain text, spaces trimmed.
        var text: String
        var stems: Set<String>
        var key: String
        /// In characters.
        var length: Int
        var isCJK: Bool
        /// `OptionForms.characterPairs` (empty unless Chinese or Japanese).
        var pairs: Set<UInt64>

        func overlaps(_ other: FactForms) -> Bool {
            OptionForms.sameThing(key: key, key: other.key) || OptionForms.nested(stems, other.stems)
                || OptionForms.sayTheSame(pairs: pairs, pairs: other.pairs)
        }
    }

    /// The defined term's key and the definition's forms of a "Term:
    /// definition" fact (nil for another fact), worked out once.
    func definitionForms(_ position: Int) -> (termKey: String, definition: FactForms)? {
        if let known = definitionsByFact.withLock({ $0[position] }) { return known }
        var made: (termKey: String, definition: FactForms)?
        let analysis = analysis(position)
        if let (term, range) = analysis.definition {
            let text = analysis.tokens.string(range).trimmedSpaces()
            made = (key(term.text), Self.forms(of: text, stems: stems(text), key: key(text)))
        }
        definitionsByFact.withLock { $0[position] = made }
        return made
    }

    private static func forms(of text: String, stems: Set<String>, key: String) -> FactForms {
        FactForms(text: text, stems: stems, key: key, length: text.count,
                  isCJK: QuestionGenerator.isCJK(text), pairs: OptionForms.characterPairs(text))
    }

    func forms(_ position: Int) -> FactForms {
        if let known = formsByFact.withLock({ $0[position] }) { return known }
        let text = analysis(position).plain.trimmedSpaces()
        let made = Self.forms(of: text, stems: stems(text), key: key(text))
        formsByFact.withLock { $0[position] = made }
        return made
    }

    init(decks: [Deck]) {
        var facts: [FactEntry] = []
        var topics: [TopicEntry] = []
        var topicFacts: [[Fact]] = []
        var topicNotes: [[Note]] = []
        let total = decks.reduce(0) { $0 + $1.root.totalFactCount }
        facts.reserveCapacity(total)
        var positions = FactPositions(capacity: total)
        for (deckIndex, deck) in decks.enumerated() {
            var stack: [(node: TopicNode, path: [String])] = [(deck.root, [deck.title])]
            while let (node, path) = stack.popLast() {
                if !node.facts.isEmpty {
                    let title = node.title.plainText
                    let start = facts.count
                    topicFacts.append(node.facts)
                    topicNotes.append(node.notes)
                    // By index: `enumerated()` would copy each whole fact.
                    for slot in node.facts.indices {
                        positions.insert(node.facts[slot].id, at: facts.count)
                        facts.append(FactEntry(deck: deckIndex, topic: topics.count, slot: slot))
                    }
                    topics.append(TopicEntry(title: title, path: path, deck: deckIndex, facts: start..<facts.count,
                                             isGeneric: Self.isGeneric(title),
                                             holdsStatements: node.facts.contains { $0.kind == .statement }))
                }
                for child in node.children.reversed() { stack.append((child, path + [child.title.plainText])) }
            }
        }
        positions.finish()
        self.decks = decks
        self.facts = facts
        self.topics = topics
        self.topicFacts = topicFacts
        self.topicNotes = topicNotes
        positionByID = positions
        analyses = Mutex([:])
        glossaryCache = Mutex(nil)
        stemCache = Mutex([:])
        keyCache = Mutex([:])
        termsCache = Mutex([:])
        keyTermCache = Mutex([:])
        contextStemsByFact = Mutex([:])
        formsByFact = Mutex([:])
        hideableCache = Mutex([:])
        definitionsByFact = Mutex([:])
    }

    func entry(_ id: FactID) -> Int? { positionByID[id] }

    /// The fact at a position.
    func fact(at position: Int) -> Fact {
        let entry = facts[position]
        return topicFacts[entry.topic][entry.slot]
    }

    func analysis(_ position: Int) -> Analysis {
        if let known = analyses.withLock({ $0[position] }) { return known }
        let fact = self.fact(at: position)
        let plain = fact.text.plainText
        let tokens = TextTokens(plain)
        let found = KeyTermFinder.candidatesAndDefinition(in: fact.text, tokens: tokens)
        let made = Analysis(plain: plain, tokens: tokens, candidates: found.candidates, definition: found.definition)
        analyses.withLock { $0[position] = made }
        return made
    }

    /// The stems of an ASCII text's words by a plain split, without ICU: the
    /// glossary walks every title and bold span of the deck once, and on a
    /// 100,000-fact deck that walk must cost milliseconds. Other text goes
    /// through `OptionForms.contentStems`.
    static func quickStems(_ text: String) -> Set<String> {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return OptionForms.contentStems(text) }
        var stems: Set<String> = []
        // (The words as `TextEdits.lowercasedWords` reads ASCII, one rule for both.)
        for word in TextEdits.lowercasedWords(text) where !WordLists.functionWords.contains(word) {
            stems.insert(OptionForms.stem(word))
        }
        return stems
    }

    /// `OptionForms.contentStems(text)`, remembered.
    func stems(_ text: String) -> Set<String> {
        Self.remembered(text, in: stemCache, OptionForms.contentStems)
    }

    /// `OptionForms.key(text)`, remembered.
    func key(_ text: String) -> String {
        Self.remembered(text, in: keyCache, OptionForms.key)
    }

    /// A value worked out from a text once; the cache is emptied when it
    /// holds 200,000 texts, so a huge deck cannot grow it without end.
    private static func remembered<Value: Sendable>(_ text: String, in cache: borrowing Mutex<[String: Value]>,
                                          _ make: (String) -> Value) -> Value {
        if let known = cache.withLock({ $0[text] }) { return known }
        let made = make(text)
        cache.withLock { entries in
            if entries.count > 200_000 { entries.removeAll(keepingCapacity: true) }
            entries[text] = made
        }
        return made
    }

    /// What an option must share with the answer before it is weighed at
    /// all: kind, script, unit, words and capitalisation (`ShapeMatch` then
    /// checks length, magnitude and code-ness).
    struct ShapeKey: Hashable, Sendable {
        var kind: KeyTerm.Kind
        var isCJK: Bool
        var unit: String?
        var size: Int
        var capitalised: Bool
        var looksLikeCode: Bool
        /// "OLTP" stands with "OLAP", not with "DynamoDB" or "Athena".
        var isAcronym: Bool

        init(_ term: KeyTerm) {
            // Names and styled terms stand in for each other.
            kind = term.kind == .term ? .name : term.kind
            isCJK = term.isCJK
            unit = term.unit
            size = term.kind == .number ? 1 : ShapeMatch.spacedSize(term)
            capitalised = term.kind == .number ? false : term.text.first?.isUppercase ?? false
            looksLikeCode = ShapeMatch.looksLikeCode(term.text)
            isAcronym = term.kind != .number && ShapeMatch.isAcronym(term.text)
        }
    }

    /// A key term with what options are compared by, worked out once:
    /// a distractor search weighs hundreds of them, and looking each one's
    /// stems up again by its text was a tenth of a question's time.
    /// A class: a search copies hundreds of these, and a reference is one
    /// count where a struct of strings and a set is several.
    final class WeighedTerm: Sendable {
        let term: KeyTerm
        let stems: Set<String>
        let key: String
        /// The fact it was found in (nil for a made-up number).
        let position: Int?

        init(term: KeyTerm, stems: Set<String>, key: String, position: Int? = nil) {
            self.term = term
            self.stems = stems
            self.key = key
            self.position = position
        }

        /// Whether two terms name the same thing or one holds the other (`overlap`).
        func overlaps(_ other: WeighedTerm) -> Bool {
            OptionForms.sameThing(key: key, key: other.key) || OptionForms.nested(stems, other.stems)
        }
    }

    func weighed(_ term: KeyTerm, at position: Int? = nil) -> WeighedTerm {
        WeighedTerm(term: term, stems: stems(term.text), key: key(term.text), position: position)
    }

    /// The key-term candidates of a topic's facts, one per text, by shape:
    /// where options are looked for. Worked out once per topic.
    func terms(ofTopic topic: Int) -> [ShapeKey: [WeighedTerm]] {
        if let known = termsCache.withLock({ $0[topic] }) { return known }
        var byShape: [ShapeKey: [WeighedTerm]] = [:]
        var seen: Set<String> = []
        for position in topics[topic].facts {
            for term in analysis(position).candidates where seen.insert(term.text).inserted {
                byShape[ShapeKey(term), default: []].append(weighed(term, at: position))
            }
        }
        termsCache.withLock { $0[topic] = byShape }
        return byShape
    }

    /// Calls `body` with the candidates of one shape among a topic's key
    /// terms, in the order `terms(ofTopic:)` lists them, until it returns
    /// true; returns whether it did. A topic not yet walked whole is
    /// analysed a fact at a time, so a search that finds its options in the
    /// first facts of a topic does not analyse the rest (the first question
    /// of a session on a dense deck analysed 350 facts for six options).
    /// Once a walk reaches the topic's end, the topic's terms are kept.
    func forEachTerm(ofTopic topic: Int, shape: ShapeKey, _ body: (WeighedTerm) -> Bool) -> Bool {
        if let known = termsCache.withLock({ $0[topic] }) {
            for term in known[shape] ?? [] where body(term) { return true }
            return false
        }
        // As `terms(ofTopic:)`: a text counts once in the topic, whatever its
        // shape, at its first fact.
        var seen: Set<String> = []
        for position in topics[topic].facts {
            for term in analysis(position).candidates where seen.insert(term.text).inserted && ShapeKey(term) == shape {
                if body(weighed(term, at: position)) { return true }
            }
        }
        _ = terms(ofTopic: topic)
        return false
    }

    /// `OptionForms.sameThing`, with the keys remembered; for Chinese and
    /// Japanese, also two options that say the same in other words
    /// (`OptionForms.sayTheSame`).
    func sameThing(_ left: String, _ right: String) -> Bool {
        OptionForms.sameThing(key: key(left), key: key(right))
            || OptionForms.sayTheSame(pairs: OptionForms.characterPairs(left), pairs: OptionForms.characterPairs(right))
    }

    /// `OptionForms.overlap`, with the stems remembered.
    func overlap(_ left: String, _ right: String) -> Bool {
        sameThing(left, right) || OptionForms.nested(stems(left), stems(right))
    }

    /// Whether a fact's candidate (by its place in `candidates`) can be
    /// hidden, judged once: recall, choice and typing ask about the same ones.
    func hideable(_ position: Int, candidate number: Int, judge: () -> KeyTermChoice?) -> KeyTermChoice? {
        guard number < 64 else { return judge() }
        let key = position &* 64 &+ number
        if let known = hideableCache.withLock({ $0[key] }) { return known }
        let made = judge()
        hideableCache.withLock { $0[key] = .some(made) }
        return made
    }

    /// A key term chosen earlier for this fact and use (`nil` inside: none fits).
    func keyTerm(_ position: Int, use: Int, choose: () -> KeyTermChoice?) -> KeyTermChoice? {
        let key = position &* 4 &+ use
        if let known = keyTermCache.withLock({ $0[key] }) { return known.term.text.isEmpty ? nil : known }
        let made = choose()
        keyTermCache.withLock {
            $0[key] = made ?? KeyTermChoice(term: KeyTerm(text: "", kind: .phrase, range: 0..<0), gapped: "")
        }
        return made
    }

    /// The words the notes themselves single out: every heading's and label's
    /// words and every bold or code phrase, as stems. A plain single word is
    /// worth a blank only if the notes name it so somewhere ("overfitting"
    /// in a heading, yes; "document" or "datasets", no). Worked out on first use.
    func glossary() -> Set<String> {
        if let known = glossaryCache.withLock({ $0 }) { return known }
        // Made once: a question asked while `QuestionPreparation` is making
        // it waits for that one (a few milliseconds left) rather than
        // starting another walk of the whole deck beside it.
        return glossaryMaking.withLock { _ in
            if let known = glossaryCache.withLock({ $0 }) { return known }
            let stems = makeGlossary()
            glossaryCache.withLock { $0 = stems }
            return stems
        }
    }

    private func makeGlossary() -> Set<String> {
        var stems: Set<String> = []
        // Notes bold the same terms over and over: each text is cut once,
        // and one seen before is known by its bytes, read in place.
        var seen = SeenTexts()
        for deck in decks {
            deck.root.forEachNode { node in
                stems.formUnion(Self.quickStems(node.title.plainText))
                for slot in node.facts.indices {
                    node.facts[slot].text.forEachSpanUTF8(styledAny: [.bold, .code]) { bytes in
                        if seen.insert(bytes) { stems.formUnion(Self.quickStems(String(decoding: bytes, as: UTF8.self))) }
                    }
                }
            }
        }
        return stems
    }

    /// The list an item belongs to, whatever its items' length: its siblings
    /// (same topic, nested under the same item, same depth, next to each
    /// other), three to twelve of them. Nil for a fact that stands alone.
    func siblingList(around position: Int) -> [Int]? {
        let list = listItems(around: position)
        guard (3...12).contains(list.count) else { return nil }
        return list
    }

    /// The item's list when it holds two items and no more ("Synchronous
    /// communications (…)" and "Asynchronous / Event based (…)" under
    /// "There are two patterns…"): a pair of contrasted items.
    func pairList(around position: Int) -> [Int]? {
        let list = listItems(around: position)
        return list.count == 2 ? list : nil
    }

    /// The paragraph ending in a colon right above the list the item opens
    /// or belongs to ("**SQL** を選ぶ理由:"), its last sentence without the
    /// colon, with the positions of that list's items. Nil for a nested item
    /// or a list with no such lead-in.
    func leadInList(around position: Int) -> (leadIn: String, items: [Int])? {
        let entry = facts[position]
        // Most topics have no paragraph ending in a colon: nothing to walk.
        guard fact(at: position).context == nil, topicNotes[entry.topic].contains(where: { note in
            note.kind == .paragraph && note.text.spans.last.map { $0.text.hasSuffix(":") || $0.text.hasSuffix("：") || $0.text.hasSuffix(": ") } == true
        }) else { return nil }
        let list = listItems(around: position)
        let firstLine = fact(at: list[0]).line
        guard let note = topicNotes[entry.topic].last(where: { $0.kind == .paragraph && $0.line < firstLine }),
              firstLine - note.line <= 3 else { return nil }
        var text = note.text.plainText.trimmedSpaces()
        guard text.hasSuffix(":") || text.hasSuffix("："), !text.contains("\n") else { return nil }
        text.removeLast()
        let leadIn = text.trimmedSpaces()
        guard !leadIn.isEmpty, leadIn.count <= 60, !leadIn.contains(where: { ".。!?！？".contains($0) }) else { return nil }
        return (leadIn, list)
    }

    /// The lists of the fact's topic that have a lead-in, the fact's own first.
    func leadInLists(ofTopicOf position: Int) -> [(leadIn: String, items: [Int])] {
        var lists: [(leadIn: String, items: [Int])] = []
        var next = topics[facts[position].topic].facts.lowerBound
        let end = topics[facts[position].topic].facts.upperBound
        while next < end {
            if let list = leadInList(around: next) {
                lists.append(list)
                next = list.items.last! + 1
            } else {
                next += 1
            }
        }
        return lists
    }

    /// The positions of the list the fact is an item of, in order: its
    /// neighbours in the topic nested under the same item at the same depth,
    /// with no paragraph between them (the one walk `siblingList`,
    /// `shortList` and `leadInList` share). Items nested under one of them
    /// are passed over, not an end: "Service tracks analytics of pages"
    /// with "Monthly visit stats" under it is one item of the use cases, and
    /// "Service has high availability" after it is another.
    private func listItems(around position: Int) -> [Int] {
        let range = topics[facts[position].topic].facts
        let parent = fact(at: position).context
        let depth = fact(at: position).depth
        func sameList(_ other: Int) -> Bool { fact(at: other).context == parent && fact(at: other).depth == depth }
        func isNested(_ other: Int) -> Bool { fact(at: other).depth > depth }
        // Walked backwards, then turned round: one pass, however long the list.
        var before: [Int] = []
        var next = position - 1
        while next >= range.lowerBound {
            if isNested(next) { next -= 1; continue }
            guard sameList(next), !paragraphBetween(next, before.last ?? position) else { break }
            before.append(next)
            next -= 1
        }
        var items = Array(before.reversed()) + [position]
        next = position + 1
        while next < range.upperBound {
            if isNested(next) { next += 1; continue }
            guard sameList(next), !paragraphBetween(items[items.count - 1], next) else { break }
            items.append(next)
            next += 1
        }
        return items
    }

    /// Whether a paragraph of the topic stands between two of its facts
    /// (`earlier` before `later`): they are items of two lists ("…the
    /// following benefits:" then "…these metrics:"), not one.
    private func paragraphBetween(_ earlier: Int, _ later: Int) -> Bool {
        let from = fact(at: earlier).line, to = fact(at: later).line
        return topicNotes[facts[earlier].topic].contains { $0.kind == .paragraph && $0.line > from && $0.line < to }
    }

    /// The list a short item belongs to: its siblings (same topic, nested
    /// under the same item, next to each other) when there are three or more
    /// and most are a few words, a name or a term rather than a sentence,
    /// with the paragraph that introduces them ("Redis has these types:"),
    /// if one ends in a colon right above the list. Nil for anything else.
    func shortList(around position: Int) -> (items: [Int], leadIn: String?)? {
        let entry = facts[position]
        let parent = fact(at: position).context
        func isShort(_ other: Int) -> Bool {
            let text = analysis(other).plain.trimmedSpaces()
            guard let last = text.last, !".。:：?？!！;；".contains(last), text.count <= 60 else { return false }
            let words = analysis(other).tokens.words
            return words.contains { $0.kind.isCJK } ? text.count <= 16 : words.count <= 5
        }
        let items = listItems(around: position)
        let first = items[0]
        // Mostly names: two thirds short or more (a last "click handlers or
        // event handlers like …" does not unmake a list of methods), the
        // asked one among them.
        let short = items.filter(isShort).count
        guard items.count >= 3, items.count <= 40, short >= 3, short * 3 >= items.count * 2, isShort(position) else { return nil }
        var leadIn: String?
        if parent == nil {
            let firstLine = fact(at: first).line
            if let note = topicNotes[entry.topic].last(where: { $0.kind == .paragraph && $0.line < firstLine }),
               firstLine - note.line <= 3 {
                // Its last sentence: "Some of the methods of this package are:".
                let text = Array(note.text.plainText.trimmedSpaces())
                var start = 0
                for index in text.indices.dropLast() where "。！？".contains(text[index])
                    || ".!?".contains(text[index]) && text[index + 1] == " " {
                    start = index + 1
                }
                let sentence = String(text[start...]).trimmedSpaces()
                if sentence.hasSuffix(":") || sentence.hasSuffix("：") { leadIn = sentence }
            }
        }
        return (items, leadIn)
    }

    /// The lines the quiz shows above a question about the fact: its topic
    /// path, and for a nested fact the item it is nested under.
    func context(of position: Int) -> [String] {
        let entry = facts[position]
        var lines = Question.context(for: topics[entry.topic].path)
        if let parent = fact(at: position).context?.plainText, !parent.isEmpty { lines.append(parent) }
        return lines
    }

    /// The word stems of `context(of:)`: no answer may show among them.
    func contextStems(of position: Int) -> Set<String> {
        if let known = contextStemsByFact.withLock({ $0[position] }) { return known }
        let stems = context(of: position).reduce(into: Set<String>()) { $0.formUnion(self.stems($1)) }
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
    /// topic's, then those of the nearest topics, up to 240, until
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
                if visited >= 240 { return }
            }
        }
    }

    static func isGeneric(_ title: String) -> Bool {
        let trimmed = folded(title).trimmedSpaces()
        if trimmed.isEmpty || WordLists.genericTitles.contains(trimmed) { return true }
        // "Integration - Summary", "Section Introduction": a catch-all by one of its words.
        return trimmed.split(separator: " ").contains { WordLists.catchAllWords.contains(String($0)) }
    }

    /// A title lowercased, with only its letters, digits, spaces and ";"
    /// kept. ASCII titles by bytes: every topic's title is judged when the
    /// index is made, and asking `Character` for its properties was a tenth
    /// of the index's time on a 100,000-fact deck.
    static func folded(_ title: String) -> String {
        guard title.utf8.allSatisfy({ $0 < 0x80 }) else { return foldedByCharacter(title) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.utf8.count)
        for byte in title.utf8 {
            switch byte {
            case 0x41...0x5A: bytes.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x20, 0x3B: bytes.append(byte)
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `folded` by `Character`: any script (and the rule the ASCII path
    /// must agree with).
    static func foldedByCharacter(_ title: String) -> String {
        var folded = ""
        for character in title.lowercased() where character.isLetter || character.isNumber || character == " " || character == ";" {
            folded.append(character)
        }
        return folded
    }
}
