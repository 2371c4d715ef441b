import ArgumentParser
import DeckKit

/// Loads the decks a command was given, or the bundled one.
enum DeckSource {
    /// The decks for `files`; on a bad file, prints
    /// `awsml-tui: error: <file>: <reason>` and exits with status 2, before
    /// anything else happens.
    static func load(_ files: [String]) throws -> [Deck] {
        guard !files.isEmpty else { return [DeckLoader.bundled()] }
        var decks: [Deck] = []
        for file in files {
            do {
                decks.append(try DeckLoader.load(path: file))
            } catch {
                throw CommandFailure.report(error)
            }
        }
        return decks
    }
}
