/// What happened, as `update` receives it.
public enum AppAction: Hashable, Sendable {
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
}
