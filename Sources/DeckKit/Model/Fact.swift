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
    /// For a question the notes ask themselves (a GFM task list with an item
    /// checked, under its stem): the options, the checked ones right. The
    /// text is the stem. Empty for a statement.
    public var choices: [FactChoice]
    /// For a flip card the notes write (a heading ending in "?" over prose):
    /// the answer. The text is the question.
    public var answer: InlineText?

    public init(id: FactID, text: InlineText, line: Int, details: [FactDetail] = [], context: InlineText? = nil,
                depth: Int = 0, choices: [FactChoice] = [], answer: InlineText? = nil) {
        self.id = id
        self.text = text
        self.line = line
        self.details = details
        self.context = context
        self.depth = depth
        self.choices = choices
        self.answer = answer
    }

    /// A statement to learn, or a question the notes ask (with choices or an answer).
    public var kind: FactKind { choices.isEmpty && answer == nil ? .statement : .question }
}

/// What a fact is: a statement the generator asks about, or a question
/// written in the notes, asked as written.
public enum FactKind: String, Hashable, Sendable {
    case statement
    case question
}

/// One option of a question written in the notes.
public struct FactChoice: Hashable, Sendable {
    public var text: InlineText
    /// Checked in the notes: a right answer.
    public var isCorrect: Bool

    public init(text: InlineText, isCorrect: Bool) {
        self.text = text
        self.isCorrect = isCorrect
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
