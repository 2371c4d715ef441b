/// A topic node while the tree is being built: a class, so the builder can keep
/// a stack of open headings and append to them as cmark is walked.
///
/// A node knows its place (the deck and the titles above it) from the start,
/// so the ids of all facts can be worked out at once, on every core
/// (`FactIdentities`), before freezing; freezing then only renumbers
/// repeated facts.
final class DraftNode {
    let title: InlineText
    let kind: TopicNode.Kind
    let line: Int
    /// `FactID.topicKey` of the deck and the titles from below the deck to here.
    let topicKey: String
    let deckIdentity: String
    let path: [String]
    var notes: [Note] = []
    var facts: [DraftFact] = []
    var children: [DraftNode] = []

    /// The deck node.
    init(root title: InlineText, deckIdentity: String) {
        self.title = title
        self.kind = .deck
        self.line = 0
        self.deckIdentity = deckIdentity
        self.path = []
        self.topicKey = FactID.topicKey(deck: deckIdentity, path: [])
    }

    /// A node under `parent` (it is not added to it here).
    init(title: InlineText, kind: TopicNode.Kind, line: Int, parent: DraftNode) {
        self.title = title
        self.kind = kind
        self.line = line
        self.deckIdentity = parent.deckIdentity
        self.path = parent.path + [title.plainText]
        self.topicKey = FactID.topicKey(deck: deckIdentity, path: path)
    }

    /// This node and every node below it, in the order `freeze` visits them.
    func collect(into nodes: inout [DraftNode]) {
        nodes.append(self)
        for child in children { child.collect(into: &nodes) }
    }

    /// The value-typed node, with fact ids. Warns about empty headings and
    /// duplicated facts.
    /// - Parameters:
    ///   - seenFacts: the first line and topic key of every normalised fact
    ///     text so far that might repeat.
    ///   - occurrences: for repeated texts, how many facts of a topic key had
    ///     the text: the number that keeps their ids apart, deck-wide (two
    ///     topics can share a title).
    func freeze(seenFacts: inout SeenFactTexts, occurrences: inout [String: Int],
                warnings: inout [LoadWarning]) -> TopicNode {
        var frozenFacts: [Fact] = []
        frozenFacts.reserveCapacity(facts.count)
        for draft in facts {
            var id = draft.id
            if let first = seenFacts.firstSighting(key: draft.textKey, text: { FactID.normalise(draft.text.plainText) },
                                                   line: draft.line, topicKey: topicKey) {
                let normalised = first.text
                // A repeat (rare): number the copies that share a topic key.
                let key = topicKey + "\u{1F}" + normalised
                let occurrence = (occurrences[key] ?? (first.topicKey == topicKey ? 1 : 0)) + 1
                occurrences[key] = occurrence
                warnings.append(LoadWarning(line: draft.line,
                                            message: "duplicated fact (also on line \(first.line)): \(draft.text.plainText)"))
                id = FactID.make(topicKey: topicKey, normalisedText: normalised, occurrence: occurrence)
            }
            frozenFacts.append(Fact(id: id, text: draft.text, line: draft.line, details: draft.details,
                                    context: draft.context, depth: draft.depth, choices: draft.choices, answer: draft.answer))
        }
        facts = [] // the frozen copies replace the drafts: do not hold both
        let frozenChildren = children.map { child in
            child.freeze(seenFacts: &seenFacts, occurrences: &occurrences, warnings: &warnings)
        }
        let node = TopicNode(title: title, kind: kind, line: line, notes: notes, facts: frozenFacts,
                             children: frozenChildren)
        switch kind {
        case .heading where node.totalFactCount == 0:
            warnings.append(LoadWarning(line: line, message: "heading with no facts: \(title.plainText)"))
        case .group where node.facts.isEmpty:
            warnings.append(LoadWarning(line: line, message: "label with no facts: \(title.plainText)"))
        default:
            break
        }
        return node
    }
}

/// A fact before the tree is frozen. `FactIdentities` fills in the hash of
/// its normalised text and the id it has unless it repeats an earlier fact
/// (occurrence 1).
struct DraftFact {
    var text: InlineText
    var line: Int
    var details: [FactDetail]
    var context: InlineText?
    var depth = 0
    var choices: [FactChoice] = []
    var answer: InlineText?
    /// A 64-bit hash of the normalised text (`FactID.normalise`), the key
    /// repeats are looked up by.
    var textKey: UInt64 = 0
    var id = FactID(rawValue: "")

    init(text: InlineText, line: Int, details: [FactDetail], context: InlineText? = nil, depth: Int = 0,
         choices: [FactChoice] = [], answer: InlineText? = nil) {
        self.text = text
        self.line = line
        self.details = details
        self.context = context
        self.depth = depth
        self.choices = choices
        self.answer = answer
    }
}
