import AppCore
import ArgumentParser
import DeckKit
import StudyCore

/// `awsml-tui quiz --plain`: the quiz line by line (also `awsml-tui --plain`).
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Quiz yourself line by line: for screen readers, pipes and TERM=dumb.")

    @Argument(help: "Markdown posts (default: the bundled post).")
    var files: [String] = []

    @Flag(help: "Plain lines, no screen handling and no colour (the only way this command runs).")
    var plain = false

    @OptionGroup var options: PlainQuizOptions

    func validate() throws {
        guard plain else { throw ValidationError("quiz runs line by line only: add --plain (the full screen is `awsml-tui`)") }
    }

    func run() throws {
        try options.session(decks: try DeckSource.load(files)).run()
    }
}

/// The options shared by `awsml-tui --plain` and `awsml-tui quiz --plain`.
struct PlainQuizOptions: ParsableArguments {
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case study, practice, exam
    }

    @Option(help: "study (due, then new), practice (schedule untouched) or exam (no feedback until the end).")
    var mode: Mode = .study

    @Option(help: "The node to quiz: a title, or titles from the deck down separated by \" > \".")
    var topic: String?

    @Option(help: "Seed for the order and kinds of questions (default: from the clock).")
    var seed: UInt64?

    @Option(help: "At most this many questions.")
    var questions: Int?

    @Option(name: .customLong("new-per-day"), help: "New facts a study session may start each day.")
    var newPerDay = 20

    @Option(name: .customLong("store"), help: "The progress file (default: $XDG_DATA_HOME/awsml-tui/progress.sqlite).")
    var storePath: String?

    @OptionGroup var dayStart: DayStartOption

    func session(decks: [Deck]) -> PlainSession {
        let now = SystemClock.now()
        let options = StudyOptions(newPerDay: newPerDay, examQuestions: questions ?? 20,
                                   seed: seed ?? UInt64(truncatingIfNeeded: now.milliseconds),
                                   objectiveOnly: true, questionLimit: questions,
                                   dayBoundary: dayStart.dayBoundary(at: now))
        let studyMode: StudyMode = switch mode {
        case .study: .study
        case .practice: .practice
        case .exam: .exam
        }
        return PlainSession(decks: decks, mode: studyMode, topic: topic, storePath: storePath, options: options,
                            environment: ProcessEnvironment.current())
    }
}
