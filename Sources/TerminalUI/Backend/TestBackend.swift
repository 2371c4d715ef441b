/// A terminal in memory, as ratatui's `TestBackend`: it keeps the last frame
/// drawn and hands out scripted events, so the whole run loop (keys →
/// update → effects → store → frame) is tested without a terminal or tmux.
///
///     let backend = TestBackend(size: Size(width: 100, height: 30), events: [.key(Key("s"))])
///     // run the loop on it, then:
///     backend.screenText.contains("Study")
public final class TestBackend: TerminalBackend {
    public private(set) var size: Size
    /// Events still to hand out; when they run out, `.endOfInput`.
    public var events: [TerminalEvent]
    /// The last frame drawn.
    public private(set) var lastFrame: ScreenBuffer?
    /// How many frames were drawn, and how many were asked to be sent whole.
    public private(set) var framesDrawn = 0
    public private(set) var invalidations = 0
    /// The timeouts the loop asked `nextEvent` for, in order.
    public private(set) var requestedTimeouts: [Int?] = []
    /// Called before each event is handed out (a test advances its clock here).
    public var beforeEachEvent: ((TerminalEvent) -> Void)?
    public private(set) var isStopped = false

    public init(size: Size, events: [TerminalEvent]) {
        self.size = size
        self.events = events
    }

    public func draw(_ buffer: ScreenBuffer) {
        lastFrame = buffer
        framesDrawn += 1
    }

    public func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent {
        requestedTimeouts.append(timeoutMilliseconds)
        guard !events.isEmpty else { return .endOfInput }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        beforeEachEvent?(event)
        return event
    }

    public func invalidate() {
        invalidations += 1
    }

    public func stop() {
        isStopped = true
    }

    /// How many times the terminal was handed to another program.
    public private(set) var timesOutside = 0

    public func outside(_ body: () -> Void) {
        timesOutside += 1
        body()
        invalidate()
    }

    /// The last frame as text, one line a row, trailing spaces dropped.
    public var screenText: String {
        guard let frame = lastFrame else { return "" }
        var lines: [String] = []
        for row in 0..<frame.size.height {
            var line = ""
            for column in 0..<frame.size.width {
                let cell = frame[column, row]
                if !cell.isContinuation { line += cell.content }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
