import ArgumentParser

/// `awsml-tui --help`: the parser's help for the root shows only the
/// subcommands, though `awsml-tui` alone runs `open` and takes its options.
/// This help is the root's overview, then `open`'s usage (as `awsml-tui
/// [FILE…] [options]`), arguments and options, then the subcommands.
///
///     OVERVIEW: Study a Markdown revision post in the terminal.
///     …
///     USAGE: awsml-tui [<files> ...] [--store <store>] [--new-per-day <new-per-day>] …
///            awsml-tui <subcommand>
///
///     ARGUMENTS: …
///     OPTIONS: …   (--store, --new-per-day, --exam-questions, … --version, -h)
///     SUBCOMMANDS: …
enum TopLevelHelp {
    /// The help text without a final newline, like the parser's.
    static func text(columns: Int? = nil) -> String {
        let root = AwsmlTUI.helpMessage(columns: columns)
        let open = AwsmlTUI.helpMessage(for: OpenCommand.self, columns: columns)
        let openUsage = "USAGE: awsml-tui open "
        guard let overviewEnd = root.firstRange(of: "\nUSAGE: "),
              let subcommands = root.firstRange(of: "\nSUBCOMMANDS:"),
              let usage = open.firstRange(of: openUsage) else {
            // Not the layout this was written for: still show both.
            return root + "\n\n" + open
        }
        var body = open[usage.upperBound...].split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let usageLine = "USAGE: awsml-tui " + body.removeFirst() + "\n       awsml-tui <subcommand>"
        var text = root[..<overviewEnd.lowerBound].trimmingSuffix("\n") + "\n\n" + usageLine + "\n"
        if let rest = body.first { text += rest }
        return text.trimmingSuffix("\n") + "\n" + root[subcommands.lowerBound...]
    }
}

private extension StringProtocol {
    func trimmingSuffix(_ character: Character) -> String {
        var text = String(self)
        while text.last == character { text.removeLast() }
        return text
    }
}
