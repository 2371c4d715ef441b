/// Where a key binding applies. Bindings of the focused pane are looked up
/// first, then the global ones; while a search is typed or help is shown,
/// only their own bindings apply.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case global
    case tree
    case detail
    case searchInput
    case help
    /// A choice question (which topic, cloze, true/false) is up.
    case quizChoice
    /// A flip card is up, not yet turned.
    case quizFlip
    /// A flip card is turned: grade it.
    case quizGrade
    /// A cloze-typed question takes the keys as text.
    case quizTyping
    /// Right or wrong is shown: accept or change the grade.
    case quizFeedback
    case quizSummary
    /// Nothing to study now.
    case quizEmpty
    /// The stats screen.
    case stats
    /// The heading of this context on the help screen.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .tree: "Topic tree"
        case .detail: "Fact detail"
        case .searchInput: "While typing a search"
        case .help: "This help"
        case .quizChoice: "Quiz: a choice question"
        case .quizFlip: "Quiz: a flip card"
        case .quizGrade: "Quiz: grading a flip card"
        case .quizTyping: "Quiz: typing an answer"
        case .quizFeedback: "Quiz: after an answer"
        case .quizSummary: "Quiz: the summary"
        case .quizEmpty: "Quiz: nothing due"
        case .stats: "Stats screen"
        }
    }

    /// Whether this is one of the quiz's contexts.
    public var isQuiz: Bool {
        switch self {
        case .quizChoice, .quizFlip, .quizGrade, .quizTyping, .quizFeedback, .quizSummary, .quizEmpty: true
        default: false
        }
    }
}
