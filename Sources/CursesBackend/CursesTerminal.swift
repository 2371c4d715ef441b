import CNCursesW
import CTerminalGuard
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// The `TerminalBackend` on ncursesw: the only code that touches the terminal.
///
///     let terminal = try CursesTerminal.start(useColour: true)
///     defer { terminal.stop() }
///     terminal.draw(buffer)            // sends only the cells that changed
///     let event = terminal.nextEvent()
///
/// All of it runs on one thread (ncurses is not thread-safe). The traps it
/// avoids are listed in NCURSES-NOTES.md; the numbers in comments refer to it.
public final class CursesTerminal: TerminalBackend {
    /// Why the full screen cannot start here.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: ScreenBuffer?
    private var isActive = true
    private let hasColour: Bool
    private var colourPairs: [Int: Int16] = [:]
    /// Where this backend turned SGR mouse reports on itself (and must turn
    /// them off), or nil: see `enableSGRMouse`.
    private var sgrMouseDescriptor: Int32?

    /// Checks, before anything is sent to the terminal, that a full screen
    /// can work: stdin and stdout are a terminal and TERM names a real one.
    /// Returns the reason when it cannot.
    public static func unsuitableTerminalReason(environment: [String: String]) -> String? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            return "the full screen needs a terminal on stdin and stdout; use `awsml-tui --plain` to quiz line by line, or `awsml-tui check` to read a post"
        }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            return "TERM is \(term.isEmpty ? "not set" : "dumb"): this terminal cannot show the full screen; use `awsml-tui --plain` to quiz line by line"
        }
        return nil
    }

    /// Takes over the real terminal (stdin/stdout).
    public static func start(useColour: Bool, useMouse: Bool) throws -> CursesTerminal {
        terminal_guard_install()
        return try CursesTerminal(termName: nil, output: awsml_stdout(), input: awsml_stdin(), useColour: useColour,
                                  useMouse: useMouse)
    }

    /// Starts curses on the given streams. Tests pass a file and a pipe
    /// (NCURSES-NOTES.md 18) and a TERM name; the app passes nil to use `$TERM`.
    public init(termName: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
                useColour: Bool, useMouse: Bool = false) throws {
        Self.prepareLocale()
        // Exported LINES/COLUMNS pin the size, so resizes would be ignored (7).
        unsetenv("LINES")
        unsetenv("COLUMNS")
        let created: OpaquePointer? = if let termName {
            termName.withCString { newterm($0, output, input) }
        } else {
            newterm(nil, output, input)
        }
        guard let created else {
            let name = termName ?? getenv("TERM").map { String(cString: $0) } ?? ""
            throw StartError(description: "unknown terminal type '\(name)': cannot start the full screen; use `awsml-tui check` to read a post instead")
        }
        screen = created
        set_term(created)
        window = awsml_stdscr()
        terminal_guard_set_curses_active(1)
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        meta(window, true)
        set_escdelay(25) // default 1000 ms makes Esc feel dead (8)
        curs_set(0)
        leaveok(window, true)
        scrollok(window, false)
        Self.defineCSIKeys() // arrows after Ctrl-Z / fg (9)
        if useColour && has_colors() {
            start_color()
            use_default_colors()
            hasColour = true
        } else {
            hasColour = false
        }
        if useMouse {
            // Clicks and the wheel only: no motion reports, no click delay.
            let granted = mousemask(awsml_button1_pressed() | awsml_button1_clicked() | awsml_button4_pressed()
                                    | awsml_button5_pressed(), nil)
            mouseinterval(0)
            if granted != 0 && awsml_terminfo_has_sgr_mouse() == 0 { enableSGRMouse(descriptor: fileno(output)) }
        }
    }

    deinit {
        stop()
    }

    /// The key code ncurses returns for `ESC [ <`, the start of an SGR mouse
    /// report (a code of our own, above ncurses' `KEY_MAX`).
    static let sgrMouseKey = KEY_MAX + 1

    /// Turns on SGR mouse reports (mode 1006) where the terminfo entry does
    /// not: ncurses then asks for the old X10 reports (`ESC [ M` and three
    /// bytes), which cannot say a column past 223, so a click there on a
    /// wide terminal landed on column 223 (tmux clamps it) or was lost. SGR
    /// reports say the column in decimal (`ESC [ < 0 ; 230 ; 5 M`). ncurses
    /// does not read them in this case, so `ESC [ <` is made a key of our
    /// own and the rest is read here (`readSGRMouse`). `stop` turns the mode
    /// off, and the C guard does on a crash and while Ctrl-Z has the app
    /// suspended; ncurses turns the reports themselves on and off, as before.
    ///
    /// The mode is written straight to the terminal (`putp` would write to
    /// stdout, not to the screen's output): at start ncurses still holds
    /// its first strings, and at the end its output is flushed, so this
    /// never lands inside one of its sequences.
    private func enableSGRMouse(descriptor: Int32) {
        define_key("\u{1B}[<", Self.sgrMouseKey)
        sgrMouseDescriptor = descriptor
        Self.send("\u{1B}[?1006h", to: descriptor)
        terminal_guard_set_sgr_mouse_fd(descriptor)
    }

    private static func send(_ sequence: String, to descriptor: Int32) {
        var bytes = Array(sequence.utf8)
        _ = write(descriptor, &bytes, bytes.count)
    }

    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func draw(_ buffer: ScreenBuffer) {
        guard isActive else { return }
        let screenSize = size
        let sameSize = previous?.size == buffer.size
        if !sameSize { werase(window) }
        for row in buffer.rowsChanged(since: sameSize ? previous : nil) where row < screenSize.height {
            for column in 0..<min(buffer.size.width, screenSize.width) {
                let cell = buffer[column, row]
                if sameSize, let previous, previous[column, row] == cell { continue }
                if cell.isContinuation { continue }
                let isWide = column + 1 < buffer.size.width && buffer[column + 1, row].isContinuation
                put(cell, width: isWide ? 2 : 1, x: column, y: row)
            }
        }
        previous = buffer
        wnoutrefresh(window)
        doupdate()
    }

    /// Forgets what is on screen, so the next `draw` sends every cell, and
    /// has ncurses clear the terminal and repaint it whole (Ctrl-L: stale
    /// glyphs left by another program or a terminal bug go).
    public func invalidate() {
        previous = nil
        if isActive { clearok(awsml_curscr(), true) }
    }

    /// Waits for a key, a mouse event, a resize or a signal; with a timeout,
    /// returns `.tick` when it passes. A read that fails at once, again and
    /// again, is the terminal gone (`.endOfInput`), not a timeout.
    public func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent {
        let timeout = timeoutMilliseconds.map { Int32(clamping: max(1, $0)) } ?? -1
        wtimeout(window, timeout)
        var quickFailures = 0
        while true {
            let pending = terminal_guard_pending_signal()
            if pending != 0 { return .signal(pending) }
            var character: wint_t = 0
            let started = Self.monotonicMilliseconds()
            errno = 0
            let result = wget_wch(window, &character)
            if result == ERR {
                // ERR also means a signal interrupted the read (10).
                let pending = terminal_guard_pending_signal()
                if pending != 0 { return .signal(pending) }
                if errno == EINTR { continue }
                if timeout > 0 {
                    let waited = Self.monotonicMilliseconds() - started
                    if waited * 2 >= Int64(timeout) { return .tick }
                    quickFailures += 1
                    if quickFailures < 3 { continue }
                }
                return .endOfInput
            }
            if result == KEY_CODE_YES {
                if Int32(character) == KEY_RESIZE { return .resize(size) }
                if Int32(character) == KEY_MOUSE {
                    if let event = readMouse() { return .mouse(event) }
                    continue
                }
                if sgrMouseDescriptor != nil && Int32(character) == Self.sgrMouseKey {
                    let event = readSGRMouse()
                    wtimeout(window, timeout)
                    if let event { return .mouse(event) }
                    continue
                }
                if let key = Self.key(forCode: Int32(character)) { return .key(key) }
                continue
            }
            return .key(Self.key(forCharacter: UInt32(character)))
        }
    }

    private static func monotonicMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    private func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let (x, y) = (Int(event.x), Int(event.y))
        if state & awsml_button4_pressed() != 0 { return MouseEvent(x: x, y: y, action: .wheel(lines: -3)) }
        if state & awsml_button5_pressed() != 0 { return MouseEvent(x: x, y: y, action: .wheel(lines: 3)) }
        if state & (awsml_button1_pressed() | awsml_button1_clicked()) != 0 {
            return MouseEvent(x: x, y: y, action: .click)
        }
        return nil
    }

    /// Reads the rest of an SGR mouse report after `ESC [ <`: `button ; column
    /// ; row` (counted from 1) and `M` for a press or `m` for a release. The
    /// terminal sends a report in one write, so its bytes are waiting. A
    /// malformed one is read up to its final byte, as any control sequence
    /// ends, and dropped.
    private func readSGRMouse() -> MouseEvent? {
        wtimeout(window, 50)
        var fields = [0, 0, 0]
        var field = 0
        var isWellFormed = true
        for _ in 0..<32 {
            var character: wint_t = 0
            guard wget_wch(window, &character) == OK else { return nil }
            switch character {
            case 0x30...0x39: // a digit
                if field < 3 { fields[field] = min(fields[field] * 10 + Int(character - 0x30), 1_000_000) }
            case 0x3B: // ;
                field += 1
                isWellFormed = isWellFormed && field < 3
            case 0x20...0x3F: // other parameter and intermediate bytes
                isWellFormed = false
            case 0x40...0x7E: // the final byte: M (press), m (release)
                guard isWellFormed, field == 2, character == 0x4D || character == 0x6D else { return nil }
                return Self.sgrMouseEvent(button: fields[0], column: fields[1], row: fields[2], pressed: character == 0x4D)
            default:
                return nil
            }
        }
        return nil
    }

    /// The event of an SGR report, as `readMouse` gives for ncurses' own:
    /// a left press is a click, the wheel scrolls three lines; releases,
    /// other buttons and motion are ignored. Shift, Alt and Ctrl (4, 8, 16)
    /// do not change the button.
    static func sgrMouseEvent(button: Int, column: Int, row: Int, pressed: Bool) -> MouseEvent? {
        guard column >= 1, row >= 1, button & 32 == 0 else { return nil } // 32: motion
        let (x, y) = (column - 1, row - 1)
        switch button & ~(4 | 8 | 16) {
        case 0: return pressed ? MouseEvent(x: x, y: y, action: .click) : nil
        case 64: return MouseEvent(x: x, y: y, action: .wheel(lines: -3))
        case 65: return MouseEvent(x: x, y: y, action: .wheel(lines: 3))
        default: return nil
        }
    }

    public func stop() {
        guard isActive else { return }
        isActive = false
        curs_set(1)
        if let descriptor = sgrMouseDescriptor {
            terminal_guard_set_sgr_mouse_fd(-1)
            Self.send("\u{1B}[?1006l", to: descriptor)
        }
        endwin()
        terminal_guard_set_curses_active(0)
        delscreen(screen)
    }

    /// Hands the terminal to another program (the learner's editor) as it was
    /// found: the SGR mouse mode off, ncurses' own modes saved and left
    /// (`def_prog_mode`, `endwin`); then takes it back (`reset_prog_mode`)
    /// and redraws every cell.
    public func outside(_ body: () -> Void) {
        guard isActive else { return body() }
        if let descriptor = sgrMouseDescriptor { Self.send("\u{1B}[?1006l", to: descriptor) }
        def_prog_mode()
        endwin()
        terminal_guard_hand_over()
        body()
        terminal_guard_take_back()
        reset_prog_mode()
        if let descriptor = sgrMouseDescriptor { Self.send("\u{1B}[?1006h", to: descriptor) }
        invalidate()
    }

    /// Ends the process as `signal` would have, once the terminal is restored,
    /// so the shell sees the conventional status (130 for SIGINT, 143 for SIGTERM).
    public static func endProcess(bySignal signal: Int32) -> Never {
        terminal_guard_reraise(signal)
        exit(128 + signal)
    }

    /// What the terminal shows at a cell, read back from curses: tests use it
    /// to check what the backend was given.
    public func cellText(x: Int, y: Int) -> String {
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cell) != ERR else { return "" }
        var characters = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &characters, &attributes, &pair, nil)
        var scalars = String.UnicodeScalarView()
        for value in characters.prefix(while: { $0 != 0 }) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    // MARK: - Drawing

    /// Draws `cell`, which the buffer laid out `width` columns wide.
    ///
    /// ncurses moves its cursor by the C library's `wcwidth`, and so do
    /// terminals such as tmux. The buffer draws only scalars whose width
    /// `TextWidth` pins (`DrawnGrapheme`), but the C library's tables can be
    /// older or newer than ours: a scalar it does not know (`wcwidth` -1) or
    /// measures otherwise would push the rest of the row out of its columns.
    /// Such a cell is drawn as U+FFFD, with a space for its right half; a
    /// mark after the first scalar that it does not give zero width (tmux
    /// counts an unknown one as a column) is left out, with what follows it.
    private func put(_ cell: Cell, width: Int, x: Int, y: Int) {
        // The buffer already replaced controls; this is the last line of defence.
        func shown(_ value: UInt32) -> UInt32 {
            value != 0 && (value < 0x20 || (0x7F...0x9F).contains(value)) ? 0xFFFD : value
        }
        func columns(_ value: UInt32) -> Int {
            value >= 0x20 && value < 0x7F ? 1 : Int(wcwidth(wchar_t(bitPattern: value)))
        }
        let stored = cell.scalarValues
        var values = (shown(stored.0), shown(stored.1), shown(stored.2), shown(stored.3))
        if values.0 == 0 { values.0 = 0x20 }
        if columns(values.0) != width {
            put((0xFFFD, 0, 0, 0), style: cell.style, x: x, y: y)
            if width == 2 { put((0x20, 0, 0, 0), style: cell.style, x: x + 1, y: y) }
            return
        }
        if values.1 != 0 {
            if columns(values.1) != 0 { values = (values.0, 0, 0, 0) }
            else if values.2 != 0 && columns(values.2) != 0 { values = (values.0, values.1, 0, 0) }
            else if values.3 != 0 && columns(values.3) != 0 { values.3 = 0 }
        }
        put(values, style: cell.style, x: x, y: y)
    }

    /// Sends up to four scalars, zero after the last (a cell holds at most
    /// CCHARW_MAX - 1: the layout setcchar reads), as one ncurses cell.
    private func put(_ values: (UInt32, UInt32, UInt32, UInt32), style: CellStyle, x: Int, y: Int) {
        var characters: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &characters) { raw in
            let slots = raw.bindMemory(to: wchar_t.self)
            for (index, value) in [values.0, values.1, values.2, values.3].enumerated() {
                slots[index] = wchar_t(bitPattern: value)
            }
        }
        var complex = cchar_t()
        withUnsafePointer(to: &characters) { pointer in
            pointer.withMemoryRebound(to: wchar_t.self, capacity: 5) { text in
                _ = setcchar(&complex, text, attributes(for: style), colourPair(for: style), nil)
            }
        }
        // Writing the bottom-right cell returns ERR after drawing it (15); that is fine.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }

    private func attributes(for style: CellStyle) -> attr_t {
        var result = awsml_attr_normal()
        if style.attributes.contains(.bold) { result |= awsml_attr_bold() }
        if style.attributes.contains(.dim) { result |= awsml_attr_dim() }
        if style.attributes.contains(.italic) { result |= awsml_attr_italic() }
        if style.attributes.contains(.underline) { result |= awsml_attr_underline() }
        if style.attributes.contains(.reverse) { result |= awsml_attr_reverse() }
        return result
    }

    /// A colour pair for the style's colours, made the first time it is needed.
    private func colourPair(for style: CellStyle) -> Int16 {
        guard hasColour, style.foreground != .default || style.background != .default else { return 0 }
        let key = Int(style.foreground.rawValue) * 16 + Int(style.background.rawValue)
        if let pair = colourPairs[key] { return pair }
        let pair = Int16(colourPairs.count + 1)
        guard Int32(pair) < awsml_color_pairs() else { return 0 }
        init_pair(pair, Self.curses(style.foreground), Self.curses(style.background))
        colourPairs[key] = pair
        return pair
    }

    private static func curses(_ colour: TerminalColor) -> Int16 {
        switch colour {
        case .default: -1
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }

    // MARK: - Setup and keys

    /// UTF-8 needs the locale set before newterm (5); with LANG unset the
    /// codeset is ASCII, so fall back to C.UTF-8.
    private static func prepareLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingDashes() != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    private static func defineCSIKeys() {
        let keys: [(String, Int32)] = [
            ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
            ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END),
            ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
            ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END), ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE),
            ("\u{1B}[Z", KEY_BTAB),
        ]
        for (sequence, code) in keys { define_key(sequence, code) }
    }

    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_IC: .insert
        case (KEY_F0 + 1)...(KEY_F0 + 24): .function(Int(code - KEY_F0))
        default: .unknown(code)
        }
    }

    static func key(forCharacter value: UInt32) -> Key {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(value + 0x60)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int32(bitPattern: value)) }
            return .character(Character(scalar))
        }
    }
}

private extension String {
    func replacingDashes() -> String { filter { $0 != "-" } }
}
