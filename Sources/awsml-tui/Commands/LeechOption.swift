import ArgumentParser
import AppCore

/// `--leech-lapses N`, for the commands that show progress (`open`, `quiz`,
/// `stats`): how many times a fact must be forgotten to be a leech (8 by
/// default, as in Anki). A leech is marked in the tree, listed by the stats,
/// and its feedback says so when it is forgotten again.
///
///     awsml-tui stats --leech-lapses 5
struct LeechOption: ParsableArguments {
    @Option(name: .customLong("leech-lapses"), parsing: .unconditional, help: ArgumentHelp(
        "Lapses (\(OptionRange.leechLapses.text)) that make a fact a leech (default: \(StudyOptions.defaultLeechLapses)).",
        valueName: "count"), transform: OptionRange.leechLapses.parse)
    var lapses = StudyOptions.defaultLeechLapses
}
