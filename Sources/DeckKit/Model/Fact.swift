/// One thing to learn: a list item (or a table row) under a heading.
///
/// `- Reduces deep learning inference costs by up to 75%.` under
/// `### Amazon Elastic Inference` is a fact of that topic; its nested items
/// are its `details`.
public struct Fact: Hashable, Sendable, Identifiable {
    /// Stable across runs and edits of other facts; see `FactID`.
    public var id: FactID
    public var text: InlineText
    /// 1-based line in the source file where the item starts.
    public var line: Int
    /// Paragraphs and code under the item (nested list items are facts of
    /// their own, with this fact as their `context`).
    public var details: [FactDetail]
    /// For a nested item: the text of the item it is nested under ("Benefits:",
    /// or a whole statement), which the quiz shows with it, since the nested
    /// fact often only makes sense beside it.
    public var context: InlineText?
    /// How deep the item is nested: 0 for an item directly under a heading.
    public var depth: Int

    public init(id: FactID, text: InlineText, line: Int, details: [FactDetail] = [], context: InlineText? = nil,
                depth: Int = 0) {
        self.id = id
        self.text = text
        self.line = line
        self.details = details
        self.context = context
        self.depth = depth
    }
}

/// A nested item or extra paragraph of a fact: shown with it, not quizzed alone.
public struct FactDetail: Hashable, Sendable {
    public var text: InlineText
    public var line: Int
    public var details: [FactDetail]

    public init(text: InlineText, line: Int, details: [FactDetail] = []) {
        self.text = text
        self.line = line
        self.details = details
    }
}

/// A paragraph, code block or reference of a post: shown in the detail
/// pane, never quizzed.
public struct Note: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case paragraph
        case code
        /// A list item that is only a link (`- **[📖 S3 Docs](https://…)**`):
        /// a pointer to read more, not a fact and not a label.
        case reference
    }

    public var kind: Kind
    public var text: InlineText
    public var line: Int

    public init(kind: Kind, text: InlineText, line: Int) {
        self.kind = kind
        self.text = text
        self.line = line
    }
}
