import ArgumentParser

/// The `awsml-tui` command: the full screen by default, `check` to read a post
/// as text.
@main
struct AwsmlTUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "awsml-tui",
        abstract: "Study a Markdown revision post in the terminal.",
        discussion: """
            With no FILE, opens the bundled post "AWS Machine Learning Specialty Bite Size Recap 2/3". \
            Each FILE is a Markdown post of headings and bullets; each becomes a root of the topic tree.
            """,
        version: "0.1.0",
        subcommands: [OpenCommand.self, CheckCommand.self, StatsCommand.self, ExportCommand.self, QuizCommand.self],
        defaultSubcommand: OpenCommand.self)
}
