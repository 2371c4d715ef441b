import DeckKit

/// The kinds of question made from a plain bullet.
public enum QuestionKind: String, Hashable, Sendable, CaseIterable {
    /// A cue with the key term hidden; reveal, then grade yourself 1–4.
    case flip
    /// The fact; pick its topic from four.
    case whichTopic = "which-topic"
    /// The fact with its key term blanked; pick the term from four of its kind.
    case clozeChoice = "cloze-choice"
    /// The fact with its key term blanked; type it.
    case clozeTyped = "cloze-typed"
    /// A statement: the fact as written, or a false version of it.
    case trueFalse = "true-false"

    /// Whether the app can tell right from wrong (all but flip).
    public var isObjective: Bool { self != .flip }

    public var title: String {
        switch self {
        case .flip: "Recall"
        case .whichTopic: "Which topic?"
        case .clozeChoice: "Fill the gap"
        case .clozeTyped: "Type the missing term"
        case .trueFalse: "True or false?"
        }
    }
}

/// One question about one fact, ready to show.
public struct Question: Hashable, Sendable {
    public var kind: QuestionKind
    public var factID: FactID
    /// The fact itself, shown whole in the feedback.
    public var fact: Fact
    /// The deck's title and the titles from the deck down to the fact's topic.
    public var topicPath: [String]
    /// What is asked: the cue, the gapped fact, the statement…
    public var prompt: String
    /// The choices, for which-topic, cloze-choice and true/false.
    public var options: [String]
    /// Index into `options` of the right one.
    public var correctOption: Int?
    /// The hidden term (flip and cloze), or the right option's text.
    public var answer: String

    public init(kind: QuestionKind, factID: FactID, fact: Fact, topicPath: [String], prompt: String,
                options: [String] = [], correctOption: Int? = nil, answer: String) {
        self.kind = kind
        self.factID = factID
        self.fact = fact
        self.topicPath = topicPath
        self.prompt = prompt
        self.options = options
        self.correctOption = correctOption
        self.answer = answer
    }

    /// The blank that stands for a hidden term.
    public static let blank = "_____"
}
