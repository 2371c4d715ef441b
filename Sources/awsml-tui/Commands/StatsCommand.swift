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

    @OptionGroup var leech: LeechOption

    func run() throws {
        let decks = try DeckSource.load(files)
        let now = SystemClock.now()
        let scopes = decks.map { StatsReport.scope(of: $0) }
        let snapshot = try StoreSnapshot.read(storePath: storePath, activityOf: scopes.map { Set($0.map(\.0)) },
                                              recentSince: ReviewActivity.recentSince(now: now))
        let (path, reviews) = (snapshot.path, snapshot.reviewCount)
        let statistics = zip(scopes, snapshot.activities).map { scope, activity in
            ProgressStatistics.compute(scope: scope, cards: snapshot.cards, activity: activity, now: now,
                                       days: dayStart.dayBoundary(at: now), scheduler: .standard,
                                       leechLapses: leech.lapses)
        }
        if json {
            try StandardOutput.write(StatsReport.json(decks: decks, statistics: statistics, reviews: reviews, storePath: path) + "\n")
        } else {
            try StandardOutput.write(StatsReport.text(decks: decks, statistics: statistics, reviews: reviews, storePath: path))
        }
    }
}
