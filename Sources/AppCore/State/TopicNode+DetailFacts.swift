import DeckKit

extension TopicNode {
    /// The facts the detail pane lists for this node, in order: its own, then
    /// those of its sub-groups (which are part of the topic). The detail's
    /// selected fact is an index into this list.
    public var detailFacts: [Fact] {
        facts + children.filter { $0.kind == .group }.flatMap(\.facts)
    }
}
