import ArgumentParser
import DeckKit

/// `awsml-tui [FILE…]`: the full-screen study app.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open posts full screen (the default command).")

    @Argument(help: "Markdown posts to study (default: the bundled post).")
    var files: [String] = []

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (no clicks or wheel in the app).")
    var noMouse = false

    func run() throws {
        let decks = try DeckSource.load(files)
        let environment = ProcessEnvironment.current()
        let useColour = !noColor && environment["NO_COLOR"] == nil
        try FullScreenSession(decks: decks, useColour: useColour, useMouse: !noMouse, environment: environment).run()
    }
}
