import Testing
import AppCore
import AppViews
import DeckKit
import TerminalUI
@testable import CursesBackend
#if canImport(Glibc)
import Glibc
#endif

/// The real ncurses backend with no tty: output goes to a temporary file and
/// keys come from a pipe (NCURSES-NOTES.md 18). Serialized: ncurses is not
/// thread-safe.
@Suite("Curses backend", .serialized)
struct CursesTerminalTests {
    /// A backend on a file and a pipe, and the pipe's write end for keys.
    final class Harness {
        let terminal: CursesTerminal
        let output: UnsafeMutablePointer<FILE>
        let input: UnsafeMutablePointer<FILE>
        var keyWriter: Int32

        init(termName: String = "xterm-256color", useMouse: Bool = false) throws {
            var descriptors: [Int32] = [0, 0]
            #expect(pipe(&descriptors) == 0)
            keyWriter = descriptors[1]
            input = fdopen(descriptors[0], "r")!
            output = tmpfile()!
            setenv("LINES", "40", 1) // must not pin the size (trap 7)
            terminal = try CursesTerminal(termName: termName, output: output, input: input, useColour: true,
                                          useMouse: useMouse)
        }

        func type(_ bytes: String) {
            _ = bytes.withCString { write(keyWriter, $0, strlen($0)) }
        }

        func closeKeys() {
            close(keyWriter)
            keyWriter = -1
        }

        /// Bytes the backend has written to the terminal so far.
        func outputSize() -> Int {
            fflush(output)
            return Int(ftell(output))
        }

        /// What the backend has written to the terminal so far.
        func outputText() -> String {
            fflush(output)
            var bytes = [UInt8](repeating: 0, count: 1 << 20)
            let count = pread(fileno(output), &bytes, bytes.count, 0)
            return String(decoding: bytes.prefix(max(0, count)), as: UTF8.self)
        }

        /// The next `count` events that are not ticks.
        func events(_ count: Int) -> [TerminalEvent] {
            (0..<count).map { _ in terminal.nextEvent(timeoutMilliseconds: 500) }
        }

        deinit {
            terminal.stop()
            if keyWriter >= 0 { close(keyWriter) }
            fclose(input)
            fclose(output)
        }
    }

    @Test func drawsCellsIncludingWideAndCombiningOnes() throws {
        let harness = try Harness()
        let size = harness.terminal.size
        #expect(size == Size(width: 80, height: 24))
        var buffer = ScreenBuffer(size: size)
        buffer.write("Topics 機械 e\u{301}", x: 2, y: 1, style: CellStyle(attributes: .bold, foreground: .cyan))
        harness.terminal.draw(buffer)
        #expect(harness.terminal.cellText(x: 2, y: 1) == "T")
        #expect(harness.terminal.cellText(x: 9, y: 1) == "機")
        #expect(harness.terminal.cellText(x: 11, y: 1) == "械")
        #expect(harness.terminal.cellText(x: 14, y: 1) == "e\u{301}")
    }

    /// ncurses keeps a cell's scalars only up to the first one `wcwidth`
    /// gives a width, and moves by that width: a joined emoji reached it as
    /// `👩 + ZWJ` (tmux then joined the next letter on), a flag as `🇯` one
    /// column wide. Each cell must reach it whole and where the buffer put it.
    @Test func clustersReachTheTerminalAsTheBufferDrewThem() throws {
        let harness = try Harness()
        var buffer = ScreenBuffer(size: harness.terminal.size)
        let text = "👩‍💻Associate 🇯🇵|⬆️|❣️|🛍️|1️⃣|a\u{200B}b|👨‍👩‍👧‍👦z|👍🏽|\u{301}|e\u{301}|機"
        let end = buffer.write(text, x: 0, y: 3)
        #expect(end == TextWidth.of(text))
        harness.terminal.draw(buffer)
        var drawn = ""
        for column in 0..<end where !buffer[column, 3].isContinuation {
            let cell = harness.terminal.cellText(x: column, y: 3)
            #expect(cell.unicodeScalars.elementsEqual(buffer[column, 3].content.unicodeScalars), "column \(column)")
            drawn += cell
        }
        #expect(drawn == "👩Associate JP|⬆|❣|🛍|1|ab|👨z|👍|\u{301}|e\u{301}|機") // the mark is on the bar before it
        #expect(harness.terminal.cellText(x: 2, y: 3) == "A")
        // A lone mark, with nothing before it, sits on a dotted circle.
        buffer.write("\u{301}x", x: 0, y: 4)
        harness.terminal.draw(buffer)
        #expect(harness.terminal.cellText(x: 0, y: 4).unicodeScalars.elementsEqual("◌\u{301}".unicodeScalars))
        #expect(harness.terminal.cellText(x: 1, y: 4) == "x")
    }

