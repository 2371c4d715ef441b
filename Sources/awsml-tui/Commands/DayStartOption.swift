import ArgumentParser
import StudyCore

/// `--day-starts-at HOUR`, for the commands that count days (`open`, `quiz`,
/// `stats`): the local hour at which one study day ends and the next begins.
/// 4 by default, as in Anki, so reviews after midnight count for the evening
/// before.
///
///     awsml-tui stats --day-starts-at 0    # days from midnight to midnight
struct DayStartOption: ParsableArguments {
    @Option(name: .customLong("day-starts-at"), parsing: .unconditional, help: ArgumentHelp(
        "The local hour (\(OptionRange.dayStartHour.text)) at which a new study day begins (default: 4).",
        valueName: "hour"), transform: OptionRange.dayStartHour.parse)
    var hour = DayBoundary.defaultRolloverHour

    /// The learner's days: this hour, in the system time zone at `now`.
    func dayBoundary(at now: Timestamp) -> DayBoundary {
        SystemClock.dayBoundary(rolloverHour: hour, at: now)
    }
}
