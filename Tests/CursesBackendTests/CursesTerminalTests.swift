import Testing
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

        init() throws {
            var descriptors: [Int32] = [0, 0]
            #expect(pipe(&descriptors) == 0)
            keyWriter = descriptors[1]
            input = fdopen(descriptors[0], "r")!
            output = tmpfile()!
            setenv("LINES", "40", 1) // must not pin the size (trap 7)
            terminal = try CursesTerminal(termName: "xterm-256color", output: output, input: input, useColour: true)
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

    @Test func theBackendIsGivenNoControlCharacters() throws {
        let harness = try Harness()
        var buffer = ScreenBuffer(size: harness.terminal.size)
        buffer.write("a\u{1B}[2J\u{07}b\r\u{08}c", x: 0, y: 0)
        harness.terminal.draw(buffer)
        let drawn = (0..<8).map { harness.terminal.cellText(x: $0, y: 0) }
        #expect(drawn == ["a", "\u{FFFD}", "[", "2", "J", "\u{FFFD}", "b", "\u{FFFD}"])
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
            if case .key(let key) = harness.terminal.nextEvent() { keys.append(key) }
        }
        #expect(keys == [.character("j"), .down, .up, .pageUp, .backTab, .enter, .tab, .backspace,
                         .character("é"), .control("c"), .character("q")])
        #expect(keys.map(\.name) == ["j", "Down", "Up", "PgUp", "Shift-Tab", "Enter", "Tab", "Backspace", "é", "Ctrl-C", "q"])
    }

    @Test func endOfInputEndsTheEvents() throws {
        let harness = try Harness()
        harness.closeKeys()
        #expect(harness.terminal.nextEvent() == .endOfInput)
    }

    @Test func stopIsSafeTwice() throws {
        let harness = try Harness()
        harness.terminal.stop()
        harness.terminal.stop()
        harness.terminal.draw(ScreenBuffer(size: Size(width: 80, height: 24))) // ignored once stopped
    }
}
