import DeckKit
import StudyCore

/// A quiz in progress: the session, where it stands, and what was typed.
public struct QuizState: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        /// The question is up, waiting for an answer.
        case asking
        /// A flip card turned over: grade yourself 1–4.
        case revealed
        /// Right or wrong, the whole fact, and the grade given. The answer is
        /// already stored (with the suggested grade); another grade replaces it.
        case feedback(Feedback)
        /// The end screen.
        case summary(SessionSummary)
        /// Nothing to ask now, and why.
        case nothingToDo(NothingToStudy)
    }

    /// The verdict on an objective answer, shown after it was stored.
    public struct Feedback: Equatable, Sendable {
        public var correct: Bool
        /// The option chosen (0-based), for choice questions.
        public var chosen: Int?
        /// The options chosen together, for a question with several right.
        public var picked: Set<Int> = []
        /// The judgement of a typed answer, with its diff.
        public var typed: TypedAnswer?
        public var suggested: Rating
        /// The review as it was sent to the store; its `id` is set once the
        /// store has it.
        public var review: ReviewRecord
        /// The store refused it: the screen says so.
        public var saveFailed = false

        public init(correct: Bool, chosen: Int?, typed: TypedAnswer?, suggested: Rating, review: ReviewRecord) {
            self.correct = correct
            self.chosen = chosen
            self.typed = typed
            self.suggested = suggested
            self.review = review
        }
    }

    /// Why a session has nothing to ask.
    public struct NothingToStudy: Equatable, Sendable {
        /// When the next fact of the scope comes due, if any.
        public var nextDue: Timestamp?
        /// New facts waiting that today's limit holds back (0: the limit is
        /// not what stops the session).
        public var newHeldBack: Int

        public init(nextDue: Timestamp?, newHeldBack: Int) {
            self.nextDue = nextDue
            self.newHeldBack = newHeldBack
        }
    }

    public var session: StudySession
    /// Every fact of the scope, in post order (for the summary's due counts).
    public var scope: [FactID]
    /// The node the session was started on.
    public var scopeTitle: String
    public var phase: Phase
    /// What has been typed for a cloze-typed question.
    public var typed = ""
    /// The options marked so far in a question with several right ones
    /// (number keys toggle, Enter checks).
    public var marked: Set<Int> = []
    /// When the current question appeared (for the answer's time taken).
    public var shownAt: Timestamp
    /// The question on screen: asked, or answered and shown with its feedback.
    public var question: Question?
    /// The first summary line shown (the summary scrolls).
    public var summaryScroll = 0
    /// The miss the summary marks (`›`), an index into its
    /// `missedQuestions`: `↑`/`↓` move it, `e` opens its fact in the editor.
    public var selectedMiss = 0

    public init(session: StudySession, scope: [FactID], scopeTitle: String, phase: Phase, shownAt: Timestamp) {
        self.session = session
        self.scope = scope
        self.scopeTitle = scopeTitle
        self.phase = phase
        self.shownAt = shownAt
        self.question = session.current
    }
}

/// How a node is doing, for the tree: due and new counts and the mean
/// mastery of its studied facts (`FSRSScheduler.mastery(of:at:)`: the
/// retrievability a week ahead, so a fact just missed does not look known).
public struct NodeProgress: Hashable, Sendable {
    public var facts = 0
    public var due = 0
    public var new = 0
    public var studied = 0
    public var masterySum = 0.0
    /// Facts suspended, and facts buried for today.
    public var suspended = 0
    public var buried = 0
    /// Facts forgotten `StudyOptions.leechLapses` times or more (leeches).
    public var leeches = 0

    public init() {}

    /// Mean mastery of the studied facts, nil when none was studied.
    public var meanMastery: Double? { studied == 0 ? nil : masterySum / Double(studied) }

    /// Counts a card's mastery (`ExactSum`: a node's sum is the same in
    /// whatever order its cards are counted; `AppState.refreshNodeProgress`
    /// takes them in the store's order).
    mutating func addMastery(_ mastery: Double) {
        masterySum += ExactSum.rounded(mastery)
    }

    /// Adds a child node's counts to this one's.
    mutating func add(_ child: NodeProgress) {
        facts += child.facts
        due += child.due
        new += child.new
        studied += child.studied
        suspended += child.suspended
        buried += child.buried
        leeches += child.leeches
        masterySum += child.masterySum
    }
}

/// What a study session needs to know from the command line.
public struct StudyOptions: Hashable, Sendable {
    public var newPerDay: Int
    public var examQuestions: Int
    public var examMinutes: Int?
    public var seed: UInt64
    /// Only questions the app can mark (plain mode: one typed line answers each).
    public var objectiveOnly: Bool
    /// At most this many questions in a session, of any mode.
    public var questionLimit: Int?
    /// Where the learner's days begin: the system's UTC offset and
    /// `--day-starts-at`. It travels here, with the other settings of the
    /// command line, rather than beside `now`: it is read once at start-up,
    /// while the clock ticks. The summary's "later today" and "tomorrow" and
    /// the stats screen count these days.
    public var dayBoundary: DayBoundary
    /// A fact forgotten this many times (lapses from review) is a leech: a
    /// note worth rewording, or a question worth suspending. Anki's default.
    public var leechLapses: Int

    public static let defaultLeechLapses = 8

    public init(newPerDay: Int = 20, examQuestions: Int = 20, examMinutes: Int? = nil, seed: UInt64 = 1,
                objectiveOnly: Bool = false, questionLimit: Int? = nil, dayBoundary: DayBoundary = DayBoundary(),
                leechLapses: Int = StudyOptions.defaultLeechLapses) {
        self.leechLapses = leechLapses
        self.newPerDay = newPerDay
        self.examQuestions = examQuestions
        self.examMinutes = examMinutes
        self.seed = seed
        self.objectiveOnly = objectiveOnly
        self.questionLimit = questionLimit
        self.dayBoundary = dayBoundary
    }
}
