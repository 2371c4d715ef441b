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
    /// A "Term: definition" bullet asked the other way ("What is RCU?"),
    /// or a fact asked by its topic ("Which of these is true of Amazon
    /// Neptune?"): pick the definition or statement from four.
    case definitionChoice = "definition-choice"
    /// A question the notes ask themselves (a question bank's task list),
    /// asked as written with its options shuffled; right only when exactly
    /// the checked options are chosen.
    case authoredChoice = "authored-choice"

    /// Whether the app can tell right from wrong (all but flip).
    public var isObjective: Bool { self != .flip }

    public var title: String {
        switch self {
        case .flip: "Recall"
        case .whichTopic: "Which topic?"
        case .clozeChoice: "Fill the gap"
        case .clozeTyped: "Type the missing term"
        case .trueFalse: "True or false?"
        case .definitionChoice: "Which describes it?"
        case .authoredChoice: "Question"
        }
    }
}

/// What a recall card's blank hides, so the quiz can ask for it by name.
public enum RecallGap: String, Sendable {
    /// One term ("Recall the missing term").
    case term
    /// A phrase of the fact.
    case words
    /// The whole fact, an item of the list shown.
    case item
}

/// One question about one fact, ready to show.
public struct Question: Hashable, Sendable {
    public var kind: QuestionKind
    public var factID: FactID
    /// The fact itself, shown whole in the feedback.
    public var fact: Fact
    /// The deck's title and the titles from the deck down to the fact's topic.
    public var topicPath: [String]
    /// Every line shown above the prompt while it is asked (the topic path,
    /// as the screen shows it; nothing for which-topic, whose answer it is).
    /// The generator checks that no word of the answer shows here.
    public var context: [String]
    /// What is asked: the cue, the gapped fact, the statement…
    public var prompt: String
    /// The choices, for which-topic, cloze-choice, definition-choice and true/false.
    public var options: [String]
    /// Index into `options` of the right one (the first, when several are).
    public var correctOption: Int?
    /// Every right option (sorted), for a question with several: chosen
    /// together, exactly, they are the answer. One index, or empty, otherwise.
    public var correctOptions: [Int]
    /// The hidden term (flip and cloze), or the right option's text.
    public var answer: String
    /// For true/false: whether the statement shown is the fact as written.
    public var truth: Bool?

    public init(kind: QuestionKind, factID: FactID, fact: Fact, topicPath: [String], context: [String]? = nil,
                prompt: String, options: [String] = [], correctOption: Int? = nil, correctOptions: [Int]? = nil,
                answer: String, truth: Bool? = nil) {
        self.kind = kind
        self.factID = factID
        self.fact = fact
        self.topicPath = topicPath
        self.context = context ?? Self.context(for: topicPath)
        self.truth = truth
        self.prompt = prompt
        self.options = options
        self.correctOption = correctOption
        self.correctOptions = correctOptions ?? correctOption.map { [$0] } ?? []
        self.answer = answer
    }

    /// Whether the learner must pick several options (then submit).
    public var choosesSeveral: Bool { correctOptions.count > 1 }

    /// Whether `chosen` is exactly the right answer.
    public func isRight(choosing chosen: Set<Int>) -> Bool {
        chosen == Set(correctOptions)
    }

    /// What the blank hides: the whole fact (an item recalled from its
    /// list), a phrase of it, or one term.
    public var recallGap: RecallGap {
        if answer == fact.text.plainText.trimmedSpaces() { return .item }
        // "14 days", "Amazon EMR": a term; three words or more, a phrase.
        return answer.split(separator: " ").count >= 3 ? .words : .term
    }

    /// The blank that stands for a hidden term.
    public static let blank = "_____"

    /// What stands for a topic's words in a which-topic prompt: speakable by
    /// a screen reader ("▒▒▒" is read as "medium shade" three times).
    public static let mask = "[…]"

    /// The topic path as the quiz shows it above the prompt: the titles below
    /// the deck's, joined by " › ".
    public static func context(for topicPath: [String]) -> [String] {
        let titles = topicPath.dropFirst()
        return titles.isEmpty ? [] : [titles.joined(separator: " › ")]
    }
}
