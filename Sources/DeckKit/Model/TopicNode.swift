/// A node of the topic tree: the deck itself, a heading, or a sub-group named
/// by a bold label (`- **Pipe Input Mode**`).
///
/// The bundled post gives a deck node, one section (`## AWS Machine Learning
/// Specialty 2/3`), 18 topics (`###` headings) and two groups under
/// "Pipe Input Mode vs. File Input Mode in SageMaker".
public struct TopicNode: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case deck
        /// A Markdown heading, with its level (1 for `#` … 6 for `######`).
        case heading(level: Int)
        /// A sub-group introduced by a list item that is only bold text.
        case group

        /// The name used by `check --json`.
        public var name: String {
            switch self {
            case .deck: "deck"
            case .heading: "heading"
            case .group: "group"
            }
        }
    }

    public var title: InlineText
    public var kind: Kind
    /// 1-based source line; 0 for a deck node, which has none.
    public var line: Int
    public var notes: [Note]
    public var facts: [Fact] { didSet { totalFactCount = Self.countFacts(facts, children) } }
    public var children: [TopicNode] { didSet { totalFactCount = Self.countFacts(facts, children) } }
    /// Facts of this node and of every node below it. Kept, not computed on
    /// each call: the tree and the detail pane ask for it on every frame, and
    /// on a 100,000-fact deck walking the tree each time cost a tenth of a key.
    public private(set) var totalFactCount: Int

    public init(title: InlineText, kind: Kind, line: Int, notes: [Note] = [], facts: [Fact] = [],
                children: [TopicNode] = []) {
        self.title = title
        self.kind = kind
        self.line = line
        self.notes = notes
        self.facts = facts
        self.children = children
        self.totalFactCount = Self.countFacts(facts, children)
    }

    private static func countFacts(_ facts: [Fact], _ children: [TopicNode]) -> Int {
        children.reduce(facts.count) { $0 + $1.totalFactCount }
    }

    /// Whether this is a heading with headings below it (a section), as
    /// opposed to a topic.
    public var isSection: Bool {
        guard case .heading = kind else { return false }
        return children.contains { if case .heading = $0.kind { true } else { false } }
    }

    /// Calls `body` on this node and every node below it, parents first.
    public func forEachNode(_ body: (TopicNode) -> Void) {
        body(self)
        for child in children { child.forEachNode(body) }
    }
}
