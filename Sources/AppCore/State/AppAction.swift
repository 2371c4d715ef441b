/// What happened, as `update` receives it.
public enum AppAction: Hashable, Sendable {
    /// A key was pressed; `name` as `TerminalUI.Key.name` spells it ("Down", "j").
    case keyPressed(String)
    /// The terminal is now this size.
    case terminalResized(width: Int, height: Int)
}

/// I/O that `update` asks the run loop to do.
public enum Effect: Hashable, Sendable {
    /// Restore the terminal and end the program.
    case quit
}
