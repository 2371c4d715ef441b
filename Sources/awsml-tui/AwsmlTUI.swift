import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `awsml-tui` command: the full screen by default, `check`, `stats`,
/// `export`, `quiz` and `questions` beside it.
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
        subcommands: [OpenCommand.self, CheckCommand.self, StatsCommand.self, ExportCommand.self, QuizCommand.self, ChangesCommand.self,
                      InitCommand.self,
                      QuestionsCommand.self],
        defaultSubcommand: OpenCommand.self)

    /// Words that need the whole command tree: the subcommands, help,
    /// version and shell completion. (An array: a `Set` costs a hash seed
    /// and a table, a sixth of a millisecond before anything else can start.)
    static let treeWords: [String] = [
        "open", "check", "stats", "export", "quiz", "questions", "changes", "init", "help", "-h", "--help", "--version",
        "--generate-completion-script", "--experimental-dump-help",
    ]

    /// Start-up matters for the full screen (DESIGN.md §4): building the
    /// parser for every subcommand costs a quarter of the time to the first
    /// frame, so the default command is parsed on its own when no word asks
    /// for the others. What either path accepts and prints is the same.
    /// While the default command is parsed and its posts loaded, an existing
    /// store is opened on a second thread (`EarlyStoreOpen`).
    ///
    /// Past a file size limit (`ulimit -f`) a write fails with EFBIG, which
    /// the command reports, rather than the process being killed by SIGXFSZ
    /// with its output cut short. Standard output is closed (and checked)
    /// after the command ran.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        let arguments = ArgumentBytes.arguments()
        if arguments.contains(where: { treeWords.contains($0) || $0.hasPrefix("--generate-completion") }) {
            do {
                var command = try parseAsRoot(arguments)
                try command.run()
                try StandardOutput.close()
            } catch {
                exit(after: error, parsedBy: AwsmlTUI.self)
            }
            exit()
        }
        var early = EarlyStoreOpen.begin(arguments: arguments, now: SystemClock.now())
        do {
            let parsed = try OpenCommand.parseAsRoot(arguments)
            guard let command = parsed as? OpenCommand else {
                // Not expected (no word named another command); run it as the parser made it.
                var other = parsed
                try other.run()
                try StandardOutput.close()
                OpenCommand.exit()
            }
            try command.run(earlyStore: early)
            try StandardOutput.close()
            OpenCommand.exit()
        } catch {
            // On any error (a refused argument, a bad post, no terminal) the
            // store opened early is closed before the process ends, so SQLite
            // removes its -wal and -shm files rather than leaving them.
            if let path = early?.path { _ = early?.result(forPath: path) }
            early = nil
            exit(after: error, parsedBy: OpenCommand.self)
        }
    }

    /// Ends the process after `error`. Help and the version print as the
    /// parser prints them, except that the top-level help also shows the
    /// default command's options (`TopLevelHelp`). Every other error is one
    /// line on stderr and status 2, a usage error included (the parser's own
    /// way is several lines and status 64); an `ExitCode` from
    /// `CommandFailure.report` has printed its line already.
    static func exit(after error: any Error, parsedBy root: ParsableCommand.Type) -> Never {
        if let code = error as? ExitCode { exit(withError: code) }
        guard root.exitCode(for: error) != .success else {
            let text = root.message(for: error)
            guard root == AwsmlTUI.self, text == helpMessage() else { root.exit(withError: error) }
            do {
                try StandardOutput.write(TopLevelHelp.text() + "\n")
                try StandardOutput.close()
            } catch {
                exit(withError: error)
            }
            exit()
        }
        // The parser quotes arguments as it got them: bytes that are not UTF-8 show as U+FFFD.
        let line = ArgumentBytes.shown(root.message(for: error)).split(whereSeparator: \.isNewline).joined(separator: " ")
        exit(withError: CommandFailure.report(line))
    }
}
