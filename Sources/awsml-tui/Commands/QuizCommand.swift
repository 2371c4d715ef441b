import AppCore
import ArgumentParser
import DeckKit
import StudyCore

/// `awsml-tui quiz`: the quiz line by line (also `awsml-tui --plain`).
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Quiz yourself line by line: for screen readers, pipes and TERM=dumb.")

    @Argument(help: "Markdown posts (default: the bundled post).")
    var files: [String] = []

    /// Kept so that `quiz --plain` (the form before it was implied) still works.
    @Flag(help: "Optional: plain lines, no screen handling and no colour, the only way this command runs.")
    var plain = false

    @OptionGroup var options: PlainQuizOptions

    func run() throws {
        try options.session(posts: try DeckSource.loadPosts(files)).run()
    }
}

/// The options shared by `awsml-tui --plain` and `awsml-tui quiz`.
struct PlainQuizOptions: ParsableArguments {
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case study, practice, exam
    }

    @Option(help: "study (due, then new), practice (schedule untouched) or exam (no feedback until the end).")
    var mode: Mode = .study

    @Option(help: "The node to quiz: a title, or titles from the deck down separated by \" > \".")
    var topic: String?

    @Option(parsing: .unconditional,
            help: "Seed for the order and kinds of questions (\(OptionRange.seed.text); default: from the clock).",
            transform: OptionRange.seed.parse)
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "At most this many questions (\(OptionRange.questions.text)).",
            transform: OptionRange.questions.parse)
    var questions: Int?

    @Option(name: .customLong("new-per-day"), parsing: .unconditional,
            help: "New facts a study session may start each day (\(OptionRange.newPerDay.text); default: 20).",
            transform: OptionRange.newPerDay.parse)
    var newPerDay = 20

    @Option(name: .customLong("store"), help: "The progress file (default: $XDG_DATA_HOME/awsml-tui/progress.sqlite).")
    var storePath: String?

    @OptionGroup var dayStart: DayStartOption

    @OptionGroup var leech: LeechOption

    func session(posts: [LoadedPost]) -> PlainSession {
        let now = SystemClock.now()
        let options = StudyOptions(newPerDay: newPerDay, examQuestions: questions ?? 20,
                                   seed: seed ?? UInt64(truncatingIfNeeded: now.milliseconds),
                                   objectiveOnly: true, questionLimit: questions,
                                   dayBoundary: dayStart.dayBoundary(at: now), leechLapses: leech.lapses)
        let studyMode: StudyMode = switch mode {
        case .study: .study
        case .practice: .practice
        case .exam: .exam
        }
        return PlainSession(decks: Deck.keptApart(posts.map(\.deck)), posts: posts, mode: studyMode, topic: topic.map(ArgumentBytes.shown), storePath: storePath, options: options,
                            environment: ProcessEnvironment.current())
    }
}
