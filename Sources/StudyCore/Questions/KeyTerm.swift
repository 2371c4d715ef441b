import DeckKit

/// A word or phrase of a fact that a question can hide: what the learner must
/// recall.
///
/// In "Reduces deep learning inference costs by up to 75%." the key term is
/// "75%" (a number with its unit); in "**Pipe Input Mode** streams data" it is
/// "Pipe Input Mode" (bold comes first); in "RCU: one strongly consistent read
/// per second" it is "RCU" (the term a definition defines).
public struct KeyTerm: Hashable, Sendable {
    /// What kind of thing it is: options and swaps are taken of the same kind.
    public enum Kind: String, Hashable, Sendable {
        /// 75%, 16 TB, 150TB, 10 minutes, 2019.
        case number
        /// Amazon EMR, AWS Glue, SageMaker, S3, ETL: a name found mid-sentence.
        case name
        /// Bold or code text, or the term a "Term: definition" bullet defines.
        case term
        /// A content noun phrase ("data warehouses"), when nothing better is
        /// there: never a function word, an adverb or the sentence's verb.
        case phrase
    }

    public var text: String
    public var kind: Kind
    /// Where it stands in the fact's plain text, in UTF-16 offsets.
    public var range: Range<Int>
    /// For a number: its unit, lowercased ("%", "tb", "minutes"), "" for a
    /// plain count and "year" for a year; nil otherwise.
    public var unit: String?
    /// Words in it (CJK words as ICU segments them).
    public var wordCount: Int
    /// Written in Chinese or Japanese.
    public var isCJK: Bool
    /// The term of a "Term: definition" bullet (the definition follows it).
    public var isDefinedTerm: Bool
    /// One item of a list written out in the sentence ("TensorFlow, Apache
    /// MXNet, PyTorch, and ONNX"): another item could be just as true, so it
    /// is never a choice or a swap.
    public var isListItem: Bool

    public init(text: String, kind: Kind, range: Range<Int>, unit: String? = nil, wordCount: Int = 1,
                isCJK: Bool = false, isDefinedTerm: Bool = false, isListItem: Bool = false) {
        self.text = text
        self.kind = kind
        self.range = range
        self.unit = unit
        self.wordCount = wordCount
        self.isCJK = isCJK
        self.isDefinedTerm = isDefinedTerm
        self.isListItem = isListItem
    }
}
