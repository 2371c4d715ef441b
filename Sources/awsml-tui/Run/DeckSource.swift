import ArgumentParser
import DeckKit

/// Loads the decks a command was given, or the bundled one.
enum DeckSource {
    /// The decks for `files`; on a bad file, prints
    /// `awsml-tui: error: <file>: <reason>` and exits with status 2, before
    /// anything else happens. A file is opened by the bytes it was given as
    /// (`ArgumentBytes`), so a name that is not UTF-8 is found.
    static func load(_ files: [String]) throws -> [Deck] {
        guard !files.isEmpty else { return [DeckLoader.bundled()] }
        var decks: [Deck] = []
        for file in files {
            do {
                decks.append(try DeckLoader.load(path: ArgumentBytes.bytes(of: file), file: ArgumentBytes.shown(file)))
            } catch {
                throw CommandFailure.report(error)
            }
        }
        return decks
    }
}
