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
    func freeze(deckIdentity: String, path: [String], seenFacts: inout [String: Int],
                warnings: inout [LoadWarning]) -> TopicNode {
        var occurrences: [String: Int] = [:]
        let topicKey = FactID.topicKey(deck: deckIdentity, path: path)
        var frozenFacts: [Fact] = []
        frozenFacts.reserveCapacity(facts.count)
        for (index, draft) in facts.enumerated() {
            let plain = draft.text.plainText
            let normalised = FactID.normalise(plain)
            var occurrence = 1
            if let firstLine = seenFacts[normalised] {
                // A repeat (rare): number the copies within this topic, so
                // identical facts in one topic still get distinct ids.
                let earlier = occurrences[normalised]
                    ?? facts[..<index].count { FactID.normalise($0.text.plainText) == normalised }
                occurrence = earlier + 1
                occurrences[normalised] = occurrence
                warnings.append(LoadWarning(line: draft.line, message: "duplicated fact (also on line \(firstLine)): \(plain)"))
            } else {
                seenFacts[normalised] = draft.line
            }
            let id = FactID.make(topicKey: topicKey, normalisedText: normalised, occurrence: occurrence)
            frozenFacts.append(Fact(id: id, text: draft.text, line: draft.line, details: draft.details))
        }
        let frozenChildren = children.map { child in
            child.freeze(deckIdentity: deckIdentity, path: path + [child.title.plainText],
                         seenFacts: &seenFacts, warnings: &warnings)
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
