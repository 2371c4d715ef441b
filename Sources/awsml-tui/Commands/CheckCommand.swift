import ArgumentParser
import DeckKit
import Reports

/// `awsml-tui check [FILE…] [--json]`: parse posts and report what was found.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse posts and print their outline, counts and warnings.",
        discussion: "Exit status 0 when every post loads, 2 when one cannot be read or holds no facts.")

    @Argument(help: "Markdown posts to check (default: the bundled post).")
    var files: [String] = []

    @Flag(help: "Print the parsed decks as JSON (the shape is in the README).")
    var json = false

    func run() throws {
        let decks = try DeckSource.load(files)
        if json {
            try StandardOutput.write(DeckJSON.document(for: decks) + "\n")
        } else {
            try StandardOutput.write(OutlineReport.text(for: decks))
        }
    }
}
