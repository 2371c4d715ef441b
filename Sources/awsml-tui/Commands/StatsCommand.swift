import ArgumentParser
import DeckKit
import Reports
import ProgressSQLite
import Reports
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

    @Flag(help: "Print the figures as JSON (the shape is in the README).")
    var json = false

    @OptionGroup var dayStart: DayStartOption

    func run() throws {
        let decks = try DeckSource.load(files)
        let now = SystemClock.now()
        let path = StoreLocation.path(explicit: try ArgumentBytes.storePath(storePath),
                                      environment: ProcessEnvironment.current())
        // Read only: stats never changes the file (no migration, backup or checkpoint).
        let store: SQLiteProgressStore
        do {
            store = try SQLiteProgressStore.openReadOnly(path: path)
        } catch {
            throw CommandFailure.report(error)
        }
        defer { try? store.close() }
        for warning in store.warnings { StandardError.warn(warning) }
        let (cards, log, reviews): ([FactID: CardProgress], [ReviewLogEntry], Int)
        do {
            (cards, log, reviews) = (try store.loadCards(), try store.reviewLog(), try store.reviewCount())
        } catch {
            throw CommandFailure.report(storeRead: path, error)
        }
        let statistics = StatsReport.statistics(decks: decks, cards: cards, log: log,
                                                now: now, days: dayStart.dayBoundary(at: now), scheduler: .standard)
        if json {
            try StandardOutput.write(StatsReport.json(decks: decks, statistics: statistics, reviews: reviews, storePath: path) + "\n")
        } else {
            try StandardOutput.write(StatsReport.text(decks: decks, statistics: statistics, reviews: reviews, storePath: path))
        }
    }
}
