import StudyCore

/// What happened, as `update` receives it.
public enum AppAction: Equatable, Sendable {
    /// The run loop's clock, sent before each event: `update` never reads a clock.
    case clockTicked(Timestamp)
    /// The store took back its last review (nil: there was none).
    case reviewUndone(ReviewRecord?)
    /// The review log, read for the stats screen.
    case reviewLogLoaded([ReviewLogEntry])
    /// The store could not do what an effect asked; `message` says why.
    case storeFailed(String)
    /// A key was pressed; `name` as `TerminalUI.Key.name` spells it ("Down", "j").
    case keyPressed(String)
    /// The terminal is now this size.
    case terminalResized(width: Int, height: Int)
    /// A click landed on this tree row (an index into `rows`).
    case clickedTreeRow(Int)
    /// A click landed on this fact of the detail (an index into `detailFacts`).
    case clickedFact(Int)
    /// A click landed in a pane, on nothing in particular.
    case clickedPane(Pane)
    /// The mouse wheel turned over a pane: positive `lines` scroll down.
    case scrolled(Pane, lines: Int)
}

/// I/O that `update` asks the run loop to do.
public enum Effect: Hashable, Sendable {
    /// Restore the terminal and end the program.
    case quit
    /// Write this answer to the store now, in its own transaction, before the
    /// next question shows.
    case saveReview(ReviewRecord)
    /// Take back the store's last review; the result comes back as `.reviewUndone`.
    case undoLastReview
    /// Read the whole review log; it comes back as `.reviewLogLoaded`.
    case loadReviewLog
}
