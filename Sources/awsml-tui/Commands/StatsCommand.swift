import ArgumentParser
import DeckKit
import ProgressSQLite
import Reports
import StudyCore

/// `awsml-tui stats [FILE…] [--store PATH]`: where you stand, as text.
///
/// A post the store has an outline of (the same bytes, loaded by this build
/// of the app) is not parsed (`StatsDeck`); the store is opened read-only
/// first for that, but a bad post is still reported before a bad store.
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
        let environment = ProcessEnvironment.current()
        let path = StoreLocation.path(explicit: try ArgumentBytes.storePath(storePath), environment: environment)
        let now = SystemClock.now()
        let store: SQLiteProgressStore
        do {
            // A store nothing has written since its last sound check is not
            // checked again (`StoreCheckRecord`).
            let checks = StoreCheckRecord.file(environment: environment).map { StoreCheckRecord(file: $0, now: now) }
            store = try SQLiteProgressStore.openReadOnly(path: path, checks: checks)
        } catch {
            // The posts' own errors first, as when they were loaded before the store.
            _ = try DeckSource.load(files)
            throw CommandFailure.report(error)
        }
        defer { try? store.close() }
        let reader = store.secondReader()
        defer { try? reader?.close() } // (before the store: its close tidies the log files)
        let decks = try StatsDeck.load(files, store: store)
        for warning in store.warnings { StandardError.warn(warning) }
        let titles = Deck.keptApart(titles: decks.map { ($0.title, $0.file) })
        let report: String
        do {
            let scopes = decks.map(\.scope)
            var allCards: [FactID: CardProgress]?
            let statistics = try scopes.map { scope in
                let index = FactIndex(scope.map(\.0))
                if index.hasRepeats {
                    // A deck with an id twice: every card by id, each counted at every place.
                    if allCards == nil { allCards = try store.loadCards() }
                    return ProgressStatistics.compute(scope: scope, cards: allCards ?? [:],
                                                      activity: try store.reviewActivity(of: index, now: now),
                                                      now: now, days: dayStart.dayBoundary(at: now),
                                                      scheduler: .standard, leechLapses: leech.lapses)
                }
                // The review counts on the other core, through a connection
                // of their own, while this one counts the cards as the table
                // gives them, each at the place of its fact (`FactIndex`).
                let counts = reader.map { reader in OtherCore.start { try reader.reviewActivity(of: index, now: now) } }
                var tally = ProgressTally(scope: scope, now: now, days: dayStart.dayBoundary(at: now),
                                          scheduler: .standard, leechLapses: leech.lapses)
                try store.forEachCard(of: index) { place, card in tally.add(card, at: place) }
                return tally.statistics(activity: try counts?.value() ?? store.reviewActivity(of: index, now: now))
            }
            let headings = try zip(decks, zip(titles, statistics)).map { deck, titled in
                try deck.heading(title: titled.0, statistics: titled.1, store: store)
            }
            let reviews = try store.reviewCount()
            report = json
                ? StatsReport.json(headings: headings, statistics: statistics, reviews: reviews, storePath: path) + "\n"
                : StatsReport.text(headings: headings, statistics: statistics, reviews: reviews, storePath: path)
        } catch {
            throw CommandFailure.report(storeRead: path, error)
        }
        try StandardOutput.write(report)
    }
}
