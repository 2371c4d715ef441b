import ArgumentParser
import DeckKit
import ProgressSQLite
import StudyCore

/// `awsml-tui stats [FILE…] [--store PATH]`: where you stand, as text.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print progress: cards by state, what is due, reviews logged.")

    @Argument(help: "Markdown posts to report on (default: the bundled post).")
    var files: [String] = []

    @Option(name: .customLong("store"), help: "The progress file (default: $XDG_DATA_HOME/awsml-tui/progress.sqlite).")
    var storePath: String?

    func run() throws {
        let decks = try DeckSource.load(files)
        let now = SystemClock.now()
        let path = StoreLocation.path(explicit: storePath, environment: ProcessEnvironment.current())
        let store: SQLiteProgressStore
        do {
            store = try SQLiteProgressStore.open(path: path, now: now)
        } catch {
            StandardError.write("awsml-tui: error: \(error.description)\n")
            throw ExitCode(2)
        }
        let cards = try store.loadCards()
        var output = StandardOutput()
        output.write(ProgressReport.text(decks: decks, cards: cards, reviews: try store.reviewCount(),
                                         storePath: path, now: now))
    }
}
