/// What the run loop needs from a terminal. Only the backend touches the real
/// terminal; everything else draws into a `ScreenBuffer`.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size now.
    var size: Size { get }

    /// Shows `buffer`, sending only the cells that changed since the last frame.
    func draw(_ buffer: ScreenBuffer)

    /// Waits for the next input event, or for `timeoutMilliseconds` (nil:
    /// for ever), after which it returns `.tick`.
    func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent

    /// Forgets what the terminal is believed to show, so the next `draw`
    /// sends every cell (Ctrl-L).
    func invalidate()

    /// Gives the terminal back as it was found. Safe to call more than once.
    func stop()

    /// Runs `body` with the terminal given back as it was found (another
    /// program, an editor, takes it meanwhile), then takes it again and
    /// redraws everything at the next `draw`.
    func outside(_ body: () -> Void)
}

/// Something that happened at the terminal.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// A mouse click or wheel turn, where the terminal reports them.
    case mouse(MouseEvent)
    /// The terminal changed size; the new size is given.
    case resize(Size)
    /// SIGINT, SIGTERM or SIGHUP arrived: end cleanly with this signal's status.
    case signal(Int32)
    /// Input ended (the terminal went away).
    case endOfInput
    /// The wait timed out with no input: the clock moved on.
    case tick
}

/// A mouse event at a cell (zero-based column `x`, row `y`).
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// The left button was pressed or clicked.
        case click
        /// The wheel turned: positive `lines` scroll down.
        case wheel(lines: Int)
    }

    public var x: Int
    public var y: Int
    public var action: Action

    public init(x: Int, y: Int, action: Action) {
        self.x = x
        self.y = y
        self.action = action
    }
}
