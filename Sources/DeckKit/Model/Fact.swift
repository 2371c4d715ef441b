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
    public var details: [FactDetail]

    public init(id: FactID, text: InlineText, line: Int, details: [FactDetail] = []) {
        self.id = id
        self.text = text
        self.line = line
        self.details = details
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

/// A paragraph or code block of a post: shown in the detail pane, never quizzed.
public struct Note: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case paragraph
        case code
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
