import DeckKit

/// The word or phrase a question hides: what the learner must recall.
///
/// In "Reduces deep learning inference costs by up to 75%." the key term is
/// "75%" (a number with a unit); in "**Pipe Input Mode** streams data" it is
/// "Pipe Input Mode" (bold comes first).
public struct KeyTerm: Hashable, Sendable {
    /// What kind of thing it is: distractors are taken of the same kind.
    public enum Kind: String, Hashable, Sendable {
        /// 75%, 16 TB, 150TB, 10 minutes.
        case number
        /// Amazon EMR, AWS Glue, SageMaker, TensorFlow.
        case name
        /// Any other content word or styled phrase.
        case term
    }

    public var text: String
    public var kind: Kind
    /// Where it stands in the fact's plain text (character offsets).
    public var range: Range<Int>

    public init(text: String, kind: Kind, range: Range<Int>) {
        self.text = text
        self.kind = kind
        self.range = range
    }
}