    /// The C library's tables may be older or newer than `TextWidth`'s: a
    /// cell whose first scalar it measures otherwise than the buffer laid it
    /// out is drawn as U+FFFD (and a space for a right half), and a scalar
    /// after the first that it gives a width is left out, so ncurses never
    /// moves a column more or less than the buffer.
    @Test func aCellTheCLibraryMeasuresOtherwiseIsAPlaceholder() throws {
        let harness = try Harness()
        var buffer = ScreenBuffer(size: harness.terminal.size)
        buffer.fill(Rect(x: 0, y: 0, width: 1, height: 1), with: Cell("機")) // wide, laid out narrow
        buffer.fill(Rect(x: 1, y: 0, width: 1, height: 1), with: Cell("a"))
        buffer.fill(Rect(x: 2, y: 0, width: 1, height: 1), with: Cell("x")) // narrow, laid out wide
        buffer.fill(Rect(x: 3, y: 0, width: 1, height: 1), with: .continuation(style: .plain))
        buffer.fill(Rect(x: 4, y: 0, width: 1, height: 1), with: Cell("\u{200B}")) // no width at all
        buffer.write("b", x: 5, y: 0)
        buffer.fill(Rect(x: 6, y: 0, width: 1, height: 1), with: Cell("e\u{301}機\u{301}")) // a spacing scalar after the first
        buffer.write("c", x: 7, y: 0)
        harness.terminal.draw(buffer)
        let drawn = (0..<8).map { harness.terminal.cellText(x: $0, y: 0) }
        #expect(drawn == ["\u{FFFD}", "a", "\u{FFFD}", " ", "\u{FFFD}", "b", "e\u{301}", "c"])
        #expect(harness.terminal.cellText(x: 6, y: 0).unicodeScalars.count == 2)
    }

    @Test func theBackendIsGivenNoControlCharacters() throws {
        let harness = try Harness()
        var buffer = ScreenBuffer(size: harness.terminal.size)
        buffer.write("a\u{1B}[2J\u{07}b\r\u{08}c", x: 0, y: 0)
        harness.terminal.draw(buffer)
        let drawn = (0..<8).map { harness.terminal.cellText(x: $0, y: 0) }
        #expect(drawn == ["a", "\u{FFFD}", "[", "2", "J", "\u{FFFD}", "b", "\u{FFFD}"])
    }

    @Test func aHostilePostReachesTheTerminalOnlyAsVisibleText() throws {
        var post = "# Title \u{1B}[2J\u{1B}]0;pwned\u{07}\n"
        for value in Array(0x01...0x08) + Array(0x0B...0x1F) + [0x7F] {
            post += "- control \(value): a\(Character(Unicode.Scalar(UInt8(value))))b\n"
        }
        post += "- c1: a\u{85}b\u{9B}c bidi: \u{202E}evil\u{2066}x\n- tab\there and cr\rhere\n"
        let deck = try DeckLoader.load(text: post, file: "hostile.md")
        let harness = try Harness()
        var state = AppState(decks: [deck], width: 80, height: 24)
        AppUpdate.update(&state, .keyPressed("g"))
        AppUpdate.update(&state, .keyPressed("j"))
        let first = drawAndReadBack(state, on: harness)
        #expect(first.contains("Title ␛[2J␛]0;pwned␇"))
        #expect(first.contains("control 8: a␈b"))
        AppUpdate.update(&state, .keyPressed("Tab"))
        AppUpdate.update(&state, .keyPressed("G")) // the last facts, scrolled into view
        let last = drawAndReadBack(state, on: harness)
        #expect(last.contains("c1: a\u{FFFD}b\u{FFFD}c bidi: evilx"))
        #expect(last.contains("tab here and cr here"))
    }

    /// Renders `state`, draws it with the backend, and reads every cell back,
    /// checking that none holds a control or bidi character.
    private func drawAndReadBack(_ state: AppState, on harness: Harness) -> String {
        var buffer = ScreenBuffer(size: harness.terminal.size)
        ScreenRenderer(theme: .colour).render(state, into: &buffer)
        harness.terminal.draw(buffer)
        var screen: [String] = []
        for row in 0..<buffer.size.height {
            var line = ""
            for column in 0..<buffer.size.width {
                let text = harness.terminal.cellText(x: column, y: row)
                for scalar in text.unicodeScalars {
                    #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value), "row \(row) column \(column)")
                    #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
                }
                line += text
            }
            screen.append(line)
        }
        return screen.joined(separator: "\n")
    }

    @Test func aSecondFrameSendsOnlyWhatChanged() throws {
        let harness = try Harness()
        var buffer = ScreenBuffer(size: harness.terminal.size)
        for row in 0..<24 { buffer.write(String(repeating: "x", count: 80), x: 0, y: row) }
        harness.terminal.draw(buffer)
        let first = harness.outputSize()
        buffer.write("y", x: 40, y: 12)
        harness.terminal.draw(buffer)
        let second = harness.outputSize() - first
        #expect(first > 1920)
        #expect(second > 0 && second < 40)
    }

