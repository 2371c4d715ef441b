import Dispatch

/// Works out every draft fact's normalised text, its hash and its id (as if
/// it repeated nothing), on all cores: on a 100,000-fact post this is the
/// largest piece of work after parsing (normalising and SHA-256 per fact),
/// and no fact's id depends on another's until repeats are numbered, which
/// `DraftNode.freeze` does afterwards, in order.
enum FactIdentities {
    /// Below this many facts one thread does it all (threads cost more than they save).
    static let parallelThreshold = 4_000

    static func fill(_ nodes: [DraftNode]) {
        let total = nodes.reduce(0) { $0 + $1.facts.count }
        guard total >= parallelThreshold else {
            for node in nodes { fill(node) }
            return
        }
        // Groups of whole nodes with about the same number of facts; more
        // groups than cores, so a slow one does not hold the rest up.
        let groupCount = 16
        var groups: [[DraftNode]] = [[]]
        var inGroup = 0
        for node in nodes {
            if inGroup >= total / groupCount && !groups[groups.count - 1].isEmpty {
                groups.append([])
                inGroup = 0
            }
            groups[groups.count - 1].append(node)
            inGroup += node.facts.count
        }
        let work = Groups(groups)
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            for node in work.groups[index] { fill(node) }
        }
    }

    /// Each node is filled by one thread only, so its facts are never shared.
    private static func fill(_ node: DraftNode) {
        var facts = node.facts
        node.facts = [] // so `facts` is the only reference and is changed in place
        for index in facts.indices {
            let normalised = FactID.normalise(facts[index].text.plainText)
            facts[index].normalisedText = normalised
            facts[index].textKey = hash(normalised)
            facts[index].id = FactID.make(topicKey: node.topicKey, normalisedText: normalised, occurrence: 1)
        }
        node.facts = facts
    }

    /// FNV-1a over the UTF-8 bytes: stable, cheap, and only a first sieve
    /// (`SeenFactTexts` compares the texts on a match).
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }

    private final class Groups: @unchecked Sendable {
        let groups: [[DraftNode]]
        init(_ groups: [[DraftNode]]) { self.groups = groups }
    }
}

/// The normalised texts of the facts frozen so far, with the line and topic
/// key of their first sighting: how repeats are found deck-wide. Looked up by
/// a 64-bit hash (cheap to hash again), the texts compared on a match.
struct SeenFactTexts {
    private var byHash: [UInt64: (text: String, line: Int, topicKey: String)] = [:]
    /// Texts whose hash another text had first (a 64-bit collision: in
    /// practice never, but then still right).
    private var collided: [String: (line: Int, topicKey: String)] = [:]

    /// The first sighting of `text` if it was seen before; else records this one and returns nil.
    mutating func firstSighting(of text: String, key: UInt64, line: Int, topicKey: String) -> (line: Int, topicKey: String)? {
        guard let first = byHash[key] else {
            byHash[key] = (text, line, topicKey)
            return nil
        }
        if first.text == text { return (first.line, first.topicKey) }
        if let earlier = collided[text] { return earlier }
        collided[text] = (line, topicKey)
        return nil
    }
}
