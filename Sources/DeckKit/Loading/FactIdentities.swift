import Dispatch

/// Works out every draft fact's id (as if it repeated nothing) and the hash
/// of its normalised text, on all cores: on a 100,000-fact post this is the
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
            // The normalised text itself is not kept: on a 500,000-fact post
            // the copies held until freezing were a fifth of the load's peak.
            let normalised = FactID.normalise(facts[index].text.plainText)
            facts[index].textKey = hash(normalised)
            facts[index].id = FactID.make(topicKey: node.topicKey, normalisedText: normalised, occurrence: 1)
        }
        node.facts = facts
    }

    /// FNV-1a over the UTF-8 bytes: stable, cheap, and only a first sieve
    /// (`SeenFactTexts` compares the texts of facts whose hashes match).
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

/// The facts frozen so far whose normalised text might repeat, with the
/// line and topic key of their first sighting: how repeats are found
/// deck-wide.
///
/// Only a fact whose 64-bit text hash another fact of the deck shares can
/// repeat one, so only those are recorded (in a real post, a handful), with
/// their texts normalised again to compare: keeping every fact's normalised
/// text and an entry per fact, as this once did, cost about 350 bytes a fact
/// at the load's peak (over 150 MB for a 500,000-fact post).
struct SeenFactTexts {
    /// The hashes two or more facts of the deck have.
    private let sharedKeys: Set<UInt64>
    private var byText: [String: (line: Int, topicKey: String)] = [:]

    /// - Parameter keys: the text hash of every fact of the deck.
    init(keys: [UInt64]) {
        var sorted = keys
        sorted.sort()
        var shared: Set<UInt64> = []
        var index = 1
        while index < sorted.count {
            if sorted[index] == sorted[index - 1] { shared.insert(sorted[index]) }
            index += 1
        }
        sharedKeys = shared
    }

    /// The first sighting of `text` (normalised, made only when needed) if
    /// it was seen before; else records this one and returns nil.
    mutating func firstSighting(key: UInt64, text: () -> String, line: Int,
                                topicKey: String) -> (text: String, line: Int, topicKey: String)? {
        guard sharedKeys.contains(key) else { return nil }
        let normalised = text()
        if let first = byText[normalised] { return (normalised, first.line, first.topicKey) }
        byText[normalised] = (line, topicKey)
        return nil
    }
}