    @Test func readsKeysIncludingCSIArrowsAndUTF8() throws {
        let harness = try Harness()
        harness.type("j\u{1B}[B\u{1B}[A\u{1B}[5~\u{1B}[Z\r\t\u{7F}é\u{03}q")
        var keys: [Key] = []
        for _ in 0..<11 {
            if case .key(let key) = harness.terminal.nextEvent(timeoutMilliseconds: nil) { keys.append(key) }
        }
        #expect(keys == [.character("j"), .down, .up, .pageUp, .backTab, .enter, .tab, .backspace,
                         .character("é"), .control("c"), .character("q")])
        #expect(keys.map(\.name) == ["j", "Down", "Up", "PgUp", "Shift-Tab", "Enter", "Tab", "Backspace", "é", "Ctrl-C", "q"])
    }

    @Test func endOfInputEndsTheEvents() throws {
        let harness = try Harness()
        harness.closeKeys()
        #expect(harness.terminal.nextEvent(timeoutMilliseconds: nil) == .endOfInput)
    }

    @Test("with a timeout and no input, the wait ends in a tick; closed input is still the end, not ticks")
    func timeoutGivesATick() throws {
        let harness = try Harness()
        #expect(harness.terminal.nextEvent(timeoutMilliseconds: 30) == .tick)
        harness.type("k")
        #expect(harness.terminal.nextEvent(timeoutMilliseconds: 30) == .key(.character("k")))
        harness.closeKeys()
        #expect(harness.terminal.nextEvent(timeoutMilliseconds: 200) == .endOfInput)
    }

    /// Under tmux and screen the terminfo entry has only X10 mouse reports,
    /// which cannot say a column past 223: a click there never arrived. The
    /// backend asks for SGR reports (mode 1006), reads them, and turns the
    /// mode off when it stops.
    @Test func sgrMouseReportsWhereTheTerminfoKnowsOnlyX10() throws {
        let harness = try Harness(termName: "screen", useMouse: true)
        #expect(harness.outputText().contains("\u{1B}[?1006h"))
        #expect(harness.outputText().contains("\u{1B}[?1000h")) // ncurses' own: clicks and the wheel
        // A press and release at column 230, row 5 (counted from 1); the
        // wheel down and up; a right press (ignored); a click with Ctrl held.
        harness.type("\u{1B}[<0;230;5M\u{1B}[<0;230;5m\u{1B}[<65;10;3M\u{1B}[<64;10;3M\u{1B}[<2;4;4M\u{1B}[<16;12;7Mq")
        #expect(harness.events(5) == [
            .mouse(MouseEvent(x: 229, y: 4, action: .click)),
            .mouse(MouseEvent(x: 9, y: 2, action: .wheel(lines: 3))),
            .mouse(MouseEvent(x: 9, y: 2, action: .wheel(lines: -3))),
            .mouse(MouseEvent(x: 11, y: 6, action: .click)),
            .key(.character("q")),
        ])
        // Malformed reports are dropped to their final byte; the keys after them arrive.
        harness.type("\u{1B}[<0;5;5X\u{1B}[<0;1;2;3M\u{1B}[<0:5;5Mj")
        #expect(harness.events(1) == [.key(.character("j"))])
        harness.terminal.stop()
        let output = harness.outputText()
        let on = output.firstRange(of: "\u{1B}[?1006h")
        let off = output.firstRange(of: "\u{1B}[?1006l")
        #expect(on != nil && off != nil && on!.upperBound <= off!.lowerBound)
    }

    /// Where the terminfo entry asks for SGR reports itself (xterm), ncurses
    /// reads them: the backend adds nothing of its own.
    @Test func whereTheTerminfoHasSGRMouseNcursesReadsIt() throws {
        let harness = try Harness(termName: "xterm-256color", useMouse: true)
        #expect(harness.outputText().contains("\u{1B}[?1006;1000h"))
        #expect(!harness.outputText().contains("\u{1B}[?1006h"))
        harness.type("\u{1B}[<0;12;7M\u{1B}[<0;12;7m")
        #expect(harness.events(1) == [.mouse(MouseEvent(x: 11, y: 6, action: .click))])
        harness.terminal.stop()
        #expect(!harness.outputText().contains("\u{1B}[?1006l"))
    }

    @Test func stopIsSafeTwice() throws {
        let harness = try Harness()
        harness.terminal.stop()
        harness.terminal.stop()
        harness.terminal.draw(ScreenBuffer(size: Size(width: 80, height: 24))) // ignored once stopped
    }
}
