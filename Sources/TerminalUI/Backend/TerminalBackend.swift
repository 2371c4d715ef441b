/// What the run loop needs from a terminal. Only the backend touches the real
/// terminal; everything else draws into a `ScreenBuffer`.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size now.
    var size: Size { get }

    /// Shows `buffer`, sending only the cells that changed since the last frame.
    func draw(_ buffer: ScreenBuffer)

    /// Waits for the next input event.
    func nextEvent() -> TerminalEvent

    /// Gives the terminal back as it was found. Safe to call more than once.
    func stop()
}

/// Something that happened at the terminal.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal changed size; the new size is given.
    case resize(Size)
    /// SIGINT, SIGTERM or SIGHUP arrived: end cleanly with this signal's status.
    case signal(Int32)
    /// Input ended (the terminal went away).
    case endOfInput
}
