/// A topic node while the tree is being built: a class, so the builder can keep
/// a stack of open headings and append to them as cmark is walked.
final class DraftNode {
    let title: InlineText
    let kind: TopicNode.Kind
    let line: Int
    var notes: [Note] = []
    var facts: [DraftFact] = []
    var children: [DraftNode] = []

    init(title: InlineText, kind: TopicNode.Kind, line: Int) {
        self.title = title
        self.kind = kind
        self.line = line
    }

    /// The value-typed node, with fact ids from `deckIdentity` and the path of
    /// titles below the deck. Warns about empty headings and duplicated facts.
    /// - Parameters:
    ///   - seenFacts: the first line and topic key of every normalised fact text so far.
    ///   - occurrences: for repeated texts, how many facts of a topic key had
    ///     the text: the number that keeps their ids apart, deck-wide (two
    ///     topics can share a title).
    func freeze(deckIdentity: String, path: [String], seenFacts: inout [String: (line: Int, topicKey: String)],
                occurrences: inout [String: Int], warnings: inout [LoadWarning]) -> TopicNode {
        let topicKey = FactID.topicKey(deck: deckIdentity, path: path)
        var frozenFacts: [Fact] = []
        frozenFacts.reserveCapacity(facts.count)
        for draft in facts {
            let plain = draft.text.plainText
            let normalised = FactID.normalise(plain)
            var occurrence = 1
            if let first = seenFacts[normalised] {
                // A repeat (rare): number the copies that share a topic key.
                let key = topicKey + "\u{1F}" + normalised
                occurrence = (occurrences[key] ?? (first.topicKey == topicKey ? 1 : 0)) + 1
                occurrences[key] = occurrence
                warnings.append(LoadWarning(line: draft.line, message: "duplicated fact (also on line \(first.line)): \(plain)"))
            } else {
                seenFacts[normalised] = (draft.line, topicKey)
            }
            let id = FactID.make(topicKey: topicKey, normalisedText: normalised, occurrence: occurrence)
            frozenFacts.append(Fact(id: id, text: draft.text, line: draft.line, details: draft.details))
        }
        let frozenChildren = children.map { child in
            child.freeze(deckIdentity: deckIdentity, path: path + [child.title.plainText],
                         seenFacts: &seenFacts, occurrences: &occurrences, warnings: &warnings)
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

/// A fact before its id is known.
struct DraftFact {
    var text: InlineText
    var line: Int
    var details: [FactDetail]
}
