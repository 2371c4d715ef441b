import AppCore
import ArgumentParser
import DeckKit

/// `awsml-tui [FILE…]`: the full-screen study app.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open posts full screen (the default command).")

    @Argument(help: "Markdown posts to study (default: the bundled post).")
    var files: [String] = []

    @Option(name: .customLong("store"), help: "The progress file (default: $XDG_DATA_HOME/awsml-tui/progress.sqlite).")
    var storePath: String?

    @Option(name: .customLong("new-per-day"), parsing: .unconditional,
            help: "New facts a study session may start each day (\(OptionRange.newPerDay.text); default: 20).",
            transform: OptionRange.newPerDay.parse)
    var newPerDay = 20

    @Option(name: .customLong("exam-questions"), parsing: .unconditional,
            help: "Questions in an exam (\(OptionRange.examQuestions.text); default: 20).",
            transform: OptionRange.examQuestions.parse)
    var examQuestions = 20

    @Option(name: .customLong("exam-minutes"), parsing: .unconditional,
            help: "Time limit of an exam, in minutes (\(OptionRange.examMinutes.text); none by default).",
            transform: OptionRange.examMinutes.parse)
    var examMinutes: Int?

    @Option(parsing: .unconditional,
            help: "Seed for the order and kinds of questions (\(OptionRange.seed.text); default: from the clock).",
            transform: OptionRange.seed.parse)
    var seed: UInt64?

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (no clicks or wheel in the app).")
    var noMouse = false

    @Flag(help: "Quiz line by line instead of the full screen (as `awsml-tui quiz`).")
    var plain = false

    @Option(help: "With --plain: study, practice or exam.")
    var mode: PlainQuizOptions.Mode = .study

    @Option(help: "With --plain: the node to quiz (a title, or titles separated by \" > \").")
    var topic: String?

    @Option(parsing: .unconditional, help: "With --plain: at most this many questions (\(OptionRange.questions.text)).",
            transform: OptionRange.questions.parse)
    var questions: Int?

    @OptionGroup var dayStart: DayStartOption

    @OptionGroup var leech: LeechOption

    func run() throws {
        try run(earlyStore: nil)
    }

    /// Runs with the store perhaps being opened already (`EarlyStoreOpen`).
    func run(earlyStore: EarlyStoreOpen?) throws {
        let posts = try DeckSource.loadPosts(files)
        let decks = Deck.keptApart(posts.map(\.deck))
        if plain {
            var plainOptions = try PlainQuizOptions.parse([])
            plainOptions.mode = mode
            plainOptions.topic = topic
            plainOptions.seed = seed
            plainOptions.questions = questions
            plainOptions.newPerDay = newPerDay
            plainOptions.storePath = storePath
            plainOptions.dayStart = dayStart
            plainOptions.leech = leech
            try plainOptions.session(posts: posts).run()
            return
        }
        let environment = ProcessEnvironment.current()
        let useColour = !noColor && environment["NO_COLOR"] == nil
        let now = SystemClock.now()
        let options = StudyOptions(newPerDay: newPerDay, examQuestions: examQuestions, examMinutes: examMinutes,
                                   seed: seed ?? UInt64(truncatingIfNeeded: now.milliseconds),
                                   dayBoundary: dayStart.dayBoundary(at: now), leechLapses: leech.lapses)
        try FullScreenSession(decks: decks, posts: posts, files: files, useColour: useColour, useMouse: !noMouse, environment: environment,
                              storePath: storePath, studyOptions: options, earlyStore: earlyStore).run()
    }
}
