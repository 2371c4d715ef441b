import ArgumentParser
import DeckKit
import ProgressSQLite
import Reports
import StudyCore

/// `awsml-tui changes [FILE…] [--store PATH]`: what changed in the notes since
/// their progress was written: the facts re-linked (edited, moved, renamed),
/// those waiting to be, those to confirm and those gone. Reads the store
/// without changing it; opening the notes makes the re-links.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List the facts changed since their progress was written, and where the progress went.")

    @Argument(help: "Markdown posts (default: the bundled post).")
    var files: [String] = []

    @Option(name: .customLong("store"), help: "The progress file (default: $XDG_DATA_HOME/awsml-tui/progress.sqlite).")
    var storePath: String?

    func run() throws {
        let decks = try DeckSource.load(files)
        let text = try StoreSnapshot.reading(storePath: storePath) { store, path in
            let changes = try NotesChanges.follow(decks: decks, cards: try store.loadCards(), store: store,
                                                  now: SystemClock.now(), apply: false)
            let titles = Set(decks.map(\.title))
            return ChangesReport.text(changes: changes, links: try store.links(),
                                      renames: try store.deckRenames().filter { titles.contains($0.newTitle) },
                                      current: NotesChanges.knownFacts(in: decks), storePath: path)
        }
        try StandardOutput.write(text)
    }
}
