import ArgumentParser

/// The `awsml-tui` command: the full screen by default, `check`, `stats`,
/// `export` and `quiz --plain` beside it.
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

    /// Words that need the whole command tree: the subcommands, help,
    /// version and shell completion.
    static let treeWords: Set<String> = [
        "open", "check", "stats", "export", "quiz", "help", "-h", "--help", "--version",
        "--generate-completion-script", "--experimental-dump-help",
    ]

    /// Start-up matters for the full screen (DESIGN.md §4): building the
    /// parser for every subcommand costs a quarter of the time to the first
    /// frame, so the default command is parsed on its own when no word asks
    /// for the others. What either path accepts and prints is the same.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.contains(where: { treeWords.contains($0) || $0.hasPrefix("--generate-completion") }) {
            main(arguments)
        } else {
            OpenCommand.main(arguments)
        }
    }
}
