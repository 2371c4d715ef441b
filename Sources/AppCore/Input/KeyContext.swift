/// Where a key binding applies. A context's own bindings are looked up
/// first, then those of the contexts it inherits (`inherits`), in order: the
/// key table says once that `?` is help on every browsing screen, and no code
/// hard-codes which keys fall through.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    /// Control keys that work on every screen, even while typing.
    case global
    /// The tree and the detail, whichever has the focus.
    case browsing
    case tree
    case detail
    case searchInput
    case help
    /// Every question screen of a quiz (not while typing an answer).
    case quiz
    /// A choice question (which topic, cloze, definition) is up.
    case quizChoice
    /// A true/false statement is up.
    case quizTrueFalse
    /// A flip card is up, not yet turned.
    case quizFlip
    /// A flip card is turned: grade it.
    case quizGrade
    /// A cloze-typed question takes the keys as text.
    case quizTyping
    /// Right or wrong is shown (the answer is already stored): go on, or change the grade.
    case quizFeedback
    case quizSummary
    /// Nothing to study now.
    case quizEmpty
    /// The stats screen.
    case stats
    /// The "what changed" screen.
    case changes
    /// The fact picker of `r` on that screen: printable keys narrow it.
    case factPicker

    /// The contexts whose bindings apply here too, after this one's own.
    /// Typing contexts inherit only `global` (control keys), since every
    /// printable key is text there.
    public var inherits: [KeyContext] {
        switch self {
        case .global, .help: []
        case .browsing, .searchInput, .quizTyping, .stats, .changes, .factPicker, .quiz, .quizEmpty: [.global]
        case .tree, .detail: [.browsing, .global]
        case .quizChoice, .quizTrueFalse, .quizFlip, .quizGrade, .quizFeedback, .quizSummary: [.quiz, .global]
        }
    }

    /// The heading of this context on the help screen.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .browsing: "Tree and detail"
        case .tree: "Topic tree"
        case .detail: "Fact detail"
        case .searchInput: "While typing a search"
        case .help: "This help"
        case .quiz: "Any question"
        case .quizChoice: "A choice question"
        case .quizTrueFalse: "True or false"
        case .quizFlip: "A flip card"
        case .quizGrade: "Grading a flip card"
        case .quizTyping: "Typing an answer"
        case .quizFeedback: "After an answer"
        case .quizSummary: "The summary"
        case .quizEmpty: "Nothing due"
        case .stats: "Stats screen"
        case .changes: "What changed"
        case .factPicker: "Re-linking by hand (r)"
        }
    }

    /// Whether this is one of the quiz's contexts.
    public var isQuiz: Bool {
        switch self {
        case .quiz, .quizChoice, .quizTrueFalse, .quizFlip, .quizGrade, .quizTyping, .quizFeedback, .quizSummary,
             .quizEmpty: true
        default: false
        }
    }
}
